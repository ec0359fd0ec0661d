export default definePageConfig({ navigationBarTitleText: '诚信经营户', enableShareAppMessage: true });
