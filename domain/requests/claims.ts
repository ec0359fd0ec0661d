/**
 * 党员接单: the 任务大厅, claiming, progress and finishing.
 *
 * A request in the hall is a hot document: fifty people may claim a wish in the same second. A claim is
 * therefore never a read-then-write inside an optimistic transaction (on CloudBase every such
 * transaction would conflict with every other). It is one conditional single-document update that
 * holds only while the request is still `open`, `taken` is what the claimant read, and the claimant's
 * key is absent; it adds the claim, moves `taken` on by one, and turns the request `inProgress` when
 * that was the last place. Exactly one claimant wins each place; a loser reads again and is told why.
 * The timeline line and the resident's message follow in a small transaction that does not touch the
 * request (`reconcileClaims` writes them for a claim whose process died in between).
 */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { crashPoint, intentGraceMs } from '../core/intents';
import type { UserDoc } from '../core/identity';
import { dayOf } from '../core/time';
import {
  MAX_PHOTOS,
  REQUESTS,
  REQUEST_EVENTS,
  kindSchema,
  progressPerDay,
  requestDocSchema,
  type Claim,
  type RequestDoc,
} from './model';
import {
  aboutRequest,
  addEvent,
  assertOwnPhotos,
  card,
  claimKey,
  claimantName,
  dropHold,
  isParty,
  notFoundRequest,
  quoteTitle,
  readRequest,
  readVolunteer,
  reserveClaim,
  takeQuota,
  tell,
  usePhotos,
  volunteerRefusal,
} from './present';
import { placeOfUser, UNITS, unitDocSchema } from '../org';
import { assertStep, refusalOf } from './status';
import { assertTextsPass } from '../content';

const photoIds = z.array(z.string().trim().min(1).max(300));

/** Who may take tasks: party members (member, secretary) and volunteers their branch approved; anyone else is told why not. */
async function claimantKind(db: Database, user: UserDoc): Promise<Claim['kind']> {
  if (isParty(user)) return 'member';
  const volunteer = await readVolunteer(db, user._id);
  if (volunteer?.status === 'approved') return 'volunteer';
  throw volunteerRefusal(volunteer);
}

/** What the caller's county is, for "same county first" in the hall. */
async function countyOf(db: Database, user: UserDoc): Promise<string | null> {
  const place = await placeOfUser(db, user);
  return place.county ?? place.counties?.[0] ?? null;
}

export const hall = action({
  input: z.strictObject({ kind: kindSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ kind, cursor, limit }, ctx) {
    // The hall is for those who may take a task: residents are asked to register as volunteers (and be approved) first.
    await claimantKind(ctx.db, ctx.user);
    const county = await countyOf(ctx.db, ctx.user);
    const col = ctx.db.collection(REQUESTS);
    const _ = ctx.db.command;
    // Two phases, one cursor: `h:<createdAt>` pages the caller's county, `o:<createdAt>` the rest.
    const [phase, at] = cursor?.includes(':')
      ? (cursor.split(':', 2) as [string, string])
      : [county ? 'h' : 'o', undefined];
    if (phase !== 'h' && phase !== 'o')
      throw new AppError('INVALID_ARGUMENT', '翻页位置不正确，请刷新后重试', 'cursor');
    const size = limit ?? 20;
    const present = async (page: { items: RequestDoc[]; nextCursor: string | null }, tag: string) => {
      const items = [];
      for (const req of page.items)
        items.push({ ...(await card(req, ctx.services)), sameCounty: req.county === county });
      return { items, nextCursor: page.nextCursor ? `${tag}:${page.nextCursor}` : null };
    };
    if (phase === 'h' && county) {
      const home = await pageByNewest(
        col,
        { status: 'open', county, kind },
        'createdAt',
        { cursor: at, limit: size },
        requestDocSchema,
        (d) => d,
      );
      const shown = await present(home, 'h');
      // The caller's county ran out on this page: the next page starts on the other counties.
      if (!shown.nextCursor) shown.nextCursor = 'o:';
      return shown;
    }
    const others = await pageByNewest(
      col,
      { status: 'open', county: county ? _.neq(county) : undefined, kind },
      'createdAt',
      { cursor: at || undefined, limit: size },
      requestDocSchema,
      (d) => d,
    );
    return present(others, 'o');
  },
});

/** Refusals a claimant may hear, in the spec's words. */
function refusal(req: RequestDoc): AppError {
  if (req.kind === 'wish' && req.taken >= req.places && req.places > 0)
    return new AppError('CONFLICT', '该心愿已被认领');
  if (req.status === 'open' || (req.status === 'inProgress' && req.taken >= req.places))
    return new AppError('SLOT_FULL', '名额已满');
  return refusalOf('claim', req.status);
}

/**
 * Takes one place for `claim` by conditional update (never inside a transaction). Answers the request
 * as it was just before the claim, and whether this claim filled it.
 */
export async function takePlace(
  db: Database,
  id: string,
  claim: Claim,
  now: number,
): Promise<{ req: RequestDoc; filled: boolean }> {
  const key = claimKey(claim.openid);
  const _ = db.command;
  // Each failed round means another claim (or a change of status) won meanwhile: bounded by the places.
  for (let round = 0; round < 200; round += 1) {
    const req = await readRequest(db, id);
    if (!req) throw notFoundRequest();
    if (req.claims[key]) throw new AppError('CONFLICT', '你已认领');
    if (req.status !== 'open' || req.taken >= req.places) throw refusal(req);
    const filled = req.taken + 1 >= req.places;
    const { updated } = await db
      .collection(REQUESTS)
      .where({ _id: id, status: 'open', taken: req.taken, [`claims.${key}`]: _.exists(false) })
      .update({
        taken: req.taken + 1,
        status: filled ? 'inProgress' : 'open',
        [`claims.${key}`]: { ...claim },
        claimantIds: _.set([...req.claimantIds, claim.openid]),
        updatedAt: now,
      });
    if (updated > 0) return { req, filled };
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + round * 2)));
  }
  throw new AppError('CONFLICT', '认领的人太多，请稍后重试');
}

/** The timeline line and messages of a claim already taken (idempotent: ids derived from request + claimant). */
export async function recordClaim(
  db: Database,
  req: RequestDoc,
  claim: Claim,
  filled: boolean,
  now: number,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    await addEvent(
      tx,
      req,
      {
        status: filled ? 'inProgress' : 'open',
        text: `${claimantName(claim)}认领${filled ? '，开始办理' : ''}`,
        by: claim.nickname,
      },
      now,
      'claim',
      claim.openid,
    );
    await tell(
      tx,
      req,
      req.openid,
      'claimed',
      aboutRequest(req, filled ? `已由${claimantName(claim)}认领，开始办理` : `已由${claimantName(claim)}认领`),
      `${claimantName(claim)}认领了你的${quoteTitle(req)}，会尽快联系你`,
      now,
      claim.openid,
    );
  }, TX_ATTEMPTS);
}

export const claim = action({
  input: z.strictObject({ id: fields.id }),
  access: 'signedIn',
  async run({ id }, ctx) {
    const kind = await claimantKind(ctx.db, ctx.user);
    const before = await readRequest(ctx.db, id);
    if (!before || !(before.status === 'open' || before.mode === 'hall' || before.claimantIds.includes(ctx.user._id)))
      throw notFoundRequest();
    if (before.openid === ctx.user._id) throw new AppError('CONFLICT', '不能认领自己提出的请求');
    if (before.claimantIds.includes(ctx.user._id)) throw new AppError('CONFLICT', '你已认领');
    // Already full or closed: told at once, without reserving anything (a refusal writes nothing).
    if (before.status !== 'open' || before.taken >= before.places) throw refusal(before);
    const now = ctx.now();
    const c: Claim = {
      openid: ctx.user._id,
      nickname: ctx.user.nickname,
      kind,
      via: 'hall',
      status: 'active',
      at: now,
    };
    // A few active claims a person: the place is reserved on their own document first, and given back if not taken.
    await reserveClaim(ctx.db, c.openid, id, now);
    let taken: Awaited<ReturnType<typeof takePlace>>;
    try {
      taken = await takePlace(ctx.db, id, c, now);
    } catch (error) {
      await ctx.db.runTransaction(async (tx) => {
        const req = await readRequest(tx, id);
        await dropHold(tx, c.openid, id, !!req && req.claimantIds.includes(c.openid));
      }, TX_ATTEMPTS);
      throw error;
    }
    const { req, filled } = taken;
    crashPoint('request-claimed');
    await recordClaim(ctx.db, req, c, filled, now);
    return { claimId: `${id}:${claimKey(c.openid)}`, status: filled ? ('inProgress' as const) : ('open' as const) };
  },
});

export const myTasks = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit }, ctx) {
    const page = await pageByNewest(
      ctx.db.collection(REQUESTS),
      { claimantIds: ctx.user._id },
      'createdAt',
      { cursor, limit },
      requestDocSchema,
      (d) => d,
    );
    const items = [];
    for (const req of page.items) items.push(await card(req, ctx.services));
    return { items, nextCursor: page.nextCursor };
  },
});

/** The claimant's own request, or NOT_FOUND. */
async function claimed(db: Database, id: string, openid: string): Promise<RequestDoc> {
  const req = await readRequest(db, id);
  if (!req || !req.claimantIds.includes(openid)) throw notFoundRequest();
  return req;
}

export const progress = action({
  input: z.strictObject({
    id: fields.id,
    text: z.string().trim().min(2, '请写下进展（至少 2 个字）').max(300, '进展最多 300 个字'),
    photos: photoIds.max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`).default([]),
    requestId: fields.requestId.optional(),
  }),
  access: 'signedIn',
  async run({ id, text, photos, requestId }, ctx) {
    const openid = ctx.user._id;
    await claimed(ctx.db, id, openid);
    await assertOwnPhotos(ctx.db, openid, photos);
    await assertTextsPass(ctx.services, openid, 'forum', [{ field: 'text', name: '进展', text }]);
    const now = ctx.now();
    const cause = requestId ?? String(now);
    return ctx.db.runTransaction(async (tx) => {
      const req = await readRequest(tx, id);
      if (!req || !req.claimantIds.includes(openid)) throw notFoundRequest();
      assertStep('progress', req.status);
      // The same report sent again: its first answer, not another message.
      if (
        await tx
          .collection(REQUEST_EVENTS)
          .doc(derivedId('re', id, 'progress', openid, cause))
          .get()
      )
        return { id, status: req.status };
      const max = progressPerDay();
      await takeQuota(
        tx,
        `progress:${openid}:${id}:${dayOf(now)}`,
        max,
        `每个任务每天最多报告 ${max} 条进展，请明天再报`,
      );
      const { shown, held } = await usePhotos(tx, openid, photos);
      await addEvent(
        tx,
        req,
        { status: req.status, text: `进展：${text}`, by: ctx.user.nickname, photos: shown, held, heldFor: openid },
        now,
        'progress',
        openid,
        cause,
      );
      await tell(
        tx,
        req,
        req.openid,
        'progress',
        aboutRequest(req, '有新进展'),
        `${ctx.user.nickname}：${text.slice(0, 40)}`,
        now,
        cause,
      );
      return { id, status: req.status };
    }, TX_ATTEMPTS);
  },
});

export const finish = action({
  input: z.strictObject({
    id: fields.id,
    text: z.string().trim().min(2, '请写下办理结果（至少 2 个字）').max(300, '办理结果最多 300 个字'),
    photos: photoIds.min(1, '请至少上传 1 张照片').max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`),
  }),
  access: 'signedIn',
  async run({ id, text, photos }, ctx) {
    const openid = ctx.user._id;
    await claimed(ctx.db, id, openid);
    await assertOwnPhotos(ctx.db, openid, photos);
    await assertTextsPass(ctx.services, openid, 'forum', [{ field: 'text', name: '办理结果', text }]);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await readRequest(tx, id);
      if (!req) throw notFoundRequest();
      if (!req.claimantIds.includes(openid)) throw notFoundRequest();
      assertStep('finish', req.status);
      const { shown, held } = await usePhotos(tx, openid, photos);
      await tx.collection(REQUESTS).doc(id).update({ status: 'finished', finishedAt: now, updatedAt: now });
      await addEvent(
        tx,
        req,
        { status: 'finished', text: `办理完成：${text}`, by: ctx.user.nickname, photos: shown, held, heldFor: openid },
        now,
        'finished',
        String(now),
      );
      await tell(
        tx,
        req,
        req.openid,
        'finished',
        aboutRequest(req, '已办理完成，请确认'),
        `${quoteTitle(req)}已办理完成，请确认并评价`,
        now,
        String(now),
      );
      return { id, status: 'finished' as const };
    }, TX_ATTEMPTS);
  },
});

/**
 * Takes `openid`'s claim off the request (inside the caller's transaction): from the hall it is open again with the
 * place free; an assignment goes back to the branch to dispatch again. Answers the status it now has.
 */
async function dropClaim(
  db: Database,
  tx: Transaction,
  req: RequestDoc,
  openid: string,
  now: number,
): Promise<'open' | 'accepted'> {
  const _ = db.command;
  const key = claimKey(openid);
  const claims = Object.fromEntries(Object.entries(req.claims).filter(([k]) => k !== key));
  if (req.mode === 'hall') {
    await tx
      .collection(REQUESTS)
      .doc(req._id)
      .update({
        status: 'open',
        taken: req.taken - 1,
        claims: _.set(JSON.parse(JSON.stringify(claims))),
        claimantIds: _.set(req.claimantIds.filter((c) => c !== openid)),
        updatedAt: now,
      });
  } else {
    await tx
      .collection(REQUESTS)
      .doc(req._id)
      .update({
        status: 'accepted',
        mode: null,
        places: 0,
        taken: 0,
        claims: _.set({}),
        claimantIds: _.set([]),
        updatedAt: now,
      });
  }
  await dropHold(tx, openid, req._id);
  return req.mode === 'hall' ? 'open' : 'accepted';
}

async function secretaryOf(db: Database, unitId: string): Promise<string | null> {
  const unit = unitDocSchema.safeParse(await db.collection(UNITS).doc(unitId).get());
  return unit.success ? unit.data.secretary : null;
}

/** The claimant gives a task up before finishing it (放弃认领): the place goes back to the hall, or the assignment to the branch. */
export const release = action({
  input: z.strictObject({ id: fields.id }),
  access: 'signedIn',
  async run({ id }, ctx) {
    const openid = ctx.user._id;
    const before = await claimed(ctx.db, id, openid);
    const secretary = await secretaryOf(ctx.db, before.unitId);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await readRequest(tx, id);
      if (!req || !req.claimantIds.includes(openid)) throw notFoundRequest();
      assertStep('release', req.status);
      const status = await dropClaim(ctx.db, tx, req, openid, now);
      const back = status === 'open' ? '将重新招募办理人' : '支部将重新安排办理人';
      await addEvent(
        tx,
        req,
        { status, text: `${ctx.user.nickname}放弃了认领，${back}`, by: ctx.user.nickname },
        now,
        'released',
        openid,
        String(now),
      );
      await tell(
        tx,
        req,
        req.openid,
        'released',
        aboutRequest(req, '的办理人已放弃认领'),
        `${ctx.user.nickname}放弃了${quoteTitle(req)}的认领，${back}`,
        now,
        openid,
        String(now),
      );
      if (secretary && status === 'accepted')
        await tell(
          tx,
          req,
          secretary,
          'released',
          aboutRequest(req, '被退回，请重新派单'),
          `${ctx.user.nickname}放弃了${quoteTitle(req)}，请重新派单`,
          now,
          openid,
          String(now),
        );
      return { id, status };
    }, TX_ATTEMPTS);
  },
});

/** The branch's secretary (or an admin in scope) takes a claim back from someone, with a reason they hear. */
export const withdraw = action({
  input: z.strictObject({
    id: fields.id,
    openid: fields.id,
    reason: z
      .string({ error: '请写明收回认领的理由' })
      .trim()
      .min(2, '请写明收回认领的理由')
      .max(200, '理由最多 200 个字'),
  }),
  access: ['secretary', 'admin'],
  scope: async ({ id }, ctx) => {
    const req = await readRequest(ctx.db, id);
    return req ? { unitId: req.unitId } : null;
  },
  async run({ id, openid, reason }, ctx) {
    await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '理由', text: reason }]);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await readRequest(tx, id);
      if (!req) throw notFoundRequest();
      const claim = req.claims[claimKey(openid)];
      if (!claim) throw new AppError('NOT_FOUND', '此人没有认领该任务', 'openid');
      assertStep('withdraw', req.status);
      const status = await dropClaim(ctx.db, tx, req, openid, now);
      await addEvent(
        tx,
        req,
        { status, text: `支部收回了${claim.nickname}的认领：${reason}`, by: req.unitName },
        now,
        'withdrawn',
        openid,
        String(now),
      );
      await tell(
        tx,
        req,
        openid,
        'withdrawn',
        aboutRequest(req, '：你的认领已被支部收回'),
        `${req.unitName}收回了你对${quoteTitle(req)}的认领：${reason}`,
        now,
        String(now),
      );
      await tell(
        tx,
        req,
        req.openid,
        'released',
        aboutRequest(req, '正在重新安排办理人'),
        `${req.unitName}正在重新安排${quoteTitle(req)}`,
        now,
        openid,
        String(now),
      );
      ctx.audit?.({ targetId: id, before: { status: req.status, claimant: openid }, after: { status, reason } });
      return { id, status };
    }, TX_ATTEMPTS);
  },
});

/** Claims whose timeline line or message a dead process never wrote: written now (idempotent). */
export async function reconcileClaims(db: Database, now: number): Promise<{ repaired: number }> {
  let repaired = 0;
  const open = await db
    .collection(REQUESTS)
    .where({ status: db.command.in(['open', 'inProgress']), mode: 'hall' })
    .orderBy('updatedAt', 'desc')
    .limit(200)
    .get();
  for (const doc of open) {
    const req = requestDocSchema.safeParse(doc);
    if (!req.success) continue;
    for (const c of Object.values(req.data.claims)) {
      // A claim younger than the grace period may still be writing its own line.
      if (c.at > now - intentGraceMs()) continue;
      if (
        await db
          .collection(REQUEST_EVENTS)
          .doc(derivedId('re', req.data._id, 'claim', c.openid))
          .get()
      )
        continue;
      await recordClaim(db, req.data, c, req.data.taken >= req.data.places, now);
      repaired += 1;
    }
  }
  return { repaired };
}
