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

/**
 * The CloudBase entry of a function. The caller is whoever the platform says, read from the
 * invocation context (WX_OPENID), never a field of the event.
 */
export function cloudMain(router: FunctionRouter) {
  return async function main(event: unknown, context?: unknown) {
    db ??= new CloudBaseDatabase();
    const openid = platformOpenid(context);
    return router.handle(event, { db, caller: openid ? { openid } : null, now: Date.now });
  };
}
