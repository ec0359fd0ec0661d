/**
 * Bundles each cloud function into cloudfunctions/<name>/index.js (exports `main`), with the
 * shared domain code and the SDK inside, so that each folder deploys on its own
 * (`installDependency: false`: nothing to install, nothing to resolve at cold start).
 *
 * Cold start is loading this file, so it carries only what runs (`npm run bench` measures it):
 * - zod without its 40-odd error-message locales and JSON-schema converters: the `z` namespace
 *   the domain imports would otherwise pull in all of them (only zh-CN and en are used);
 * - @cloudbase/node-sdk without the parts the product never calls (AI, data models, storage XML,
 *   auth tickets, file uploads' MIME table): those modules are replaced by a stub that throws if
 *   anything ever calls it, so a change that starts using one fails loudly, never silently.
 *   The database path (@cloudbase/database, bson, signing, HTTP) is bundled whole.
 * - never the embedded engine (domain/db/local): a build that reaches it fails.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';

export const FUNCTION_ROOT = path.resolve(__dirname, '..', 'cloudfunctions');

export function functionNames(): string[] {
  return fs
    .readdirSync(FUNCTION_ROOT)
    .filter((name) => fs.existsSync(path.join(FUNCTION_ROOT, name, 'src', 'index.ts')))
    .sort();
}

/** Modules of the SDK's dependency tree that no action reaches, and why. */
export const LEFT_OUT: Record<string, RegExp> = {
  'node-sdk AI (@cloudbase/ai, @cloudbase/app, web streams)':
    /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]ai[\\/]index\.js$/,
  'data models and MySQL (@cloudbase/wx-cloud-client-sdk)': /[\\/]@cloudbase[\\/]wx-cloud-client-sdk[\\/]/,
  'cloud storage XML (xml2js)': /[\\/]node_modules[\\/]xml2js[\\/]/,
  'custom-login tickets (jsonwebtoken)': /[\\/]node_modules[\\/]jsonwebtoken[\\/]/,
  'file-upload MIME table (mime-types)': /[\\/]node_modules[\\/]mime-types[\\/]/,
  'database realtime watch() (websockets)': /[\\/]@cloudbase[\\/]database[\\/]dist[\\/]commonjs[\\/]realtime[\\/]/,
  "axios's browser adapter (XMLHttpRequest)": /[\\/]node_modules[\\/]axios[\\/]lib[\\/]adapters[\\/]xhr\.js$/,
  "debug's browser half": /[\\/]node_modules[\\/]debug[\\/]src[\\/]browser\.js$/,
  "local posters' QR codes (qrcode, pngjs; the cloud draws WeChat's wxacode)":
    /[\\/]node_modules[\\/](qrcode|pngjs|dijkstrajs)[\\/]/,
};

/** Stands in for a left-out module: loads, and throws on first use with the reason. */
const stub = (what: string) => `
const fail = () => { throw new Error(${JSON.stringify(`${what} is not in this bundle (scripts/build-functions.ts LEFT_OUT)`)}); };
const handler = {
  get(_t, key) {
    if (key === '__esModule' || key === 'then' || typeof key === 'symbol') return undefined;
    if (key === 'default') return proxy;
    return new Proxy(fail, handler);
  },
  apply: fail,
  construct: fail,
};
const proxy = new Proxy(fail, handler);
module.exports = proxy;
`;

const leaveOut: Plugin = {
  name: 'leave-out',
  setup(b) {
    for (const [what, pattern] of Object.entries(LEFT_OUT)) {
      b.onLoad({ filter: pattern }, () => ({ contents: stub(what), loader: 'js' }));
    }
    b.onLoad({ filter: /[\\/]domain[\\/]db[\\/]local[\\/]/ }, (args) => ({
      errors: [
        { text: `the embedded engine must not reach a cloud bundle: ${path.relative(process.cwd(), args.path)}` },
      ],
    }));
  },
};

const ZOD_CLASSIC = path.join(path.dirname(createRequire(__filename).resolve('zod/v4/core')), '..', 'classic');

/** `zod` as the domain uses it (`z.object`, `z.config(z.locales.zhCN())`, …) without every locale. */
const leanZod: Plugin = {
  name: 'lean-zod',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'lean-zod' }));
    b.onLoad({ filter: /^zod$/, namespace: 'lean-zod' }, () => ({
      resolveDir: ZOD_CLASSIC,
      loader: 'js',
      contents: `
        import * as z from './lean-external.js';
        export * from './lean-external.js';
        export { z, z as default };`,
    }));
    b.onResolve({ filter: /^\.\/lean-external\.js$/ }, () => ({ path: 'lean-external', namespace: 'lean-zod' }));
    b.onLoad({ filter: /^lean-external$/, namespace: 'lean-zod' }, () => ({
      resolveDir: ZOD_CLASSIC,
      loader: 'js',
      contents: `
        export * from './schemas.js';
        export * from './checks.js';
        export * from './errors.js';
        export * from './parse.js';
        export * from './compat.js';
        export { config, NEVER } from '../core/index.js';
        export * as iso from './iso.js';
        export * as coerce from './coerce.js';
        import en from '../locales/en.js';
        import zhCN from '../locales/zh-CN.js';
        export const locales = { en, zhCN };`,
    }));
  },
};

const ZOD_CORE = path.join(ZOD_CLASSIC, '..', 'core');

/** A module's exported names (`export function x` / `export const x`), read from its source. */
const exportedNames = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^export (?:function|const|let|class) (\w+)/gm)].map((m) => m[1]!);

/**
 * zod's JSON-schema conversion, which the classic schemas reference from every schema's set-up but only
 * `toJSONSchema()` calls: each converter throws if it is ever called. `aggregateChecks` (what `.minLength`,
 * `.maxValue`, `.isInt`… read) is the real one.
 */
const noJsonSchema: Plugin = {
  name: 'no-json-schema',
  setup(b) {
    const real = {
      processors: path.join(ZOD_CORE, 'json-schema-processors.js'),
      toJson: path.join(ZOD_CORE, 'to-json-schema.js'),
    };
    const thrower = (name: string) =>
      `export function ${name}() { throw new Error('zod JSON schema (${name}) is not in this bundle (scripts/build-functions.ts)'); }`;
    b.onResolve({ filter: /json-schema-processors\.js$|to-json-schema\.js$/ }, (args) =>
      args.namespace === 'file' && args.importer.startsWith(ZOD_CLASSIC)
        ? { path: args.path.includes('processors') ? 'processors' : 'to-json', namespace: 'no-json-schema' }
        : undefined,
    );
    b.onLoad({ filter: /^processors$/, namespace: 'no-json-schema' }, () => ({
      loader: 'js',
      resolveDir: ZOD_CORE,
      contents: [
        `export { aggregateChecks } from ${JSON.stringify(real.processors)};`,
        ...exportedNames(real.processors)
          .filter((n) => n !== 'aggregateChecks')
          .map(thrower),
      ].join('\n'),
    }));
    b.onLoad({ filter: /^to-json$/, namespace: 'no-json-schema' }, () => ({
      loader: 'js',
      contents: exportedNames(real.toJson)
        .map((n) =>
          n.startsWith('create')
            ? // The method is made when a schema's `~standard` is read; only calling it is refused.
              `export function ${n}() { return () => { throw new Error('zod JSON schema is not in this bundle (scripts/build-functions.ts)'); }; }`
            : thrower(n),
        )
        .join('\n'),
    }));
  },
};

/** bson as @cloudbase/database uses it: `EJSON` only (never the binary BSON parser and serializer). */
const ejsonOnly: Plugin = {
  name: 'ejson-only',
  setup(b) {
    b.onResolve({ filter: /^bson$/ }, (args) => {
      if (!/[\\/]@cloudbase[\\/]database[\\/]/.test(args.importer))
        return {
          errors: [{ text: `bson imported from ${args.importer}: only @cloudbase/database's EJSON is expected` }],
        };
      return { path: 'bson', namespace: 'ejson-only' };
    });
    b.onLoad({ filter: /^bson$/, namespace: 'ejson-only' }, () => ({
      loader: 'js',
      resolveDir: path.dirname(createRequire(__filename).resolve('@cloudbase/database')),
      contents: `module.exports = { EJSON: require('bson/lib/extended_json.js').EJSON };`,
    }));
  },
};

/**
 * Modules of the SDK that a cloud function loads only on the path that needs them: `require` at the top of an SDK
 * file becomes a require on first use. axios serves only the metadata lookup, which a function never makes
 * (`TENCENTCLOUD_RUNENV=SCF` answers "internal" first), and the extension shim; form-data only file uploads; the
 * proxy agents only a configured proxy. A line not found as written (an SDK upgrade) fails the build.
 */
export const LOADED_ON_USE: Record<string, string[]> = {
  '@cloudbase/node-sdk/dist/cloudbase.js': ['const axios_1 = __importDefault(require("axios"));'],
  '@cloudbase/node-sdk/dist/utils/metadata.js': ['const axios_1 = __importDefault(require("axios"));'],
  '@cloudbase/node-sdk/dist/utils/request-core.js': [
    'const https_proxy_agent_1 = require("https-proxy-agent");',
    'const http_proxy_agent_1 = require("http-proxy-agent");',
    'const form_data_1 = __importDefault(require("form-data"));',
  ],
};

const loadOnUse: Plugin = {
  name: 'load-on-use',
  setup(b) {
    b.onLoad({ filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/].*\.js$/ }, (args) => {
      const key = Object.keys(LOADED_ON_USE).find((k) => args.path.replace(/\\/g, '/').endsWith(`node_modules/${k}`));
      if (!key) return undefined;
      let contents = fs.readFileSync(args.path, 'utf8');
      for (const line of LOADED_ON_USE[key]!) {
        const m = /^const (\w+) = (.*);$/.exec(line);
        if (!m || !contents.includes(line))
          return {
            errors: [{ text: `${key} no longer holds \`${line}\` (scripts/build-functions.ts LOADED_ON_USE)` }],
          };
        contents = contents.replace(
          line,
          `const ${m[1]} = new Proxy({}, { get(_target, key) { return (${m[2]})[key]; } });`,
        );
      }
      return { contents, loader: 'js' };
    });
  },
};

export interface BuiltFunction {
  name: string;
  bytes: number;
  metafile: Metafile;
}

export async function buildFunctions(): Promise<BuiltFunction[]> {
  const results: BuiltFunction[] = [];
  for (const name of functionNames()) {
    const outfile = path.join(FUNCTION_ROOT, name, 'index.js');
    const { metafile } = await build({
      entryPoints: [path.join(FUNCTION_ROOT, name, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [leaveOut, leanZod, noJsonSchema, ejsonOnly, loadOnUse],
    });
    results.push({ name, bytes: fs.statSync(outfile).size, metafile });
  }
  return results;
}

/** Bytes in a bundle by package (or by project folder), largest first: what `--why` prints. */
export function bytesByPackage(metafile: Metafile): [string, number][] {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg =
        /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1] ?? file.split(/[\\/]/).slice(0, 2).join('/');
      sizes.set(pkg, (sizes.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  buildFunctions().then(
    (results) => {
      for (const r of results) {
        console.log(`cloudfunctions/${r.name}/index.js  ${(r.bytes / 1024).toFixed(0)} KB`);
        if (process.argv.includes('--why')) {
          for (const [pkg, bytes] of bytesByPackage(r.metafile).slice(0, 15))
            console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${pkg}`);
        }
      }
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
