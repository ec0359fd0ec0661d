/**
 * The one typed contract between the cloud functions and their clients (the mini-program's services and the
 * desktop console), derived from each function's action table: an action's input is what its zod schema
 * accepts (before defaults), its output what its `run` answers. Type-only: clients `import type` from here,
 * so no server code reaches a client bundle.
 */
import type { InputOf, OutputOf } from '../domain/core/router';
import type { Routers } from './registry';

/** Function name → its action table. */
export type Contract = { [F in keyof Routers]: Routers[F]['actions'] };
export type FunctionName = keyof Contract & string;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;

/** Drops `action` from each member of a union, so a discriminated input (one shape per `mode`) stays one. */
type WithoutAction<T> = T extends unknown ? { [K in keyof T as Exclude<K, 'action'>]: T[K] } : never;

/** What a client sends to `F.A`, besides `action` (which the transport adds). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = WithoutAction<InputOf<Contract[F][A]>>;
/** What `F.A` answers inside `{ ok: true, data }`. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = OutputOf<Contract[F][A]>;

/** The element of a paged answer's `items`. */
export type ItemOf<P> = P extends { items: readonly (infer T)[] } ? T : never;

/** Nothing: an input with no required field accepts it. */
type Nothing = Record<never, never>;
/** A client's `input` argument: it may be left out when no field of the action's input is required. */
export type ActionArgs<F extends FunctionName, A extends ActionName<F>> =
  Nothing extends ActionInput<F, A> ? [input?: ActionInput<F, A>] : [input: ActionInput<F, A>];
