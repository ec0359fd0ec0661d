/**
 * Demo seed data for 先锋驿站.
 *
 * Places, station types, services and the vaccination-site facts are drawn from the articles in
 * shared/seeds (永福县, 秀峰区, 灵川县, 北流市, 泰宁县); see shared/notes/seed-data.md.
 * Addresses, coordinates, opening hours and phone numbers are illustrative, and every phone
 * number is a fictitious landline. All people are fictitious.
 */
import type { ServiceKind, StationDoc } from '../stations/model';
import type { AMENITIES, SiteDoc, VaccineOffer } from '../vaccine/model';

// ---------------------------------------------------------------------------------------------
// 1. Service catalogue — the 28 kinds of special service (特色服务28项)
// ---------------------------------------------------------------------------------------------

const CATALOGUE = [
  // 便民
  { code: 'water', name: '免费饮用水', category: '便民', bookable: false },
  { code: 'charging', name: '充电', category: '便民', bookable: false },
  { code: 'rest', name: '休憩', category: '便民', bookable: false },
  { code: 'umbrella', name: '雨具借用', category: '便民', bookable: false },
  { code: 'room', name: '活动室预约', category: '便民', bookable: true },
  // 政务
  { code: 'policy', name: '政策咨询', category: '政务', bookable: false },
  { code: 'agency', name: '代办服务', category: '政务', bookable: false },
  { code: 'talk', name: '居民说事', category: '政务', bookable: true },
  { code: 'talent', name: '人才服务', category: '政务', bookable: false },
  // 法律
  { code: 'legal', name: '法律咨询(三官一律)', category: '法律', bookable: true },
  { code: 'mediation', name: '矛盾调解', category: '法律', bookable: true },
  // 健康
  { code: 'health', name: '健康义诊', category: '健康', bookable: true },
  { code: 'counselling', name: '心理辅导', category: '健康', bookable: true },
  { code: 'medkit', name: '医药箱', category: '健康', bookable: false },
  // 文化
  { code: 'reading', name: '书香夜话', category: '文化', bookable: false },
  { code: 'library', name: '图书加油站', category: '文化', bookable: false },
  { code: 'partyclass', name: '红色党课', category: '文化', bookable: true },
  // 旅游
  { code: 'guide', name: '导游讲解', category: '旅游', bookable: true },
  { code: 'tourinfo', name: '旅游咨询', category: '旅游', bookable: false },
  { code: 'complaint', name: '游客投诉受理', category: '旅游', bookable: false },
  // 公益
  { code: 'haircut1', name: '1元理发', category: '公益', bookable: true },
  { code: 'breakfast1', name: '1元早餐', category: '公益', bookable: false },
  { code: 'lunch1', name: '1元中餐', category: '公益', bookable: false },
  { code: 'care1', name: '1元保健', category: '公益', bookable: true },
  { code: 'class1', name: '1元课堂', category: '公益', bookable: true },
  { code: 'market', name: '共享集市', category: '公益', bookable: false },
  { code: 'timebank', name: '时间银行', category: '公益', bookable: false },
  { code: 'wish', name: '微心愿认领', category: '公益', bookable: false },
] as const satisfies readonly ServiceKind[];

type ServiceCode = (typeof CATALOGUE)[number]['code'];

export const SERVICE_CATALOGUE: ServiceKind[] = CATALOGUE.map((s) => ({ ...s }));

/** Checks at compile time that a station only lists codes from the catalogue. */
const svc = (...codes: ServiceCode[]): string[] => codes;

// ---------------------------------------------------------------------------------------------
// 2. Stations
// ---------------------------------------------------------------------------------------------

const YF = '桂林市永福县';
const XF = '桂林市秀峰区';
const LC = '桂林市灵川县';
const BL = '玉林市北流市';
const TN = '三明市泰宁县';

export const STATIONS: StationDoc[] = [
  // ---- 永福县 ----
  {
    _id: 'st-yf-fengshan',
    name: '凤山景区红色驿站',
    kind: 'tourism',
    county: YF,
    district: '永福镇',
    address: '永福县永福镇凤山景区游客服务中心旁',
    location: { lat: 25.0108, lng: 109.9862 },
    openHours: '周一至周日 8:30-17:30',
    phone: '0773-8000101',
    intro: '依托凤山景区打造的特色旅游红色驿站，党员志愿者常驻，为中外游客提供休憩、导游讲解等暖心服务。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'guide', 'tourinfo', 'complaint', 'policy'),
    pictures: [],
  },
  {
    _id: 'st-yf-luohanguo',
    name: '罗汉果小镇红色驿站',
    kind: 'tourism',
    county: YF,
    district: '龙江乡',
    address: '永福县罗汉果小镇游客服务中心一楼',
    location: { lat: 25.0562, lng: 109.9415 },
    openHours: '周一至周日 9:00-17:30',
    phone: '0773-8000102',
    intro: '在“福寿之乡”罗汉果小镇设立的红色驿站，讲好罗汉果产业故事，为游客提供一站式便民服务。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'guide', 'tourinfo', 'complaint'),
    pictures: [],
  },
  {
    _id: 'st-yf-sanjiang',
    name: '“三江六岸”水利风景区红色驿站',
    kind: 'tourism',
    county: YF,
    district: '永福镇',
    address: '永福县永福镇“三江六岸”水利风景区滨江步道入口',
    location: { lat: 24.9936, lng: 109.9791 },
    openHours: '周二至周日 9:00-18:00',
    phone: '0773-8000103',
    intro: '沿江而建的红色驿站，党员志愿者轮值服务，为游客和晨练居民提供饮水、充电、雨具借用等服务。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'guide', 'tourinfo'),
    pictures: [],
  },
  {
    _id: 'st-yf-center',
    name: '永福县党群服务中心',
    kind: 'center',
    county: YF,
    district: '永福镇',
    address: '永福县永福镇城北路党群服务中心',
    location: { lat: 25.0047, lng: 109.9833 },
    openHours: '周一至周五 8:00-12:00 14:30-17:30',
    phone: '0773-8000110',
    intro: '县级党群服务中心，为居民群众提供“一站式”服务，常态化开展政策宣讲、法律知识普及和志愿服务。',
    services: svc('policy', 'agency', 'legal', 'health', 'counselling', 'room', 'library', 'partyclass', 'water', 'wish'),
    pictures: [],
  },
  {
    _id: 'st-yf-ecommerce',
    name: '电商产业园先锋联盟工作站',
    kind: 'pioneer',
    county: YF,
    district: '永福镇',
    address: '永福县电商产业园综合服务楼二楼',
    location: { lat: 24.9981, lng: 109.9928 },
    openHours: '周一至周五 8:30-17:30',
    phone: '0773-8000120',
    intro: '推动党员参与招商引资，服务入驻电商企业和创业青年，提供政策咨询、代办和人才对接服务。',
    services: svc('policy', 'agency', 'talent', 'legal', 'room', 'water', 'charging'),
    pictures: [],
  },
  {
    _id: 'st-yf-suqiao',
    name: '苏桥工业园区先锋联盟工作站',
    kind: 'pioneer',
    county: YF,
    district: '苏桥镇',
    address: '永福县苏桥工业园区管委会一楼',
    location: { lat: 25.1148, lng: 110.1032 },
    openHours: '周一至周六 8:30-17:30',
    phone: '0773-8000121',
    intro: '园区“两新”组织党建示范点，设立先锋示范岗、党员责任区，为园区企业和职工提供政策、法律与代办服务。',
    services: svc('policy', 'agency', 'talent', 'legal', 'mediation', 'health', 'room', 'water'),
    pictures: [],
  },
  {
    _id: 'st-yf-xiangyang',
    name: '向阳社区党群服务中心',
    kind: 'center',
    county: YF,
    district: '永福镇',
    address: '永福县永福镇向阳社区居委会',
    location: { lat: 25.0079, lng: 109.9760 },
    openHours: '周一至周六 8:00-12:00 14:30-18:00',
    phone: '0773-8000131',
    intro: '社区党组织示范点，创新“时间银行”“律师进社区”特色志愿服务，提升居民幸福感、获得感。',
    services: svc('policy', 'legal', 'timebank', 'health', 'counselling', 'room', 'library', 'talk', 'wish', 'medkit'),
    pictures: [],
  },
  {
    _id: 'st-yf-longquan',
    name: '龙泉社区党群服务中心',
    kind: 'center',
    county: YF,
    district: '永福镇',
    address: '永福县永福镇龙泉社区居委会',
    location: { lat: 24.9988, lng: 109.9724 },
    openHours: '周一至周六 8:00-12:00 14:30-18:00',
    phone: '0773-8000132',
    intro: '社区党组织活动场所达500平方米，组织在职党员“双报到双服务”，为居民提供家门口的便民服务。',
    services: svc('policy', 'agency', 'legal', 'mediation', 'health', 'room', 'talk', 'water', 'umbrella'),
    pictures: [],
  },

  // ---- 秀峰区 ----
  {
    _id: 'st-xf-wangcheng',
    name: '独秀峰·王城景区红色旅游驿站',
    kind: 'tourism',
    county: XF,
    district: '秀峰街道',
    address: '桂林市秀峰区王城景区正阳门附近',
    location: { lat: 25.2830, lng: 110.2951 },
    openHours: '周一至周日 8:00-18:00',
    phone: '0773-8000201',
    intro: '“旅游景区党旗红”红色旅游驿站，机关、街道、社区党员定期志愿服务，协调办理游客投诉事项。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'guide', 'tourinfo', 'complaint'),
    pictures: [],
  },
  {
    _id: 'st-xf-taohuawan',
    name: '桃花湾旅游度假区红色旅游驿站',
    kind: 'tourism',
    county: XF,
    district: '甲山街道',
    address: '桂林市秀峰区桃花湾旅游度假区游客中心',
    location: { lat: 25.2721, lng: 110.2412 },
    openHours: '周二至周日 9:00-17:30',
    phone: '0773-8000202',
    intro: '依托“诗意桃花湾”田园综合体建设的红色旅游驿站，为游客提供讲解、休憩和应急服务。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'guide', 'tourinfo'),
    pictures: [],
  },
  {
    _id: 'st-xf-jiedong',
    name: '解东社区党群服务暖心驿站',
    kind: 'warm',
    county: XF,
    district: '秀峰街道',
    address: '桂林市秀峰区秀峰街道解东社区党群服务中心一楼',
    location: { lat: 25.2865, lng: 110.2880 },
    openHours: '周一至周六 8:30-18:00',
    phone: '0773-8000211',
    intro: '党群服务暖心驿站，开展“政治生日”等主题党日活动，为户外劳动者和居民提供歇脚、饮水、充电服务。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'policy', 'legal', 'room', 'talk'),
    pictures: [],
  },
  {
    _id: 'st-xf-qintan',
    name: '琴潭新区党群服务暖心驿站',
    kind: 'warm',
    county: XF,
    district: '甲山街道',
    address: '桂林市秀峰区琴潭新区社区服务站旁',
    location: { lat: 25.2596, lng: 110.2710 },
    openHours: '周一至周日 8:00-20:00',
    phone: '0773-8000212',
    intro: '覆盖城区、街道、社区、小区四级党群服务体系的暖心驿站，网格员和党员志愿者轮值，服务新区居民。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'policy', 'health', 'counselling'),
    pictures: [],
  },
  {
    _id: 'st-xf-zhengyang',
    name: '正阳步行街爱心驿站',
    kind: 'love',
    county: XF,
    district: '秀峰街道',
    address: '桂林市秀峰区正阳步行街中段',
    location: { lat: 25.2797, lng: 110.2938 },
    openHours: '周一至周日 9:00-21:00',
    phone: '0773-8000221',
    intro: '秀峰区新建爱心驿站之一，为环卫工人、外卖骑手和过往游客提供饮水、充电、休憩等便民服务。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'tourinfo'),
    pictures: [],
  },
  {
    _id: 'st-xf-lijun',
    name: '丽君街道爱心驿站',
    kind: 'love',
    county: XF,
    district: '丽君街道',
    address: '桂林市秀峰区丽君街道办事处门前',
    location: { lat: 25.2688, lng: 110.2822 },
    openHours: '周一至周日 8:00-20:00',
    phone: '0773-8000222',
    intro: '城市党建“微公园”旁的爱心驿站，党员志愿者开展垃圾分类劝导，为居民提供暖心歇脚点。',
    services: svc('water', 'charging', 'rest', 'umbrella', 'medkit', 'wish'),
    pictures: [],
  },

  // ---- 灵川县 ----
  {
    _id: 'st-lc-center',
    name: '灵川县党群服务中心',
    kind: 'center',
    county: LC,
    district: '八里街',
    address: '灵川县八里街白马国际商贸城党群服务中心',
    location: { lat: 25.3381, lng: 110.3215 },
    openHours: '周二至周日 9:00-17:00',
    phone: '0773-8000301',
    intro: '3000多平方米的党群服务中心，设主题教育馆、智慧党建展示馆、远教直播课堂、党代表工作室和人才港等功能区。',
    services: svc('partyclass', 'guide', 'room', 'talent', 'policy', 'agency', 'legal', 'water', 'charging', 'rest'),
    pictures: [],
  },
  {
    _id: 'st-lc-jiulong',
    name: '八里街九龙社区党群(邻里)服务中心',
    kind: 'center',
    county: LC,
    district: '八里街',
    address: '灵川县八里街九龙社区居委会',
    location: { lat: 25.3312, lng: 110.3168 },
    openHours: '周一至周六 8:30-12:00 14:30-18:00',
    phone: '0773-8000311',
    intro: '“融合共建·智慧共享”试点，辖区群众、社区民警和共建单位同上“微平台”，线上点单、线下服务。',
    services: svc('policy', 'agency', 'legal', 'mediation', 'health', 'room', 'talk', 'wish', 'water'),
    pictures: [],
  },
  {
    _id: 'st-lc-qicai',
    name: '七彩社区共享活动点',
    kind: 'center',
    county: LC,
    district: '灵川镇',
    address: '灵川县灵川镇七彩社区党群服务中心',
    location: { lat: 25.4092, lng: 110.3251 },
    openHours: '周一至周日 9:00-21:00',
    phone: '0773-8000312',
    intro: '社区“共享活动点”阵地，周边阵地薄弱党组织的党员可预约活动室开展组织生活。',
    services: svc('room', 'partyclass', 'library', 'policy', 'health', 'water', 'charging'),
    pictures: [],
  },

  // ---- 北流市 ----
  {
    _id: 'st-bl-guitang',
    name: '桂塘社区党群服务小屋',
    kind: 'hut',
    county: BL,
    district: '陵城街道',
    address: '北流市桂塘社区党群服务中心旁',
    location: { lat: 22.7068, lng: 110.3512 },
    openHours: '周一至周日 7:00-21:00',
    phone: '0775-8000401',
    intro: '党员志愿者和社会爱心人士志愿者轮岗值守的党群服务小屋，开展1元理发、1元早餐等“1元公益”服务。',
    services: svc('haircut1', 'breakfast1', 'lunch1', 'care1', 'class1', 'reading', 'market', 'water', 'charging', 'umbrella', 'legal'),
    pictures: [],
  },
  {
    _id: 'st-bl-donghu',
    name: '东湖一号小区党群服务小屋',
    kind: 'hut',
    county: BL,
    district: '城南街道',
    address: '北流市东湖一号小区党群服务中心',
    location: { lat: 22.6952, lng: 110.3589 },
    openHours: '周一至周日 8:00-20:30',
    phone: '0775-8000402',
    intro: '小区党支部阵地，常态化开展“书香夜话”“共享集市”和“圆梦微心愿”活动，周周有活动。',
    services: svc('reading', 'market', 'wish', 'class1', 'care1', 'haircut1', 'water', 'room'),
    pictures: [],
  },

  // ---- 泰宁县 ----
  {
    _id: 'st-tn-qingyun',
    name: '炉峰社区青云小区红色邻里之家',
    kind: 'neighbour',
    county: TN,
    district: '杉城镇',
    address: '泰宁县杉城镇炉峰社区青云小区活动室',
    location: { lat: 26.9012, lng: 117.1728 },
    openHours: '周一至周日 8:30-21:00',
    phone: '0598-8000501',
    intro: '“一室多用”的近邻党建阵地，集学习、休闲、健身、调解、议事于一体，供居民说事、党员理事、支部议事。',
    services: svc('talk', 'mediation', 'room', 'health', 'legal', 'library', 'water', 'rest'),
    pictures: [],
  },
];

// ---------------------------------------------------------------------------------------------
// 3. Red vaccination sites — 永福县, 9 sites, 9 temporary volunteer party branches, 336 volunteers
// ---------------------------------------------------------------------------------------------

type Amenity = (typeof AMENITIES)[number];
const amenities = (...extra: Amenity[]): Amenity[] => ['遮阳伞', '电扇', '饮用水', ...extra];

const COVID_SINOVAC: VaccineOffer = { code: 'covid-inact', name: '新冠病毒灭活疫苗', maker: '北京科兴', doses: 2, intervalDays: 21 };
const COVID_SINOPHARM: VaccineOffer = { code: 'covid-inact-sino', name: '新冠病毒灭活疫苗', maker: '国药中生北京', doses: 2, intervalDays: 21 };
const COVID_RECOMB: VaccineOffer = { code: 'covid-recomb', name: '重组新冠病毒疫苗(CHO细胞)', maker: '安徽智飞龙科马', doses: 3, intervalDays: 30 };
const FLU: VaccineOffer = { code: 'flu', name: '流感疫苗', maker: '华兰生物', doses: 1, intervalDays: 0 };

const VAX_HOURS = '8:00-12:00 14:30-17:30';

export const VACCINE_SITES: SiteDoc[] = [
  {
    _id: 'vs-yf-01',
    name: '永福县人民医院红色疫苗接种点',
    county: YF,
    town: '永福镇',
    address: '永福县永福镇县人民医院门诊楼旁接种区',
    location: { lat: 25.0063, lng: 109.9851 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOVAC, COVID_SINOPHARM, COVID_RECOMB],
    amenities: amenities('轮椅', '休息区', '医疗急救', '充电', '母婴室'),
    volunteerBranch: { name: '永福县人民医院红色疫苗接种点临时志愿服务党支部', volunteers: 56 },
    contact: '0773-8000601',
    status: 'open',
    notice: '60岁以上老人请走绿色通道，无需排队。',
    dailyCapacity: 800,
  },
  {
    _id: 'vs-yf-02',
    name: '永福镇卫生院红色疫苗接种点',
    county: YF,
    town: '永福镇',
    address: '永福县永福镇卫生院预防接种门诊',
    location: { lat: 24.9975, lng: 109.9802 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOVAC, FLU],
    amenities: amenities('轮椅', '休息区', '医疗急救'),
    volunteerBranch: { name: '永福镇卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 38 },
    contact: '0773-8000602',
    status: 'open',
    notice: '',
    dailyCapacity: 500,
  },
  {
    _id: 'vs-yf-03',
    name: '苏桥镇卫生院红色疫苗接种点',
    county: YF,
    town: '苏桥镇',
    address: '永福县苏桥镇卫生院预防接种门诊',
    location: { lat: 25.1172, lng: 110.1085 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOPHARM, COVID_RECOMB],
    amenities: amenities('休息区', '医疗急救', '充电'),
    volunteerBranch: { name: '苏桥镇卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 40 },
    contact: '0773-8000603',
    status: 'open',
    notice: '工业园区企业职工可由企业党支部统一预约，分时段接种。',
    dailyCapacity: 600,
  },
  {
    _id: 'vs-yf-04',
    name: '罗锦镇卫生院红色疫苗接种点',
    county: YF,
    town: '罗锦镇',
    address: '永福县罗锦镇卫生院预防接种门诊',
    location: { lat: 25.1346, lng: 109.8718 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOVAC],
    amenities: amenities('轮椅', '休息区'),
    volunteerBranch: { name: '罗锦镇卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 34 },
    contact: '0773-8000604',
    status: 'open',
    notice: '',
    dailyCapacity: 300,
  },
  {
    _id: 'vs-yf-05',
    name: '百寿镇卫生院红色疫苗接种点',
    county: YF,
    town: '百寿镇',
    address: '永福县百寿镇卫生院预防接种门诊',
    location: { lat: 25.2208, lng: 109.6921 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOVAC, COVID_SINOPHARM],
    amenities: amenities('轮椅', '休息区', '医疗急救'),
    volunteerBranch: { name: '百寿镇卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 36 },
    contact: '0773-8000605',
    status: 'open',
    notice: '',
    dailyCapacity: 400,
  },
  {
    _id: 'vs-yf-06',
    name: '堡里镇卫生院红色疫苗接种点',
    county: YF,
    town: '堡里镇',
    address: '永福县堡里镇卫生院预防接种门诊',
    location: { lat: 24.8913, lng: 109.8436 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOPHARM],
    amenities: amenities('休息区'),
    volunteerBranch: { name: '堡里镇卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 30 },
    contact: '0773-8000606',
    status: 'open',
    notice: '',
    dailyCapacity: 200,
  },
  {
    _id: 'vs-yf-07',
    name: '广福乡卫生院红色疫苗接种点',
    county: YF,
    town: '广福乡',
    address: '永福县广福乡卫生院预防接种门诊',
    location: { lat: 24.9387, lng: 110.0752 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOVAC, FLU],
    amenities: amenities('轮椅', '休息区'),
    volunteerBranch: { name: '广福乡卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 32 },
    contact: '0773-8000607',
    status: 'open',
    notice: '',
    dailyCapacity: 250,
  },
  {
    _id: 'vs-yf-08',
    name: '龙江乡卫生院红色疫苗接种点',
    county: YF,
    town: '龙江乡',
    address: '永福县龙江乡卫生院预防接种门诊',
    location: { lat: 25.0681, lng: 109.9273 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOPHARM, COVID_RECOMB],
    amenities: amenities('休息区', '充电'),
    volunteerBranch: { name: '龙江乡卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 36 },
    contact: '0773-8000608',
    status: 'open',
    notice: '',
    dailyCapacity: 300,
  },
  {
    _id: 'vs-yf-09',
    name: '永安乡卫生院红色疫苗接种点',
    county: YF,
    town: '永安乡',
    address: '永福县永安乡卫生院预防接种门诊',
    location: { lat: 24.8724, lng: 110.0318 },
    openHours: VAX_HOURS,
    vaccines: [COVID_SINOVAC],
    amenities: amenities('休息区'),
    volunteerBranch: { name: '永安乡卫生院红色疫苗接种点临时志愿服务党支部', volunteers: 34 },
    contact: '0773-8000609',
    status: 'paused',
    notice: '接种点因场地改造暂停服务，已预约群众请改约至永福镇卫生院红色疫苗接种点，恢复时间另行通知。',
    dailyCapacity: 200,
  },
];

// ---------------------------------------------------------------------------------------------
// 4. Party branches
// ---------------------------------------------------------------------------------------------

export const BRANCHES: { _id: string; name: string; county: string }[] = [
  { _id: 'br-yf-xiangyang', name: '向阳社区党支部', county: YF },
  { _id: 'br-yf-longquan', name: '龙泉社区党支部', county: YF },
  { _id: 'br-yf-jizhi1', name: '县直机关第一党支部', county: YF },
  { _id: 'br-xf-jiedong', name: '解东社区党支部', county: XF },
  { _id: 'br-lc-jiulong', name: '九龙社区党支部', county: LC },
  { _id: 'br-lc-qicai', name: '七彩社区党支部', county: LC },
  { _id: 'br-tn-qingyun', name: '炉峰社区青云小区党支部', county: TN },
];

// ---------------------------------------------------------------------------------------------
// 5. Demo users (fictitious)
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
