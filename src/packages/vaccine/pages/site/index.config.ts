export default definePageConfig({ navigationBarTitleText: '接种点详情' });
