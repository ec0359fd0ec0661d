/**
 * A demo with a history: about a quarter of a county's activity, played through the functions' own actions with
 * the platform's clock set back (each call's `now` is the instant it happens at), so that a fresh demo's dashboard,
 * rankings and public figures read like a running county's. Every person is a demo user (`demo-…` openids, seeded
 * as the other demo users are); every document is written by an action, a job or the audit hook, so the invariant
 * checkers hold and the audit log shows what the admins did.
 *
 * What happens (counts for the default 90 days, see `HistoryReport`): members join their branches by invite
 * (applications reviewed by the secretary or the admin); branches publish 主题党日, 三会一课 and 志愿服务 and members
 * check in; the secretary awards study points; the admin opens weekly station slots and vaccination slots; residents
 * and members book (most checked in by the staff, some cancelled, some no-shows marked by the job), add family
 * members and have them vaccinated (green channel for the over-60s, second doses after the interval); members
 * redeem goods and the staff hand them over (a few orders expire); residents ask for 微心愿 and 诉求 that the
 * secretary accepts, dispatches and the members finish and the residents rate; the admin restocks goods, closes a
 * morning's slots and posts a site notice.
 *
 * Deterministic: the plan comes from a seeded PRNG (no Math.random), so a rerun makes the same choices (activity
 * and pickup codes are drawn by the actions themselves). Idempotent and resumable: every step is an action whose
 * effect is derived from its cause (a requestId, an openid, an activity), so a rerun after a crash replays the plan,
 * already-done steps answer as before or are refused as done, and the completion mark is written last.
 */
import { deflateSync } from 'node:zlib';
import type { Database } from '../db';
import type { Envelope } from '../core/errors';
import type { FunctionRouter } from '../core/router';
import type { HostServices } from '../core/services';
import { addIfAbsent } from '../core/ids';
import { USERS } from '../core/identity';
import { atShanghai, dayOf, dayjs, ZONE } from '../core/time';
import { makeIdNumber } from '../privacy';

const DAY = 86_400_000;
const MINUTE = 60_000;
const HISTORY_MARK = { collection: 'meta', id: 'history' };

export interface HistoryHost {
  /** The functions by name (the host's registry), called in-process as the platform calls them. */
  functions: Record<string, FunctionRouter>;
  /** The ports the host lends (the file store, for the photos of finished 点单). */
  services?: HostServices;
}

export interface HistoryOptions {
  /** The first start's instant: the history ends the day before. */
  now: number;
  /** How far back it reaches (DEMO_HISTORY_DAYS, default 90). */
  days?: number;
  log?: (line: string) => void;
}

export interface HistoryReport {
  days: number;
  /** Successful actions by `function.action`, and job runs. */
  actions: Record<string, number>;
  /** Refusals met on the way (0 on a first run; a rerun after a crash meets its already-done steps here). */
  refused: Record<string, number>;
  ms: number;
}

// ---------------------------------------------------------------------------------------------- people

interface Person {
  openid: string;
  nickname: string;
  realName: string;
  phone: string;
}
interface Member extends Person {
  branchId: string;
}

const XIANGYANG = 'br-yf-xiangyang';
const LONGQUAN = 'br-yf-longquan';
const JIZHI = 'br-yf-jizhi1';
const JIEDONG = 'br-xf-jiedong';
const JIULONG = 'br-lc-jiulong';

/** Who reviews a branch's applications and publishes its activities: 向阳社区's secretary, else the admin. */
const reviewerOf = (branchId: string) => (branchId === XIANGYANG ? 'demo-secretary' : 'demo-admin');

const member = (n: number, nickname: string, realName: string, branchId: string): Member => ({
  openid: `demo-m${String(n).padStart(2, '0')}`,
  nickname,
  realName,
  phone: `139077310${String(n).padStart(2, '0')}`,
  branchId,
});

/** Members who join by invite at the start of the history (fictitious). */
export const HISTORY_MEMBERS: Member[] = [
  member(1, '党员李桂芳', '李桂芳', XIANGYANG),
  member(2, '党员韦志强', '韦志强', XIANGYANG),
  member(3, '党员蒋丽华', '蒋丽华', XIANGYANG),
  member(4, '党员莫海军', '莫海军', XIANGYANG),
  member(5, '党员唐秀英', '唐秀英', XIANGYANG),
  member(6, '党员覃建平', '覃建平', LONGQUAN),
  member(7, '党员黄丽萍', '黄丽萍', LONGQUAN),
  member(8, '党员陆永福', '陆永福', LONGQUAN),
  member(9, '党员梁美玲', '梁美玲', LONGQUAN),
  member(10, '党员邓国华', '邓国华', JIZHI),
  member(11, '党员罗晓燕', '罗晓燕', JIZHI),
  member(12, '党员周文斌', '周文斌', JIZHI),
  member(13, '党员秦晓红', '秦晓红', JIEDONG),
  member(14, '党员石磊', '石磊', JIEDONG),
  member(15, '党员廖春兰', '廖春兰', JIEDONG),
  member(16, '党员潘志刚', '潘志刚', JIULONG),
  member(17, '党员谢丽娟', '谢丽娟', JIULONG),
];

const resident = (n: number, nickname: string, realName: string): Person => ({
  openid: `demo-r${String(n).padStart(2, '0')}`,
  nickname,
  realName,
  phone: `139077320${String(n).padStart(2, '0')}`,
});

/** Residents of 永福 who book, bring their families to be vaccinated and ask for help (fictitious). */
export const HISTORY_RESIDENTS: Person[] = [
  resident(1, '居民韦阿姨', '韦秀珍'),
  resident(2, '居民陈师傅', '陈国强'),
  resident(3, '居民刘小梅', '刘小梅'),
  resident(4, '居民蒙大爷', '蒙德福'),
  resident(5, '居民杨女士', '杨慧'),
  resident(6, '居民覃先生', '覃勇'),
];

/** The branch members already seeded (demo-member), and everyone who may check in for their branch. */
const SEEDED_MEMBERS: Member[] = [
  { openid: 'demo-member', nickname: '党员王建国', realName: '王建国', phone: '13907731000', branchId: XIANGYANG },
];

// ---------------------------------------------------------------------------------------------- the PRNG

/** mulberry32: a small seeded generator, so a rerun makes the same choices. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    some: <T>(list: readonly T[], p: number): T[] => list.filter(() => next() < p),
  };
}

// ---------------------------------------------------------------------------------------------- a photo

/** A small landscape picture (sky, hills, a red flag) as a PNG: the photo a member attaches when finishing a 点单. */
function photoPng(variant: number): string {
  const w = 160;
  const h = 120;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y += 1) {
    const row = y * (w * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < w; x += 1) {
      const hill = 70 + 12 * Math.sin((x + variant * 17) / 19) + 6 * Math.sin(x / 7);
      const flag = x > 100 && x < 130 && y > 20 && y < 40;
      const pole = x >= 98 && x <= 100 && y > 20 && y < 90;
      const [r, g, b] = flag
        ? [214, 40, 40]
        : pole
          ? [90, 70, 60]
          : y > hill
            ? [60 + ((variant * 23) % 40), 140 - y / 3, 70]
            : [150 + y / 2, 200 + y / 4, 240];
      raw[row + 1 + x * 3] = Math.max(0, Math.min(255, Math.round(r)));
      raw[row + 2 + x * 3] = Math.max(0, Math.min(255, Math.round(g)));
      raw[row + 3 + x * 3] = Math.max(0, Math.min(255, Math.round(b)));
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png.toString('base64');
}

// ---------------------------------------------------------------------------------------------- words

const ZHUTI_THEMES = [
  '重温入党誓词',
  '学习贯彻党的二十届四中全会精神',
  '“我为群众办实事”走访',
  '红色教育基地参观学习',
  '廉洁文化进社区',
];
const SANHUI = ['支部党员大会', '支委会', '党小组会', '党课：身边的榜样'];
const VOLUNTEER = [
  { ruleId: 'r-zhiyuan', title: '志愿服务：清理河道垃圾', place: '永福县城西江河堤' },
  { ruleId: 'r-zhiyuan', title: '志愿服务：为独居老人上门理发', place: '向阳社区' },
  { ruleId: 'r-lese', title: '垃圾分类劝导', place: '龙泉社区农贸市场' },
  { ruleId: 'r-yexun', title: '平安夜巡', place: '龙泉社区' },
  { ruleId: 'r-xuanjiang', title: '政策宣讲：医保缴费与报销', place: '向阳社区党群服务中心' },
  { ruleId: 'r-shuangbao', title: '“双报到双服务”：入户走访困难群众', place: '永福县向阳社区' },
];
const BRANCH_PLACE: Record<string, string> = {
  [XIANGYANG]: '向阳社区党群服务中心二楼会议室',
  [LONGQUAN]: '龙泉社区党群服务站',
  [JIZHI]: '县委大院三楼会议室',
  [JIEDONG]: '解东社区党委会议室',
  [JIULONG]: '九龙社区党群服务中心',
};

interface Ask {
  kind: 'wish' | 'issue';
  category: string;
  title: string;
  text: string;
  place: string;
  /** Where it ends: rated (most), declined, or still being worked on near the end. */
  end: 'rated' | 'declined';
  rating?: number;
  comment?: string;
}

const ASKS: Ask[] = [
  {
    kind: 'wish',
    category: '长者',
    title: '想要一台老年手机',
    text: '母亲八十岁了，想要一台字大、声音大的老年手机，方便和子女联系。',
    place: '向阳社区5栋',
    end: 'rated',
    rating: 5,
    comment: '手机很好用，谢谢党员同志',
  },
  {
    kind: 'issue',
    category: '环境',
    title: '小区门口垃圾堆放多日没人清',
    text: '小区东门旁边的垃圾已经堆了三四天，天热有异味。',
    place: '向阳社区东门',
    end: 'rated',
    rating: 5,
    comment: '第二天就清走了',
  },
  {
    kind: 'wish',
    category: '儿童',
    title: '孩子想要一套绘本',
    text: '孩子上一年级，喜欢看书，想要一套适合的绘本。',
    place: '向阳社区2栋',
    end: 'rated',
    rating: 5,
    comment: '孩子很喜欢',
  },
  {
    kind: 'issue',
    category: '物业',
    title: '楼道扶手松动',
    text: '3单元二楼到三楼的扶手松了，老人上下楼不安全。',
    place: '向阳社区3单元',
    end: 'rated',
    rating: 4,
    comment: '修好了，就是等了几天',
  },
  {
    kind: 'wish',
    category: '长者',
    title: '希望有人陪老人去医院复查',
    text: '老人腿脚不便，子女在外地，下周要去县医院复查。',
    place: '龙泉社区8栋',
    end: 'rated',
    rating: 5,
    comment: '党员全程陪同，很贴心',
  },
  {
    kind: 'issue',
    category: '便民',
    title: '希望社区设一个快递代收点',
    text: '白天家里没人，快递经常放在门口丢了。',
    place: '向阳社区',
    end: 'declined',
  },
  {
    kind: 'issue',
    category: '安全',
    title: '河边步道路灯不亮',
    text: '河边步道有五六盏路灯不亮，晚上散步看不清路。',
    place: '城西河边步道',
    end: 'rated',
    rating: 5,
    comment: '',
  },
  {
    kind: 'wish',
    category: '助学',
    title: '想请人辅导初二数学',
    text: '孩子初二，几何跟不上，希望周末有人辅导一下。',
    place: '向阳社区7栋',
    end: 'rated',
    rating: 5,
    comment: '老师讲得很耐心',
  },
  {
    kind: 'wish',
    category: '助残',
    title: '想请人帮忙修理轮椅',
    text: '轮椅的刹车坏了，推出去不安全。',
    place: '龙泉社区3栋',
    end: 'rated',
    rating: 5,
    comment: '修得很好',
  },
  {
    kind: 'issue',
    category: '邻里',
    title: '楼上卫生间漏水，协调不下来',
    text: '楼上卫生间漏水到我家天花板，找了几次没解决，希望社区帮忙协调。',
    place: '向阳社区9栋',
    end: 'rated',
    rating: 3,
    comment: '问题解决了，希望以后能快一点',
  },
  {
    kind: 'issue',
    category: '环境',
    title: '小区绿化带杂草多',
    text: '小区绿化带很久没修剪，杂草比人还高，蚊子多。',
    place: '龙泉社区',
    end: 'rated',
    rating: 4,
    comment: '',
  },
  {
    kind: 'wish',
    category: '长者',
    title: '独居老人想学用智能手机',
    text: '想学会用手机视频通话和扫码乘车。',
    place: '向阳社区老年活动室',
    end: 'rated',
    rating: 5,
    comment: '学会视频了，很开心',
  },
  {
    kind: 'issue',
    category: '便民',
    title: '小区缺少休息座椅',
    text: '小区里老人多，散步累了没地方坐。',
    place: '向阳社区中心花园',
    end: 'rated',
    rating: 5,
    comment: '',
  },
  {
    kind: 'wish',
    category: '儿童',
    title: '留守儿童想要一个书包',
    text: '孩子的书包背带断了，想要一个新书包。',
    place: '龙泉社区',
    end: 'rated',
    rating: 5,
    comment: '谢谢叔叔阿姨',
  },
];

// ---------------------------------------------------------------------------------------------- the run

type Call = <T>(fn: string, event: Record<string, unknown>, openid: string, at: number) => Promise<T | null>;

interface Task {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** The instant the history starts from: midnight, `days` days before the day of `now` (Shanghai). */
export const historyStart = (now: number, days: number): number => atShanghai(`${dayOf(now)} 00:00`) - days * DAY;

export async function historySeeded(db: Database): Promise<boolean> {
  return (await db.collection(HISTORY_MARK.collection).doc(HISTORY_MARK.id).get()) !== null;
}

/**
 * Plays the history once (the demo's first start, after the demo seed); answers null when it has been played.
 * Every instant lies before the day of `now`, so today's limits and caps are untouched.
 */
export async function seedHistory(
  db: Database,
  host: HistoryHost,
  options: HistoryOptions,
): Promise<HistoryReport | null> {
  if (await historySeeded(db)) return null;
  // Only on the demo's data (meta/deployment `{ demo: true }`, written by the demo seed): never on a production one.
  const deployment = await db.collection('meta').doc('deployment').get();
  if (deployment?.demo !== true) return null;
  const started = performance.now();
  const days = options.days ?? 90;
  const report: HistoryReport = { days, actions: {}, refused: {}, ms: 0 };
  const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);

  const call: Call = async <T>(fn: string, event: Record<string, unknown>, openid: string, at: number) => {
    const router = host.functions[fn];
    if (!router) throw new Error(`seedHistory: no function ${fn}`);
    const answer = (await router.handle(event, {
      db,
      caller: { openid },
      now: () => at,
      services: host.services,
    })) as Envelope<T>;
    const key = `${fn}.${String(event.action)}`;
    if (answer.ok) {
      bump(report.actions, key);
      return answer.data;
    }
    bump(report.refused, `${key}: ${answer.error.code} ${answer.error.message}`);
    return null;
  };
  const job = async (fn: string, name: string, at: number) => {
    const run = host.functions[fn]?.jobs[name];
    if (!run) return;
    await run(db, at, host.services);
    bump(report.actions, `job ${fn}.${name}`);
  };

  // Day 0 is `days` days before today; day `days - 1` is yesterday.
  const base = historyStart(options.now, days);
  const today = base + days * DAY;
  const dateOf = (d: number) => dayOf(base + d * DAY + 12 * 3_600_000);
  const at = (d: number, hhmm: string, plusMinutes = 0) => atShanghai(`${dateOf(d)} ${hhmm}`) + plusMinutes * MINUTE;
  const weekday = (d: number) => dayjs.tz(dateOf(d), ZONE).isoWeekday();
  const rnd = prng(20_261_121);
  /** Slots are opened on day 0 and every Monday for that day and the seven after: when day `d`'s first were. */
  const openedFor = (d: number) => {
    for (let g = 0; g <= d; g += 1) if ((g === 0 || weekday(g) === 1) && g + 7 >= d) return at(g, '09:00');
    return at(d, '09:00');
  };

  const tasks: Task[] = [];
  const plan = (when: number, run: () => Promise<void>) => {
    if (when < base || when >= today) return;
    tasks.push({ at: when, seq: tasks.length, run });
  };

  // --- people: the residents and the members-to-be are seeded as the other demo users are.
  const joining = HISTORY_MEMBERS;
  for (const p of [...joining, ...HISTORY_RESIDENTS]) {
    await addIfAbsent(db, USERS, {
      _id: p.openid,
      nickname: p.nickname,
      role: 'resident',
      branchId: null,
      scopeUnitId: null,
      stationIds: [],
      siteIds: [],
      createdAt: base,
    });
  }
  const members: Member[] = [...SEEDED_MEMBERS, ...joining];
  const residents: Person[] = [
    ...HISTORY_RESIDENTS,
    { openid: 'demo-resident', nickname: '居民小李', realName: '李明', phone: '13907732100' },
  ];

  // --- day 0–1: invites, applications, reviews.
  const invites = new Map<string, string>();
  const branches = [...new Set(joining.map((m) => m.branchId))];
  for (const branchId of branches) {
    plan(at(0, '09:00'), async () => {
      const invite = await call<{ code: string }>(
        'org',
        { action: 'createInvite', branchId },
        reviewerOf(branchId),
        at(0, '09:00'),
      );
      if (invite) invites.set(branchId, invite.code);
    });
  }
  const applications = new Map<string, string>();
  joining.forEach((m, i) => {
    const when = at(0, '10:00', i * 17);
    plan(when, async () => {
      const code = invites.get(m.branchId);
      if (!code) return;
      const app = await call<{ applicationId: string }>(
        'org',
        { action: 'apply', code, realName: m.realName, phone: m.phone, requestId: `history-apply-${m.openid}` },
        m.openid,
        when,
      );
      if (app) applications.set(m.openid, app.applicationId);
    });
    const reviewAt = at(1, '09:30', i * 3);
    plan(reviewAt, async () => {
      const applicationId = applications.get(m.openid);
      if (applicationId)
        await call('org', { action: 'review', applicationId, decision: 'approve' }, reviewerOf(m.branchId), reviewAt);
    });
  });

  // --- activities and check-ins: a 主题党日 a month and 三会一课 twice a month per branch, 志愿服务 every week.
  const activityBranches = [XIANGYANG, LONGQUAN, JIZHI, JIEDONG, JIULONG];
  let activityNo = 0;
  const publish = (
    d: number,
    publisher: string,
    ruleId: string,
    title: string,
    place: string,
    branchId: string | null,
    hhmm: string,
    hours: number,
    attendees: Member[],
  ) => {
    const n = (activityNo += 1);
    const publishAt = at(Math.max(2, d - 3), '16:00', n % 50);
    const start = at(d, hhmm);
    const fmt = (ms: number) => dayjs(ms).tz(ZONE).format('YYYY-MM-DD HH:mm');
    let code: string | null = null;
    plan(publishAt, async () => {
      const published = await call<{ code: string }>(
        'points',
        {
          action: 'publishActivity',
          title,
          ruleId,
          ...(branchId ? { branchId } : {}),
          place,
          start: fmt(start),
          end: fmt(start + hours * 3_600_000),
          requestId: `history-activity-${n}`,
        },
        publisher,
        publishAt,
      );
      code = published?.code ?? null;
    });
    attendees.forEach((m, i) => {
      const when = start + (rnd.int(0, 25) + i) * MINUTE;
      plan(when, async () => {
        if (code) await call('points', { action: 'checkin', code }, m.openid, when);
      });
    });
  };
  for (let d = 3; d < days; d += 1) {
    const wd = weekday(d);
    const month = Number(dateOf(d).slice(5, 7));
    for (const [i, branchId] of activityBranches.entries()) {
      const own = members.filter((m) => m.branchId === branchId);
      // 主题党日 on a Friday in the month's first full week; 三会一课 on the 2nd and 4th Wednesday.
      const dom = Number(dateOf(d).slice(8, 10));
      if (wd === 5 && dom >= 1 + i && dom <= 7 + i) {
        const theme = ZHUTI_THEMES[(month + i) % ZHUTI_THEMES.length]!;
        publish(
          d,
          reviewerOf(branchId),
          'r-zhuti',
          `${month}月主题党日：${theme}`,
          BRANCH_PLACE[branchId]!,
          branchId,
          '15:00',
          2,
          rnd.some(own, 0.85),
        );
      }
      if (wd === 3 && ((dom >= 8 && dom <= 14) || (dom >= 22 && dom <= 28))) {
        const kind = SANHUI[(dom + i) % SANHUI.length]!;
        publish(
          d,
          reviewerOf(branchId),
          'r-sanhui',
          `${kind}（${month}月）`,
          BRANCH_PLACE[branchId]!,
          branchId,
          '19:30',
          2,
          rnd.some(own, 0.75),
        );
      }
    }
    if (wd === 6) {
      const v = VOLUNTEER[Math.floor(d / 7) % VOLUNTEER.length]!;
      publish(
        d,
        'demo-admin',
        v.ruleId,
        v.title,
        v.place,
        null,
        v.ruleId === 'r-yexun' ? '20:00' : '08:30',
        3,
        rnd.some(members, 0.45),
      );
    }
  }
  // Study points, awarded at each month's end by the secretary to 向阳社区's members.
  for (let d = 3; d < days; d += 1) {
    if (dateOf(d).slice(8, 10) !== '28') continue;
    const when = at(d, '17:00');
    for (const m of members.filter((x) => x.branchId === XIANGYANG)) {
      const points = rnd.int(3, 10);
      plan(when, async () => {
        await call(
          'points',
          {
            action: 'award',
            openid: m.openid,
            points,
            reason: `${dateOf(d).slice(5, 7)}月“学习强国”学习积分`,
            requestId: `history-study-${d}-${m.openid}`,
          },
          'demo-secretary',
          when,
        );
      });
    }
  }

  // --- station slots, opened by the admin each Monday for the week ahead, and the bookings on them.
  const BOOKABLE = [
    {
      itemId: 'it-yf-center-legal',
      template: { weekdays: [2, 4, 6], start: '09:00', end: '12:00', slotMinutes: 60, capacity: 10 },
      per: [1, 3],
    },
    {
      itemId: 'it-yf-center-room',
      template: { weekdays: [1, 2, 3, 4, 5], start: '14:30', end: '16:30', slotMinutes: 120, capacity: 1 },
      per: [0, 1],
    },
    {
      itemId: 'it-yf-fengshan-guide',
      template: { weekdays: [6, 7], start: '09:00', end: '12:00', slotMinutes: 60, capacity: 20 },
      per: [1, 4],
    },
  ] as const;
  const bookers = [...residents, ...members.slice(0, 8)];
  for (let d = 0; d < days; d += 1) {
    if (weekday(d) !== 1 && d !== 0) continue;
    const openAt = at(d, '08:30');
    const last = Math.min(d + 7, days - 1);
    for (const b of BOOKABLE) {
      plan(openAt, async () => {
        await call(
          'stations',
          { action: 'generateSlots', itemId: b.itemId, from: dateOf(d), to: dateOf(last), template: b.template },
          'demo-admin',
          openAt,
        );
      });
    }
  }
  let bookingNo = 0;
  /** Each person's booked slots by their end, and the item-days the staff closed. */
  const holding = new Map<string, number[]>();
  const closed = new Set<string>();
  for (let d = 1; d < days; d += 1) {
    for (const b of BOOKABLE) {
      if (!(b.template.weekdays as readonly number[]).includes(weekday(d))) continue;
      for (
        let start = atShanghai(`${dateOf(d)} ${b.template.start}`);
        start + b.template.slotMinutes * MINUTE <= atShanghai(`${dateOf(d)} ${b.template.end}`);
        start += b.template.slotMinutes * MINUTE
      ) {
        const count = rnd.int(b.per[0], b.per[1]);
        const who = new Set<string>();
        for (let k = 0; k < count; k += 1) who.add(rnd.pick(bookers).openid);
        const slotStart = start;
        for (const openid of who) {
          const n = (bookingNo += 1);
          // Booked one to four days ahead, but never before the slots were opened.
          const bookAt = Math.max(openedFor(d), slotStart - rnd.int(1, 4) * DAY + rnd.int(0, 600) * MINUTE);
          if (bookAt >= slotStart - 60 * MINUTE) continue;
          const fate = rnd.next();
          let booking: { bookingId: string; code: string } | null = null;
          plan(bookAt, async () => {
            // At most BOOKING_ACTIVE_LIMIT (3) bookings held at once: a busy person books another time.
            const held = (holding.get(openid) ?? []).filter((end) => end > bookAt);
            if (held.length >= 3 || closed.has(`${b.itemId}@${dateOf(d)}`)) return;
            const slots = await call<{ slots: { slotId: string; start: number }[] }>(
              'stations',
              { action: 'slots', itemId: b.itemId, date: dateOf(d) },
              openid,
              bookAt,
            );
            const slot = slots?.slots.find((s) => s.start === slotStart);
            if (!slot) return;
            booking = await call<{ bookingId: string; code: string }>(
              'stations',
              { action: 'book', slotId: slot.slotId, requestId: `history-booking-${n}` },
              openid,
              bookAt,
            );
            // Held until checked in, cancelled or marked a no-show by the night's job.
            if (booking) holding.set(openid, [...held, at(d, '23:31')]);
          });
          if (fate < 0.08) {
            const cancelAt = Math.min(bookAt + rnd.int(2, 20) * 3_600_000, slotStart - 2 * 3_600_000);
            plan(cancelAt, async () => {
              if (!booking) return;
              await call('stations', { action: 'cancel', bookingId: booking.bookingId }, openid, cancelAt);
              const held = holding.get(openid) ?? [];
              held.splice(held.indexOf(at(d, '23:31')), 1);
            });
          } else if (fate < 0.9) {
            const verifyAt = slotStart + rnd.int(-10, 20) * MINUTE;
            plan(verifyAt, async () => {
              if (booking && !closed.has(`${b.itemId}@${dateOf(d)}`))
                await call('stations', { action: 'verify', code: booking.code }, 'demo-staff', verifyAt);
            });
          } // else: a no-show, marked by the job after the day.
        }
      }
    }
  }
  // One morning's legal-advice sittings closed by the staff (the lawyer was called to court).
  const closeDay = [...Array(days).keys()].find((d) => d > days / 2 && weekday(d) === 4);
  if (closeDay !== undefined) {
    const when = at(closeDay - 1, '17:30');
    plan(when, async () => {
      const done = await call(
        'stations',
        {
          action: 'closeSlots',
          itemId: 'it-yf-center-legal',
          date: dateOf(closeDay),
          reason: '坐班律师临时出庭，本日上午法律咨询暂停，请改约其他时段',
        },
        'demo-staff',
        when,
      );
      if (done) closed.add(`it-yf-center-legal@${dateOf(closeDay)}`);
    });
  }

  // --- vaccination: slots opened weekly at two sites; families add their elders and children; doses given.
  const SITES = [
    { siteId: 'vs-yf-01', vaccine: 'covid-inact', weekdays: [1, 3, 5] },
    { siteId: 'vs-yf-02', vaccine: 'covid-inact', weekdays: [2, 4] },
  ];
  for (let d = 0; d < days; d += 1) {
    if (weekday(d) !== 1 && d !== 0) continue;
    const openAt = at(d, '08:00');
    const last = Math.min(d + 7, days - 1);
    for (const s of SITES) {
      plan(openAt, async () => {
        await call(
          'vaccine',
          {
            action: 'generateSlots',
            siteId: s.siteId,
            from: dateOf(d),
            to: dateOf(last),
            template: {
              weekdays: s.weekdays,
              start: '08:30',
              end: '11:30',
              slotMinutes: 30,
              capacity: 30,
              green: { seats: 10, releaseTime: '18:00' },
            },
          },
          'demo-admin',
          openAt,
        );
      });
    }
  }
  // The people each resident books for: a parent over 60 and themselves.
  const family = HISTORY_RESIDENTS.flatMap((r, i) => [
    {
      owner: r.openid,
      name: `${r.realName.slice(0, 1)}${['德明', '桂兰', '秀英', '建华', '玉珍', '永福'][i]}`,
      birth: `19${48 + i * 3}-0${1 + (i % 9)}-1${i}`,
      seq: 11 + i * 2,
    },
    { owner: r.openid, name: r.realName, birth: `19${80 + i * 2}-1${i % 3}-0${1 + i}`, seq: 40 + i * 2 },
  ]);
  const personIds = new Map<string, string>();
  family.forEach((f, i) => {
    const addAt = at(2 + (i % 10), '20:00', i);
    const idNumber = makeIdNumber('450326', f.birth, f.seq);
    plan(addAt, async () => {
      const added = await call<{ personId: string }>(
        'vaccine',
        { action: 'addPerson', name: f.name, idNumber, phone: `139077330${String(i).padStart(2, '0')}` },
        f.owner,
        addAt,
      );
      if (added) {
        personIds.set(`${f.owner}/${f.name}`, added.personId);
        return;
      }
      // Added on an earlier run: found in the owner's list.
      const list = await call<{ items: { personId: string; name: string }[] }>(
        'vaccine',
        { action: 'persons' },
        f.owner,
        addAt,
      );
      const found = list?.items.find((p) => p.name === f.name);
      if (found) personIds.set(`${f.owner}/${f.name}`, found.personId);
    });
    // Dose 1 some days after being added; dose 2 on the first site day 22 to 28 days after.
    const site = SITES[i % SITES.length]!;
    const siteDay = (from: number) =>
      [...Array(days).keys()].find((d) => d >= from && site.weekdays.includes(weekday(d)));
    const first = siteDay(3 + (i % 10) + rnd.int(2, 12));
    if (first === undefined) return;
    const second = siteDay(first + rnd.int(22, 28));
    for (const [dose, d] of [
      [1, first],
      [2, second],
    ] as const) {
      if (d === undefined || d >= days) continue;
      const slotStart = at(d, '08:30', 30 * rnd.int(0, 5));
      const bookAt = Math.max(at(d - 3, '19:00', rnd.int(0, 90)), openedFor(d));
      let appointment: { appointmentId: string; code: string } | null = null;
      plan(bookAt, async () => {
        const personId = personIds.get(`${f.owner}/${f.name}`);
        if (!personId) return;
        const slots = await call<{ slots: { slotId: string; start: number }[] }>(
          'vaccine',
          { action: 'slots', siteId: site.siteId, date: dateOf(d) },
          f.owner,
          bookAt,
        );
        const slot = slots?.slots.find((s) => s.start === slotStart);
        if (!slot) return;
        appointment = await call<{ appointmentId: string; code: string }>(
          'vaccine',
          {
            action: 'appoint',
            slotId: slot.slotId,
            personId,
            vaccine: site.vaccine,
            dose,
            requestId: `history-vaccine-${i}-${dose}`,
          },
          f.owner,
          bookAt,
        );
      });
      const verifyAt = slotStart + rnd.int(5, 25) * MINUTE;
      plan(verifyAt, async () => {
        if (appointment) await call('vaccine', { action: 'verify', code: appointment.code }, 'demo-staff', verifyAt);
      });
    }
  });
  // A site's notice, posted by the staff's admin in the middle of the quarter.
  const noticeAt = at(Math.floor(days / 2), '18:00');
  plan(noticeAt, async () => {
    await call(
      'vaccine',
      {
        action: 'setStatus',
        siteId: 'vs-yf-01',
        status: 'open',
        notice: '本周起周一、三、五上午接种，60岁以上老人可走绿色通道，请携带身份证。',
      },
      'demo-admin',
      noticeAt,
    );
  });

  // --- the mall: members redeem what their points allow and the staff hand it over; a few orders lapse.
  const GOODS = [
    { goodsId: 'g-towel', price: 20, limit: 3, picker: 'demo-staff' },
    { goodsId: 'g-book', price: 30, limit: 2, picker: 'demo-staff' },
    { goodsId: 'g-bag', price: 10, limit: 5, picker: 'demo-admin' },
    { goodsId: 'g-oil', price: 80, limit: 1, picker: 'demo-staff' },
  ];
  let orderNo = 0;
  const bought = new Map<string, number>();
  for (let d = Math.min(20, Math.floor(days / 3)); d < days; d += 1) {
    if (weekday(d) !== 2 && weekday(d) !== 6) continue;
    for (const m of rnd.some(members, 0.18)) {
      const g = rnd.pick(GOODS);
      const n = (orderNo += 1);
      const when = at(d, '10:00', rnd.int(0, 300));
      const fate = rnd.next();
      let order: { orderId: string; pickupCode: string } | null = null;
      plan(when, async () => {
        // What their points and the per-person limit allow.
        const summary = await call<{ balance: number }>('points', { action: 'summary' }, m.openid, when);
        const key = `${m.openid}/${g.goodsId}`;
        if (!summary || summary.balance < g.price || (bought.get(key) ?? 0) >= g.limit) return;
        order = await call<{ orderId: string; pickupCode: string }>(
          'points',
          { action: 'redeem', goodsId: g.goodsId, qty: 1, requestId: `history-order-${n}` },
          m.openid,
          when,
        );
        if (order) bought.set(key, (bought.get(key) ?? 0) + 1);
      });
      if (fate < 0.88) {
        const pickAt = when + rnd.int(1, 3) * DAY + rnd.int(0, 240) * MINUTE;
        plan(pickAt, async () => {
          if (order) await call('points', { action: 'verifyOrder', pickupCode: order.pickupCode }, g.picker, pickAt);
        });
      } // else: never collected, expired and refunded by the job.
    }
  }
  const restockAt = at(Math.floor(days * 0.6), '09:00');
  plan(restockAt, async () => {
    await call('points', { action: 'restock', goodsId: 'g-towel', qty: 50 }, 'demo-admin', restockAt);
  });

  // --- 群众点单: asked by residents, accepted and dispatched by the branch, finished by members, rated.
  const photo = (n: number) => photoPng(n);
  ASKS.forEach((a, i) => {
    const asker = residents[i % residents.length]!;
    const branchId = a.place.startsWith('龙泉') ? LONGQUAN : XIANGYANG;
    const desk = reviewerOf(branchId);
    const own = members.filter((m) => m.branchId === branchId);
    const d = Math.floor(((i + 0.5) * (days - 6)) / ASKS.length);
    const askAt = at(d, '08:00', rnd.int(0, 600));
    let id: string | null = null;
    plan(askAt, async () => {
      const asked = await call<{ id: string }>(
        'requests',
        {
          action: 'ask',
          kind: a.kind,
          category: a.category,
          title: a.title,
          text: a.text,
          photos: [],
          unitId: branchId,
          place: { name: a.place },
          contactName: asker.realName,
          contactPhone: asker.phone,
          publicOnWall: i % 4 !== 1,
          requestId: `history-ask-${i}`,
        },
        asker.openid,
        askAt,
      );
      id = asked?.id ?? null;
    });
    const reviewAt = askAt + rnd.int(1, 6) * 3_600_000;
    if (a.end === 'declined') {
      plan(reviewAt, async () => {
        if (id)
          await call(
            'requests',
            {
              action: 'review',
              id,
              decision: 'decline',
              reason: '快递代收点需由物业和快递公司设立，已转告物业公司研究',
            },
            desk,
            reviewAt,
          );
      });
      return;
    }
    plan(reviewAt, async () => {
      if (id) await call('requests', { action: 'review', id, decision: 'accept' }, desk, reviewAt);
    });
    const claimant = own[(i * 3) % own.length] ?? own[0]!;
    const helper = i % 3 === 0 && branchId === XIANGYANG ? 'demo-volunteer' : claimant.openid;
    const dispatchAt = reviewAt + rnd.int(1, 3) * 3_600_000;
    const toHall = a.kind === 'wish' || i % 2 === 0;
    plan(dispatchAt, async () => {
      if (!id) return;
      await call(
        'requests',
        toHall
          ? { action: 'dispatch', id, mode: 'hall', hours: rnd.int(1, 4), ...(a.kind === 'issue' ? { places: 1 } : {}) }
          : { action: 'dispatch', id, mode: 'assign', openid: claimant.openid, hours: rnd.int(1, 4) },
        desk,
        dispatchAt,
      );
    });
    const claimAt = dispatchAt + rnd.int(1, 10) * 3_600_000;
    const doer = toHall ? helper : claimant.openid;
    if (toHall)
      plan(claimAt, async () => {
        if (id) await call('requests', { action: 'claim', id }, doer, claimAt);
      });
    const finishAt = claimAt + rnd.int(1, 4) * DAY;
    plan(finishAt, async () => {
      if (!id) return;
      const upload = await call<{ fileId: string }>(
        'requests',
        { action: 'uploadPhoto', contentType: 'image/png', dataBase64: photo(i) },
        doer,
        finishAt,
      );
      if (upload)
        await call(
          'requests',
          { action: 'finish', id, text: '已上门办好，附现场照片', photos: [upload.fileId] },
          doer,
          finishAt,
        );
    });
    const confirmAt = finishAt + rnd.int(3, 30) * 3_600_000;
    plan(confirmAt, async () => {
      if (id)
        await call(
          'requests',
          { action: 'confirm', id, rating: a.rating ?? 5, comment: a.comment ?? '' },
          asker.openid,
          confirmAt,
        );
    });
  });

  // --- people read their messages: what came before the last evening is read, the last day's is new.
  const readAt = at(days - 1, '21:00');
  for (const openid of [...members, ...residents].map((p) => p.openid).concat('demo-volunteer')) {
    plan(readAt, async () => {
      await call('user', { action: 'markRead' }, openid, readAt);
    });
  }

  // --- the timer jobs, as the cloud runs them: no-shows, expired orders, overdue requests, messages.
  for (let d = 0; d < days; d += 1) {
    const night = at(d, '23:30');
    plan(night, async () => {
      await job('stations', 'markNoShows', night);
      await job('points', 'expireOrders', night);
      await job('requests', 'markOverdue', night);
      await job('user', 'deliverMessages', night);
    });
  }

  // A run killed half-way may have left a reservation under way: the reconcile jobs finish or roll it back (it is
  // older than the grace period by the real clock) before the plan is replayed, and again once it is played.
  const reconcile = async () => {
    for (const fn of ['points', 'stations', 'vaccine']) await job(fn, 'reconcile', options.now);
  };
  await reconcile();
  tasks.sort((x, y) => x.at - y.at || x.seq - y.seq);
  for (const task of tasks) await task.run();
  await reconcile();
  report.ms = Math.round(performance.now() - started);
  await addIfAbsent(db, HISTORY_MARK.collection, {
    _id: HISTORY_MARK.id,
    at: options.now,
    days,
    actions: Object.values(report.actions).reduce((a, b) => a + b, 0),
  });
  options.log?.(
    `演示历史：${days} 天，${Object.values(report.actions).reduce((a, b) => a + b, 0)} 次操作，${Math.round(report.ms / 100) / 10} 秒`,
  );
  return report;
}
