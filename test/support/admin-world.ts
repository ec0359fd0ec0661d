import path from 'node:path';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import type { Envelope } from '../../domain/core/errors';
import type { HostServices } from '../../domain/core/services';
import { LocalFileStore } from '../../domain/files/local';
import { seededWorld } from './functions';

/**
 * A seeded world (either engine) whose function calls carry the host's ports, as the local cloud lends
 * them: pictures in a folder of the world's directory, and a credential issuer standing in for the signer.
 */
export async function adminWorld(now?: number) {
  const world = await seededWorld(now);
  const files = new LocalFileStore(path.join(world.dir, 'files'));
  const services: HostServices = {
    files,
    credentials: { issue: async (openid, at) => ({ token: `test-token:${openid}:${at}`, kind: 'bearer' }) },
    qrBase: 'http://127.0.0.1:8080/#/',
  };
  const callAt =
    (at: number) =>
    <T = unknown>(fn: string, event: unknown, openid: string | null = 'demo-admin'): Promise<Envelope<T>> =>
      FUNCTIONS[fn]!.handle(event, {
        db: world.db,
        caller: openid ? { openid } : null,
        now: () => at,
        services,
      }) as Promise<Envelope<T>>;
  const call = Object.assign(callAt(world.now), { at: callAt });
  return { ...world, call, files, services };
}
export type AdminWorld = Awaited<ReturnType<typeof adminWorld>>;

/** The data of an ok envelope, or the test fails with the error's message. */
export function data<T>(res: Envelope<T>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
}
