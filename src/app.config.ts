export default defineAppConfig({
  pages: ['pages/index/index', 'pages/points/index', 'pages/stations/index', 'pages/vaccine/index', 'pages/mine/index', 'pages/login/index'],
  subPackages: [
    { root: 'packages/booking', pages: ['pages/station/index'] },
    { root: 'packages/vaccine', pages: ['pages/site/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '先锋驿站',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f6f6',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/points/index', text: '积分' },
      { pagePath: 'pages/stations/index', text: '驿站' },
      { pagePath: 'pages/vaccine/index', text: '疫苗' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于按距离排序附近的驿站和接种点' },
  },
  requiredPrivateInfos: ['getLocation'],
});
