/** The README's settings table is the one `npm run config:table` writes, and the config table lists every setting the code reads. */
import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS } from '../../domain/core/config';
import { README_PATH, withConfigTable } from '../../scripts/config-table';

const ROOT = path.resolve(__dirname, '..', '..');

test('README.md carries the current settings table (run `npm run config:table`)', () => {
  const readme = fs.readFileSync(README_PATH, 'utf8');
  expect(withConfigTable(readme)).toBe(readme);
});

/** Variables the platform or tools set, not settings of ours. */
const NOT_SETTINGS = new Set([
  'PATH',
  'HOME',
  'TARO_ENV',
  'TARO_PLATFORM',
  'TCB_ENV',
  'TCB_CONTEXT_CNFG',
  'TENCENTCLOUD',
  'XFYZ_TEST_ENGINE',
  'XFYZ_RUN_PENDING',
]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

test('every process.env variable read in domain/, server/, scripts/ and config/ is in the config table', () => {
  const read = new Set<string>();
  for (const file of ['domain', 'server', 'scripts', 'config'].flatMap((dir) => sources(path.join(ROOT, dir)))) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\b(?:process\.env|env)\.([A-Z][A-Z0-9_]+)/g))
      read.add(match[1]!);
  }
  const missing = [...read].filter((name) => !(name in SETTINGS) && !NOT_SETTINGS.has(name));
  expect(missing).toEqual([]);
});
