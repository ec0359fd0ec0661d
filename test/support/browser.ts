import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalCloud, type RunningCloud } from './local-cloud';
import { checkPage, rememberMode, type Mode, type PageFindings } from './page-checks';

export { MODES, type Mode } from './page-checks';

export const SHOTS = path.resolve(__dirname, '../../reports/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags that keep Debian's Chromium off the network this machine does not have. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Journey {
  cloud: RunningCloud;
  browser: Browser;
  page: Page;
  /** The mode the journey runs in: normal, or 长辈模式 remembered on the device from the first page on. */
  mode: Mode;
  /** Signs in through the H5 login page as a seeded demo user, landing on `from`. */
  signInAs(openid: string, from: string): Promise<void>;
  /** Waits for a page's root and for its slide-in transition to finish. */
  settled(selector: string): Promise<void>;
  /** Keeps a screenshot under reports/e2e/, its name carrying the mode (`20-booked.png` → `20-booked--elder.png`). */
  shot(name: string): Promise<void>;
  /**
   * Waits for the page on top to settle, keeps its screenshot (named as `shot` does) and asserts the page
   * checks of test/support/page-checks.ts in the journey's mode (or `now`, after the journey flipped the switch).
   */
  check(name: string, now?: Mode): Promise<PageFindings>;
  close(): Promise<void>;
}

/**
 * A local cloud on a fresh data folder and a 375 px Chromium page, for one e2e suite, in `mode`: in 长辈模式
 * the device remembers large text before the app first starts (and again after a sign-in clears storage).
 */
export async function startJourney(env: NodeJS.ProcessEnv = {}, mode: Mode = 'normal'): Promise<Journey> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const cloud = await startLocalCloud({ env });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  // Every new document (a reload, a second tab) starts in the journey's mode unless the app's switch chose.
  await page.context().addInitScript((on: boolean) => {
    if (localStorage.getItem('xfyz.elder') === null)
      localStorage.setItem('xfyz.elder', JSON.stringify({ data: on ? '1' : '0' }));
  }, mode === 'elder');
  await page.goto(`${cloud.url}/`);
  const named = (name: string) => name.replace(/\.png$/, `--${mode}.png`);
  const shot = async (name: string) => {
    // Two frames first: the screenshot must show what the DOM holds, not the frame Chromium last painted.
    await page.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
    await page.screenshot({ path: path.join(SHOTS, named(name)) });
  };
  return {
    cloud,
    browser,
    page,
    mode,
    async signInAs(openid, from) {
      await page.evaluate(() => localStorage.clear());
      await rememberMode(page, mode);
      // A switch flipped earlier in the journey left its class on this document: start again in the journey's mode.
      if ((await page.evaluate(() => document.documentElement.classList.contains('xf-elder'))) !== (mode === 'elder'))
        await page.reload();
      await page.goto(`${cloud.url}/#/pages/login/index?from=${encodeURIComponent(from)}`);
      await page.locator(`.login-as--${openid}`).click();
      await page.waitForURL((url) => !url.hash.includes('login'));
    },
    async settled(selector) {
      await page.locator(selector).first().waitFor();
      await page.waitForFunction(
        (s) => Math.round(document.querySelector(s)?.getBoundingClientRect().left ?? -1) === 0,
        selector,
      );
    },
    shot,
    async check(name, now = mode) {
      const file = named(name.endsWith('.png') ? name : `${name}.png`);
      return checkPage(page, { mode: now, label: name, shot: path.join(SHOTS, file) });
    },
    async close() {
      await browser.close();
      await cloud.stop();
    },
  };
}
