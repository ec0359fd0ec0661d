/**
 * Demo places and the illustrative route for 党建地图 and 红色打卡, in the words of the articles (容县, 秀峰区, 灵川县).
 * Only the demo seed carries them; a deployment starts with none (an admin enters its own).
 *
 * Provenance (map-data.test.ts): each quotes its article in `source`. The articles name one place only — 容县's
 * 民国小镇「红色街区」 with its 「与党同框」 打卡点; the three bases and three halls of the 「三基地三展馆一街区」 专线,
 * the 先锋岗, 责任区 and shops are illustrations of what the articles count, and say so in `illustrative`.
 * Coordinates (GCJ-02), radii, hours and poster codes are illustrative everywhere. The words a resident reads
 * carry no such marks.
 */
import type { LandmarkDoc, RouteDoc } from '../map';
import { ARTICLES, type Source } from '../stations';

const xf = (quote: string): Source => ({ article: ARTICLES.xiufeng, quote });
const yl = (quote: string): Source => ({ article: ARTICLES.yulin, quote });
const lc = (quote: string): Source => ({ article: ARTICLES.lingchuan, quote });

const RX = '玉林市容县';
const XF = '桂林市秀峰区';
const LC = '桂林市灵川县';

const PLACE_NOTE = '坐标、打卡范围、开放时间和海报码为示例';
const LINE = yl('该街区也是容县“行走的党课”中“三基地三展馆一街区”红色党课专线的重要站点');
const LINE_NOTE = `原文只给出“三基地三展馆一街区”的专线名称、未列出基地和展馆的名称；此处名称、${PLACE_NOTE}`;

/** One of the 专线's six unnamed stops: illustrative, near 容州镇. */
const stop = (
  id: string,
  name: string,
  nameEn: string,
  scene: string,
  lat: number,
  lng: number,
  intro: string,
): LandmarkDoc => ({
  _id: id,
  name,
  nameEn,
  kind: 'red',
  location: { lat, lng },
  radius: 150,
  intro,
  hours: '周二至周日 9:00-17:00',
  county: RX,
  address: '容县容州镇',
  scene,
  source: LINE,
  illustrative: true,
  illustrativeNote: LINE_NOTE,
});

export const DEMO_LANDMARKS: LandmarkDoc[] = [
  {
    _id: 'lm-rx-jiequ',
    name: '民国小镇红色街区',
    nameEn: 'Minguo Town Red Block',
    kind: 'red',
    location: { lat: 22.8568, lng: 110.5592 },
    radius: 200,
    intro:
      '容县首个城市基层党建示范街区，有“与党同框”打卡点、以“寻访红色印记传承红色基因”为主题的“党史专栏”和“文艺百年”文艺展演，是“行走的党课”红色党课专线的重要站点。',
    introEn:
      'The first model block of community Party building in Rong County, with a photo point, a Party history wall and performances; a main stop of the "Walking Party Class" route.',
    hours: '全天开放',
    county: RX,
    address: '容县容州镇民国小镇',
    scene: 'RXJQ2021',
    source: yl('去年5月,容县建成首个城市基层党建示范街区——民国小镇“红色街区”,该街区打造出了一条由“与党同框”打卡点'),
    illustrative: false,
    illustrativeNote: PLACE_NOTE,
  },
  stop(
    'lm-rx-jidi-1',
    '红色党课第一基地',
    'Party Class Base 1',
    'RXJD0001',
    22.8621,
    110.5533,
    '“行走的党课”专线上的教育基地。',
  ),
  stop(
    'lm-rx-jidi-2',
    '红色党课第二基地',
    'Party Class Base 2',
    'RXJD0002',
    22.8497,
    110.5648,
    '“行走的党课”专线上的教育基地。',
  ),
  stop(
    'lm-rx-jidi-3',
    '红色党课第三基地',
    'Party Class Base 3',
    'RXJD0003',
    22.8702,
    110.5711,
    '“行走的党课”专线上的教育基地。',
  ),
  stop(
    'lm-rx-zhanguan-1',
    '红色党课第一展馆',
    'Party Class Hall 1',
    'RXZG0001',
    22.8589,
    110.5487,
    '“行走的党课”专线上的展馆。',
  ),
  stop(
    'lm-rx-zhanguan-2',
    '红色党课第二展馆',
    'Party Class Hall 2',
    'RXZG0002',
    22.8532,
    110.5539,
    '“行走的党课”专线上的展馆。',
  ),
  stop(
    'lm-rx-zhanguan-3',
    '红色党课第三展馆',
    'Party Class Hall 3',
    'RXZG0003',
    22.8644,
    110.5627,
    '“行走的党课”专线上的展馆。',
  ),
  {
    _id: 'lm-rx-gucheng-shop',
    name: '容州古城商业街党员诚信经营户',
    nameEn: 'Trusted shops, Rongzhou Old Town Street',
    kind: 'shop',
    location: { lat: 22.8553, lng: 110.5571 },
    radius: 100,
    intro: '“党旗引领、诚信街区”：党员诚信经营户亮牌开门迎客。',
    hours: '每天 9:00-21:00',
    county: RX,
    address: '容县容州古城商业街',
    source: yl('通过展示“容州古城商业街党建地图”,党员诚信经营户亮牌开门迎客'),
    illustrative: true,
    illustrativeNote: `原文未列出具体店铺；店铺、${PLACE_NOTE}`,
  },
  {
    _id: 'lm-xf-zuji',
    name: '秀峰红色足迹寻访点',
    nameEn: 'Xiufeng Red Footprints',
    kind: 'red',
    location: { lat: 25.2826, lng: 110.2867 },
    radius: 200,
    intro: '挖掘辖区“红色名人”历史，追寻“红色足迹”。',
    introEn: "Tracing the red footprints of the district's historical figures.",
    hours: '全天开放',
    county: XF,
    address: '秀峰区城区',
    scene: 'XFZJ0001',
    source: xf('开展追寻“红色足迹”活动'),
    illustrative: true,
    illustrativeNote: `原文未给出寻访点的名称和地点；名称、${PLACE_NOTE}`,
  },
  {
    _id: 'lm-xf-shop',
    name: '党员诚信示范店',
    nameEn: 'Model trusted shop',
    kind: 'shop',
    location: { lat: 25.2794, lng: 110.2921 },
    radius: 100,
    intro: '党员诚信示范店、诚信示范集群。',
    hours: '每天 9:00-21:00',
    county: XF,
    address: '秀峰区商圈',
    source: xf('打造党员诚信示范店、诚信示范集群'),
    illustrative: true,
    illustrativeNote: `原文未列出具体店铺；店铺、${PLACE_NOTE}`,
  },
  {
    _id: 'lm-lc-post',
    name: '党员先锋岗',
    nameEn: 'Party member post',
    kind: 'post',
    location: { lat: 25.4098, lng: 110.3251 },
    radius: 100,
    intro: '县直党组织设立的党员先锋岗。',
    hours: '工作日 8:30-17:30',
    county: LC,
    address: '灵川县城区',
    source: lc('设立党员先锋岗、党员责任区300多个'),
    illustrative: true,
    illustrativeNote: `原文只给出“300多个”的总数；此岗位、${PLACE_NOTE}`,
  },
  {
    _id: 'lm-lc-area',
    name: '党员责任区',
    nameEn: 'Party member area',
    kind: 'area',
    location: { lat: 25.4131, lng: 110.3196 },
    radius: 300,
    intro: '县直党组织设立的党员责任区。',
    hours: '全天',
    county: LC,
    address: '灵川县城区',
    source: lc('设立党员先锋岗、党员责任区300多个'),
    illustrative: true,
    illustrativeNote: `原文只给出“300多个”的总数；此责任区、${PLACE_NOTE}`,
  },
  {
    _id: 'lm-lc-shop',
    name: '共产党员经营户',
    nameEn: 'Party member shop',
    kind: 'shop',
    location: { lat: 25.4072, lng: 110.3302 },
    radius: 100,
    intro: '“共产党员经营户”及“党组织推荐放心店”。',
    hours: '每天 8:00-20:00',
    county: LC,
    address: '灵川县城区',
    source: lc('创建一批“两新”组织党建工作示范点、“共产党员经营户”及“党组织推荐放心店”'),
    illustrative: true,
    illustrativeNote: `原文未列出具体店铺；店铺、${PLACE_NOTE}`,
  },
];

export const DEMO_ROUTES: RouteDoc[] = [
  {
    _id: 'rt-rx-xingzou',
    name: '行走的党课：三基地三展馆一街区',
    nameEn: 'Walking Party Class: three bases, three halls, one block',
    intro: '容县“行走的党课”红色党课专线，走完七站即可领取结业证书。',
    introEn: 'The "Walking Party Class" route of Rong County: seven stops, then a certificate.',
    county: RX,
    landmarkIds: [
      'lm-rx-jidi-1',
      'lm-rx-jidi-2',
      'lm-rx-jidi-3',
      'lm-rx-zhanguan-1',
      'lm-rx-zhanguan-2',
      'lm-rx-zhanguan-3',
      'lm-rx-jiequ',
    ],
    source: LINE,
    illustrative: true,
    illustrativeNote: '原文只给出专线名称；所列基地和展馆的名称、顺序和坐标为示例',
  },
];
