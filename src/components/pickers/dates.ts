/** Plain conversions between the strings the server takes and the Date a picker wheel shows (local fields only). */
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm' or 'HH:mm' → a Date with those wall-clock fields (today for a bare time). */
export function toPickerDate(value: string): Date {
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const time = /(\d{2}):(\d{2})$/.exec(value);
  const now = new Date();
  return new Date(
    date ? Number(date[1]) : now.getFullYear(),
    date ? Number(date[2]) - 1 : now.getMonth(),
    date ? Number(date[3]) : now.getDate(),
    time ? Number(time[1]) : 0,
    time ? Number(time[2]) : 0,
  );
}

/** The wheels' values ([y, m, d], [h, min] or [y, m, d, h, min]) → the server's string. */
export function fromWheels(kind: 'date' | 'time' | 'datetime', values: readonly (string | number | null)[]): string {
  const n = values.map((v) => Number(v));
  if (kind === 'time') return `${pad(n[0]!)}:${pad(n[1]!)}`;
  const day = `${n[0]}-${pad(n[1]!)}-${pad(n[2]!)}`;
  return kind === 'date' ? day : `${day} ${pad(n[3]!)}:${pad(n[4]!)}`;
}

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
/** How a value reads in the field: 2026年11月23日（周一）, 19:30, or both. */
export function describe(kind: 'date' | 'time' | 'datetime', value: string): string {
  if (!value) return '';
  if (kind === 'time') return value;
  const d = toPickerDate(value);
  const day = `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日（周${WEEK[d.getDay()]}）`;
  return kind === 'date' ? day : `${day} ${value.slice(11)}`;
}

/** 'YYYY-MM-DD' plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = toPickerDate(date);
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
