export default definePageConfig({ navigationBarTitleText: '接种名单' });
