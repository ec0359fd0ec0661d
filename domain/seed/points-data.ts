/**
 * Demo data for the points module, in the words of the articles: the activities that earn points
 * (三会一课, 主题党日, 组织生活会, 志愿服务, 双报到双服务, 夜巡, 垃圾分类劝导, 政策宣讲) and a 积分兑换日 modelled
 * on 灵川's first "灵川党建e生活"智能积分兑换日. No article gives a point value, a cap, a goods list or a
 * price: all of those are illustrative (示例). Times are relative to the first start, so the demo always
 * has something open.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every point value and cap below is illustrative (示例): the articles give none. The words carry no such mark. */
export const POINT_RULES = [
  {
    _id: 'r-sanhui',
    name: '参加三会一课',
    category: '三会一课',
    points: 5,
    cap: null,
    description: '按时参加支部党员大会、支委会、党小组会和党课',
  },
  {
    _id: 'r-zhuti',
    name: '参加主题党日',
    category: '主题党日',
    points: 5,
    cap: null,
    description: '每月固定主题党日活动',
  },
  { _id: 'r-shenghuo', name: '参加组织生活会', category: '组织生活会', points: 8, cap: null, description: '' },
  {
    _id: 'r-zhiyuan',
    name: '志愿服务（每次）',
    category: '志愿服务',
    points: 4,
    cap: { period: 'day', max: 8 },
    description: '志愿服务，每日最多 8 分',
  },
  {
    _id: 'r-shuangbao',
    name: '双报到双服务',
    category: '双报到双服务',
    points: 6,
    cap: { period: 'month', max: 30 },
    description: '在职党员到社区报到服务，每月最多 30 分',
  },
  {
    _id: 'r-xuexi',
    name: '学习强国与远教学习',
    category: '学习',
    points: 2,
    cap: { period: 'day', max: 6 },
    description: '每日学习最多 6 分',
  },
  { _id: 'r-yexun', name: '平安夜巡', category: '夜巡', points: 5, cap: { period: 'day', max: 5 }, description: '' },
  {
    _id: 'r-lese',
    name: '垃圾分类劝导',
    category: '垃圾分类劝导',
    points: 3,
    cap: { period: 'day', max: 6 },
    description: '',
  },
  { _id: 'r-xuanjiang', name: '政策宣讲', category: '政策宣讲', points: 6, cap: null, description: '' },
  {
    // domain/map's CHECKIN_RULE_ID: a party member's check-in at a red landmark earns by it.
    _id: 'r-hongse',
    name: '红色打卡',
    category: '红色打卡',
    points: 2,
    cap: { period: 'day', max: 6 },
    description: '在红色地标现场扫码打卡，每个地标每天一次，每日最多 6 分',
  },
];

export function demoActivities(now: number) {
  return [
    {
      _id: 'ac-demo-zhuti',
      title: '11月主题党日：学习贯彻党的二十届四中全会精神',
      ruleId: 'r-zhuti',
      branchId: 'br-yf-xiangyang',
      place: '向阳社区党群服务中心二楼会议室',
      start: now - 2 * HOUR,
      end: now + 30 * DAY,
      code: 'DEMO01',
    },
    {
      _id: 'ac-demo-zhiyuan',
      title: '“双报到双服务”志愿服务：入户走访困难群众',
      ruleId: 'r-zhiyuan',
      branchId: null,
      place: '永福县向阳社区',
      start: now - HOUR,
      end: now + 30 * DAY,
      code: 'DEMO02',
    },
    {
      _id: 'ac-demo-sanhui',
      title: '支部党员大会暨党课',
      ruleId: 'r-sanhui',
      branchId: 'br-yf-xiangyang',
      place: '向阳社区党群服务中心',
      start: now + 7 * DAY,
      end: now + 7 * DAY + 2 * HOUR,
      code: 'DEMO03',
    },
    {
      _id: 'ac-demo-yexun',
      title: '平安夜巡（上周）',
      ruleId: 'r-yexun',
      branchId: null,
      place: '龙泉社区',
      start: now - 7 * DAY,
      end: now - 7 * DAY + 3 * HOUR,
      code: 'DEMO04',
    },
  ];
}

export function demoRedemptionEvent(now: number) {
  return { _id: 'ev-redemption-day', name: '智能积分兑换日', start: now - DAY, end: now + 30 * DAY };
}

export const DEMO_GOODS = [
  {
    _id: 'g-rice',
    name: '优质大米 5kg',
    price: 60,
    stock: 40,
    perUserLimit: 1,
    stationId: 'st-yf-center',
    description: '积分兑换日特供',
    eventId: 'ev-redemption-day',
  },
  {
    _id: 'g-oil',
    name: '花生油 1.8L',
    price: 80,
    stock: 30,
    perUserLimit: 1,
    stationId: 'st-yf-center',
    description: '',
  },
  {
    _id: 'g-towel',
    name: '毛巾两条装',
    price: 20,
    stock: 100,
    perUserLimit: 3,
    stationId: 'st-yf-center',
    description: '',
  },
  {
    _id: 'g-book',
    name: '《习近平新时代中国特色社会主义思想学习纲要》',
    price: 30,
    stock: 50,
    perUserLimit: 2,
    stationId: 'st-yf-center',
    description: '学习读本',
  },
  {
    _id: 'g-umbrella',
    name: '红色驿站定制雨伞',
    price: 40,
    stock: 3,
    perUserLimit: 1,
    stationId: 'st-yf-center',
    description: '库存紧张',
  },
  {
    _id: 'g-bag',
    name: '红色驿站定制帆布袋',
    price: 10,
    stock: 200,
    perUserLimit: 5,
    stationId: null,
    description: '可反复使用的环保购物袋',
  },
];

/** Opening balances, posted as admin awards so that the ledger explains every point. */
export const OPENING_BALANCES = [{ openid: 'demo-member', points: 120, reason: '年度积分结转（量化智能积分考核）' }];
