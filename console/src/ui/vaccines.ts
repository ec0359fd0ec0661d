import type { VaccineOffer } from '../api';

/** One vaccine per line: 编码,名称,厂家,剂次,间隔天数 — compact enough for a desk, checked line by line. */
export function parseVaccines(text: string): VaccineOffer[] | string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return '请至少填写一种疫苗';
  if (lines.length > 10) return '最多 10 种疫苗';
  const out: VaccineOffer[] = [];
  for (const [i, line] of lines.entries()) {
    const [code, name, maker = '', doses = '1', interval = '0'] = line.split(/[,，]/).map((p) => p.trim());
    if (!code || !name) return `第 ${i + 1} 行缺少编码或名称`;
    const d = Number(doses);
    const n = Number(interval);
    if (!Number.isInteger(d) || d < 1 || d > 5) return `第 ${i + 1} 行的剂次必须是 1 到 5`;
    if (!Number.isInteger(n) || n < 0) return `第 ${i + 1} 行的间隔天数必须是非负整数`;
    out.push({ code, name, maker, doses: d, intervalDays: n });
  }
  return out;
}
export const vaccinesText = (v: VaccineOffer[] = []) =>
  v.map((x) => [x.code, x.name, x.maker, x.doses, x.intervalDays ?? 0].join(',')).join('\n');
