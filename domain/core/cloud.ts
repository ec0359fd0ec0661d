import tcb from '@cloudbase/node-sdk';
import { TIMER_NAME, dueJobs } from './jobs';
import { clock } from './clock';
import { CloudBaseDatabase } from '../db/cloudbase';
import type { Database } from '../db';
import type { Caller, FunctionRouter } from './router';
import type { ClientInfo, HostServices } from './services';

type ContextParam = Parameters<typeof tcb.getCloudbaseContext>[0];

let db: CloudBaseDatabase | null = null;

function invocationContext(context: unknown): ReturnType<typeof tcb.getCloudbaseContext> {
  try {
    return tcb.getCloudbaseContext(context as ContextParam);
  } catch {
    // Not an invocation context (a test, a timer on an old runtime): the process environment holds it.
    return tcb.getCloudbaseContext();
  }
}

/**
 * Who is calling, as the platform put it in the function's context (never the event): a mini-program user by
 * WX_OPENID; a console signed in by scanning by TCB_CUSTOM_USER_ID, which is its session id (the custom-login
 * ticket only the `admin` function issues, domain/console-login/cloudbase.ts) — the router resolves and checks
 * the session on every call. Null when there is neither.
 */
export function platformCaller(context: unknown): Caller | null {
  const fromContext = invocationContext(context);
  if (fromContext.WX_OPENID) return { openid: fromContext.WX_OPENID };
  if (fromContext.TCB_CUSTOM_USER_ID) return { openid: '', consoleSession: fromContext.TCB_CUSTOM_USER_ID };
  return null;
}

/** The caller's openid as the platform put it in the function's context; '' when there is none or it is a console session. */
export function platformOpenid(context: unknown): string {
  return platformCaller(context)?.openid ?? '';
}

/**
 * The client of this invocation as the platform saw it: the source IP CloudBase puts in the context (what
 * `auth().getClientIP()` reads), and a User-Agent only where an HTTP trigger's context carries one. Not tried
 * against a real environment here.
 */
export function platformClient(context: unknown): ClientInfo {
  const fromContext = invocationContext(context) as ReturnType<typeof tcb.getCloudbaseContext> & {
    TCB_SOURCE_IP?: string;
    TCB_HTTP_CONTEXT?: string;
  };
  let userAgent: string | null = null;
  try {
    const http = fromContext.TCB_HTTP_CONTEXT
      ? (JSON.parse(fromContext.TCB_HTTP_CONTEXT) as { headers?: Record<string, unknown> })
      : null;
    const header = http?.headers?.['user-agent'] ?? http?.headers?.['User-Agent'];
    userAgent = typeof header === 'string' ? header : null;
  } catch {
    userAgent = null;
  }
  return { address: fromContext.TCB_SOURCE_IP || fromContext.WX_CLIENTIP || null, userAgent };
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
export async function runTimer(
  router: FunctionRouter,
  db: Database,
  now: number,
  services?: HostServices,
): Promise<{ jobs: string[] }> {
  const due = dueJobs(Object.keys(router.jobs), now);
  const failed: string[] = [];
  for (const job of due) {
    try {
      await router.jobs[job]!(db, now, services);
    } catch (error) {
      failed.push(job);
      console.error(
        JSON.stringify({
          fn: router.name,
          job,
          code: 'INTERNAL',
          error: error instanceof Error ? error.name : typeof error,
        }),
      );
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
    const caller = platformCaller(context);
    const timer = timerName(event);
    // A timer trigger has no caller; an event that only looks like one but comes from a user is an ordinary call.
    if (timer === TIMER_NAME && !caller && Object.keys(router.jobs).length > 0) {
      return { ok: true, data: await runTimer(router, db, clock.now(), services) };
    }
    return router.handle(event, {
      db,
      caller,
      now: clock.now,
      services: { ...services, client: platformClient(context) },
    });
  };
}
