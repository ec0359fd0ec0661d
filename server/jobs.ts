import { FUNCTIONS } from '../cloudfunctions/registry';
import { clock } from '../domain/core/clock';
import type { HostServices } from '../domain/core/services';
import type { Database } from '../domain/db';

/**
 * The local cloud's stand-in for CloudBase timer triggers: every job of every function, on an
 * interval, lent the same ports as the functions (the data folder's file store). Jobs are idempotent, so a run that overlaps a slow one is skipped rather than doubled.
 */
export function startJobs(
  db: Database,
  intervalMs: number,
  now: () => number = clock.now,
  services?: HostServices,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const runAll = async () => {
    for (const fn of Object.values(FUNCTIONS)) {
      for (const [name, job] of Object.entries(fn.jobs)) {
        try {
          await job(db, now(), services);
        } catch (error) {
          console.error(
            JSON.stringify({ job: `${fn.name}.${name}`, error: error instanceof Error ? error.name : 'unknown' }),
          );
        }
      }
    }
  };
  const timer = setInterval(() => {
    if (!running) running = runAll().finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
