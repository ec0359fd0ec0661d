import tcb from '@cloudbase/node-sdk';
import { setting } from '../core/config';
import { PERMANENT_WECHAT_ERRORS, type MessageSender, type SendResult, type SubscribeMessage } from './sender';

/**
 * WeChat subscribe messages from a CloudBase function: the node-sdk's `callWxOpenApi` (action
 * `wx.api`) calling the open API `subscribeMessage.send` with its HTTPS body (touser, template_id,
 * page, data). The function needs `permissions.openapi: ["subscribeMessage.send"]` in its
 * config.json (scripts/cloudbaserc.ts writes it). Like the storage adapter, this is not exercised by
 * the suites (the CloudBase double covers the database only): the job's retries and records are,
 * through a fake sender.
 */
export class CloudBaseSubscribeSender implements MessageSender {
  private app: ReturnType<typeof tcb.init> | null = null;

  /** `miniprogramState`: which version a tap opens (env MESSAGE_MINIPROGRAM_STATE: developer, trial or formal). */
  constructor(private readonly options: { env?: string; miniprogramState?: string } = {}) {}

  private get state(): string {
    const state = this.options.miniprogramState ?? setting('MESSAGE_MINIPROGRAM_STATE');
    return ['developer', 'trial', 'formal'].includes(state) ? state : 'formal';
  }

  async send(message: SubscribeMessage): Promise<SendResult> {
    let res: { code?: string; result?: unknown };
    // Read before the try: a misconfigured state is an error to fix, not a send to retry.
    const miniprogramState = this.state;
    try {
      // Initialised on first use: loading the function costs nothing when no message needs WeChat.
      this.app ??= tcb.init({ env: this.options.env ?? tcb.SYMBOL_CURRENT_ENV });
      res = await this.app.callWxOpenApi({
        apiName: 'subscribeMessage.send',
        requestData: {
          touser: message.touser,
          template_id: message.templateId,
          data: message.data,
          miniprogram_state: miniprogramState,
          lang: 'zh_CN',
          ...(message.page ? { page: message.page } : {}),
        },
      });
    } catch (error) {
      // A network failure or an SDK error: worth another try.
      const code =
        typeof error === 'object' && error !== null && 'code' in error
          ? String((error as { code: unknown }).code)
          : 'NETWORK';
      return { ok: false, code, permanent: false };
    }
    // A CloudBase-level refusal (no permission, bad environment) comes back as `{ code, message }`.
    if (res.code) return { ok: false, code: String(res.code), permanent: res.code === 'PERMISSION_DENIED' };
    const result = (typeof res.result === 'object' && res.result !== null ? res.result : {}) as {
      errcode?: unknown;
      errCode?: unknown;
    };
    const errcode = Number(result.errcode ?? result.errCode ?? 0);
    if (!errcode) return { ok: true };
    return { ok: false, code: String(errcode), permanent: PERMANENT_WECHAT_ERRORS.has(String(errcode)) };
  }
}
