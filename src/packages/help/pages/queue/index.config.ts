export default definePageConfig({ navigationBarTitleText: '点单受理', enablePullDownRefresh: true });
