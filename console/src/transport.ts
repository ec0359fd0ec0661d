/**
 * How the console reaches the cloud functions. Pages never see this: they call `call()` in api.ts.
 *
 * - HttpTransport (runs here): `POST <functionsUrl>/<name>` with the bearer token the sign-in gave —
 *   the local cloud's API, the same one the H5 app uses.
 * - CloudBaseTransport (NOT runnable here: the CloudBase web SDK `@cloudbase/js-sdk` is not installed and
 *   there is no environment to sign in to): on CloudBase static hosting the console signs in with a
 *   custom-login ticket minted by the `admin` function once the scan is approved (pollConsoleLogin answers
 *   `{ token, tokenKind: 'cloudbaseTicket' }`; `auth.customAuthProvider().signIn(token)`), then calls
 *   `app.callFunction({ name, data })`; CloudBase puts that person's custom uid in the function's context.
 *   No shared secret is ever in the browser: the private key that signs tickets stays in the function.
 */
import type { ActionOutput, FunctionName } from '../../cloudfunctions/contract';
import type { Envelope, ErrorCode } from '../../domain/core/errors';
import type { ConsoleConfig } from './config';

/** The functions' codes (domain/core/errors.ts, the one list), and NETWORK when no answer came. */
export type CallErrorCode = ErrorCode | 'NETWORK';

/** An error fit to show as it is: its message is plain Chinese; `field` is the input's dotted path it concerns. */
export class CallError extends Error {
  constructor(
    readonly code: CallErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** What `admin.pollConsoleLogin` answers once the scan is approved. */
type ApprovedPoll = Extract<ActionOutput<'admin', 'pollConsoleLogin'>, { status: 'approved' }>;
/**
 * The credential an approval carries: `tokenKind` is 'bearer' on the local cloud, 'cloudbaseTicket' (a custom-login
 * ticket) on CloudBase; `session` is the console session it names (checked on every call, 8 hours long, ended from
 * the mini-program). Partial: what came over the wire is checked before it is kept.
 */
export type Approval = Partial<Pick<ApprovedPoll, 'token' | 'tokenKind' | 'session'>>;

/** What a transport sends: the action's name beside its input. */
export type CallEvent = { action: string } & Record<string, unknown>;

export interface Transport {
  /**
   * Calls `action` of function `name` as the signed-in person (or anonymously for public actions) and answers the
   * function's envelope as it came (api.ts `call` types its data by the contract); throws CallError('NETWORK') when no answer came.
   */
  call(name: FunctionName, event: CallEvent, token: string | null): Promise<Envelope<unknown>>;
  /** Whether a development sign-in exists (the local cloud's `/auth/dev-login`). */
  devLoginAvailable(): Promise<boolean>;
  devLogin(openid: string): Promise<string>;
  /** Turns an approved scan (`admin.pollConsoleLogin`) into the session this transport calls with. */
  acceptApproval(approved: Approval): Promise<string>;
}

const NETWORK = '网络不稳定，请检查网络后重试';

async function readEnvelope(res: Response): Promise<Envelope<unknown>> {
  try {
    const body = (await res.json()) as Envelope<unknown>;
    if (body && typeof body === 'object' && 'ok' in body) return body;
  } catch {
    // fall through: not our envelope
  }
  return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无法识别的结果（HTTP ${res.status}）` } };
}

export class HttpTransport implements Transport {
  private readonly functionsUrl: string;
  private readonly devLoginUrl: string;

  constructor(config: { functionsUrl: string; devLoginUrl?: string }, base = document.baseURI) {
    this.functionsUrl = new URL(config.functionsUrl.replace(/\/?$/, '/'), base).href;
    this.devLoginUrl = new URL(config.devLoginUrl ?? '../auth/dev-login', base).href;
  }

  async call(name: FunctionName, event: CallEvent, token: string | null): Promise<Envelope<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await fetch(new URL(encodeURIComponent(name), this.functionsUrl), {
        method: 'POST',
        headers,
        body: JSON.stringify(event),
      });
    } catch {
      throw new CallError('NETWORK', NETWORK);
    }
    return readEnvelope(res);
  }

  /** Probes with an empty body: the local cloud answers 400 (bad openid) when dev sign-in exists, 404 when not. Writes nothing. */
  async devLoginAvailable(): Promise<boolean> {
    try {
      const res = await fetch(this.devLoginUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return res.status === 400;
    } catch {
      return false;
    }
  }

  async devLogin(openid: string): Promise<string> {
    let res: Response;
    try {
      res = await fetch(this.devLoginUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid }),
      });
    } catch {
      throw new CallError('NETWORK', NETWORK);
    }
    const body = await readEnvelope(res);
    if (!body.ok) throw new CallError(body.error.code, body.error.message, body.error.field);
    const { token } = body.data as { token?: unknown };
    if (typeof token !== 'string') throw new CallError('INTERNAL', '开发登录没有返回登录凭证');
    return token;
  }

  /** Locally the approval carries a normal local-cloud bearer token. */
  async acceptApproval(approved: Approval): Promise<string> {
    if (!approved.token) throw new CallError('INTERNAL', '扫码确认后没有收到登录凭证，请重新扫码');
    if (approved.tokenKind && approved.tokenKind !== 'bearer')
      throw new CallError('INTERNAL', '登录凭证类型与本地云不符，请检查 config.js 的 transport 设置');
    // The token names the console session; the server checks it on every call and answers 401 once it is over.
    return approved.token;
  }
}

/**
 * CloudBase static hosting. Written against the agreed flow but NOT runnable in this repository:
 * it needs `@cloudbase/js-sdk` (not installed), an environment id, custom login enabled with a
 * private key held by the `admin` function, and the hosting domain added to the environment's
 * security domains. Every call fails with a plain message until then.
 */
export class CloudBaseTransport implements Transport {
  constructor(private readonly config: { envId: string; region?: string }) {}

  async call(): Promise<Envelope<unknown>> {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `云开发环境 ${this.config.envId} 的调用方式尚未接入：需要 @cloudbase/js-sdk 与自定义登录，见 console/src/transport.ts`,
      },
    };
  }

  async devLoginAvailable(): Promise<boolean> {
    return false;
  }

  async devLogin(): Promise<string> {
    throw new CallError('NOT_FOUND', '开发登录仅在本地模式可用');
  }

  /**
   * In the cloud: `approved.tokenKind === 'cloudbaseTicket'`; `await app.auth().customAuthProvider().signIn(approved.token)`,
   * after which the SDK keeps the login state and every `callFunction` carries the custom uid, which is the console
   * session's id: the functions check that session on every call, so an ended or expired one is refused whatever
   * login state the SDK still holds (the console then signs out and says why, as it does locally).
   * (Before that, `startConsoleLogin`/`pollConsoleLogin` need the SDK's anonymous login enabled.)
   */
  async acceptApproval(): Promise<string> {
    throw new CallError('INTERNAL', '云开发自定义登录尚未接入（需要 @cloudbase/js-sdk），见 console/src/transport.ts');
  }
}

export function createTransport(config: ConsoleConfig): Transport {
  return config.transport === 'cloudbase' ? new CloudBaseTransport(config) : new HttpTransport(config);
}
