export default definePageConfig({ navigationBarTitleText: '红色疫苗接种点', enablePullDownRefresh: true });
