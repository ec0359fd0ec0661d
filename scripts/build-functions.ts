/**
 * Bundles each cloud function into cloudfunctions/<name>/index.js (exports `main`), with the
 * shared domain code and the SDK inside, so that each folder deploys on its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

export const FUNCTION_ROOT = path.resolve(__dirname, '..', 'cloudfunctions');

export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTION_ROOT)
    .filter((name) => fs.existsSync(path.join(FUNCTION_ROOT, name, 'src', 'index.ts')))
    .sort();
}

export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const results = [];
  for (const name of functionNames()) {
    const outfile = path.join(FUNCTION_ROOT, name, 'index.js');
    await build({
      entryPoints: [path.join(FUNCTION_ROOT, name, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    results.push({ name, bytes: fs.statSync(outfile).size });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildFunctions().then(
    (results) => {
      for (const r of results) console.log(`cloudfunctions/${r.name}/index.js  ${(r.bytes / 1024).toFixed(0)} KB`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
