import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalCloud, type RunningCloud } from './local-cloud';

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
  /** Signs in through the H5 login page as a seeded demo user, landing on `from`. */
  signInAs(openid: string, from: string): Promise<void>;
  /** Waits for a page's root and for its slide-in transition to finish. */
  settled(selector: string): Promise<void>;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A local cloud on a fresh data folder and a phone-sized Chromium page, for one e2e suite. */
export async function startJourney(env: NodeJS.ProcessEnv = {}): Promise<Journey> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const cloud = await startLocalCloud({ env });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await page.goto(`${cloud.url}/`);
  return {
    cloud,
    browser,
    page,
    async signInAs(openid, from) {
      await page.evaluate(() => localStorage.clear());
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
    async shot(name) {
      // Two frames first: the screenshot must show what the DOM holds, not the frame Chromium last painted.
      await page.evaluate(
        () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
      );
      await page.screenshot({ path: path.join(SHOTS, name) });
    },
    async close() {
      await browser.close();
      await cloud.stop();
    },
  };
}
