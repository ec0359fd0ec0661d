export default definePageConfig({ navigationBarTitleText: '红色路线', enableShareAppMessage: true });
