import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import type { Envelope } from '../../domain/core/errors';
import type { Database } from '../../domain/db';
import { LocalFileStore } from '../../domain/files/local';
import { LocalPhoneResolver } from '../../domain/phone/local';
import { useLocalPiiKey } from '../../domain/privacy/crypto';
import { seedIfEmpty } from '../../domain/seed/seed';
import { openTestDatabase, selectedEngine, type EngineName } from './engine';

/**
 * A seeded database and a way to call any function as anyone. The engine is the jest project's
 * (embedded by default; CloudBase through the SDK against the double in the cloudbase-* projects).
 */
export async function seededWorld(now = Date.parse('2026-11-23T02:00:00Z'), engine: EngineName = selectedEngine()) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-fn-'));
  const db = await openTestDatabase(dir, engine);
  useLocalPiiKey(dir);
  await seedIfEmpty(db, now);
  // Every host lends a file store (a folder locally, CloudBase storage in the cloud) and a phone-code resolver
  // (domain/phone: local codes `local-phone-<number>`, each once): so does this world.
  const services = { files: new LocalFileStore(path.join(dir, 'files')), phones: new LocalPhoneResolver() };
  /** Calls a function as `openid` at the instant `at` (the platform's clock). */
  const callAt =
    (at: number) =>
    <T = unknown>(fn: string, event: unknown, openid: string | null = 'demo-member'): Promise<Envelope<T>> =>
      FUNCTIONS[fn]!.handle(event, { db, caller: openid ? { openid } : null, now: () => at, services }) as Promise<
        Envelope<T>
      >;
  const call = Object.assign(callAt(now), { at: callAt });
  return { db, dir, call, now };
}

/** Every document of every collection, for "a rejected request writes nothing". */
export async function dump(db: Database, collections: string[]): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const c of collections) out[c] = await db.collection(c).limit(1000).get();
  return JSON.stringify(out);
}
