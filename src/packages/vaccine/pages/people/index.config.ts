export default definePageConfig({ navigationBarTitleText: '接种人' });
