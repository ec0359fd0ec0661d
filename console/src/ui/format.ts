/** Times as people in the counties read them: Asia/Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(ms: number) {
  const d = new Date(ms + SHANGHAI_MS);
  return {
    y: d.getUTCFullYear(),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    h: pad(d.getUTCHours()),
    min: pad(d.getUTCMinutes()),
  };
}

export function formatDateTime(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  const p = parts(ms);
  return `${p.y}-${p.m}-${p.d} ${p.h}:${p.min}`;
}

export function formatTime(ms: number): string {
  const p = parts(ms);
  return `${p.h}:${p.min}`;
}

/** Today's date in Shanghai, 'YYYY-MM-DD', moved by `days`. */
export function shanghaiDate(days = 0, now = Date.now()): string {
  const p = parts(now + days * 86_400_000);
  return `${p.y}-${p.m}-${p.d}`;
}
