import type { Database } from '../db';
import { MESSAGES, MESSAGE_MODULES, guardOf, messageDocSchema, type MessageDoc } from './outbox';
import { messageSender, type MessageSender, type SendResult } from './sender';
import { templateData, templateFor } from './templates';

/** WeChat attempts per message before it is left in the inbox only. */
export const MAX_ATTEMPTS = 5;
/** The wait after the first failed attempt; it doubles after each further one (1, 2, 4, 8 minutes). */
export const BACKOFF_BASE_MS = 60_000;
/** A claimed message is another job's again after this long (the job that claimed it died). */
export const LEASE_MS = 2 * 60_000;

export const backoffAfter = (attempt: number) => BACKOFF_BASE_MS * 2 ** (attempt - 1);

export interface DeliveryReport {
  inbox: number;
  wechat: number;
  retried: number;
  gaveUp: number;
  dropped: number;
}

async function stillHolds(db: Database, m: MessageDoc): Promise<boolean> {
  const guard = guardOf(m);
  if (!guard) return true;
  const doc = await db.collection(guard.collection).doc(guard.docId).get();
  return Object.entries(guard.fields).every(([field, values]) => {
    const value = doc?.[field];
    return (typeof value === 'string' || typeof value === 'number') && values.includes(String(value));
  });
}

/**
 * Delivers due messages. Each step is a conditional update on the message (`sentAt: null` and the
 * `dueAt` read), so two jobs running at once deliver a message once: only one of them claims it.
 * A kind with a subscribe template and a sender present goes to WeChat: each attempt is recorded
 * (`attempts`, `lastError`, `nextAttemptAt`); a failure is retried after 1, 2, 4, 8 minutes; a
 * permanent refusal (not subscribed, template wrong) or the fifth failure leaves it in the inbox only.
 * Everything else goes straight to the inbox. A message whose condition no longer holds (a reminder of
 * a cancelled booking, appointment or order) is dropped.
 */
export async function deliverMessages(
  db: Database,
  now: number,
  sender: MessageSender | null = messageSender(),
  batch = 100,
): Promise<DeliveryReport> {
  const _ = db.command;
  const report: DeliveryReport = { inbox: 0, wechat: 0, retried: 0, gaveUp: 0, dropped: 0 };
  const due = await db
    .collection(MESSAGES)
    .where({ sentAt: null, dueAt: _.lte(now) })
    .orderBy('dueAt', 'asc')
    .limit(batch)
    .get();
  for (const doc of due) {
    const parsed = messageDocSchema.safeParse(doc);
    if (!parsed.success) {
      console.warn(JSON.stringify({ skipped: MESSAGES, id: doc._id }));
      continue;
    }
    const m = parsed.data;
    const mine = db.collection(MESSAGES).where({ _id: m._id, sentAt: null, dueAt: m.dueAt });
    if (!(await stillHolds(db, m))) {
      report.dropped += (await mine.remove()).deleted;
      continue;
    }
    const template = templateFor(m.module, m.kind);
    if (!template || !sender) {
      report.inbox += (await mine.update({ sentAt: now, channel: 'inbox' })).updated;
      continue;
    }
    // Claim the attempt: a second job that read the same message finds `dueAt` moved and skips it.
    const attempt = m.attempts + 1;
    if ((await mine.update({ dueAt: now + LEASE_MS, attempts: attempt })).updated !== 1) continue;
    let result: SendResult;
    try {
      result = await sender.send({
        touser: m.openid,
        templateId: template.templateId,
        page: m.page ? m.page.replace(/^\//, '') : null,
        data: templateData(template, {
          title: m.title,
          body: m.body,
          moduleLabel: MESSAGE_MODULES[m.module],
          data: m.data,
        }),
      });
    } catch {
      result = { ok: false, code: 'SEND_FAILED', permanent: false };
    }
    const claimed = db.collection(MESSAGES).doc(m._id);
    if (result.ok) {
      await claimed.update({ sentAt: now, channel: 'wechat', lastError: null, nextAttemptAt: null });
      report.wechat += 1;
    } else if (result.permanent || attempt >= MAX_ATTEMPTS) {
      await claimed.update({ sentAt: now, channel: 'inbox', lastError: result.code, nextAttemptAt: null });
      report.gaveUp += 1;
    } else {
      const next = now + backoffAfter(attempt);
      await claimed.update({ dueAt: next, lastError: result.code, nextAttemptAt: next });
      report.retried += 1;
    }
  }
  return report;
}
