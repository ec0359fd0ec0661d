/** The request status table on its own: who may do what from which status, and what others are told. */
import { STATUS_LABELS, type RequestStatus } from './model';
import { STEPS, allows, assertStep, refusalOf, type StepName } from './status';

const STATUSES = Object.keys(STATUS_LABELS) as RequestStatus[];

test('each step starts from the statuses the flow draws, and nothing starts from a closed request', () => {
  const from = Object.fromEntries(
    Object.keys(STEPS).map((step) => [step, STATUSES.filter((s) => allows(step as StepName, s))]),
  );
  expect(from).toEqual({
    review: ['submitted'],
    dispatch: ['accepted'],
    claim: ['open'],
    progress: ['open', 'inProgress'],
    finish: ['open', 'inProgress'],
    release: ['open', 'inProgress'],
    withdraw: ['open', 'inProgress'],
    confirm: ['finished'],
    sendBack: ['finished'],
    cancel: ['submitted', 'accepted', 'open', 'inProgress'],
  });
});

test('a refusal names the status, or says what to do instead', () => {
  expect(() => assertStep('review', 'accepted')).toThrow('该请求已受理，不能再审核');
  expect(refusalOf('dispatch', 'submitted')).toMatchObject({ code: 'CONFLICT', message: '请先受理再派单' });
  expect(refusalOf('cancel', 'finished').message).toBe('已办理完成，请确认办结或退回重办');
  expect(refusalOf('finish', 'finished').message).toBe('该任务待确认，不能提交办结');
  expect(() => assertStep('confirm', 'finished')).not.toThrow();
});
