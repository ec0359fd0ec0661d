/** `npm run build:console`: bundles the desktop admin console into dist/console (server/console-build.ts). */
import { buildConsole } from '../server/console-build';

buildConsole().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
