export default definePageConfig({ navigationBarTitleText: '路线证书', enableShareAppMessage: true });
