/**
 * Per cloud function: the bundle's size and its cold load time, i.e. a fresh `node -e "require(bundle)"`
 * minus a bare `node -e 0`, median of 5 each (interleaved, so a busy moment hits both alike).
 * Goal: ≤ 600 KB and ≤ 150 ms on this machine. `tsx bench/bundles.ts` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function wallMs(cwd: string, script: string): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: 'ignore',
  });
  if (r.status !== 0) throw new Error(`node -e ${script} exited ${r.status} in ${cwd}`);
  return performance.now() - started;
}

type Record = (measure: string, value: number, unit: string, note?: string) => void;

export async function benchBundles(record: Record): Promise<void> {
  for (const fn of await buildFunctions()) {
    // Alone in a folder, as deployed: nothing to resolve from a node_modules nearby.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-bundle-${fn.name}-`));
    fs.copyFileSync(path.join(__dirname, '..', 'cloudfunctions', fn.name, 'index.js'), path.join(dir, 'index.js'));
    const bare: number[] = [];
    const loaded: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      bare.push(wallMs(dir, '0'));
      loaded.push(wallMs(dir, "require('./index.js')"));
    }
    fs.rmSync(dir, { recursive: true, force: true });
    record(`cloud function ${fn.name}: bundle size`, fn.bytes / 1024, 'KB', 'goal ≤ 600 KB');
    record(
      `cloud function ${fn.name}: cold load`,
      median(loaded) - median(bare),
      'ms',
      `median of ${RUNS}, minus bare node (${median(bare).toFixed(0)} ms); goal ≤ 150 ms`,
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  benchBundles((measure, value, unit, note) =>
    console.log(`${measure.padEnd(40)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${note ?? ''}`),
  ).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
