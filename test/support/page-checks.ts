/**
 * The per-page checks every e2e visit of the H5 app makes (the a11y sweep and every journey), at the
 * viewport's width, in normal mode or 长辈模式:
 * - axe-core (injected from node_modules) finds no serious or critical violation;
 * - nothing scrolls or is cut sideways: the document's scrollWidth and the page's stay within the
 *   viewport, and so does every visible element's box (the content of a horizontal scroller aside);
 * - no rendered text, placeholders included (read from the input's `::placeholder` style), is under
 *   14 px (18 px in 长辈模式), the title bar and the tab bar included;
 * - the root carries `xf-elder` exactly in 长辈模式, and the page shows one 长辈模式 switch.
 * Controls lower than 44 px are measured everywhere and asserted only where the caller asks.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';

export type Mode = 'normal' | 'elder';
export const MODES: Mode[] = ['normal', 'elder'];

const AXE = path.resolve(__dirname, '../../node_modules/axe-core/axe.min.js');

export interface PageFindings {
  violations: { id: string; impact: string | null; nodes: number; help: string; targets: string[] }[];
  smallestText: number | null;
  smallText: string[];
  smallTargets: string[];
  /** The document's and the page's scrollWidth, and the elements whose box leaves the viewport. */
  scrollWidth: number;
  outside: string[];
  /** The visible 长辈模式 switches, and whether the root carries the elder class. */
  switches: number;
  elderRoot: boolean;
}

/** Keeps the mode in the app's own storage key (Taro's storage format), as 我的 and the title bar's switch do. */
export async function rememberMode(page: Page, mode: Mode): Promise<void> {
  await page.evaluate(
    (on) => localStorage.setItem('xfyz.elder', JSON.stringify({ data: on ? '1' : '0' })),
    mode === 'elder',
  );
}

/**
 * Waits for the page on top to finish its slide-in and its first load (no spinner, some text), then for the
 * network to be idle and two frames to be painted. With `route`, also for the address to hold it.
 */
export async function settle(page: Page, options: { route?: string; timeout?: number } = {}): Promise<void> {
  await page.waitForFunction(
    (r) => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
        (p) => p.style.display !== 'none' && p.offsetParent !== null,
      );
      const top = pages[pages.length - 1];
      if (!top || (r && !location.hash.includes(r))) return false;
      if (Math.round(top.getBoundingClientRect().left) !== 0) return false;
      return !top.querySelector('.state-view__spinner') && (top.textContent ?? '').trim().length > 0;
    },
    options.route ?? null,
    { timeout: options.timeout ?? 20_000 },
  );
  // Lists and images settle after the first answer (no assertion depends on this pause).
  await page.waitForLoadState('networkidle');
  // Two frames, so a screenshot shows what the DOM holds: without them Chromium may hand back the frame it
  // last painted (the page's 正在加载… spinner) although the content is already there.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Runs axe on the whole document (the visible page, the title bar and the tab bar). */
async function axe(page: Page): Promise<PageFindings['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/**
 * What the page shows, measured: the smallest rendered text (placeholders included) and the texts under
 * `min`; the controls under 44 px high; the document's and the page's scrollWidth and every visible element
 * whose box leaves the viewport; the visible 长辈模式 switches. Looked at: the page on top, the title bar and
 * the tab bar (the pages Taro keeps below the top one are hidden and have no box).
 */
async function measure(page: Page, min: number): Promise<Omit<PageFindings, 'violations'>> {
  return page.evaluate((minimum) => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => p.offsetParent !== null,
    );
    const top = pages[pages.length - 1] ?? document.body;
    const describe = (el: Element, text: string) =>
      `${(typeof el.className === 'string' && el.className) || el.tagName.toLowerCase()}: ${text.trim().slice(0, 16)}`;
    const shown = (el: Element) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      return getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
    };

    // Text, placeholders included.
    const small: string[] = [];
    let smallest: number | null = null;
    const note = (size: number, what: string) => {
      smallest = smallest === null ? size : Math.min(smallest, size);
      if (size < minimum - 0.01) small.push(`${size}px ${what}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !(node.textContent ?? '').trim() || el.closest('script, style')) continue;
      if (!shown(el)) continue;
      note(parseFloat(getComputedStyle(el).fontSize), describe(el, node.textContent ?? ''));
    }
    for (const el of Array.from(
      document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]'),
    )) {
      const text = el.getAttribute('placeholder') ?? '';
      if (!text.trim() || el.value || !shown(el)) continue;
      note(parseFloat(getComputedStyle(el, '::placeholder').fontSize), `${describe(el, text)} (placeholder)`);
    }

    // Touch targets on the page.
    const targets: string[] = [];
    for (const el of Array.from(
      top.querySelectorAll<HTMLElement>(
        'taro-button-core, button, [role="button"], [role="link"], [role="switch"], input, .nut-cell--clickable',
      ),
    )) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.height < 43.5) targets.push(`${Math.round(rect.height)}px ${describe(el, el.textContent ?? '')}`);
    }

    // Sideways: the document and the page scroll no wider than the viewport, and every visible box stays
    // within it — but what a horizontal scroller holds may run past its edge (it scrolls, by design).
    const width = document.documentElement.clientWidth;
    const frame = new Set<Element>([document.documentElement, document.body, ...pages]);
    for (let el = top.parentElement; el; el = el.parentElement) frame.add(el);
    const scrolls = (el: Element) => {
      if (frame.has(el)) return false;
      const x = getComputedStyle(el).overflowX;
      return x === 'auto' || x === 'scroll';
    };
    const inScroller = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) if (scrolls(a)) return true;
      return false;
    };
    // A picture filling its frame (aspectFill) is cropped by the frame on purpose: what shows is the frame's part.
    const picture = (el: Element) => el.matches('img, taro-image-core, taro-image-core *, svg, canvas, video');
    const croppedWithin = (el: Element) => {
      let clip: Element | null = el.parentElement;
      while (clip && !['hidden', 'clip'].includes(getComputedStyle(clip).overflowX)) clip = clip.parentElement;
      if (!clip) return false;
      const frameBox = clip.getBoundingClientRect();
      return frameBox.left >= -0.5 && frameBox.right <= width + 0.5;
    };
    const outside: string[] = [];
    const flagged = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('script, style, svg > *')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.left >= -0.5 && rect.right <= width + 0.5) continue;
      if (getComputedStyle(el).visibility === 'hidden' || inScroller(el)) continue;
      if (picture(el) && croppedWithin(el)) continue;
      flagged.add(el);
      // Name the outermost box that leaves the viewport, not each of its children.
      if (el.parentElement && flagged.has(el.parentElement)) continue;
      outside.push(`${Math.round(rect.left)}–${Math.round(rect.right)} ${describe(el, el.textContent ?? '')}`);
    }
    const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, top.scrollWidth);

    // One 长辈模式 switch: the title bar's, or the one the page's own header (or 我的's setting) holds.
    const switches = Array.from(document.querySelectorAll('[role="switch"][aria-label^="长辈模式"]')).filter(
      (el) => el.getBoundingClientRect().height > 0,
    ).length;
    return {
      smallestText: smallest,
      smallText: [...new Set(small)].slice(0, 20),
      smallTargets: [...new Set(targets)].slice(0, 20),
      scrollWidth,
      outside: outside.slice(0, 20),
      switches,
      elderRoot: document.documentElement.classList.contains('xf-elder'),
    };
  }, min);
}

export interface CheckOptions {
  mode: Mode;
  /** Names the page in a failure (and, with `shot`, the screenshot). */
  label: string;
  /** Where to keep a screenshot of what was checked (a .png path), taken before measuring. */
  shot?: string;
  /** Whether controls under 44 px high fail the check (they are measured and returned either way). */
  targets?: boolean;
  /** Waits for the page to settle first (default); off when the caller has just waited its own way. */
  settle?: boolean;
  /** Hears the findings before they are asserted (so a report keeps the failing pages too). */
  record?: (findings: PageFindings) => void;
}

/**
 * Checks the page on top as it is now, in `mode`, and asserts the findings: axe serious/critical, nothing
 * sideways, no text under 14 px (18 px in 长辈模式), the root in the right mode, one 长辈模式 switch.
 * Answers what was measured (for a report).
 */
export async function checkPage(page: Page, options: CheckOptions): Promise<PageFindings> {
  if (options.settle !== false) await settle(page);
  if (options.shot) await page.screenshot({ path: options.shot });
  const violations = await axe(page);
  const sizes = await measure(page, options.mode === 'elder' ? 18 : 14);
  const findings: PageFindings = { violations, ...sizes };
  options.record?.(findings);

  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const width = page.viewportSize()?.width ?? 375;
  expect({
    page: options.label,
    mode: options.mode,
    elderRoot: sizes.elderRoot,
    blocking: blocking.map((v) => `${v.impact} ${v.id} ×${v.nodes}: ${v.help} — ${v.targets.join(' | ')}`),
    sideways: sizes.scrollWidth > width ? `scrollWidth ${sizes.scrollWidth} > ${width}` : null,
    outside: sizes.outside,
    smallText: sizes.smallText,
    smallTargets: options.targets ? sizes.smallTargets : [],
    switches: sizes.switches,
  }).toEqual({
    page: options.label,
    mode: options.mode,
    elderRoot: options.mode === 'elder',
    blocking: [],
    sideways: null,
    outside: [],
    smallText: [],
    smallTargets: [],
    switches: 1,
  });
  return findings;
}
