export default definePageConfig({ navigationBarTitleText: '地点详情', enableShareAppMessage: true });
