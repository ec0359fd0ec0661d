/**
 * The router every cloud function is: routes on `event.action`, checks the session, the role and the scope,
 * validates, runs, audits, answers one envelope. It imports no module: what only modules know (a console
 * session's record, where a target lies, how an audit entry is written) is handed in as `RouterHooks` by the
 * one composition file, cloudfunctions/define.ts.
 */
import type { z } from 'zod';
import { DbError, STORAGE_ERROR_CODES, type Database } from '../db';
import { USERS, userDocSchema, type Role, type UserDoc } from './identity';
import { AppError, fail, ok, type Envelope } from './errors';
import { parseInput } from './validation';
import type { HostServices } from './services';

/** What an action touches, as its `scope` hook declares it; the org module says where each lies (domain/org/scope.ts). */
export type ScopeTarget =
  | { stationId: string }
  | { itemId: string }
  | { siteId: string }
  | { goodsId: string }
  | { branchId: string }
  | { unitId: string }
  | { openid: string }
  | { county: string }
  /** A unit of the tree, a branch, or a county by its full name (the dashboard's `unitId` may be any of them). */
  | { unitOrCounty: string }
  /** Something only a system-wide admin may do (e.g. a ledger export across every branch). */
  | { system: true };

/** What an action may tell the audit entry about itself; anything left out is filled in by the audit hook. */
export interface AuditNote {
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who is calling, as the platform says: never taken from the event. */
export interface Caller {
  /** '' only before a console session is resolved (a CloudBase custom login names the session alone). */
  openid: string;
  /**
   * Set when the call comes from the desktop console: the session record its credential names
   * (`consoleSessions/{id}`), checked on every call before anything else runs.
   */
  consoleSession?: string;
}

export interface RequestContext {
  db: Database;
  caller: Caller | null;
  now: () => number;
  /** Ports the host lends (file storage, sign-in credentials); absent where nothing needs them. */
  services?: HostServices;
}

/** What a handler gets: the request context, plus the caller's user document when signed in. */
export interface ActionContext extends RequestContext {
  user: UserDoc | null;
  /** A `'caller'` action's caller (CallerContext); absent on the others, whose `user` says who calls. */
  openid?: string;
  /** On an audited (staff/admin) action: adds the document and its before/after to the audit entry. */
  audit?: (note: AuditNote) => void;
}
export interface SignedInContext extends RequestContext {
  user: UserDoc;
  audit?: (note: AuditNote) => void;
}
/**
 * What a `'caller'` action gets: who is calling, as the platform says, and no user document — the hot path
 * (redeem, book, appoint) needs neither a role nor a branch from it, so it is not read (one request fewer).
 */
export interface CallerContext extends RequestContext {
  openid: string;
  user: null;
}

/**
 * 'signedIn': any caller with an openid, with their user document read; 'caller': the same callers, the
 * user document not read (the action needs only `ctx.openid`); a list of roles: only those.
 */
type Access = 'public' | 'signedIn' | 'caller' | readonly Role[];

/**
 * What a scoped action touches, worked out from its (validated) input before it runs: a county admin,
 * a branch secretary or a staff member is refused (FORBIDDEN) unless every target lies in their scope
 * (domain/org/scope.ts). `null` means nothing to check (an unknown code: the action answers NOT_FOUND).
 */
export type ScopeOf<S extends z.ZodType> = (
  input: z.output<S>,
  ctx: SignedInContext,
) => ScopeTarget | readonly ScopeTarget[] | null | Promise<ScopeTarget | readonly ScopeTarget[] | null>;

export interface Action<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  access: Access;
  scope?: ScopeOf<S>;
  run(input: z.output<S>, ctx: ActionContext): Promise<R>;
}

/** Declares an action; 'signedIn' or roles guarantee `ctx.user` in `run`, 'caller' gives `ctx.openid` (and no user document). */
export function action<S extends z.ZodType, R>(def: {
  input: S;
  access: 'public';
  run(input: z.output<S>, ctx: ActionContext): Promise<R>;
}): Action<S, R>;
export function action<S extends z.ZodType, R>(def: {
  input: S;
  access: 'caller';
  run(input: z.output<S>, ctx: CallerContext): Promise<R>;
}): Action<S, R>;
export function action<S extends z.ZodType, R>(def: {
  input: S;
  access: 'signedIn' | readonly Role[];
  scope?: ScopeOf<S>;
  run(input: z.output<S>, ctx: SignedInContext): Promise<R>;
}): Action<S, R>;
export function action<S extends z.ZodType, R>(def: Action<S, R>): Action<S, R> {
  return def;
}

/** What a caller hears when its transaction kept colliding with others (on either engine). */
export const BUSY_MESSAGE = '系统繁忙，请稍后重试';

/** Fields the WeChat platform adds to every event; never trusted, never validated as input. */
const PLATFORM_FIELDS = ['userInfo', 'tcbContext'];

/**
 * A scheduled job: run by a CloudBase timer trigger of the same name, or by the local cloud on an interval.
 * The host lends its ports (file storage) as it does to actions.
 */
export type Job = (db: Database, now: number, services?: HostServices) => Promise<unknown>;

/** A function's action table: action name → action. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table's own types are kept by inference; this only bounds it
export type ActionTable = Record<string, Action<any, any>>;

export interface FunctionRouter<A extends ActionTable = ActionTable> {
  name: string;
  actions: A;
  jobs: Record<string, Job>;
  handle(event: unknown, ctx: RequestContext): Promise<Envelope<unknown>>;
}

/** The input a client sends to an action (before defaults), and what the action answers. */
export type InputOf<X> = X extends Action<infer S, unknown> ? z.input<S> : never;
export type OutputOf<X> = X extends { run(...args: never[]): Promise<infer R> } ? R : never;

/** What only modules know, handed to the router by the composition file (cloudfunctions/define.ts). */
export interface RouterHooks {
  /** The caller a console session stands for; throws UNAUTHENTICATED when it is ended, expired or someone else's. */
  resolveConsoleSession(db: Database, sessionId: string, claimedOpenid: string, now: number): Promise<Caller>;
  /** Throws unless the role may use the console. */
  assertConsoleRole(role: Role | undefined): void;
  /** Throws FORBIDDEN unless every target lies in the user's scope. */
  assertInScope(db: Database, user: UserDoc, targets: ScopeTarget | readonly ScopeTarget[] | null): Promise<void>;
  /** Runs the action and, for a staff or admin one that succeeded, writes its audit entry. */
  runAudited<R>(
    call: { fn: string; action: string; access: unknown; input: unknown },
    ctx: ActionContext,
    run: (ctx: ActionContext) => Promise<R>,
  ): Promise<R>;
}

export type Logger = (entry: { fn: string; action: string; code: string; error?: string }) => void;
let logger: Logger = (entry) => console.error(JSON.stringify(entry));
/** Only codes and error names are logged: never an event, so personal data never reaches a log. */
export function setLogger(next: Logger): void {
  logger = next;
}

/** Reads the caller's user document; a caller never seen before is a resident (nothing is written here). */
export async function loadUser(ctx: RequestContext): Promise<UserDoc | null> {
  if (!ctx.caller) return null;
  const doc = await ctx.db.collection(USERS).doc(ctx.caller.openid).get();
  if (doc) {
    const parsed = userDocSchema.safeParse(doc);
    if (parsed.success) return parsed.data;
  }
  return userDocSchema.parse({
    _id: ctx.caller.openid,
    nickname: '微信用户',
    role: 'resident',
    branchId: null,
    createdAt: ctx.now(),
  });
}

/** Binds the hooks once; the answer declares a cloud function: routes on `event.action`, checks access, validates, answers the envelope. */
export function functionFactory(hooks: RouterHooks) {
  return <A extends ActionTable>(name: string, actions: A, jobs: Record<string, Job> = {}): FunctionRouter<A> =>
    routerOf(hooks, name, actions, jobs);
}

function routerOf<A extends ActionTable>(
  hooks: RouterHooks,
  name: string,
  actions: A,
  jobs: Record<string, Job>,
): FunctionRouter<A> {
  const { resolveConsoleSession, assertConsoleRole, assertInScope, runAudited } = hooks;
  return {
    name,
    actions,
    jobs,
    async handle(event, ctx) {
      let actionName = '?';
      try {
        if (typeof event !== 'object' || event === null || Array.isArray(event)) {
          throw new AppError('INVALID_ARGUMENT', '请求必须是一个 JSON 对象');
        }
        const { action: requested, ...rest } = event as Record<string, unknown>;
        if (typeof requested !== 'string' || !Object.hasOwn(actions, requested)) {
          throw new AppError(
            'NOT_FOUND',
            typeof requested === 'string' ? `未知的操作：${requested.slice(0, 40)}` : '缺少 action 参数',
          );
        }
        actionName = requested;
        const def = actions[requested]!;
        for (const field of PLATFORM_FIELDS) delete rest[field];
        // A console call is only as good as its session: ended, expired or someone else's, it is no sign-in at all.
        const session = ctx.caller?.consoleSession;
        if (ctx.caller && session !== undefined)
          ctx = { ...ctx, caller: await resolveConsoleSession(ctx.db, session, ctx.caller.openid, ctx.now()) };
        if (def.access !== 'public' && !ctx.caller?.openid) throw new AppError('UNAUTHENTICATED', '请先登录');
        // A 'caller' action is not given the user document, so it is read only for a console session's role check.
        const bare = def.access === 'caller';
        const user = bare && session === undefined ? null : await loadUser(ctx);
        if (session !== undefined) assertConsoleRole(user?.role);
        if (Array.isArray(def.access) && !(user && def.access.includes(user.role))) {
          throw new AppError('FORBIDDEN', '没有权限执行此操作');
        }
        const input = parseInput(def.input, rest);
        if (def.scope && user) await assertInScope(ctx.db, user, await def.scope(input, { ...ctx, user }));
        // Staff and admin actions leave an audit entry once they succeed (the audit hook: domain/audit/record.ts).
        const data = await runAudited(
          { fn: name, action: requested, access: def.access, input },
          bare ? { ...ctx, user: null, openid: ctx.caller?.openid ?? '' } : { ...ctx, user },
          (c) => def.run(input, c),
        );
        // Even a read may have seen a commit still on its way to disk: answer only once it is there.
        await ctx.db.sync();
        return ok(data);
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.field);
        // A write conflict that outlived every retry: the request wrote nothing and may be sent again.
        if (error instanceof DbError && error.code === 'TRANSACTION_CONFLICT') return fail('CONFLICT', BUSY_MESSAGE);
        // The disk refused the write (nothing was saved): say so plainly rather than a generic failure.
        const storage = error instanceof DbError && STORAGE_ERROR_CODES.includes(error.code);
        logger({
          fn: name,
          action: actionName,
          code: storage ? error.code : 'INTERNAL',
          error: error instanceof Error ? error.name : typeof error,
        });
        if (storage) return fail('INTERNAL', error.message);
        return fail('INTERNAL', '服务暂时不可用，请稍后再试');
      }
    },
  };
}
