export default definePageConfig({ navigationBarTitleText: '本月政治生日' });
