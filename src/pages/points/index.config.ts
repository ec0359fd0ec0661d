export default definePageConfig({ navigationBarTitleText: '智能积分' });
