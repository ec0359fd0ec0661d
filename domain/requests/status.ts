/**
 * A 群众点单 request's life in one table: each step, the statuses it may start from and those it
 * leads to, and what someone trying it from another status is told. Every action checks its step
 * here before it writes (`assertStep`), and the detail view's can* flags read the same table.
 *
 *   submitted ─review→ accepted ─dispatch→ inProgress (assigned) / open (hall) ─claim→ inProgress
 *   submitted ─review→ declined
 *   open | inProgress ─finish→ finished ─confirm→ confirmed
 *                                        ─sendBack→ inProgress
 *   open | inProgress ─release / withdraw→ open (hall) or accepted (assigned: dispatch again)
 *   submitted | accepted | open | inProgress ─cancel→ cancelled
 */
import { AppError } from '../core/errors';
import { STATUS_LABELS, WORKING, type RequestStatus } from './model';

interface Step {
  from: readonly RequestStatus[];
  to: readonly RequestStatus[];
  /** Whose status the refusal names (该请求 for the resident's and the branch's steps, 该任务 for a claimant's). */
  subject: '该请求' | '该任务';
  /** The end of the refusal, e.g. 不能再审核. */
  cannot: string;
  /** A refusal that says more than the status, for a status people often try the step from. */
  instead?: Partial<Record<RequestStatus, string>>;
}

export const STEPS = {
  review: { from: ['submitted'], to: ['accepted', 'declined'], subject: '该请求', cannot: '不能再审核' },
  dispatch: {
    from: ['accepted'],
    to: ['inProgress', 'open'],
    subject: '该请求',
    cannot: '不能再派单',
    instead: { submitted: '请先受理再派单' },
  },
  claim: { from: ['open'], to: ['open', 'inProgress'], subject: '该任务', cannot: '不能认领' },
  progress: { from: WORKING, to: WORKING, subject: '该任务', cannot: '不能再报告进展' },
  finish: { from: WORKING, to: ['finished'], subject: '该任务', cannot: '不能提交办结' },
  release: { from: WORKING, to: ['open', 'accepted'], subject: '该任务', cannot: '不能放弃认领' },
  withdraw: { from: WORKING, to: ['open', 'accepted'], subject: '该任务', cannot: '不能收回认领' },
  confirm: { from: ['finished'], to: ['confirmed'], subject: '该请求', cannot: '不能确认办结' },
  sendBack: { from: ['finished'], to: ['inProgress'], subject: '该请求', cannot: '不能退回' },
  // The resident may cancel until someone reports it done: once finished it is theirs to confirm or send back.
  cancel: {
    from: ['submitted', 'accepted', 'open', 'inProgress'],
    to: ['cancelled'],
    subject: '该请求',
    cannot: '不能取消',
    instead: { finished: '已办理完成，请确认办结或退回重办' },
  },
} as const satisfies Record<string, Step>;
export type StepName = keyof typeof STEPS;

/** Whether `step` may start from `status`. */
export const allows = (step: StepName, status: RequestStatus): boolean =>
  (STEPS[step].from as readonly RequestStatus[]).includes(status);

/** What someone trying `step` from `status` is told (CONFLICT, saying why). */
export function refusalOf(step: StepName, status: RequestStatus): AppError {
  const s: Step = STEPS[step];
  return new AppError('CONFLICT', s.instead?.[status] ?? `${s.subject}${STATUS_LABELS[status]}，${s.cannot}`);
}

/** Refuses unless `step` may start from the request's status. */
export function assertStep(step: StepName, status: RequestStatus): void {
  if (!allows(step, status)) throw refusalOf(step, status);
}
