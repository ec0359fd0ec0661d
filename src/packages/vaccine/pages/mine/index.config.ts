export default definePageConfig({ navigationBarTitleText: '我的接种预约', enablePullDownRefresh: true });
