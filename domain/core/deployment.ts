/**
 * What kind of deployment this is: `meta/deployment` holds `{ demo: boolean }`, written when the local demo is
 * seeded. Absent (a production deployment, or data from before) means not a demo: the app then shows no
 * 「演示数据」 mark.
 */
import { z } from 'zod';
import type { Database } from '../db';

/** The collection of system marks (domain/collections.ts lists it as `meta`). */
export const META = 'meta';
export const DEPLOYMENT_DOC = 'deployment';

const deploymentDocSchema = z.object({ demo: z.boolean().catch(false) });

/** Whether the data this deployment serves is the local demo's. */
export async function isDemoDeployment(db: Database): Promise<boolean> {
  const parsed = deploymentDocSchema.safeParse(await db.collection(META).doc(DEPLOYMENT_DOC).get());
  return parsed.success && parsed.data.demo;
}
