/**
 * The admin console's first screen (/admin, signed out: the scan sign-in): gzipped JS and CSS that
 * index.html loads before anything shows, and time to interactive in Chromium on the local cloud —
 * navigation start → sign-in card rendered with its QR (or the plain reason there is none) and the
 * dev sign-in buttons wired up; fresh browser context each time (cold cache), median of 5.
 * Also: a signed-in tab opening the dashboard (figures shown). Goal: first screen under 1 s.
 * `npx tsx bench/console.ts` runs it alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildConsole, CONSOLE_DIR, consoleIsStale } from '../server/console-build';
import { devLogin, startLocalCloud } from '../test/support/local-cloud';

type Record = (measure: string, value: number, unit: string, note?: string) => void;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The files index.html makes the browser fetch before the first screen (scripts, module preloads, stylesheets). */
export function firstScreenFiles(dir = CONSOLE_DIR): { js: string[]; css: string[] } {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!).filter((f) => f.startsWith('./assets/'));
  return {
    js: [...refs(/<script[^>]+src="([^"]+\.js)"/g), ...refs(/<link rel="modulepreload" href="([^"]+)"/g)],
    css: refs(/<link rel="stylesheet" href="([^"]+)"/g),
  };
}

const gzipped = (dir: string, files: string[]) =>
  files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0);

export async function benchConsole(record: Record): Promise<void> {
  if (consoleIsStale()) await buildConsole();
  const { js, css } = firstScreenFiles();
  record(
    'console first screen: JavaScript, gzipped',
    gzipped(CONSOLE_DIR, js) / 1024,
    'KB',
    `${js.length} files (shell, sign-in, React, the TDesign parts they use)`,
  );
  record(
    'console first screen: CSS, gzipped',
    gzipped(CONSOLE_DIR, css) / 1024,
    'KB',
    "TDesign's stylesheet, imported once, and the console's",
  );
  const all = fs
    .readdirSync(path.join(CONSOLE_DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  record(
    'console, every chunk: JavaScript, gzipped',
    gzipped(CONSOLE_DIR, all) / 1024,
    'KB',
    `${all.length} files; pages and ECharts load on first visit`,
  );
  if (!fs.existsSync(CHROMIUM)) return record('console /admin time to interactive', 0, 'ms', 'no Chromium');

  const cloud = await startLocalCloud();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const signIn: number[] = [];
    const dashboard: number[] = [];
    const token = await devLogin(cloud.url, 'demo-admin');
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${cloud.url}/admin/`, { waitUntil: 'commit' });
      await page.locator('.sign-in__qr-image, .sign-in__placeholder--error').first().waitFor();
      await page.locator('.dev-login--demo-admin').waitFor();
      signIn.push(await page.evaluate(() => performance.now()));
      // Signed in (same tab session), straight to the dashboard: the shell, the page chunk and its figures.
      await page.evaluate((t) => sessionStorage.setItem('xfyz-console-token', t), token);
      await page.goto('about:blank');
      await page.goto(`${cloud.url}/admin/#/dashboard`, { waitUntil: 'commit' });
      await page.waitForFunction(
        () =>
          /\d/.test(document.querySelector('.figure--orders .figure__value')?.textContent ?? '') ||
          document.querySelector('.error-notice'),
      );
      dashboard.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    record(
      `console /admin time to interactive (median of ${RUNS})`,
      median(signIn),
      'ms',
      `goal < 1000 ms; navigation start → sign-in QR and buttons rendered; runs ${signIn.map((t) => t.toFixed(0)).join(', ')}`,
    );
    record(
      `console dashboard, signed in (median of ${RUNS})`,
      median(dashboard),
      'ms',
      'navigation start → figures shown (page chunk + admin.dashboard)',
    );
  } finally {
    await browser.close();
    await cloud.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  benchConsole((measure, value, unit, note) =>
    console.log(`${measure.padEnd(52)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} ${note ?? ''}`),
  ).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
