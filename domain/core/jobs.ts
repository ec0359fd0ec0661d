/**
 * How often each scheduled job runs. A CloudBase function takes one trigger, so each function gets one
 * timer (`TIMER_NAME`) ticking at the greatest common period of its jobs; on each tick a job runs only
 * when its own period has come round (see `dueJobs`). No imports: cloud bundles, the local cloud and scripts all read it.
 */
export const JOB_EVERY_MINUTES: Record<string, number> = {
  expireOrders: 10,
  /** The one outbox's delivery (subscribe messages and the inbox); its retries back off from 1 minute. */
  deliverMessages: 1,
  markNoShows: 15,
  /** Repairs requests that died halfway (their intents), once past their grace period. */
  reconcile: 5,
  /** Removes console sign-in tickets once they can no longer be collected (within 10 minutes of their start), spent rate counters and old sessions. */
  purgeConsoleLogins: 5,
  /** Marks requests not accepted or not finished in time as overdue and escalates them (群众点单). */
  markOverdue: 10,
  /** Removes 群众点单 photos nobody attached, a day after their upload (bounded batches). */
  purgePhotos: 60,
  /** Tells the members of a county's or everyone's notice who were not told while it was published (domain/notices). */
  tellNotices: 1,
  /** 政治生日: the cards and messages of the day, from 08:00 Shanghai time, each once (domain/notices). */
  politicalBirthdays: 5,
  /** 三会一课: the reminders 24 hours and 1 hour before, each once (domain/meetings). */
  meetings: 5,
  /** 达标创星: once a quarter has ended, the proposals, 200 branches a run (domain/stars). */
  proposeStars: 60,
};

/** The one timer trigger's name, in cloudbaserc.json, each config.json and the timer event. */
export const TIMER_NAME = 'jobs';

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** A job missing from the table runs hourly. */
export const everyMinutes = (job: string): number => JOB_EVERY_MINUTES[job] ?? 60;

/** The period of a function's timer, in minutes: the greatest common divisor of its jobs' periods. */
export function tickMinutes(jobs: readonly string[]): number {
  return jobs.map(everyMinutes).reduce(gcd);
}

/** CloudBase's 7-field cron (second minute hour day month weekday year) for a timer every `minutes`. */
export function timerCron(minutes: number): string {
  if (minutes % 60 === 0) return `0 0 */${minutes / 60} * * * *`;
  return `0 */${minutes} * * * * *`;
}

/**
 * The jobs due on the tick nearest `now`: a timer fires a few seconds late at most, so rounding to the
 * nearest tick finds the minute it was meant for; a 15-minute job on a 5-minute timer runs every third tick.
 */
export function dueJobs(jobs: readonly string[], now: number): string[] {
  const tick = tickMinutes(jobs) * 60_000;
  const minute = Math.round(now / tick) * (tick / 60_000);
  return jobs.filter((job) => minute % everyMinutes(job) === 0);
}
