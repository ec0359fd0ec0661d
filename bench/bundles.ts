/**
 * Per cloud function: the bundle's size and its cold load time, i.e. how long `require('./index.js')` takes in a
 * fresh Node process with nothing else loaded (timed inside that process, so process start-up and exit are not
 * counted), median of 9 fresh processes, the functions interleaved so a busy moment hits all alike; the CPU time
 * of the load beside it. Goal: ≤ 600 KB and ≤ 150 ms on this machine. `tsx bench/bundles.ts` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../scripts/build-functions';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One fresh process: the wall and CPU milliseconds of requiring the bundle in `cwd`. */
function coldLoad(cwd: string): { wall: number; cpu: number } {
  const script = `const c = process.cpuUsage(); const t = performance.now(); require('./index.js');
    const wall = performance.now() - t; const u = process.cpuUsage(c);
    process.stdout.write(JSON.stringify({ wall, cpu: (u.user + u.system) / 1000 }));`;
  const r = spawnSync(process.execPath, ['-e', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`requiring the bundle in ${cwd} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { wall: number; cpu: number };
}

type Record = (measure: string, value: number, unit: string, note?: string) => void;

export async function benchBundles(record: Record): Promise<void> {
  const built = await buildFunctions();
  // Each alone in a folder, as deployed: nothing to resolve from a node_modules nearby.
  const dirs = built.map((fn) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-bundle-${fn.name}-`));
    fs.copyFileSync(path.join(__dirname, '..', 'cloudfunctions', fn.name, 'index.js'), path.join(dir, 'index.js'));
    return dir;
  });
  const loads = built.map(() => [] as { wall: number; cpu: number }[]);
  try {
    for (let i = 0; i < RUNS; i += 1) dirs.forEach((dir, f) => loads[f]!.push(coldLoad(dir)));
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
  built.forEach((fn, f) => {
    record(`cloud function ${fn.name}: bundle size`, fn.bytes / 1024, 'KB', 'goal ≤ 600 KB');
    record(
      `cloud function ${fn.name}: cold load`,
      median(loads[f]!.map((l) => l.wall)),
      'ms',
      `require() in a fresh process, median of ${RUNS} (CPU ${median(loads[f]!.map((l) => l.cpu)).toFixed(0)} ms); goal ≤ 150 ms`,
    );
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  benchBundles((measure, value, unit, note) =>
    console.log(`${measure.padEnd(40)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${note ?? ''}`),
  ).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
