/**
 * 先锋岗 and 责任区 as other modules meet them: 「找他办事」 opens a 群众点单 addressed to the post's branch, and the
 * request carries the post it came from (domain/requests/ask.ts reads it here).
 */
import type { Database } from '../db';
import { AppError } from '../core/errors';
import { LANDMARKS, landmarkDocSchema } from './model';

/** The post a request came from, as the request keeps it. */
export interface PostReference {
  landmarkId: string;
  name: string;
  kind: 'post' | 'area';
  /** The branch the post belongs to: the request goes to its queue. */
  branchId: string;
}

/** A live 先锋岗 or 责任区 with a branch, else INVALID_ARGUMENT beside `postId`. */
export async function readAskablePost(db: Pick<Database, 'collection'>, landmarkId: string): Promise<PostReference> {
  const parsed = landmarkDocSchema.safeParse(await db.collection(LANDMARKS).doc(landmarkId).get());
  const p = parsed.success ? parsed.data : null;
  if (!p || !p.active || (p.kind !== 'post' && p.kind !== 'area') || !p.branchId)
    throw new AppError('INVALID_ARGUMENT', '这个先锋岗已不再接受点单，请直接选择社区党支部', 'postId');
  return { landmarkId: p._id, name: p.name, kind: p.kind, branchId: p.branchId };
}
