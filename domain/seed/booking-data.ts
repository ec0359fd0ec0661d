/**
 * Bookable services and rooms at some seeded stations, with weekly templates that sit inside each
 * station's opening hours. What can be booked follows the articles (泰宁's 红色邻里之家 rooms for
 * 居民说事, 陆川 文昌社区's 心理辅导室, 北流's 1元理发, 容县碧桂园's 儿童阅览室, 民国小镇's 党史现场课堂,
 * 灵川's 主题教育馆); every timetable and capacity is illustrative (示例), and so are the items the
 * articles do not name (永福's 活动室, 法律咨询 and 导游讲解). Names and descriptions read plainly: what is
 * illustrative is said in `illustrative`/`illustrativeNote`, for the desk console.
 */
import type { Template } from '../slots';
import type { Source } from '../stations';
import { ARTICLES } from './data';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const TUE_TO_SUN = [2, 3, 4, 5, 6, 7];
/** Morning and afternoon sittings of one length. */
const sittings = (
  weekdays: number[],
  slotMinutes: number,
  capacity: number,
  ...windows: [string, string][]
): Template[] => windows.map(([start, end]) => ({ weekdays, start, end, slotMinutes, capacity }));

const TIMETABLE_NOTE = '预约时段和名额为示例';

export interface DemoItem {
  _id: string;
  stationId: string;
  name: string;
  kind: 'service' | 'room';
  serviceCode: string | null;
  description: string;
  templates: Template[];
  /** The article that names this service at this place; null when the item itself is an illustration. */
  source: Source | null;
  illustrative: boolean;
  illustrativeNote: string;
}

export const DEMO_ITEMS: DemoItem[] = [
  {
    _id: 'it-yf-center-room',
    stationId: 'st-yf-center',
    name: '多功能活动室',
    kind: 'room',
    serviceCode: 'room',
    description: '可容纳 30 人，供支部议事、居民活动使用',
    templates: sittings(EVERY_DAY, 120, 1, ['08:00', '12:00'], ['14:30', '16:30']),
    source: null,
    illustrative: true,
    illustrativeNote: '原文未提到永福县党群服务中心的活动室，此项目为示例',
  },
  {
    _id: 'it-yf-center-legal',
    stationId: 'st-yf-center',
    name: '法律咨询',
    kind: 'service',
    serviceCode: 'legal',
    description: '律师志愿者坐班答疑',
    templates: sittings(EVERY_DAY, 60, 10, ['09:00', '12:00'], ['14:30', '17:30']),
    source: { article: ARTICLES.yongfu, quote: '开展法律知识普及、专业技能送学等活动' },
    illustrative: true,
    illustrativeNote:
      '原文说永福依托“党群驿站”等平台开展法律知识普及，未说县党群服务中心设法律咨询坐班，此项目和时段为示例',
  },
  {
    _id: 'it-yf-fengshan-guide',
    stationId: 'st-yf-fengshan',
    name: '景区导游讲解',
    kind: 'service',
    serviceCode: 'guide',
    description: '党员志愿者讲解',
    templates: sittings(EVERY_DAY, 60, 20, ['09:00', '12:00'], ['14:30', '17:30']),
    source: null,
    illustrative: true,
    illustrativeNote: '原文未列出旅游红色驿站的28项特色服务，此项目为示例',
  },
  {
    _id: 'it-lc-center-exhibit',
    stationId: 'st-lc-center',
    name: '主题教育馆参观讲解',
    kind: 'service',
    serviceCode: 'exhibit',
    description: '参观主题教育馆、智慧党建展示馆，适合支部主题党日',
    templates: sittings(TUE_TO_SUN, 60, 20, ['09:30', '11:30'], ['14:30', '16:30']),
    source: { article: ARTICLES.lingchuan, quote: '中心内设主题教育馆、智慧党建展示馆' },
    illustrative: false,
    illustrativeNote: TIMETABLE_NOTE,
  },
  {
    _id: 'it-lu-wenchang-counselling',
    stationId: 'st-lu-wenchang',
    name: '青少年心理咨询',
    kind: 'service',
    serviceCode: 'counselling',
    description: '社区心理辅导室，驻区心理咨询师免费为青少年提供一对一咨询，保护隐私',
    templates: sittings(EVERY_DAY, 60, 2, ['09:00', '11:00'], ['15:00', '17:00']),
    source: { article: ARTICLES.yulin, quote: '免费为社区青少年提供心理咨询' },
    illustrative: false,
    illustrativeNote: TIMETABLE_NOTE,
  },
  {
    _id: 'it-bl-center-haircut',
    stationId: 'st-bl-center',
    name: '1元理发',
    kind: 'service',
    serviceCode: 'haircut1',
    description: '“1元公益”服务项目',
    templates: sittings(TUE_TO_SUN, 30, 3, ['09:00', '11:30'], ['15:00', '17:00']),
    source: { article: ARTICLES.yulin, quote: '开展“1元公益”服务项目(1元理发' },
    illustrative: false,
    illustrativeNote: TIMETABLE_NOTE,
  },
  {
    _id: 'it-tn-qingyun-room',
    stationId: 'st-tn-qingyun',
    name: '红色邻里之家议事室',
    kind: 'room',
    serviceCode: 'talk',
    description: '居民说事、党员理事、支部议事，一室多用',
    templates: [...sittings(EVERY_DAY, 120, 1, ['09:00', '11:00']), ...sittings(EVERY_DAY, 120, 1, ['15:00', '21:00'])],
    source: { article: ARTICLES.taining, quote: '为居民说事、党员理事、支部议事提供活动场所' },
    illustrative: false,
    illustrativeNote: TIMETABLE_NOTE,
  },
  {
    _id: 'it-rx-biguiyuan-reading',
    stationId: 'st-rx-biguiyuan',
    name: '儿童阅览室',
    kind: 'room',
    serviceCode: 'kidsreading',
    description: '“红管家”队伍轮流值班管理，向居民开放',
    templates: [
      ...sittings(EVERY_DAY, 120, 15, ['09:00', '11:00']),
      ...sittings(EVERY_DAY, 120, 15, ['15:00', '21:00']),
    ],
    source: { article: ARTICLES.yulin, quote: '向居民开放儿童阅览室和休闲中心' },
    illustrative: false,
    illustrativeNote: TIMETABLE_NOTE,
  },
  {
    _id: 'it-rx-minguo-class',
    stationId: 'st-rx-minguo',
    name: '党史现场课堂',
    kind: 'service',
    serviceCode: 'partyclass',
    description: '“党史专栏”和“文艺百年”文艺展演，“行走的党课”红色党课专线站点',
    templates: sittings(EVERY_DAY, 60, 30, ['09:30', '11:30'], ['14:30', '16:30']),
    source: { article: ARTICLES.yulin, quote: '“文艺百年”文艺展演等党史现场课堂' },
    illustrative: false,
    illustrativeNote: TIMETABLE_NOTE,
  },
];

/** Days of slots seeded from the first start. */
export const SEED_SLOT_DAYS = 14;

/**
 * 永福's time-sliced vaccination ("分时段合理安排群众接种疫苗", "向60岁以上老人专门设置接种绿色通道"):
 * half-hour slices morning and afternoon; the 30 seats a slice and the 10 held for the over-60 green
 * channel until 18:00 the day before are illustrative.
 */
export const VACCINE_TEMPLATES: Template[] = [
  {
    weekdays: EVERY_DAY,
    start: '08:30',
    end: '11:30',
    slotMinutes: 30,
    capacity: 30,
    green: { seats: 10, releaseTime: '18:00' },
  },
  {
    weekdays: EVERY_DAY,
    start: '14:30',
    end: '17:00',
    slotMinutes: 30,
    capacity: 30,
    green: { seats: 10, releaseTime: '18:00' },
  },
];
