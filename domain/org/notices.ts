/**
 * What an applicant is told when their application to join a branch is decided: one 消息 per decision, in the
 * transaction that records it, under an id derived from the application and the decision (a retry tells once).
 */
import type { Transaction } from '../db';
import { enqueue } from '../messages';
import { UNITS, unitDocSchema, type ApplicationDoc } from './model';

export const JOIN_PAGE = '/packages/org/pages/join/index';

export async function tellDecision(
  tx: Transaction,
  app: Pick<ApplicationDoc, '_id' | 'openid' | 'branchId'>,
  decision: { status: 'approved' } | { status: 'rejected'; reason: string },
  now: number,
): Promise<void> {
  const unit = unitDocSchema.safeParse(await tx.collection(UNITS).doc(app.branchId).get());
  const branch = unit.success ? unit.data.name : '支部';
  const approved = decision.status === 'approved';
  await enqueue(
    tx,
    {
      cause: ['org', app._id, decision.status],
      openid: app.openid,
      module: 'activities',
      kind: approved ? 'joinApproved' : 'joinRejected',
      title: approved ? `你已加入「${branch}」` : `加入「${branch}」的申请未通过`,
      body: approved
        ? `书记已通过你的申请。你现在是${branch}的党员，可以参加支部活动、签到得积分。`
        : `原因：${decision.reason}。如有疑问，请联系支部书记；核实后可以重新申请。`,
      page: JOIN_PAGE,
      refId: app._id,
      data: { item: branch, status: approved ? '已通过' : '未通过' },
    },
    now,
  );
}
