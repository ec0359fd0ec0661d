import tcb from '@cloudbase/node-sdk';
import { CloudBaseDatabase } from '../db/cloudbase';
import type { FunctionRouter } from './router';

type ContextParam = Parameters<typeof tcb.getCloudbaseContext>[0];

let db: CloudBaseDatabase | null = null;

/** The caller's openid as the platform put it in the function's context; '' when there is none. */
export function platformOpenid(context: unknown): string {
  let fromContext;
  try {
    fromContext = tcb.getCloudbaseContext(context as ContextParam);
  } catch {
    // Not an invocation context (a test, a timer on an old runtime): the process environment holds it.
    fromContext = tcb.getCloudbaseContext();
  }
  return fromContext.WX_OPENID || '';
}

/** CloudBase calls a timer trigger with `{ Type: 'Timer', TriggerName }`. */
function timerName(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  return Type === 'Timer' && typeof TriggerName === 'string' ? TriggerName : null;
}

/**
 * The CloudBase entry of a function. The caller is whoever the platform says, read from the
 * invocation context (WX_OPENID), never a field of the event.
 */
export function cloudMain(router: FunctionRouter) {
  return async function main(event: unknown, context?: unknown) {
    db ??= new CloudBaseDatabase();
    const openid = platformOpenid(context);
    const timer = timerName(event);
    // A timer trigger has no caller; an event that only looks like one but comes from a user is an ordinary call.
    if (timer && !openid && Object.hasOwn(router.jobs, timer)) {
      await router.jobs[timer]!(db, Date.now());
      return { ok: true, data: { job: timer } };
    }
    return router.handle(event, { db, caller: openid ? { openid } : null, now: Date.now });
  };
}
