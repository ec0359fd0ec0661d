export default definePageConfig({ navigationBarTitleText: '群众点单' });
