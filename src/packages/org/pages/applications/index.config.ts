export default definePageConfig({ navigationBarTitleText: '加入支部申请', enablePullDownRefresh: true });
