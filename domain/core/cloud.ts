import tcb from '@cloudbase/node-sdk';
import { TIMER_NAME, dueJobs } from '../../cloudfunctions/timers';
import { clock } from './clock';
import { CloudBaseDatabase } from '../db/cloudbase';
import type { Database } from '../db';
import type { FunctionRouter } from './router';
import type { HostServices } from './services';

type ContextParam = Parameters<typeof tcb.getCloudbaseContext>[0];

let db: CloudBaseDatabase | null = null;

/**
 * The caller's openid as the platform put it in the function's context; '' when there is none. A console
 * signed in by scanning (a CloudBase custom login whose ticket only the `admin` function issues, with the
 * approver's openid as its uid) arrives as TCB_CUSTOM_USER_ID.
 */
export function platformOpenid(context: unknown): string {
  let fromContext;
  try {
    fromContext = tcb.getCloudbaseContext(context as ContextParam);
  } catch {
    // Not an invocation context (a test, a timer on an old runtime): the process environment holds it.
    fromContext = tcb.getCloudbaseContext();
  }
  return fromContext.WX_OPENID || fromContext.TCB_CUSTOM_USER_ID || '';
}

/** CloudBase calls a timer trigger with `{ Type: 'Timer', TriggerName }`. */
function timerName(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  return Type === 'Timer' && typeof TriggerName === 'string' ? TriggerName : null;
}

/**
 * Runs the jobs due on this tick of the function's one timer, each on its own: one failing does not stop
 * the others, and the invocation still fails afterwards so that the platform's log shows it.
 */
export async function runTimer(router: FunctionRouter, db: Database, now: number): Promise<{ jobs: string[] }> {
  const due = dueJobs(Object.keys(router.jobs), now);
  const failed: string[] = [];
  for (const job of due) {
    try {
      await router.jobs[job]!(db, now);
    } catch (error) {
      failed.push(job);
      console.error(JSON.stringify({ fn: router.name, job, code: 'INTERNAL', error: error instanceof Error ? error.name : typeof error }));
    }
  }
  if (failed.length > 0) throw new Error(`定时任务失败 / jobs failed: ${failed.join(', ')}`);
  return { jobs: due };
}

/**
 * The CloudBase entry of a function. The caller is whoever the platform says, read from the
 * invocation context (WX_OPENID), never a field of the event.
 */
export function cloudMain(router: FunctionRouter, hostServices?: () => HostServices) {
  let services: HostServices | undefined;
  return async function main(event: unknown, context?: unknown) {
    db ??= new CloudBaseDatabase();
    services ??= hostServices?.();
    const openid = platformOpenid(context);
    const timer = timerName(event);
    // A timer trigger has no caller; an event that only looks like one but comes from a user is an ordinary call.
    if (timer === TIMER_NAME && !openid && Object.keys(router.jobs).length > 0) {
      return { ok: true, data: await runTimer(router, db, clock.now()) };
    }
    return router.handle(event, { db, caller: openid ? { openid } : null, now: clock.now, services });
  };
}
