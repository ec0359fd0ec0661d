/**
 * Drives 群众点单 requests (function `requests`) to a given state, for the suites that need a request
 * "open in the hall", "claimed", "finished" …: the authorization table, the fuzz suite, the crash suite,
 * the storms and the bench. Works through any caller: the routers in-process or the local cloud's HTTP.
 */
import { clock } from '../../domain/core/clock';
import type { Envelope } from '../../domain/core/errors';

export type Call = <T = unknown>(fn: string, event: object, openid: string | null) => Promise<Envelope<T>>;

/** A 1×1 transparent PNG: the smallest photo the files port accepts. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** 向阳社区党支部 (永福): the seeded branch with a secretary (demo-secretary). */
export const XIANGYANG = 'br-yf-xiangyang';

export type RequestKind = 'wish' | 'issue';
export type Stage =
  'submitted' | 'accepted' | 'declined' | 'assigned' | 'open' | 'claimed' | 'finished' | 'confirmed' | 'cancelled';

export async function must<T>(answer: Promise<Envelope<T>>, what: string): Promise<T> {
  const res = await answer;
  if (!res.ok) throw new Error(`${what}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

let counter = 0;
/** A requestId nobody else used in this process. */
export const freshRequestId = (prefix = 'flow'): string =>
  `${prefix}-${process.pid}-${(counter += 1)}-${clock.now().toString(36)}`;

export interface AskOptions {
  kind?: RequestKind;
  unitId?: string;
  publicOnWall?: boolean;
  photos?: string[];
  requestId?: string;
  title?: string;
}

export function askEvent(options: AskOptions = {}): Record<string, unknown> {
  const kind = options.kind ?? 'wish';
  return {
    action: 'ask',
    kind,
    category: kind === 'wish' ? '长者' : '环境',
    title: options.title ?? (kind === 'wish' ? '想要一台收音机' : '楼道灯坏了'),
    text: kind === 'wish' ? '独居老人想听戏，家里没有收音机。' : '三单元楼道灯坏了一个月，晚上上下楼看不见。',
    photos: options.photos ?? [],
    unitId: options.unitId ?? XIANGYANG,
    place: { name: '向阳社区三单元' },
    contactName: '李秀兰',
    contactPhone: '13907730001',
    publicOnWall: options.publicOnWall ?? true,
    requestId: options.requestId ?? freshRequestId('ask'),
  };
}

export async function uploadPhoto(call: Call, openid: string): Promise<string> {
  return (
    await must(
      call<{ fileId: string }>(
        'requests',
        { action: 'uploadPhoto', contentType: 'image/png', dataBase64: TINY_PNG },
        openid,
      ),
      'uploadPhoto',
    )
  ).fileId;
}

export interface FlowPeople {
  resident: string;
  /** The secretary (or an admin in scope) who reviews and dispatches. */
  secretary: string;
  /** Who claims (or is assigned) when the stage needs a claimant. */
  claimant?: string;
}

export interface FlowOptions extends AskOptions {
  /** Places in the hall (a wish always has 1). */
  places?: number;
  hours?: number;
}

/**
 * Asks as `people.resident` and moves the request on to `stage`: accepted/declined by the secretary,
 * assigned to the claimant or published to the hall (open), claimed, finished with a photo, confirmed.
 * Answers the request id.
 */
export async function requestAt(
  call: Call,
  stage: Stage,
  people: FlowPeople,
  options: FlowOptions = {},
): Promise<string> {
  const { id } = await must(call<{ id: string }>('requests', askEvent(options), people.resident), 'ask');
  if (stage === 'submitted') return id;
  if (stage === 'cancelled') {
    await must(call('requests', { action: 'cancel', id }, people.resident), 'cancel');
    return id;
  }
  if (stage === 'declined') {
    await must(
      call('requests', { action: 'review', id, decision: 'decline', reason: '不属于本社区' }, people.secretary),
      'review decline',
    );
    return id;
  }
  await must(call('requests', { action: 'review', id, decision: 'accept' }, people.secretary), 'review accept');
  if (stage === 'accepted') return id;
  const claimant = people.claimant ?? 'demo-member';
  const hours = options.hours ?? 2;
  if (stage === 'assigned') {
    await must(
      call('requests', { action: 'dispatch', id, mode: 'assign', openid: claimant, hours }, people.secretary),
      'dispatch assign',
    );
    return id;
  }
  const kind = options.kind ?? 'wish';
  await must(
    call(
      'requests',
      { action: 'dispatch', id, mode: 'hall', hours, ...(kind === 'issue' ? { places: options.places ?? 3 } : {}) },
      people.secretary,
    ),
    'dispatch hall',
  );
  if (stage === 'open') return id;
  await must(call('requests', { action: 'claim', id }, claimant), 'claim');
  if (stage === 'claimed') return id;
  const photo = await uploadPhoto(call, claimant);
  await must(call('requests', { action: 'finish', id, text: '已经办好了', photos: [photo] }, claimant), 'finish');
  if (stage === 'finished') return id;
  await must(call('requests', { action: 'confirm', id, rating: 5, comment: '谢谢' }, people.resident), 'confirm');
  return id;
}

/**
 * A Call over the local cloud's HTTP: one bearer token per openid (dev sign-in), fetched once. `where` may be
 * a function, for a cloud restarted on another port (tokens outlive a restart on the same data folder).
 */
export function httpCall(where: string | (() => string)): Call & { tokenOf(openid: string): Promise<string> } {
  const baseOf = typeof where === 'string' ? () => where : where;
  const tokens = new Map<string, string>();
  const tokenOf = async (openid: string): Promise<string> => {
    let token = tokens.get(openid);
    if (!token) {
      const res = await fetch(`${baseOf()}/auth/dev-login`, {
        method: 'POST',
        body: JSON.stringify({ openid }),
        headers: { 'content-type': 'application/json' },
      });
      token = ((await res.json()) as { data: { token: string } }).data.token;
      tokens.set(openid, token);
    }
    return token;
  };
  const call = (async (fn: string, event: object, openid: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (openid) headers.authorization = `Bearer ${await tokenOf(openid)}`;
    const res = await fetch(`${baseOf()}/fn/${fn}`, { method: 'POST', body: JSON.stringify(event), headers });
    return res.json();
  }) as Call;
  return Object.assign(call, { tokenOf });
}
