/**
 * What several H5 journeys do beside the screen: call a function as whoever is signed in on the page, sign off a
 * branch's 达标创星 for the quarter just ended, and find Chinese text an English page shows.
 */
import type { Page } from 'playwright-core';
import { clock } from '../../domain/core/clock';
import { previousQuarter, quarterAt } from '../../domain/stars';

/** Calls a function as whoever is signed in on `page` (its stored token), as the app would. */
export async function callAs<T>(page: Page, fn: string, event: object): Promise<T> {
  const res = await page.evaluate(
    async ([name, body]) => {
      const token = (JSON.parse(localStorage.getItem('xfyz.token') ?? '{}') as { data?: string }).data ?? '';
      const r = await fetch(`/fn/${name}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      return r.json() as Promise<{ ok: boolean; data: unknown; error?: { message: string } }>;
    },
    [fn, event] as const,
  );
  if (!res.ok) throw new Error(`${fn}: ${res.error?.message ?? ''}`);
  return res.data as T;
}

/**
 * The page's admin computes the quarter just ended for `county` and signs off `branch` at `stars`, adjusting the
 * proposal with a reason when it differs (as a county admin does in the console's 达标创星).
 */
export async function signOffStars(page: Page, county: string, branch: string, stars: number): Promise<void> {
  const quarter = previousQuarter(quarterAt(clock.now()));
  await callAs(page, 'admin', { action: 'computeStars', quarter, county });
  const listed = await callAs<{ items: { ratingId: string; branchName: string; stars: number }[] }>(page, 'admin', {
    action: 'stars',
    quarter,
    limit: 50,
  });
  const rating = listed.items.find((r) => r.branchName === branch);
  if (!rating) throw new Error(`no rating of ${branch} in ${quarter}`);
  if (rating.stars !== stars)
    await callAs(page, 'admin', {
      action: 'adjustStars',
      ratingId: rating.ratingId,
      stars,
      reason: '主题党日另有台账记录，经核实予以认可',
    });
  await callAs(page, 'admin', { action: 'signOffStars', ratingId: rating.ratingId });
}

/**
 * Chinese characters on the page shown (its title bar, the page on top and the tab bar) outside what carries
 * lang="zh-CN" (the names and addresses an admin entered without an English form). Answers the texts found.
 */
export async function chineseShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => p.offsetParent !== null,
    );
    const roots = [
      pages[pages.length - 1],
      document.getElementById('taro-navigation-bar'),
      document.querySelector('.taro-tabbar__tabbar'),
    ];
    const found: string[] = [];
    for (const root of roots) {
      if (!root) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = (node.textContent ?? '').trim();
        if (!el || !text || el.closest('script, style, [lang^="zh"]')) continue;
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (/[\u3400-\u9fff]/.test(text)) found.push(text);
      }
    }
    return found;
  });
}
