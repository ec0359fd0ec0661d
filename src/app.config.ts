// Every page below has its name in src/routes.ts; test/node/routes.test.ts checks the two agree.
export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/points/index',
    'pages/stations/index',
    'pages/vaccine/index',
    'pages/mine/index',
    'pages/login/index',
  ],
  subPackages: [
    { root: 'packages/booking', pages: ['pages/station/index', 'pages/item/index', 'pages/mine/index'] },
    { root: 'packages/messages', pages: ['pages/inbox/index'] },
    {
      root: 'packages/vaccine',
      pages: ['pages/site/index', 'pages/appoint/index', 'pages/people/index', 'pages/mine/index'],
    },
    {
      root: 'packages/mall',
      pages: ['pages/goods/index', 'pages/detail/index', 'pages/orders/index', 'pages/ranking/index'],
    },
    { root: 'packages/admin', pages: ['pages/points/index', 'pages/slots/index'] },
    { root: 'packages/staff', pages: ['pages/verify/index', 'pages/roster/index', 'pages/vaccine-roster/index'] },
    { root: 'packages/org', pages: ['pages/join/index', 'pages/applications/index'] },
    { root: 'packages/console', pages: ['pages/approve/index', 'pages/sessions/index'] },
    {
      root: 'packages/help',
      pages: [
        'pages/ask/index',
        'pages/mine/index',
        'pages/detail/index',
        'pages/queue/index',
        'pages/hall/index',
        'pages/tasks/index',
        'pages/wall/index',
        'pages/volunteer/index',
      ],
    },
    // 三会一课 and the rest (domain/meetings): my meetings, a meeting (签到, 请假; the secretary's code and leave), plan, minutes.
    {
      root: 'packages/meetings',
      pages: ['pages/mine/index', 'pages/detail/index', 'pages/plan/index', 'pages/minutes/index'],
    },
    // The privacy sheet (weapp): src/app.ts's listener opens it while WeChat holds a privacy API.
    { root: 'packages/privacy', pages: ['pages/agree/index'] },
    // 通知公告 (list, one notice) and 政治生日 (the member's card, a branch's month for the secretary): domain/notices.
    {
      root: 'packages/notices',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/birthday/index', 'pages/birthdays/index'],
    },
    // 党建地图 and 红色打卡 (domain/map): the map, a place with its check-in, the person's 足迹, the routes, a route, its certificate, a 先锋岗 or 责任区 (找他办事) and a 诚信经营户 (亮牌).
    {
      root: 'packages/map',
      pages: [
        'pages/map/index',
        'pages/landmark/index',
        'pages/footprint/index',
        'pages/routes/index',
        'pages/route/index',
        'pages/certificate/index',
        'pages/post/index',
        'pages/shop/index',
      ],
    },
  ],
  // DevTools' quality check asks for it: only the components a page uses are injected when it opens.
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '先锋驿站',
    navigationBarTextStyle: 'white',
    // On H5 this switches on Taro's built-in title bar (title and back on every subpage); weapp's native bar is the default anyway.
    navigationStyle: 'default',
    backgroundColor: '#f6f6f6',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/points/index',
        text: '积分',
        iconPath: 'assets/tab/points.png',
        selectedIconPath: 'assets/tab/points-active.png',
      },
      {
        pagePath: 'pages/stations/index',
        text: '驿站',
        iconPath: 'assets/tab/stations.png',
        selectedIconPath: 'assets/tab/stations-active.png',
      },
      {
        pagePath: 'pages/vaccine/index',
        text: '疫苗',
        iconPath: 'assets/tab/vaccine.png',
        selectedIconPath: 'assets/tab/vaccine-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于按距离排序附近的地点，以及打卡时确认你在现场' },
  },
  requiredPrivateInfos: ['getLocation'],
});
