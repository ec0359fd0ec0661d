export default definePageConfig({ navigationBarTitleText: '路线详情', enableShareAppMessage: true });
