export default definePageConfig({ navigationBarTitleText: '志愿者与时间银行' });
