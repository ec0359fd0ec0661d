/**
 * Demo data for 群众点单 (fictitious): a volunteer registered with 向阳社区 and approved, and a few wishes of the kind the
 * articles describe (北流's 圆梦微心愿, 灵川's 心愿), on the 心愿墙 and in the 任务大厅 of 向阳社区. The wishes read as a
 * resident's own words, with no 「示例」 mark: the demo as a whole is marked once, on the home page.
 */
import type { Database } from '../db';
import { setting } from '../core/config';
import { addIfAbsent } from '../core/ids';
import { sealIdentity } from '../org';
import { USERS } from '../core/identity';
import { REQUESTS, REQUEST_EVENTS, VOLUNTEERS, type RequestDoc } from '../requests';

export const DEMO_VOLUNTEER = {
  _id: 'demo-volunteer',
  nickname: '志愿者小张',
  role: 'resident',
  branchId: null,
  scopeUnitId: null,
  stationIds: [],
  siteIds: [],
} as const;

interface DemoWish {
  _id: string;
  category: string;
  title: string;
  text: string;
  status: 'accepted' | 'open';
  contactName: string;
  contactPhone: string;
  hoursAgo: number;
}

const DEMO_WISHES: DemoWish[] = [
  {
    _id: 'rq-demo-1',
    category: '长者',
    title: '独居老人想要一台收音机',
    text: '社区独居老人视力不好，想要一台能听戏曲的收音机。',
    status: 'open',
    contactName: '李秀兰',
    contactPhone: '13800001111',
    hoursAgo: 20,
  },
  {
    _id: 'rq-demo-2',
    category: '儿童',
    title: '留守儿童想要一套课外读物',
    text: '四年级留守儿童，想要一套适合的课外读物和一个书包。',
    status: 'open',
    contactName: '黄春梅',
    contactPhone: '13800002222',
    hoursAgo: 8,
  },
  {
    _id: 'rq-demo-3',
    category: '助学',
    title: '想请人辅导初中数学',
    text: '孩子初二，数学跟不上，希望周末有人辅导。',
    status: 'accepted',
    contactName: '韦丽',
    contactPhone: '13800003333',
    hoursAgo: 3,
  },
];

export async function seedRequests(db: Database, now: number): Promise<void> {
  // The demo contacts are sealed: without a personal-data key (a bare engine in a test) there is no demo 点单.
  if (!setting('PII_KEY')) return;
  await addIfAbsent(db, USERS, { ...DEMO_VOLUNTEER, stationIds: [], siteIds: [], createdAt: now });
  // Approved by 向阳社区's secretary, so the demo journeys can take tasks from the hall.
  await addIfAbsent(db, VOLUNTEERS, {
    _id: DEMO_VOLUNTEER._id,
    identity: sealIdentity('张志远', '13900009999'),
    inService: false,
    workplace: null,
    createdAt: now,
    unitId: 'br-yf-xiangyang',
    unitName: '向阳社区党支部',
    county: '桂林市永福县',
    status: 'approved',
    appliedAt: now,
    reviewedBy: 'demo-secretary',
    reviewedAt: now,
    reason: null,
  });
  for (const w of DEMO_WISHES) {
    const at = now - w.hoursAgo * 3_600_000;
    const doc: Omit<RequestDoc, '_openid'> = {
      _id: w._id,
      openid: 'demo-resident',
      requestId: `seed-${w._id}`,
      kind: 'wish',
      category: w.category,
      title: w.title,
      text: w.text,
      photos: [],
      unitId: 'br-yf-xiangyang',
      unitName: '向阳社区党支部',
      county: '桂林市永福县',
      place: null,
      contact: sealIdentity(w.contactName, w.contactPhone),
      publicOnWall: true,
      status: w.status,
      overdue: false,
      escalatedAt: null,
      createdAt: at,
      updatedAt: at,
      acceptedAt: at + 3_600_000,
      finishedAt: null,
      confirmedAt: null,
      closedAt: null,
      reason: null,
      mode: w.status === 'open' ? 'hall' : null,
      places: w.status === 'open' ? 1 : 0,
      taken: 0,
      hours: 2,
      claims: {},
      claimantIds: [],
      rating: null,
      comment: null,
      awards: [],
    };
    if (!(await addIfAbsent(db, REQUESTS, JSON.parse(JSON.stringify(doc)) as Record<string, never>))) continue;
    await addIfAbsent(db, REQUEST_EVENTS, {
      _id: `${w._id}-1`,
      requestId: w._id,
      at,
      status: 'submitted',
      text: '提交了微心愿',
      by: '居民',
      photos: [],
    });
    await addIfAbsent(db, REQUEST_EVENTS, {
      _id: `${w._id}-2`,
      requestId: w._id,
      at: at + 3_600_000,
      status: 'accepted',
      text: '支部已受理',
      by: '向阳社区党支部',
      photos: [],
    });
    if (w.status === 'open')
      await addIfAbsent(db, REQUEST_EVENTS, {
        _id: `${w._id}-3`,
        requestId: w._id,
        at: at + 3_600_000,
        status: 'open',
        text: '发布到任务大厅（1 个名额）',
        by: '向阳社区党支部',
        photos: [],
      });
  }
}
