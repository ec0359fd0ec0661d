/**
 * What the app, the console and the server all show about stations: the kinds, the service catalogue every
 * station's `services` refers to, and the articles sources cite. Plain data without dependencies (no zod, no
 * Node), so the clients import it as it is.
 */

/**
 * Where a seeded fact comes from: the article file in shared/seeds and a short quote from it.
 * Seed data without one is marked `illustrative` (shown as 「示例」).
 */
// A type, not an interface: stored documents must fit JsonValue's index signature.
export type Source = {
  article: string;
  quote: string;
};

/** One entry of the service catalogue that every station's `services` refers to. */
export type ServiceKind = {
  code: string;
  name: string;
  category: '便民' | '政务' | '法律' | '健康' | '文化' | '旅游' | '公益';
  /** An article that names this kind of service; null when the kind itself is an illustration. */
  source: Source | null;
};

/** Kinds of station, as the articles name them. */
export const STATION_KINDS = {
  tourism: '旅游驿站',
  center: '党群服务中心',
  warm: '暖心驿站',
  hut: '党群服务小屋',
  neighbour: '红色邻里之家',
  love: '爱心驿站',
  pioneer: '先锋联盟工作站',
  street: '党建示范街区',
} as const;
export type StationKind = keyof typeof STATION_KINDS;

/** The article files (in ./articles and shared/seeds). */
export const ARTICLES = {
  yongfu: '000_b8b2b7cb1e403a37.txt',
  xiufeng: '001_56977ca7e63d56eb.txt',
  /** 容县, 北流市 and 陆川县 share one file. */
  yulin: '002_9904c554e4a5643f.txt',
  taining: '003_05aa62ccfe555579.txt',
  lingchuan: '004_0d422ded22c16cd5.txt',
} as const;

/** The articles' headlines, for the 「出处」 line the app shows. */
// Keys spelled out (not ARTICLES.x): a literal the bundler can drop where only the kinds are used; `satisfies` keeps them in step.
export const ARTICLE_TITLES: Readonly<Record<string, string>> = {
  '000_b8b2b7cb1e403a37.txt': '永福县：擎起先锋旗帜 打造“福寿之乡”',
  '001_56977ca7e63d56eb.txt': '秀峰区：“中心融合+多方联动”彰显基层党建力量',
  '002_9904c554e4a5643f.txt': '容县：抓示范创党建街区 强引领促提质升级（同篇收录北流市、陆川县）',
  '003_05aa62ccfe555579.txt': '泰宁县：坚持党建引领 打造金湖先锋',
  '004_0d422ded22c16cd5.txt': '灵川县：“三大工程”助推城市基层党建智慧升级',
} satisfies Record<(typeof ARTICLES)[keyof typeof ARTICLES], string>;

const yf = (quote: string): Source => ({ article: ARTICLES.yongfu, quote });
const xf = (quote: string): Source => ({ article: ARTICLES.xiufeng, quote });
const yl = (quote: string): Source => ({ article: ARTICLES.yulin, quote });
const tn = (quote: string): Source => ({ article: ARTICLES.taining, quote });
const lc = (quote: string): Source => ({ article: ARTICLES.lingchuan, quote });

// ---------------------------------------------------------------------------------------------
// 1. Service catalogue — kinds of service the articles name (and a few everyday ones marked 示例).
//    永福's tourist red stations offer "各类特色服务28项", but no article lists the 28.
// ---------------------------------------------------------------------------------------------

const CATALOGUE = [
  // 便民
  {
    code: 'water',
    name: '免费饮用水',
    category: '便民',
    source: /* @__PURE__ */ yf('为接种群众提供遮阳伞、电扇、免费饮用水等服务'),
  },
  { code: 'charging', name: '手机充电', category: '便民', source: null },
  { code: 'rest', name: '歇脚休憩', category: '便民', source: null },
  { code: 'umbrella', name: '雨具借用', category: '便民', source: null },
  { code: 'leisure', name: '休闲中心', category: '便民', source: /* @__PURE__ */ yl('向居民开放儿童阅览室和休闲中心') },
  {
    code: 'room',
    name: '活动室使用',
    category: '便民',
    source: /* @__PURE__ */ tn('炉峰社区青云小区对社区活动室进行整合'),
  },
  {
    code: 'serviceday',
    name: '便民服务日',
    category: '便民',
    source: /* @__PURE__ */ yl('不定期开展公益课堂、便民服务日等活动'),
  },
  // 政务
  { code: 'policy', name: '政策宣讲', category: '政务', source: /* @__PURE__ */ yf('开展各类政策宣讲300多次') },
  {
    code: 'agency',
    name: '政务代办',
    category: '政务',
    source: /* @__PURE__ */ lc('集党员教育、党建展示、人才服务、政务代办等多功能于一体'),
  },
  {
    code: 'talk',
    name: '居民说事',
    category: '政务',
    source: /* @__PURE__ */ tn('为居民说事、党员理事、支部议事提供活动场所'),
  },
  { code: 'talent', name: '人才服务', category: '政务', source: /* @__PURE__ */ lc('人才港') },
  { code: 'wish', name: '微心愿', category: '政务', source: /* @__PURE__ */ yl('“圆梦微心愿”') },
  {
    code: 'finance',
    name: '金融服务',
    category: '政务',
    source: /* @__PURE__ */ yl('“金融专员”党员先锋队深入村、社区为居民提供金融服务'),
  },
  // 法律
  {
    code: 'legal',
    name: '法律咨询',
    category: '法律',
    source: /* @__PURE__ */ yl('为居民提供医疗救助、法律咨询、政策宣传等各类服务'),
  },
  { code: 'sanguan', name: '三官一律进社区', category: '法律', source: /* @__PURE__ */ yl('开展“三官一律”进社区服务') },
  { code: 'lawyer', name: '律师进社区', category: '法律', source: /* @__PURE__ */ yf('“律师进社区”等特色志愿服务') },
  {
    code: 'mediation',
    name: '矛盾调解',
    category: '法律',
    source: /* @__PURE__ */ tn('集学习、休闲、健身、调解、议事等功能为一体'),
  },
  // 健康
  {
    code: 'health',
    name: '健康义诊',
    category: '健康',
    source: /* @__PURE__ */ tn('开展健康义诊、法治宣传等各类志愿服务'),
  },
  { code: 'counselling', name: '心理辅导', category: '健康', source: /* @__PURE__ */ yl('在社区设置心理辅导室') },
  { code: 'medkit', name: '医药箱', category: '健康', source: null },
  {
    code: 'fitness',
    name: '健身',
    category: '健康',
    source: /* @__PURE__ */ tn('集学习、休闲、健身、调解、议事等功能为一体'),
  },
  // 文化
  { code: 'reading', name: '书香夜话', category: '文化', source: /* @__PURE__ */ yl('“书香夜话”') },
  { code: 'library', name: '图书加油站', category: '文化', source: /* @__PURE__ */ yf('创设图书“加油站”') },
  {
    code: 'kidsreading',
    name: '儿童阅览室',
    category: '文化',
    source: /* @__PURE__ */ yl('向居民开放儿童阅览室和休闲中心'),
  },
  {
    code: 'lecture',
    name: '公益课堂',
    category: '文化',
    source: /* @__PURE__ */ yl('不定期开展公益课堂、便民服务日等活动'),
  },
  { code: 'partyclass', name: '党史现场课堂', category: '文化', source: /* @__PURE__ */ yl('党史现场课堂') },
  {
    code: 'exhibit',
    name: '展馆参观',
    category: '文化',
    source: /* @__PURE__ */ lc('中心内设主题教育馆、智慧党建展示馆'),
  },
  { code: 'distance', name: '远教直播课堂', category: '文化', source: /* @__PURE__ */ lc('远教直播课堂') },
  {
    code: 'sports',
    name: '文体活动场所',
    category: '文化',
    source: /* @__PURE__ */ yl('向文昌社区居民开放文体活动场所'),
  },
  { code: 'redspot', name: '红色打卡', category: '文化', source: /* @__PURE__ */ yl('“与党同框”打卡点') },
  { code: 'partymap', name: '党建地图', category: '文化', source: /* @__PURE__ */ yl('“容州古城商业街党建地图”') },
  // 旅游
  { code: 'guide', name: '导游讲解', category: '旅游', source: null },
  { code: 'tourinfo', name: '旅游咨询', category: '旅游', source: null },
  {
    code: 'complaint',
    name: '游客投诉受理',
    category: '旅游',
    source: /* @__PURE__ */ xf('协调办理游客投诉事项100多件'),
  },
  // 公益
  { code: 'haircut1', name: '1元理发', category: '公益', source: /* @__PURE__ */ yl('1元理发') },
  { code: 'breakfast1', name: '1元早餐', category: '公益', source: /* @__PURE__ */ yl('1元早餐') },
  { code: 'lunch1', name: '1元中餐', category: '公益', source: /* @__PURE__ */ yl('1元中餐') },
  { code: 'care1', name: '1元保健', category: '公益', source: /* @__PURE__ */ yl('1元保健') },
  { code: 'class1', name: '1元课堂', category: '公益', source: /* @__PURE__ */ yl('1元课堂') },
  { code: 'market', name: '共享集市', category: '公益', source: /* @__PURE__ */ yl('共享集市') },
  { code: 'timebank', name: '时间银行', category: '公益', source: /* @__PURE__ */ yf('向阳社区创新“时间银行”') },
  { code: 'escort', name: '护学服务', category: '公益', source: /* @__PURE__ */ yl('网格员开展“护学”服务工作') },
] as const satisfies readonly ServiceKind[];

export type ServiceCode = (typeof CATALOGUE)[number]['code'];

export const SERVICE_CATALOGUE: readonly ServiceKind[] = CATALOGUE;
