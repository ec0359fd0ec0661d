/**
 * The one clock of domain and server code: the time of day and the date. Everything else asks it
 * (`clock.now()`), so a test or a CI pass can start the whole product — and every child process it
 * spawns — at an instant of its choosing, from where the clock runs on as real time does (never frozen).
 *
 * The setting is one environment variable, `XFYZ_CLOCK`:
 *   - `2027-01-31T23:59:30+08:00`            start at that instant when this process first reads the clock;
 *   - `2027-01-31T23:59:30+08:00@1796200000000` the same, anchored: the clock read that instant when the real
 *     clock read the number after `@`. A process writes the anchored form back on first read, so a child
 *     spawned with `process.env` follows the parent's running clock rather than starting again.
 *
 * Elapsed-time waits, timeouts and back-off are not dates: they use `performance.now()`.
 */

export const CLOCK_ENV = 'XFYZ_CLOCK';

interface Setting {
  /** The instant the clock showed at `anchor`. */
  start: number;
  /** The real clock's reading when the clock showed `start`. */
  anchor: number;
}

function realNow(): number {
  // The one place that reads the wall clock.
  // eslint-disable-next-line no-restricted-syntax
  return Date.now();
}

/** Reads `XFYZ_CLOCK`; throws on a value it cannot read rather than silently running on the wall clock. */
export function parseClockSetting(value: string, real: number): Setting {
  const at = value.lastIndexOf('@');
  const startText = at > 0 ? value.slice(0, at) : value;
  const start = Date.parse(startText);
  if (!Number.isFinite(start)) throw new Error(`${CLOCK_ENV} 不是可读的时刻：${value}`);
  if (at <= 0) return { start, anchor: real };
  const anchor = Number(value.slice(at + 1));
  if (!Number.isSafeInteger(anchor)) throw new Error(`${CLOCK_ENV} 的锚点不是毫秒数：${value}`);
  return { start, anchor };
}

const formatSetting = (s: Setting): string => `${new Date(s.start).toISOString()}@${s.anchor}`;

function fromEnvironment(): Setting | null {
  const value = typeof process === 'undefined' ? undefined : process.env[CLOCK_ENV]?.trim();
  const read = value ? parseClockSetting(value, realNow()) : null;
  // Anchored at load, so that every child spawned from here on follows this running clock.
  if (read) process.env[CLOCK_ENV] = formatSetting(read);
  return read;
}

let setting: Setting | null = fromEnvironment();
const current = (): Setting | null => setting;

export const clock = {
  /** Epoch milliseconds now, on the one clock. */
  now(): number {
    const s = current();
    return s ? s.start + (realNow() - s.anchor) : realNow();
  },
  /** Starts the clock at `instant` (epoch ms or an ISO string with its zone), for this process and its children. */
  startAt(instant: number | string): void {
    const start = typeof instant === 'number' ? instant : Date.parse(instant);
    if (!Number.isFinite(start)) throw new Error(`不是可读的时刻：${instant}`);
    setting = { start, anchor: realNow() };
    process.env[CLOCK_ENV] = formatSetting(setting);
  },
  /** Back to the wall clock. */
  reset(): void {
    setting = null;
    delete process.env[CLOCK_ENV];
  },
  /** True when the clock was started somewhere other than the wall clock. */
  isSet(): boolean {
    return current() !== null;
  },
};
