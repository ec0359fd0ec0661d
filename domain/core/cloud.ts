import tcb from '@cloudbase/node-sdk';
import { CloudBaseDatabase } from '../db/cloudbase';
import type { FunctionRouter } from './router';

let db: CloudBaseDatabase | null = null;

/**
 * The CloudBase entry of a function. The caller is whoever the platform says
 * (WX_OPENID in the function's environment), never a field of the event.
 */
export function cloudMain(router: FunctionRouter) {
  return async function main(event: unknown) {
    db ??= new CloudBaseDatabase();
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    const { openId } = app.auth().getUserInfo();
    return router.handle(event, { db, caller: openId ? { openid: openId } : null, now: Date.now });
  };
}
