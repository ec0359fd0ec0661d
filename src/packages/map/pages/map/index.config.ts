export default definePageConfig({ navigationBarTitleText: '党建地图', enableShareAppMessage: true });
