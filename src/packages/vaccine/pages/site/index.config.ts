export default definePageConfig({ navigationBarTitleText: '接种点详情', enableShareAppMessage: true });
