import type { Unit } from '../api';

/** Units in tree order, each with its depth (parents before children, siblings by name). */
export function inTreeOrder(units: Unit[]): (Unit & { depth: number })[] {
  const children = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.unitId));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: (Unit & { depth: number })[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      out.push({ ...u, depth });
      if (depth < 10) walk(u.unitId, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
