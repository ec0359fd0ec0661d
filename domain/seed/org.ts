import type { Database } from '../db';
import { addIfAbsent } from '../core/ids';
import { BRANCHES as BRANCH_DATA, STATIONS as STATION_DATA, VACCINE_SITES } from './data';
import { USERS } from '../core/identity';
import { UNITS, type UnitKind } from '../org';

interface SeedUnit {
  _id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  county: string;
}

/** The counties of the articles (full names as stations, sites and branches carry them). */
export const COUNTY_UNITS: SeedUnit[] = [
  { _id: 'cty-yongfu', parentId: null, kind: 'county', name: '永福县', county: '桂林市永福县' },
  { _id: 'cty-xiufeng', parentId: null, kind: 'county', name: '秀峰区', county: '桂林市秀峰区' },
  { _id: 'cty-lingchuan', parentId: null, kind: 'county', name: '灵川县', county: '桂林市灵川县' },
  { _id: 'cty-rongxian', parentId: null, kind: 'county', name: '容县', county: '玉林市容县' },
  { _id: 'cty-beiliu', parentId: null, kind: 'county', name: '北流市', county: '玉林市北流市' },
  { _id: 'cty-luchuan', parentId: null, kind: 'county', name: '陆川县', county: '玉林市陆川县' },
  { _id: 'cty-taining', parentId: null, kind: 'county', name: '泰宁县', county: '三明市泰宁县' },
];

/**
 * 街道/社区 大党委, 党委 and 联盟 the articles name: 解东社区 is a 党委; 九龙 and 七彩 are 大党委; 陆川's
 * 新洲社区 has a 大党委; 永福's 先锋联盟 has its 工作站 in the 电商产业园.
 */
export const MIDDLE_UNITS: SeedUnit[] = [
  { _id: 'cm-xf-jiedong', parentId: 'cty-xiufeng', kind: 'committee', name: '解东社区党委', county: '桂林市秀峰区' },
  {
    _id: 'cm-lc-jiulong',
    parentId: 'cty-lingchuan',
    kind: 'committee',
    name: '八里街九龙社区大党委',
    county: '桂林市灵川县',
  },
  { _id: 'cm-lc-qicai', parentId: 'cty-lingchuan', kind: 'committee', name: '七彩社区大党委', county: '桂林市灵川县' },
  { _id: 'cm-luc-xinzhou', parentId: 'cty-luchuan', kind: 'committee', name: '新洲社区大党委', county: '玉林市陆川县' },
  {
    _id: 'al-yf-dianshang',
    parentId: 'cty-yongfu',
    kind: 'alliance',
    name: '电商产业园先锋联盟',
    county: '桂林市永福县',
  },
];

/** Where a seeded branch sits; a branch not listed sits directly under its county. */
const BRANCH_PARENT: Record<string, string> = {
  'br-xf-jiedong': 'cm-xf-jiedong',
  'br-lc-jiulong': 'cm-lc-jiulong',
  'br-lc-qicai': 'cm-lc-qicai',
  'br-lu-xinzhou': 'cm-luc-xinzhou',
};

/** Demo users of the organisation work (fictitious): a branch secretary and a county admin. */
export const ORG_DEMO_USERS = [
  {
    _id: 'demo-secretary',
    nickname: '向阳社区书记刘红梅',
    role: 'secretary',
    branchId: 'br-yf-xiangyang',
    scopeUnitId: null,
    stationIds: [],
    siteIds: [],
  },
  {
    _id: 'demo-county-admin',
    nickname: '秀峰区管理员周敏',
    role: 'admin',
    branchId: null,
    scopeUnitId: 'cty-xiufeng',
    stationIds: [],
    siteIds: [],
  },
] as const;

/** Seeds the organisation tree from the seeded counties and branches, and the scopes of the demo users. */
export async function seedOrg(db: Database, now: number): Promise<void> {
  const counties = new Map(COUNTY_UNITS.map((u) => [u.county, u._id]));
  for (const unit of [...COUNTY_UNITS, ...MIDDLE_UNITS])
    await addIfAbsent(db, UNITS, { ...unit, secretary: null, createdAt: now });
  for (const branch of BRANCH_DATA) {
    const parentId = BRANCH_PARENT[branch._id] ?? counties.get(branch.county);
    if (!parentId) continue;
    const secretary = branch._id === 'br-yf-xiangyang' ? 'demo-secretary' : null;
    await addIfAbsent(db, UNITS, {
      _id: branch._id,
      parentId,
      kind: 'branch',
      name: branch.name,
      county: branch.county,
      secretary,
      createdAt: now,
    });
  }
  for (const user of ORG_DEMO_USERS)
    await addIfAbsent(db, USERS, { ...user, stationIds: [], siteIds: [], createdAt: now });
  // demo-staff (向阳社区) works at 永福's stations and vaccination sites; demo-admin stays system-wide.
  const staff = await db.collection(USERS).doc('demo-staff').get();
  if (staff && !Array.isArray(staff.stationIds)) {
    const county = '桂林市永福县';
    await db
      .collection(USERS)
      .doc('demo-staff')
      .update({
        stationIds: STATION_DATA.filter((s) => s.county === county).map((s) => s._id),
        siteIds: VACCINE_SITES.filter((s) => s.county === county).map((s) => s._id),
      });
  }
}
