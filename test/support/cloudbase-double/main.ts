/**
 * Runs the double as its own process:
 *   tsx test/support/cloudbase-double/main.ts [--updated matched|modified] [--port N] [--empty]
 * Prints one JSON line `{ "url", "env" }` once it listens (the env to give an SDK process);
 * every product collection is created unless --empty. Stops on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { createProductCollections } from './collections';
import { startCloudBaseDouble } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      updated: { type: 'string', default: 'matched' },
      port: { type: 'string', default: '0' },
      empty: { type: 'boolean', default: false },
    },
  });
  if (values.updated !== 'matched' && values.updated !== 'modified')
    throw new Error('--updated must be matched or modified');
  const double = await startCloudBaseDouble({ updated: values.updated, port: Number(values.port) });
  if (!values.empty) createProductCollections(double);
  process.stdout.write(`${JSON.stringify({ url: double.url, updated: double.updated, env: double.sdkEnv() })}\n`);
  const stop = () => void double.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
