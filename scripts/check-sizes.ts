/**
 * `npm run check:sizes`: the weapp build's main package and each subpackage against their budgets
 * (main ≤ 450 KB, each subpackage ≤ 250 KB; WeChat's own limit is 2 MB). Exits 1 when one is over.
 */
import fs from 'node:fs';
import path from 'node:path';

export const WEAPP_DIR = path.resolve(__dirname, '..', 'dist', 'weapp');
export const BUDGETS = { main: 450 * 1024, subpackage: 250 * 1024 };

function sizeOf(dir: string, skip: (rel: string) => boolean, base = dir): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(base, full);
    if (skip(rel)) continue;
    total += entry.isDirectory() ? sizeOf(full, skip, base) : fs.statSync(full).size;
  }
  return total;
}

/** Bytes per package as WeChat counts them (license notes are not shipped). */
export function packageSizes(): { name: string; bytes: number; budget: number }[] {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.json')))
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first');
  const notShipped = (rel: string) => rel.endsWith('.LICENSE.txt');
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
  };
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const main = sizeOf(WEAPP_DIR, (rel) => notShipped(rel) || roots.some((r) => rel === r || rel.startsWith(`${r}/`)));
  return [
    { name: 'main', bytes: main, budget: BUDGETS.main },
    ...roots.map((root) => ({
      name: root,
      bytes: sizeOf(path.join(WEAPP_DIR, root), notShipped),
      budget: BUDGETS.subpackage,
    })),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const sizes = packageSizes();
  for (const s of sizes)
    console.log(
      `${s.bytes <= s.budget ? 'ok  ' : 'OVER'}  ${s.name.padEnd(18)} ${(s.bytes / 1024).toFixed(1).padStart(7)} KB  (budget ${s.budget / 1024} KB)`,
    );
  process.exit(sizes.every((s) => s.bytes <= s.budget) ? 0 : 1);
}
