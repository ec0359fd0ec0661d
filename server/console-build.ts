/**
 * Bundles the desktop admin console (console/) with esbuild into dist/console —
 * index.html, config.js (which transport and endpoint; edited per deployment, never hashed) and hashed
 * JS/CSS under assets/. Every path is relative, so the folder works at /admin on the local cloud and at
 * any path of CloudBase static hosting. Pages are split into chunks loaded on first visit, so the
 * first screen carries only the shell, the sign-in page and TDesign's stylesheet (imported once).
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { ROOT } from './config';

export const CONSOLE_SRC = path.join(ROOT, 'console');
export const CONSOLE_DIR = path.join(ROOT, 'dist', 'console');
const ENTRY = path.join(CONSOLE_SRC, 'src', 'main.tsx');

/** The transport for the local cloud: functions at `/fn/<name>` on the same origin as `/admin`. */
const LOCAL_CONFIG = `// Which transport the console uses. Local cloud: HTTP to /fn/<name> on this origin.
// CloudBase static hosting: { transport: 'cloudbase', envId: '<env id>' } (see console/src/transport.ts).
window.CONSOLE_CONFIG = { transport: 'http', functionsUrl: '../fn' };
`;

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry))), 0);
}

/** True when dist/console is missing or older than the console's sources or this script. */
export function consoleIsStale(): boolean {
  const built = path.join(CONSOLE_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return Math.max(newestMtime(CONSOLE_SRC), fs.statSync(__filename).mtimeMs) > builtAt;
}

/**
 * TDesign's `esm` build imports each component's .less source; the console instead loads TDesign's
 * compiled stylesheet once (main.tsx imports dist/tdesign.min.css), so those imports become empty.
 */
const skipTdesignLess: Plugin = {
  name: 'skip-tdesign-less',
  setup(b) {
    b.onResolve({ filter: /\.less$/ }, (args) => ({ path: args.path, namespace: 'tdesign-less' }));
    b.onLoad({ filter: /.*/, namespace: 'tdesign-less' }, () => ({ contents: '', loader: 'js' }));
  },
};

export interface ConsoleBuild {
  /** The files index.html loads before anything is shown (relative to dist/console). */
  firstScreen: { js: string[]; css: string[] };
  files: string[];
}

/** The static imports reachable from the entry: what the browser must load before the first screen. */
function staticClosure(meta: Metafile, entryOut: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entryOut);
  return [...seen];
}

export async function buildConsole(): Promise<ConsoleBuild> {
  const started = performance.now();
  fs.rmSync(CONSOLE_DIR, { recursive: true, force: true });
  const assets = path.join(CONSOLE_DIR, 'assets');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome100', 'safari15', 'firefox100'],
    outdir: assets,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    minify: true,
    metafile: true,
    sourcemap: false,
    legalComments: 'none',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: { '.png': 'file', '.svg': 'file', '.woff': 'file', '.woff2': 'file' },
    logLevel: 'warning',
    absWorkingDir: ROOT,
    plugins: [skipTdesignLess],
  });
  const meta = result.metafile;
  const rel = (file: string) => path.relative(CONSOLE_DIR, path.resolve(ROOT, file)).split(path.sep).join('/');
  const entryKey = path.relative(ROOT, ENTRY).split(path.sep).join('/');
  const entryOut = Object.keys(meta.outputs).find(
    (out) => meta.outputs[out]!.entryPoint === entryKey && out.endsWith('.js'),
  );
  if (!entryOut) throw new Error('esbuild produced no entry script');
  const css = meta.outputs[entryOut]!.cssBundle;
  const closure = staticClosure(meta, entryOut);
  const firstScreen = { js: closure.map(rel), css: css ? [rel(css)] : [] };
  // Chunks the entry imports statically are preloaded, so the browser fetches them in parallel.
  const preloads = firstScreen.js
    .slice(1)
    .map((f) => `  <link rel="modulepreload" href="./${f}">`)
    .join('\n');
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>先锋驿站 · 管理后台</title>
${firstScreen.css.map((f) => `  <link rel="stylesheet" href="./${f}">`).join('\n')}
${preloads}
  <script src="./config.js"></script>
  <script type="module" src="./${firstScreen.js[0]}"></script>
</head>
<body>
  <div id="root"><div class="boot">正在加载管理后台…</div></div>
  <noscript>管理后台需要启用 JavaScript。</noscript>
</body>
</html>
`;
  fs.writeFileSync(path.join(CONSOLE_DIR, 'config.js'), LOCAL_CONFIG);
  fs.writeFileSync(path.join(CONSOLE_DIR, 'index.html'), html);
  const files = Object.keys(meta.outputs).map(rel);
  console.log(`管理后台已构建：dist/console（${files.length} 个文件，${Math.round(performance.now() - started)} ms）`);
  return { firstScreen, files };
}
