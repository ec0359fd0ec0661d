/** The double speaks the wire protocol of exactly these versions; anything else must be re-checked first. */
import { createRequire } from 'node:module';

export const PINNED = { '@cloudbase/node-sdk': '3.18.3', '@cloudbase/database': '1.4.3' } as const;

export function assertPinnedSdk(): void {
  const here = createRequire(__filename);
  const sdkRequire = createRequire(here.resolve('@cloudbase/node-sdk'));
  const found = {
    '@cloudbase/node-sdk': (here('@cloudbase/node-sdk/package.json') as { version: string }).version,
    '@cloudbase/database': (sdkRequire('@cloudbase/database/package.json') as { version: string }).version,
  };
  for (const [name, version] of Object.entries(PINNED)) {
    if (found[name as keyof typeof PINNED] !== version) {
      throw new Error(
        `The CloudBase double is written against ${name}@${version}, but ${found[name as keyof typeof PINNED]} is installed: re-check test/support/cloudbase-double/protocol.ts against its source, then update PINNED.`,
      );
    }
  }
}
