/**
 * The CloudBase database double as an HTTP server on 127.0.0.1. The real SDK reaches it through
 * its own configuration: the `URL` of `TCB_CONTEXT_CNFG` (what a cloud function's environment
 * carries) or the `serviceUrl` init option, with any credentials.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { answer } from './protocol';
import { Store, type UpdatedMode } from './store';
import { assertPinnedSdk } from './version';

export interface DoubleOptions {
  /** What `updated` counts; CloudBase does not document which. Default 'matched'. */
  updated?: UpdatedMode;
  /** Default: a free port. */
  port?: number;
  envId?: string;
  /** An abandoned open transaction is aborted after this long. Default 30 s. */
  transactionLifetimeMs?: number;
  /** Added before each answer: the time a request takes inside Tencent Cloud (bench only). Default 0. */
  latencyMs?: number;
}

/** One database request the SDK made: its action and collection, for counting round trips. */
export interface LoggedRequest {
  action: string;
  collection: string | null;
}

export interface CloudBaseDouble {
  /** The service URL the SDK posts to. */
  readonly url: string;
  readonly envId: string;
  readonly updated: UpdatedMode;
  readonly store: Store;
  /** Every database request answered so far, in order (the double's own admin calls aside). */
  readonly requests: readonly LoggedRequest[];
  /** What a cloud function's environment carries, pointing the SDK here: merge into process.env or a child's env. */
  sdkEnv(): Record<string, string>;
  createCollections(names: readonly string[]): void;
  /** Lets the process exit with the double still listening (a test helper's double never holds jest open). */
  unref(): void;
  close(): Promise<void>;
}

/** The double's own admin calls (not CloudBase's), for a test driving it from another process. */
const adminBody = z.discriminatedUnion('op', [
  z.object({ op: z.literal('reset') }),
  z.object({ op: z.literal('createCollections'), names: z.array(z.string().min(1)) }),
]);
export const ADMIN_PATH = '/__double/admin';

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (error) {
        reject(error);
      }
    });
  });
}

export async function startCloudBaseDouble(options: DoubleOptions = {}): Promise<CloudBaseDouble> {
  assertPinnedSdk();
  const updated = options.updated ?? 'matched';
  const envId = options.envId ?? 'double-env';
  const store = new Store({ updated, transactionLifetimeMs: options.transactionLifetimeMs ?? 30_000 });
  const requests: LoggedRequest[] = [];
  const latencyMs = options.latencyMs ?? 0;
  const createCollections = (names: readonly string[]) => {
    for (const name of names) if (!store.hasCollection(name)) store.createCollection(name);
  };

  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    readBody(req)
      .then(async (body) => {
        const path = new URL(req.url ?? '/', 'http://double').pathname;
        if (req.method === 'POST' && path === ADMIN_PATH) {
          const admin = adminBody.safeParse(body);
          if (!admin.success) return reply(400, { error: admin.error.message });
          if (admin.data.op === 'reset') store.reset();
          else createCollections(admin.data.names);
          return reply(200, { ok: true });
        }
        if (req.method !== 'POST' || path !== '/admin') return reply(404, { error: 'not found' });
        const { action, collectionName } = body as { action?: unknown; collectionName?: unknown };
        requests.push({
          action: typeof action === 'string' ? action : '?',
          collection: typeof collectionName === 'string' ? collectionName : null,
        });
        if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
        const envName = (body as { envName?: unknown }).envName;
        if (envName !== envId)
          return reply(200, { code: 'INVALID_ENV', message: `env ${String(envName)} is not ${envId}` });
        return reply(200, await answer(store, body));
      })
      .catch((error: unknown) => reply(400, { error: error instanceof Error ? error.message : String(error) }));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;

  return {
    url,
    envId,
    updated,
    store,
    requests,
    createCollections,
    unref: () => void server.unref(),
    sdkEnv: () => ({
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
      // A function's environment names its env id through the keys listed in TCB_CONTEXT_KEYS.
      TCB_CONTEXT_KEYS: 'TCB_ENV',
      TCB_ENV: envId,
      TENCENTCLOUD_SECRETID: 'double-secret-id',
      TENCENTCLOUD_SECRETKEY: 'double-secret-key',
      // "Running inside Tencent Cloud", as a deployed function is: otherwise the SDK looks up the
      // cloud metadata host before every request (about 60 ms each here, for nothing).
      TENCENTCLOUD: 'true',
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
