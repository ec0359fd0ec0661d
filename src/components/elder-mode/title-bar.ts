/**
 * H5 only: the 长辈模式 switch in the browser's title bar (Taro's built-in bar), at its right, on every
 * page — the one place a page header holds it. A page whose own header already holds the switch (the home
 * page's hero, 我的's setting row) keeps that one and the bar's steps aside, so a page never shows two.
 */
import { onElderModeChange, readElderMode, setElderMode } from './index';

const BAR_SWITCH = 'elder-toggle elder-toggle--bar';
/** A switch inside the page itself (its hero or a setting row), which the title bar's gives way to. */
const OWN_SWITCH = '[role="switch"][aria-label^="长辈模式"]:not(.elder-toggle--bar)';

function paint(el: HTMLElement, on: boolean): void {
  el.setAttribute('aria-checked', String(on));
  el.classList.toggle('elder-toggle--on', on);
}

function build(): HTMLElement {
  const el = document.createElement('div');
  el.className = BAR_SWITCH;
  el.setAttribute('role', 'switch');
  el.setAttribute('aria-label', '长辈模式（大字）');
  el.setAttribute('tabindex', '0');
  el.innerHTML =
    '<span class="elder-toggle__text">大字</span>' +
    '<span class="elder-toggle__track" aria-hidden="true"><span class="elder-toggle__knob"></span></span>';
  const flip = () => setElderMode(!readElderMode());
  el.addEventListener('click', flip);
  el.addEventListener('keydown', (e) => {
    const key = (e as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      e.preventDefault();
      flip();
    }
  });
  paint(el, readElderMode());
  onElderModeChange((on) => paint(el, on));
  return el;
}

/** The pages shown (Taro keeps the others in the document, hidden by its `taro_page_shade` class). */
function shownPages(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter((p) => p.offsetParent !== null);
}

let bar: HTMLElement | null = null;

/** Puts the switch in the title bar once it exists, and shows it unless the page on top holds its own. */
export function fitTitleBarSwitch(): void {
  const nav = document.getElementById('taro-navigation-bar');
  if (!nav) return;
  if (!bar || bar.parentElement !== nav) {
    bar = bar ?? build();
    nav.appendChild(bar);
  }
  // The page on top decides (the last shown): the one it covers keeps its class until its slide-out timer ends,
  // a class change nothing here hears, so asking every shown page hid the bar on a page opened from 我的 or home.
  const pages = shownPages();
  bar.hidden = pages[pages.length - 1]?.querySelector(OWN_SWITCH) != null;
}
