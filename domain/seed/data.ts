/**
 * Demo seed data for 先锋驿站, drawn from the five articles in ./articles (copies of shared/seeds):
 * 永福县, 秀峰区, 灵川县, 容县/北流市/陆川县 (one file) and 泰宁县; see shared/notes/seed-data.md.
 *
 * Provenance rules (checked by provenance.test.ts):
 * - every station, service, vaccination site and figure names its article and quotes it (`source`), or
 *   is marked `illustrative` (shown as 「示例」 in the desk console, never to residents);
 * - a service counts as sourced at a station only when the article says that place offers it
 *   (`serviceSources`); the rest of a station's services are illustrative;
 * - addresses, coordinates, opening hours and phone numbers are always illustrative (every phone number
 *   is a fictitious landline), and so are all people.
 * - the words a resident reads (names, addresses, hours, intros, notices) carry no such marks: what is
 *   illustrative is said in `illustrative`/`illustrativeNote`, where it comes from in `source`.
 */
import type { Source, StationDoc } from '../stations';
import { ARTICLES, type ServiceCode } from '../stations';

export { ARTICLES, ARTICLE_TITLES, SERVICE_CATALOGUE } from '../stations';
import type { AMENITIES, SiteDoc, VaccineOffer } from '../vaccine';

const yf = (quote: string): Source => ({ article: ARTICLES.yongfu, quote });
const xf = (quote: string): Source => ({ article: ARTICLES.xiufeng, quote });
const yl = (quote: string): Source => ({ article: ARTICLES.yulin, quote });
const tn = (quote: string): Source => ({ article: ARTICLES.taining, quote });
const lc = (quote: string): Source => ({ article: ARTICLES.lingchuan, quote });

/** What every seeded station leaves to illustration. */
const PLACE_NOTE = '地址、坐标、开放时间和电话为示例';

/**
 * A station's services: codes from the catalogue (checked at compile time), each either with the
 * article's words that this place offers it, or `null` — an illustration.
 */
function services(list: [ServiceCode, Source | null][]): Pick<StationDoc, 'services' | 'serviceSources'> {
  const serviceSources: Record<string, Source> = {};
  for (const [code, source] of list) if (source) serviceSources[code] = source;
  return { services: list.map(([code]) => code), serviceSources };
}

// ---------------------------------------------------------------------------------------------
// 2. Stations
// ---------------------------------------------------------------------------------------------

const YF = '桂林市永福县';
const XF = '桂林市秀峰区';
const LC = '桂林市灵川县';
const RX = '玉林市容县';
const BL = '玉林市北流市';
const LU = '玉林市陆川县';
const TN = '三明市泰宁县';

const YF_TOURIST = yf(
  '在凤山景区、罗汉果小镇、“三江六岸”水利风景区打造一批特色旅游红色驿站，为中外游客提供各类特色服务28项',
);
const YF_TOURIST_NOTE = '原文只给出“特色服务28项”的总数、未列出名目；此处所列服务及地址、开放时间、电话均为示例';
const YF_COMMUNITY = yf(
  '相继打造向阳社区、龙泉社区、坪岭安置小区等一批社区、小区党组织示范点，确保社区组织活动场所均达到500平方米',
);

export const STATIONS: StationDoc[] = [
  // ---- 永福县 ----
  {
    _id: 'st-yf-fengshan',
    name: '凤山景区红色驿站',
    kind: 'tourism',
    county: YF,
    district: '永福镇',
    address: '凤山景区游客服务中心旁',
    location: { lat: 25.0108, lng: 109.9862 },
    openHours: '周一至周日 8:30-17:30',
    phone: '0773-8000101',
    intro: '永福县在凤山景区打造的特色旅游红色驿站之一。全县旅游红色驿站为中外游客提供各类特色服务28项。',
    ...services([
      ['water', null],
      ['rest', null],
      ['guide', null],
      ['tourinfo', null],
      ['medkit', null],
    ]),
    pictures: [],
    source: YF_TOURIST,
    illustrative: false,
    illustrativeNote: YF_TOURIST_NOTE,
  },
  {
    _id: 'st-yf-luohanguo',
    name: '罗汉果小镇红色驿站',
    kind: 'tourism',
    county: YF,
    district: '龙江乡',
    address: '罗汉果小镇游客服务中心',
    location: { lat: 25.0562, lng: 109.9415 },
    openHours: '周一至周日 9:00-17:30',
    phone: '0773-8000102',
    intro: '永福县在罗汉果小镇打造的特色旅游红色驿站之一，为中外游客提供特色服务。',
    ...services([
      ['water', null],
      ['rest', null],
      ['charging', null],
      ['tourinfo', null],
    ]),
    pictures: [],
    source: YF_TOURIST,
    illustrative: false,
    illustrativeNote: YF_TOURIST_NOTE,
  },
  {
    _id: 'st-yf-sanjiang',
    name: '“三江六岸”水利风景区红色驿站',
    kind: 'tourism',
    county: YF,
    district: '永福镇',
    address: '“三江六岸”水利风景区入口',
    location: { lat: 24.9936, lng: 109.9791 },
    openHours: '周二至周日 9:00-18:00',
    phone: '0773-8000103',
    intro: '永福县在“三江六岸”水利风景区打造的特色旅游红色驿站之一，为中外游客提供特色服务。',
    ...services([
      ['water', null],
      ['rest', null],
      ['umbrella', null],
      ['tourinfo', null],
    ]),
    pictures: [],
    source: YF_TOURIST,
    illustrative: false,
    illustrativeNote: YF_TOURIST_NOTE,
  },
  {
    _id: 'st-yf-center',
    name: '永福县党群服务中心',
    kind: 'center',
    county: YF,
    district: '永福镇',
    address: '县城中心',
    location: { lat: 25.0047, lng: 109.9833 },
    openHours: '周一至周日 8:00-18:00',
    phone: '0773-8000110',
    intro:
      '县级党群服务中心，为居民群众提供“一站式”服务：开展各类政策宣讲300多次、志愿服务500多次，年服务群众超过5万人次。',
    ...services([
      [
        'policy',
        yf('建设县级党群服务中心，“两新”组织党群服务中心，为居民群众提供“一站式”服务，开展各类政策宣讲300多次'),
      ],
      ['legal', null],
      ['room', null],
      ['library', null],
      ['water', null],
    ]),
    pictures: [],
    source: yf('建设县级党群服务中心，“两新”组织党群服务中心，为居民群众提供“一站式”服务'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；法律咨询、活动室和图书服务为示例`,
  },
  {
    _id: 'st-yf-ecommerce',
    name: '电商产业园先锋联盟工作站',
    kind: 'pioneer',
    county: YF,
    district: '永福镇',
    address: '永福县电商产业园内',
    location: { lat: 24.9981, lng: 109.9928 },
    openHours: '周一至周五 8:30-12:00 14:30-17:30',
    phone: '0773-8000120',
    intro:
      '在永福县电商产业园打造的先锋联盟工作站，推动党员参与招商引资，已引入阿里巴巴村淘、菜鸟物流、拼姑娘等8家企业入驻电商产业园。',
    ...services([
      ['policy', null],
      ['agency', null],
      ['talent', null],
    ]),
    pictures: [],
    source: yf('在永福县电商产业园打造先锋联盟工作站，推动党员参与招商引资'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；所列服务为示例`,
  },
  {
    _id: 'st-yf-xiangyang',
    name: '向阳社区党群服务中心',
    kind: 'center',
    county: YF,
    district: '永福镇',
    address: '向阳社区',
    location: { lat: 25.0079, lng: 109.976 },
    openHours: '周一至周六 8:00-12:00 14:30-18:00',
    phone: '0773-8000131',
    intro:
      '社区党组织示范点，活动场所达到500平方米；社区创新“时间银行”“律师进社区”等特色志愿服务，提升居民幸福感、获得感。“时间银行”是面向居民的志愿服务。',
    ...services([
      ['timebank', yf('向阳社区创新“时间银行”“律师进社区”等特色志愿服务')],
      ['lawyer', yf('向阳社区创新“时间银行”“律师进社区”等特色志愿服务')],
      ['policy', null],
      ['room', null],
    ]),
    pictures: [],
    source: YF_COMMUNITY,
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；政策宣讲和活动室为示例`,
  },

  // ---- 秀峰区 ----
  {
    _id: 'st-xf-wangcheng',
    name: '王城景区红色旅游驿站',
    kind: 'tourism',
    county: XF,
    district: '秀峰街道',
    address: '王城景区附近',
    location: { lat: 25.283, lng: 110.2951 },
    openHours: '周一至周日 8:00-18:00',
    phone: '0773-8000201',
    intro:
      '秀峰区“旅游景区党旗红”品牌下的红色旅游驿站。今年上半年，机关、街道、社区党员深入各大旅游景区开展志愿服务260多次，协调办理游客投诉事项100多件。',
    ...services([
      ['complaint', xf('协调办理游客投诉事项100多件')],
      ['water', null],
      ['rest', null],
      ['tourinfo', null],
    ]),
    pictures: [],
    source: xf('在辖区各大景区成功建设一批红色旅游驿站,建立常态化党员志愿者服务队伍'),
    illustrative: true,
    illustrativeNote:
      '原文说“在辖区各大景区”建设红色旅游驿站，未点名景区：所在景区、地址、开放时间、电话和除游客投诉受理外的服务均为示例',
  },
  {
    _id: 'st-xf-jiedong',
    name: '解东社区党群服务暖心驿站',
    kind: 'warm',
    county: XF,
    district: '秀峰街道',
    address: '解东社区',
    location: { lat: 25.2865, lng: 110.288 },
    openHours: '周一至周六 8:30-12:00 14:30-18:00',
    phone: '0773-8000211',
    intro:
      '秀峰区建立“党群服务暖心驿站”，构建覆盖城区、街道、社区、小区的四级党群服务体系。秀峰街道解东社区党委开展过“政治生日忆初心 砥砺前行担使命”主题党日活动。',
    ...services([
      ['water', null],
      ['rest', null],
      ['policy', null],
      ['room', null],
    ]),
    pictures: [],
    source: xf('建立“党群服务暖心驿站”、城市党建“微公园”,构建覆盖城区、街道、社区、小区的四级党群服务体系'),
    illustrative: true,
    illustrativeNote: '原文未说解东社区设有暖心驿站：驿站名称、地址、开放时间、电话和服务均为示例',
  },
  {
    _id: 'st-xf-zhengyang',
    name: '正阳步行街爱心驿站',
    kind: 'love',
    county: XF,
    district: '秀峰街道',
    address: '正阳步行街',
    location: { lat: 25.2797, lng: 110.2938 },
    openHours: '周一至周日 9:00-21:00',
    phone: '0773-8000221',
    intro: '秀峰区新建的爱心驿站之一，为过往群众提供饮水、充电、歇脚和借伞服务。',
    ...services([
      ['water', null],
      ['charging', null],
      ['rest', null],
      ['umbrella', null],
    ]),
    pictures: [],
    source: xf('新建爱心驿站20个'),
    illustrative: true,
    illustrativeNote: '原文只给出爱心驿站的数量：地点、开放时间、电话和服务均为示例',
  },

  // ---- 灵川县 ----
  {
    _id: 'st-lc-center',
    name: '灵川县党群服务中心',
    kind: 'center',
    county: LC,
    district: '八里街',
    address: '白马国际商贸城',
    location: { lat: 25.3381, lng: 110.3215 },
    openHours: '周二至周日 9:00-12:00 14:30-17:30',
    phone: '0773-8000301',
    intro:
      '在白马国际商贸城建成的3000多平方米党群服务中心，内设主题教育馆、智慧党建展示馆、脱贫攻坚（乡村振兴）成果展示馆、远教直播课堂、“智慧党建”工作总站、党代表工作室、人才港、园区党校、党建广场等功能区。',
    ...services([
      ['exhibit', lc('中心内设主题教育馆、智慧党建展示馆')],
      ['distance', lc('远教直播课堂')],
      ['talent', lc('人才港')],
      ['water', null],
    ]),
    pictures: [],
    source: lc('在灵川县白马国际商贸城建成3000多平方米的党群服务中心'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；展馆参观的预约时段为示例`,
  },
  {
    _id: 'st-lc-jiulong',
    name: '八里街九龙社区党群(邻里)服务中心',
    kind: 'center',
    county: LC,
    district: '八里街',
    address: '九龙社区',
    location: { lat: 25.3312, lng: 110.3168 },
    openHours: '周一至周六 8:30-12:00 14:30-18:00',
    phone: '0773-8000311',
    intro:
      '“融合共建·智慧共享”试点：打造城市居民“智”在生活党建云平台体系，辖区群众、社区民警、共建单位全部纳入“微平台”。九龙社区已成立“大党委”，与七彩社区等同为10个“共享活动点”，周边阵地薄弱党组织的党员可到这里开展组织活动。',
    ...services([
      ['room', lc('引导周边阵地薄弱党组织的党员到“共享活动点”开展组织活动')],
      ['policy', null],
      ['mediation', null],
    ]),
    pictures: [],
    source: lc('以建设八里街九龙社区党群（邻里）服务中心为试点'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；政策宣讲和矛盾调解为示例`,
  },

  // ---- 容县 ----
  {
    _id: 'st-rx-biguiyuan',
    name: '碧桂园小区党群服务大厅',
    kind: 'center',
    county: RX,
    district: '容州镇',
    address: '碧桂园小区',
    location: { lat: 22.8602, lng: 110.5571 },
    openHours: '周一至周日 8:30-12:00 14:30-21:00',
    phone: '0775-8000701',
    intro:
      '小区党支部牵头建成占地200平方米的一站式党群服务大厅和超过250平方米的党群文体娱乐中心，由物业公司党员、居民党员、小区党支部党员组成的“红管家”队伍轮流值班管理，向居民开放儿童阅览室和休闲中心，不定期开展公益课堂、便民服务日等活动。',
    ...services([
      ['kidsreading', yl('向居民开放儿童阅览室和休闲中心')],
      ['leisure', yl('向居民开放儿童阅览室和休闲中心')],
      ['lecture', yl('不定期开展公益课堂、便民服务日等活动')],
      ['serviceday', yl('不定期开展公益课堂、便民服务日等活动')],
    ]),
    pictures: [],
    source: yl('容县碧桂园小区党支部牵头建成占地200平方米的一站式党群服务大厅以及超过250平方米的党群文体娱乐中心'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；儿童阅览室的预约时段为示例`,
  },
  {
    _id: 'st-rx-minguo',
    name: '民国小镇“红色街区”',
    kind: 'street',
    county: RX,
    district: '容州镇',
    address: '民国小镇',
    location: { lat: 22.8571, lng: 110.5524 },
    openHours: '周一至周日 9:00-18:00',
    phone: '0775-8000702',
    intro:
      '容县首个城市基层党建示范街区：由“与党同框”打卡点、以“寻访红色印记传承红色基因”为主题的“党史专栏”和“文艺百年”文艺展演等党史现场课堂组成，是“行走的党课”红色党课专线的重要站点，到此打卡红色地标的党员干部有3万多人次。',
    ...services([
      ['redspot', yl('“与党同框”打卡点')],
      ['partyclass', yl('“文艺百年”文艺展演等党史现场课堂组成的党建特色街')],
    ]),
    pictures: [],
    source: yl('容县建成首个城市基层党建示范街区——民国小镇“红色街区”'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；党史现场课堂的预约时段为示例`,
  },
  {
    _id: 'st-rx-rongzhou',
    name: '容州古城商业街党建展示街区',
    kind: 'street',
    county: RX,
    district: '容州镇',
    address: '容州古城商业街',
    location: { lat: 22.8556, lng: 110.5498 },
    openHours: '周一至周日 9:00-21:00',
    phone: '0775-8000703',
    intro:
      '开展“党旗引领、诚信街区”活动，展示“容州古城商业街党建地图”，党员诚信经营户亮牌开门迎客；去年国庆黄金周接待游客15.49万人次。',
    ...services([['partymap', yl('通过展示“容州古城商业街党建地图”,党员诚信经营户亮牌开门迎客')]]),
    pictures: [],
    source: yl('将容州古城商业街打造成容县城市基层党建的展示窗口街区'),
    illustrative: false,
    illustrativeNote: PLACE_NOTE,
  },
  {
    _id: 'st-rx-dongguang',
    name: '东光社区党群服务中心',
    kind: 'center',
    county: RX,
    district: '容州镇',
    address: '东光社区',
    location: { lat: 22.8635, lng: 110.5602 },
    openHours: '周一至周五 8:00-12:00 15:00-18:00',
    phone: '0775-8000704',
    intro:
      '容县12个社区均建立了社区党群服务中心。东光社区网格员开展“护学”服务工作；“三官一律”、机关在职党员志愿服务队等不定期进入网格开展巡查和服务。',
    ...services([
      ['escort', yl('玉林市容县东光社区网格员开展“护学”服务工作')],
      ['legal', null],
      ['policy', null],
    ]),
    pictures: [],
    source: yl('城区所在镇和全县12个社区均建立了社区党群服务中心'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；法律咨询和政策宣讲为示例`,
  },

  // ---- 北流市 ----
  {
    _id: 'st-bl-center',
    name: '北流市党群服务中心',
    kind: 'center',
    county: BL,
    district: '陵城街道',
    address: '城区中心',
    location: { lat: 22.7085, lng: 110.3487 },
    openHours: '周一至周日 8:00-12:00 14:30-21:00',
    phone: '0775-8000400',
    intro:
      '市级党群服务中心，全区城市社区党建培训班座谈会现场参观点。北流在党群服务中心、居民小区常态化开展主题活动，开展“1元公益”服务项目（1元理发、1元早餐、1元中餐、1元保健、1元课堂）。',
    ...services([
      ['haircut1', yl('开展“1元公益”服务项目(1元理发、1元早餐、1元中餐、1元保健、1元课堂)')],
      ['breakfast1', yl('开展“1元公益”服务项目(1元理发、1元早餐、1元中餐、1元保健、1元课堂)')],
      ['lunch1', yl('开展“1元公益”服务项目(1元理发、1元早餐、1元中餐、1元保健、1元课堂)')],
      ['care1', yl('开展“1元公益”服务项目(1元理发、1元早餐、1元中餐、1元保健、1元课堂)')],
      ['class1', yl('开展“1元公益”服务项目(1元理发、1元早餐、1元中餐、1元保健、1元课堂)')],
    ]),
    pictures: [],
    source: yl('财政投入2亿多元建成1个市级党群服务中心'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；1元理发的预约时段为示例`,
  },
  {
    _id: 'st-bl-hut',
    name: '北流市党群服务小屋',
    kind: 'hut',
    county: BL,
    district: '城南街道',
    address: '城南街道临街',
    location: { lat: 22.6952, lng: 110.3589 },
    openHours: '周一至周日 8:00-20:00',
    phone: '0775-8000402',
    intro: '北流市设立党群服务小屋，由党员志愿者和社会爱心人士志愿者轮岗为市民提供服务。',
    ...services([
      ['water', null],
      ['rest', null],
      ['charging', null],
      ['umbrella', null],
    ]),
    pictures: [],
    source: yl('北流市设立党群服务小屋,由党员志愿者和社会爱心人士志愿者轮岗为市民提供服务'),
    illustrative: true,
    illustrativeNote: '原文未给出小屋的地点和服务：位置、开放时间、电话和服务均为示例',
  },

  // ---- 陆川县 ----
  {
    _id: 'st-lu-xinzhou',
    name: '新洲社区“大党委”党群服务中心',
    kind: 'center',
    county: LU,
    district: '温泉镇',
    address: '新洲社区',
    location: { lat: 22.3284, lng: 110.2641 },
    openHours: '周一至周五 8:00-12:00 15:00-18:00',
    phone: '0775-8000801',
    intro:
      '温泉镇新洲社区“大党委”统筹驻区31家单位组建党建大联盟，定期吹哨，组织成员单位联动开展党建活动。陆川组织民警、法官、检察官、律师开展“三官一律”进社区服务，“金融专员”党员先锋队为居民提供金融服务。',
    ...services([
      ['sanguan', null],
      ['finance', null],
      ['room', null],
    ]),
    pictures: [],
    source: yl('温泉镇新洲社区“大党委”统筹驻区31家单位组建了党建大联盟'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；原文说三官一律和金融服务在陆川县开展，未点名新洲社区，故为示例`,
  },
  {
    _id: 'st-lu-wenchang',
    name: '文昌社区党群服务中心',
    kind: 'center',
    county: LU,
    district: '温泉镇',
    address: '文昌社区',
    location: { lat: 22.3331, lng: 110.2689 },
    openHours: '周一至周日 8:30-12:00 14:30-18:00',
    phone: '0775-8000802',
    intro:
      '文昌社区开展“名师进社区”活动，引导陆川中学、文昌中学、县初级中学等驻区单位向居民开放文体活动场所；社区设置心理辅导室，由驻区心理咨询师和心理疏导老师免费为社区青少年提供心理咨询。',
    ...services([
      ['counselling', yl('在社区设置心理辅导室')],
      ['sports', yl('向文昌社区居民开放文体活动场所')],
    ]),
    pictures: [],
    source: yl('文昌社区开展了“名师进社区”活动'),
    illustrative: false,
    illustrativeNote: `${PLACE_NOTE}；心理辅导的预约时段为示例`,
  },

  // ---- 泰宁县 ----
  {
    _id: 'st-tn-qingyun',
    name: '炉峰社区青云小区红色邻里之家',
    kind: 'neighbour',
    county: TN,
    district: '杉城镇',
    address: '炉峰社区青云小区活动室',
    location: { lat: 26.9012, lng: 117.1728 },
    openHours: '周一至周日 8:30-12:00 14:30-21:00',
    phone: '0598-8000501',
    intro:
      '按照“一室多用、便民利民”原则打造的近邻党建阵地，集学习、休闲、健身、调解、议事等功能为一体，为居民说事、党员理事、支部议事提供活动场所。',
    ...services([
      ['talk', tn('为居民说事、党员理事、支部议事提供活动场所')],
      ['mediation', tn('打造了集学习、休闲、健身、调解、议事等功能为一体的共享空间')],
      ['fitness', tn('打造了集学习、休闲、健身、调解、议事等功能为一体的共享空间')],
      ['room', tn('炉峰社区青云小区对社区活动室进行整合')],
    ]),
    pictures: [],
    source: tn('炉峰社区青云小区对社区活动室进行整合'),
    illustrative: false,
    illustrativeNote: PLACE_NOTE,
  },
];

// ---------------------------------------------------------------------------------------------
// 3. Red vaccination sites — 永福县 had 9 sites with 9 temporary volunteer party branches and 336
//    people. No article names the sites, their hours, capacities or the split of the 336: the sites
//    below are one per town of 永福县, marked `illustrative` (their note says what is invented; their names,
//    addresses and hours read plainly); the vaccine is COVID-19 only.
// ---------------------------------------------------------------------------------------------

type Amenity = (typeof AMENITIES)[number];
/** Sunshades, fans and free drinking water are what the article says every red site provides. */
const amenities = (...extra: Amenity[]): Amenity[] => ['遮阳伞', '电扇', '饮用水', ...extra];

const COVID_INACTIVATED_A: VaccineOffer = {
  code: 'covid-inact',
  name: '新冠病毒灭活疫苗',
  maker: '北京科兴',
  doses: 2,
  intervalDays: 21,
};
const COVID_INACTIVATED_B: VaccineOffer = {
  code: 'covid-inact-sino',
  name: '新冠病毒灭活疫苗',
  maker: '国药中生北京',
  doses: 2,
  intervalDays: 21,
};
const COVID_RECOMBINANT: VaccineOffer = {
  code: 'covid-recomb',
  name: '重组新冠病毒疫苗(CHO细胞)',
  maker: '安徽智飞龙科马',
  doses: 3,
  intervalDays: 30,
};

const VAX_HOURS = '8:00-12:00 14:30-17:30';
const VAX_SOURCE = yf(
  '在全县9个疫苗接种点组建9个志愿服务临时党支部，组织336名疫苗接种一线医护人员、党员干部和驻村工作队队员',
);
const VAX_NOTE =
  '原文未点名9个接种点：接种点名称、地址、开放时间、容量、疫苗厂家和每点志愿者人数均为示例（9个点合计336人与原文一致）';
const GREEN_NOTICE = '60岁以上老人请走绿色通道。';

/** One illustrative site per town; `volunteers` add up to the article's 336. */
const TOWNS: {
  town: string;
  volunteers: number;
  capacity: number;
  location: { lat: number; lng: number };
  vaccines: VaccineOffer[];
  extra: Amenity[];
}[] = [
  {
    town: '永福镇',
    volunteers: 56,
    capacity: 800,
    location: { lat: 25.0063, lng: 109.9851 },
    vaccines: [COVID_INACTIVATED_A, COVID_INACTIVATED_B, COVID_RECOMBINANT],
    extra: ['轮椅', '休息区', '医疗急救', '充电', '母婴室'],
  },
  {
    town: '罗锦镇',
    volunteers: 38,
    capacity: 500,
    location: { lat: 25.1346, lng: 109.8718 },
    vaccines: [COVID_INACTIVATED_A],
    extra: ['轮椅', '休息区', '医疗急救'],
  },
  {
    town: '苏桥镇',
    volunteers: 40,
    capacity: 600,
    location: { lat: 25.1172, lng: 110.1085 },
    vaccines: [COVID_INACTIVATED_B, COVID_RECOMBINANT],
    extra: ['休息区', '医疗急救', '充电'],
  },
  {
    town: '三皇镇',
    volunteers: 34,
    capacity: 300,
    location: { lat: 24.9472, lng: 109.8869 },
    vaccines: [COVID_INACTIVATED_A],
    extra: ['轮椅', '休息区'],
  },
  {
    town: '百寿镇',
    volunteers: 36,
    capacity: 400,
    location: { lat: 25.2208, lng: 109.6921 },
    vaccines: [COVID_INACTIVATED_A, COVID_INACTIVATED_B],
    extra: ['轮椅', '休息区', '医疗急救'],
  },
  {
    town: '堡里镇',
    volunteers: 30,
    capacity: 200,
    location: { lat: 24.8913, lng: 109.8436 },
    vaccines: [COVID_INACTIVATED_B],
    extra: ['休息区'],
  },
  {
    town: '广福乡',
    volunteers: 32,
    capacity: 250,
    location: { lat: 24.9387, lng: 110.0752 },
    vaccines: [COVID_INACTIVATED_A],
    extra: ['轮椅', '休息区'],
  },
  {
    town: '龙江乡',
    volunteers: 36,
    capacity: 300,
    location: { lat: 25.0681, lng: 109.9273 },
    vaccines: [COVID_INACTIVATED_B, COVID_RECOMBINANT],
    extra: ['休息区', '充电'],
  },
  {
    town: '永安乡',
    volunteers: 34,
    capacity: 200,
    location: { lat: 24.8724, lng: 110.0318 },
    vaccines: [COVID_INACTIVATED_A],
    extra: ['休息区'],
  },
];

export const VACCINE_SITES: (SiteDoc & { source: Source; illustrative: true; illustrativeNote: string })[] = TOWNS.map(
  (t, i) => {
    const number = String(i + 1).padStart(2, '0');
    const paused = t.town === '永安乡';
    return {
      _id: `vs-yf-${number}`,
      name: `${t.town}红色疫苗接种点`,
      county: YF,
      town: t.town,
      address: `${t.town}卫生院`,
      location: t.location,
      openHours: VAX_HOURS,
      vaccines: t.vaccines,
      amenities: amenities(...t.extra),
      volunteerBranch: { name: `${t.town}红色疫苗接种点志愿服务临时党支部`, volunteers: t.volunteers },
      contact: `0773-80006${number}`,
      status: paused ? 'paused' : 'open',
      notice: paused ? '本接种点暂停服务，已预约群众请改约至永福镇红色疫苗接种点，恢复时间另行通知。' : GREEN_NOTICE,
      dailyCapacity: t.capacity,
      source: VAX_SOURCE,
      illustrative: true,
      illustrativeNote: VAX_NOTE,
    };
  },
);

// ---------------------------------------------------------------------------------------------
// 4. Party branches. The articles name 解东社区党委 and the 大党委 of 九龙, 七彩 and 新洲 (committees in the
//    organisation tree, domain/seed/org.ts); the branches seeded under them, and the 县直机关 branch,
//    are illustrative: their source quotes the committee they sit under.
// ---------------------------------------------------------------------------------------------

export const BRANCHES: { _id: string; name: string; county: string; source: Source | null; illustrative: boolean }[] = [
  { _id: 'br-yf-xiangyang', name: '向阳社区党支部', county: YF, source: YF_COMMUNITY, illustrative: true },
  { _id: 'br-yf-longquan', name: '龙泉社区党支部', county: YF, source: YF_COMMUNITY, illustrative: true },
  { _id: 'br-yf-jizhi1', name: '县直机关第一党支部', county: YF, source: null, illustrative: true },
  {
    _id: 'br-xf-jiedong',
    name: '解东社区第一党支部',
    county: XF,
    source: xf('桂林市秀峰区秀峰街道解东社区党委'),
    illustrative: true,
  },
  {
    _id: 'br-lc-jiulong',
    name: '九龙社区党支部',
    county: LC,
    source: lc('推动灵川县城和八里街城区的10个社区全部成立“大党委”'),
    illustrative: true,
  },
  {
    _id: 'br-lc-qicai',
    name: '七彩社区党支部',
    county: LC,
    source: lc('推动灵川县城和八里街城区的10个社区全部成立“大党委”'),
    illustrative: true,
  },
  {
    _id: 'br-rx-biguiyuan',
    name: '碧桂园小区党支部',
    county: RX,
    source: yl('容县碧桂园小区党支部牵头建成'),
    illustrative: false,
  },
  {
    _id: 'br-lu-xinzhou',
    name: '新洲社区党支部',
    county: LU,
    source: yl('温泉镇新洲社区“大党委”'),
    illustrative: true,
  },
  {
    _id: 'br-tn-qingyun',
    name: '炉峰社区青云小区党支部',
    county: TN,
    source: tn('炉峰社区青云小区党支部与居民在端午节开展'),
    illustrative: false,
  },
];

// ---------------------------------------------------------------------------------------------
// 5. Figures the articles report (for notices and a dashboard); each quotes its article.
// ---------------------------------------------------------------------------------------------

export const ARTICLE_FIGURES: {
  key: string;
  county: string;
  label: string;
  value: number;
  unit: string;
  source: Source;
}[] = [
  {
    key: 'yf-doses',
    county: YF,
    label: '新冠疫苗接种',
    value: 170_000,
    unit: '针次',
    source: yf('全县疫苗接种17万针次'),
  },
  {
    key: 'yf-vax-sites',
    county: YF,
    label: '红色疫苗接种点',
    value: 9,
    unit: '个',
    source: yf('在全县9个疫苗接种点组建9个志愿服务临时党支部'),
  },
  {
    key: 'yf-vax-volunteers',
    county: YF,
    label: '接种点一线服务人员',
    value: 336,
    unit: '名',
    source: yf('组织336名疫苗接种一线医护人员、党员干部和驻村工作队队员'),
  },
  {
    key: 'yf-tourist-services',
    county: YF,
    label: '旅游红色驿站特色服务',
    value: 28,
    unit: '项',
    source: yf('为中外游客提供各类特色服务28项'),
  },
  {
    key: 'yf-double-report',
    county: YF,
    label: '年参与“双报到双服务”党员',
    value: 8_000,
    unit: '余人次',
    source: yf('年参与“双报到双服务”活动的党员达8000余人次'),
  },
  {
    key: 'yf-warnings',
    county: YF,
    label: '“党建连心桥”发布防诈骗等预警信息、正能量消息',
    value: 1_287,
    unit: '次',
    source: yf('线上发布防诈骗等预警信息、正能量消息1287次'),
  },
  {
    key: 'lc-requests',
    county: LC,
    label: '智慧党建平台受理群众诉求',
    value: 4_600,
    unit: '多件',
    source: lc('各类诉求4600多件'),
  },
  {
    key: 'lc-wishes',
    county: LC,
    label: '实现“指尖心愿”',
    value: 2_500,
    unit: '多个',
    source: lc('实现“指尖心愿”2500多个'),
  },
  {
    key: 'xf-volunteers',
    county: XF,
    label: '辖区志愿者',
    value: 25_000,
    unit: '余人',
    source: xf('辖区志愿者超过2.5万人'),
  },
  { key: 'xf-love-stations', county: XF, label: '新建爱心驿站', value: 20, unit: '个', source: xf('新建爱心驿站20个') },
  {
    key: 'tn-groups',
    county: TN,
    label: '基地接待疗休养、主题党日、红色教育培训团队',
    value: 560,
    unit: '余批次',
    source: tn('团队560余批次'),
  },
  {
    key: 'rx-red-street-visits',
    county: RX,
    label: '到民国小镇“红色街区”打卡的党员干部',
    value: 30_000,
    unit: '多人次',
    source: yl('到民国小镇“红色街区”打卡红色地标的党员干部有3万多人次'),
  },
  {
    key: 'rx-red-stewards',
    county: RX,
    label: '“红管家”队伍',
    value: 183,
    unit: '人',
    source: yl('“红管家”队伍已有183人'),
  },
];

// ---------------------------------------------------------------------------------------------
// 6. Demo users (fictitious)
// ---------------------------------------------------------------------------------------------

export const DEMO_USERS: {
  _id: string;
  nickname: string;
  role: 'resident' | 'member' | 'staff' | 'admin';
  branchId: string | null;
}[] = [
  { _id: 'demo-resident', nickname: '居民小李', role: 'resident', branchId: null },
  { _id: 'demo-member', nickname: '党员王建国', role: 'member', branchId: 'br-yf-xiangyang' },
  { _id: 'demo-staff', nickname: '驿站值班员陈芳', role: 'staff', branchId: 'br-yf-xiangyang' },
  { _id: 'demo-admin', nickname: '管理员赵书记', role: 'admin', branchId: 'br-yf-jizhi1' },
];
