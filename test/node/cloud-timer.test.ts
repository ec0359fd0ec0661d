/** One timer per function runs all its jobs, each on its own schedule. */
import { JOB_EVERY_MINUTES, dueJobs, tickMinutes, timerCron } from '../../domain/core/jobs';
import { runTimer } from '../../domain/core/cloud';
import { defineFunction } from '../../cloudfunctions/define';
import type { Database } from '../../domain/db';

const at = (hhmmss: string) => Date.parse(`2026-11-23T${hhmmss}+08:00`);
const STATIONS_JOBS = ['reconcile', 'markNoShows'];

test('the stations timer ticks every 5 minutes; reminders run on each tick, no-shows every third', () => {
  expect(JOB_EVERY_MINUTES).toMatchObject({ reconcile: 5, markNoShows: 15 });
  expect(timerCron(tickMinutes(STATIONS_JOBS))).toBe('0 */5 * * * * *');
  expect(dueJobs(STATIONS_JOBS, at('10:00:00'))).toEqual(['reconcile', 'markNoShows']);
  expect(dueJobs(STATIONS_JOBS, at('10:05:00'))).toEqual(['reconcile']);
  expect(dueJobs(STATIONS_JOBS, at('10:10:00'))).toEqual(['reconcile']);
  // A timer that fires a few seconds late still counts for the minute it was meant for.
  expect(dueJobs(STATIONS_JOBS, at('10:15:07'))).toEqual(['reconcile', 'markNoShows']);
  expect(dueJobs(STATIONS_JOBS, at('10:29:58'))).toEqual(['reconcile', 'markNoShows']);
  const perHour = Array.from({ length: 12 }, (_, i) =>
    dueJobs(STATIONS_JOBS, at(`11:${String(i * 5).padStart(2, '0')}:02`)),
  ).flat();
  expect(perHour.filter((j) => j === 'reconcile')).toHaveLength(12);
  expect(perHour.filter((j) => j === 'markNoShows')).toHaveLength(4);
  expect(timerCron(120)).toBe('0 0 */2 * * * *');
});

test('runTimer runs every due job even when one fails, then fails the invocation', async () => {
  const ran: string[] = [];
  const router = defineFunction(
    't',
    {},
    {
      reconcile: async () => {
        ran.push('reconcile');
        throw new Error('boom');
      },
      markNoShows: async () => {
        ran.push('markNoShows');
      },
    },
  );
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(runTimer(router, {} as Database, at('10:00:00'))).rejects.toThrow('reconcile');
  expect(ran).toEqual(['reconcile', 'markNoShows']);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining('"job":"reconcile"'));
  errors.mockRestore();
  ran.length = 0;
  const quiet = defineFunction(
    't',
    {},
    { reconcile: async () => void ran.push('r'), markNoShows: async () => void ran.push('n') },
  );
  expect(await runTimer(quiet, {} as Database, at('10:05:00'))).toEqual({ jobs: ['reconcile'] });
  expect(ran).toEqual(['r']);
});
