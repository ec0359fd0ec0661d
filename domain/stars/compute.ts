/**
 * The proposed score of one branch for one quarter: a pure function over the branch's records (no database, no
 * clock), so a test can recompute every figure on its own. The weights and thresholds come from the settings
 * (rules.ts); they are a default to adjust, not a rule from the articles.
 */
import { FIGURE_KEYS, FIGURE_LABELS, REQUIRED_MEETINGS, type FigureKey } from './labels';
import type { Quarter } from './quarter';

/** A meeting as the star rating reads it (domain/meetings' documents carry these fields). */
export interface MeetingRecord {
  type: string;
  startAt: number;
  status: string;
  expectedCount: number;
  presentCount: number;
  leaveCount: number;
  absentCount: number;
}

/** A 群众点单 of the branch: its status, when it was asked and confirmed, its rating, hours and helpers. */
export interface RequestRecord {
  status: string;
  createdAt: number;
  confirmedAt: number | null;
  rating: number | null;
  /** Hours of service each helper gave (the request's `hours`). */
  hours: number;
  /** How many helpers confirmation credited (members' points or volunteers' 时间银行 hours). */
  helpers: number;
}

/** A points ledger entry of a member of the branch. */
export interface LedgerRecord {
  openid: string;
  amount: number;
  kind: string;
  at: number;
}

export interface BranchRecords {
  /** The branch's members (openids) when the rating is computed. */
  members: readonly string[];
  meetings: readonly MeetingRecord[];
  requests: readonly RequestRecord[];
  ledger: readonly LedgerRecord[];
}

export interface StarRules {
  weights: Record<FigureKey, number>;
  /** The least score for 1…5 stars, rising. */
  thresholds: readonly number[];
  /** Service hours a member a quarter that earn the full weight. */
  hoursPerMember: number;
}

/** 点单 statuses a branch accepted and did not see cancelled (as domain/requests' figures count them). */
export const ACCEPTED_STATUSES: readonly string[] = ['accepted', 'open', 'inProgress', 'finished', 'confirmed'];

export interface MeetingTypeFacts {
  type: string;
  label: string;
  rhythm: 'monthly' | 'quarterly';
  /** Meetings of the type held in the quarter. */
  held: number;
  /** Months of the quarter (0–3) with at least one held. */
  months: number;
  /** Share of the rhythm met, 0..1: months/3 for a monthly type, held ≥ 1 for a quarterly one. */
  value: number;
}

export interface Facts {
  meetings: MeetingTypeFacts[];
  attendance: { meetings: number; expected: number; present: number; leave: number; absent: number };
  requests: { accepted: number; confirmed: number; rated: number; satisfied: number };
  service: { hours: number; members: number };
  points: { members: number; active: number };
}

export interface FigureRow {
  key: FigureKey;
  label: string;
  /** Its weight (of 100) as configured. */
  weight: number;
  /** False when there was nothing to judge (no accepted 点单, no ratings): its weight goes to the others. */
  counted: boolean;
  /** 0..1. */
  value: number;
  /** What it adds to the score (0–100 scale, after counted weights are scaled back to 100). */
  points: number;
  /** The figure in plain words: 「支委会 3/3 个月、主题党日 2/3 个月…」. */
  detail: string;
}

export interface Proposal {
  /** 0–100, one decimal. */
  score: number;
  stars: number;
  figures: FigureRow[];
  facts: Facts;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (n: number) => `${Math.round(n * 1000) / 10}%`;
const within = (at: number | null, q: Quarter) => at !== null && at >= q.start && at < q.end;

/** Stars for a score: how many thresholds it reaches. */
export const starsFor = (score: number, thresholds: readonly number[]): number =>
  thresholds.filter((t) => score >= t).length;

export function rateBranch(records: BranchRecords, quarter: Quarter, rules: StarRules): Proposal {
  const held = records.meetings.filter((m) => m.status === 'held' && within(m.startAt, quarter));

  const meetings: MeetingTypeFacts[] = REQUIRED_MEETINGS.map(({ type, label, rhythm }) => {
    const ofType = held.filter((m) => m.type === type);
    const months = [0, 1, 2].filter((i) =>
      ofType.some((m) => m.startAt >= quarter.months[i]! && m.startAt < quarter.months[i + 1]!),
    ).length;
    const value = rhythm === 'monthly' ? months / 3 : ofType.length > 0 ? 1 : 0;
    return { type, label, rhythm, held: ofType.length, months, value };
  });

  const attendance = { meetings: held.length, expected: 0, present: 0, leave: 0, absent: 0 };
  for (const m of held) {
    attendance.expected += m.expectedCount;
    attendance.present += m.presentCount;
    attendance.leave += m.leaveCount;
    attendance.absent += m.absentCount;
  }
  // 出勤率: those present among those expected, less those the secretary let go on leave.
  const due = attendance.expected - attendance.leave;

  const asked = records.requests.filter((r) => within(r.createdAt, quarter));
  const accepted = asked.filter((r) => ACCEPTED_STATUSES.includes(r.status));
  const confirmed = asked.filter((r) => r.status === 'confirmed');
  const rated = confirmed.filter((r) => r.rating !== null);
  const requests = {
    accepted: accepted.length,
    confirmed: confirmed.length,
    rated: rated.length,
    satisfied: rated.filter((r) => (r.rating ?? 0) >= 4).length,
  };

  const serviceHours = records.requests
    .filter((r) => r.status === 'confirmed' && within(r.confirmedAt, quarter))
    .reduce((sum, r) => sum + r.hours * r.helpers, 0);
  const members = new Set(records.members);
  const service = { hours: serviceHours, members: members.size };

  const active = new Set(
    records.ledger
      .filter((e) => e.amount > 0 && e.kind !== 'refund' && within(e.at, quarter) && members.has(e.openid))
      .map((e) => e.openid),
  );
  const points = { members: members.size, active: active.size };

  const perMember = members.size > 0 ? serviceHours / members.size : 0;
  const raw: Record<FigureKey, { counted: boolean; value: number; detail: string }> = {
    meetings: {
      counted: true,
      value: meetings.reduce((sum, m) => sum + m.value, 0) / meetings.length,
      detail: meetings
        .map((m) => (m.rhythm === 'monthly' ? `${m.label} ${m.months}/3 个月` : `${m.label} ${m.held} 次（应 1 次）`))
        .join('，'),
    },
    attendance: {
      counted: true,
      value: due > 0 ? attendance.present / due : 0,
      detail:
        held.length === 0
          ? '本季度没有已召开的会议'
          : `${held.length} 次会议，应到 ${attendance.expected} 人次，请假 ${attendance.leave}，实到 ${attendance.present}`,
    },
    finishRate: {
      counted: requests.accepted > 0,
      value: requests.accepted > 0 ? requests.confirmed / requests.accepted : 0,
      detail:
        requests.accepted > 0
          ? `受理 ${requests.accepted} 件，办结 ${requests.confirmed} 件`
          : '本季度没有受理的点单，此项不计分',
    },
    satisfaction: {
      counted: requests.rated > 0,
      value: requests.rated > 0 ? requests.satisfied / requests.rated : 0,
      detail:
        requests.rated > 0
          ? `评价 ${requests.rated} 件，满意（4–5 星）${requests.satisfied} 件`
          : '本季度没有群众评价，此项不计分',
    },
    serviceHours: {
      counted: true,
      value: Math.min(1, perMember / rules.hoursPerMember),
      detail: `服务 ${serviceHours} 小时，党员 ${members.size} 人，人均 ${round1(perMember)} 小时（满分 ${rules.hoursPerMember} 小时）`,
    },
    pointsActivity: {
      counted: true,
      value: members.size > 0 ? active.size / members.size : 0,
      detail: `${members.size} 名党员中 ${active.size} 人本季度获得积分`,
    },
  };

  const countedWeight = FIGURE_KEYS.reduce((sum, k) => sum + (raw[k].counted ? rules.weights[k] : 0), 0);
  const scale = countedWeight > 0 ? 100 / countedWeight : 0;
  const figures: FigureRow[] = FIGURE_KEYS.map((key) => {
    const r = raw[key];
    const weight = rules.weights[key];
    const pts = r.counted ? weight * scale * r.value : 0;
    const shown = key === 'meetings' || !r.counted ? r.detail : `${r.detail}（${percent(r.value)}）`;
    return {
      key,
      label: FIGURE_LABELS[key],
      weight,
      counted: r.counted,
      value: r.value,
      points: round1(pts),
      detail: shown,
    };
  });
  const score = round1(
    FIGURE_KEYS.reduce((sum, k) => sum + (raw[k].counted ? rules.weights[k] * scale * raw[k].value : 0), 0),
  );
  return {
    score,
    stars: starsFor(score, rules.thresholds),
    figures,
    facts: { meetings, attendance, requests, service, points },
  };
}
