/**
 * The three storms (500 redemptions of stock 50, 300 bookings of 20 seats, the green channel) on the
 * CloudBase double through the real SDK and on the embedded engine: throughput, p50, p99 and the
 * answers by code. The load runs in its own process, apart from the double (this process).
 * Alone: `tsx bench/cloudbase-storms.ts`; `npm run bench` includes it.
 */
import path from 'node:path';
import { createProductCollections } from '../test/support/cloudbase-double/collections';
import { startCloudBaseDouble } from '../test/support/cloudbase-double/server';
import { STORMS, stormProcess, type StormResult } from '../test/support/cloudbase-storms';

type Record = (measure: string, value: number, unit: string, note?: string) => void;

const codes = (r: StormResult) =>
  Object.entries(r.codes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');

export async function benchCloudBaseStorms(record: Record): Promise<StormResult[]> {
  const results: StormResult[] = [];
  for (const engine of ['cloudbase', 'local'] as const) {
    for (const storm of STORMS) {
      // A fresh double per storm, as a fresh data folder is for the embedded engine.
      const double = engine === 'cloudbase' ? await startCloudBaseDouble() : null;
      if (double) createProductCollections(double);
      try {
        const ended = await stormProcess(['--storm', storm, '--engine', engine], double?.sdkEnv() ?? {});
        if (!ended.result) throw new Error(`${storm} storm on ${engine} did not finish:\n${ended.stderr}`);
        const r = ended.result;
        results.push(r);
        const label = `${storm} storm, ${engine === 'cloudbase' ? 'CloudBase double (real SDK)' : 'embedded engine'}`;
        record(
          `${label}: throughput`,
          r.perSecond,
          'req/s',
          `${r.requests} at once; ${codes(r)}${r.violations.length ? `; BROKEN: ${r.violations.join('; ')}` : ''}`,
        );
        record(`${label}: p50`, r.p50, 'ms');
        record(`${label}: p99`, r.p99, 'ms');
      } finally {
        await double?.close();
      }
    }
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  benchCloudBaseStorms((measure, value, unit, note) =>
    console.log(`${measure.padEnd(58)} ${String(value).padStart(8)} ${unit.padEnd(6)} ${note ?? ''}`),
  )
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
