/** What the 群众点单 use cases share: who may manage a request, its scope, and reading it inside a transaction. */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { type ActionContext, type SignedInContext } from '../core/router';
import { fields } from '../core/validation';
import { UNITS, unitDocSchema } from '../org';
import { statusSchema, type RequestDoc } from './model';
import { card, notFoundRequest, readRequest } from './present';

export const STAFF = ['secretary', 'admin'] as const;
export const photoList = (max: number) => z.array(z.string().trim().min(1).max(300)).max(max, `最多 ${max} 张照片`);
export const requestIdField = z.object({ id: fields.id });

/** The branch a request lies in, for the router's scope check (a secretary: their branch; an admin: their county). */
export const scopeOfRequest = async ({ id }: { id: string }, ctx: SignedInContext) => {
  const req = await readRequest(ctx.db, id);
  return req ? { unitId: req.unitId } : null;
};

/** The openid of the branch's secretary, if it has one. */
export async function secretaryOf(db: Database, unitId: string): Promise<string | null> {
  const unit = unitDocSchema.safeParse(await db.collection(UNITS).doc(unitId).get());
  return unit.success ? unit.data.secretary : null;
}

export async function txRequest(tx: Transaction, id: string): Promise<RequestDoc> {
  const req = await readRequest(tx, id);
  if (!req) throw notFoundRequest();
  return req;
}

// ---- 点单 ----

export const listInput = z.strictObject({
  status: statusSchema.optional(),
  cursor: fields.cursor,
  limit: fields.limit,
});

export async function cards(ctx: ActionContext, page: { items: RequestDoc[]; nextCursor: string | null }) {
  const items = [];
  for (const req of page.items) items.push(await card(req, ctx.services));
  return { items, nextCursor: page.nextCursor };
}
