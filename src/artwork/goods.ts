/**
 * Drawings for goods without a photo: one per goods category (src/components/picture/categories.ts), the
 * thing itself on a warm halo, centred so that a square crop still shows it. 320 × 200, the brand's red and
 * gold, the project's own artwork. Like places.ts, only subpackage pages import it.
 */
import type { GoodsCategory } from '../components/picture/categories';
import { svgUri } from './svg';

const RED = '#c8161d';
const DEEP = '#a8071a';
const GOLD = '#faad14';
const PALE = '#ffd666';
const PAPER = '#fffaf2';
const BROWN = '#8c3b12';

const HALO =
  `<rect width="320" height="200" fill="#fff6e8"/><circle cx="160" cy="100" r="78" fill="#ffe7c2"/>` +
  `<circle cx="160" cy="100" r="60" fill="#ffdca3" opacity=".55"/><ellipse cx="160" cy="170" rx="70" ry="8" fill="#f1c27d" opacity=".6"/>` +
  `<circle cx="62" cy="46" r="4" fill="${PALE}"/><circle cx="262" cy="56" r="5" fill="${PALE}"/><circle cx="246" cy="150" r="3" fill="${GOLD}"/>`;

const DRAWINGS: Record<GoodsCategory, string> = {
  // 粮油米面: a sack of rice with ears of grain.
  grain:
    `<path d="M118 76c8-10 76-10 84 0l8 86c0 8-100 8-100 0z" fill="${PAPER}"/><path d="M118 76c8 6 76 6 84 0" stroke="${BROWN}" stroke-width="3" fill="none"/>` +
    `<path d="M126 70c10-8 58-8 68 0l-4-10h-60z" fill="${RED}"/><rect x="134" y="106" width="52" height="34" rx="4" fill="${RED}"/>` +
    [0, 1, 2].map((i) => `<ellipse cx="${148 + i * 12}" cy="123" rx="4.5" ry="8" fill="${PALE}"/>`).join('') +
    `<path d="M212 160c0-30 6-52 18-70" stroke="${GOLD}" stroke-width="3" fill="none"/>` +
    [0, 1, 2, 3]
      .map(
        (i) =>
          `<ellipse cx="${220 + i * 3}" cy="${132 - i * 12}" rx="4" ry="7" fill="${GOLD}" transform="rotate(25 ${220 + i * 3} ${132 - i * 12})"/>`,
      )
      .join(''),
  // 粮油: a bottle of cooking oil.
  oil:
    `<rect x="148" y="38" width="24" height="14" rx="3" fill="${RED}"/><path d="M144 52h32l8 22v86a8 8 0 01-8 8h-32a8 8 0 01-8-8V74z" fill="#ffd25e"/>` +
    `<path d="M140 90h40v50h-40z" fill="${RED}"/><path d="M160 100c-8 12-8 18 0 22 8-4 8-10 0-22z" fill="${PALE}"/>` +
    `<path d="M150 60v12" stroke="#fff" stroke-width="4" stroke-linecap="round" opacity=".7"/>`,
  // 日用百货: folded towels and a bar of soap.
  daily:
    `<rect x="104" y="118" width="112" height="26" rx="8" fill="${RED}"/><rect x="104" y="92" width="112" height="26" rx="8" fill="${PAPER}"/>` +
    `<rect x="110" y="66" width="100" height="26" rx="8" fill="${GOLD}"/><path d="M120 100h80M120 126h80M124 74h72" stroke="#fff" stroke-width="3" opacity=".7"/>` +
    `<rect x="104" y="144" width="112" height="20" rx="6" fill="${DEEP}"/>` +
    `<rect x="222" y="142" width="40" height="22" rx="10" fill="#ffb3a7"/><circle cx="236" cy="134" r="6" fill="#fff" opacity=".9"/><circle cx="248" cy="128" r="4" fill="#fff" opacity=".9"/>`,
  // 学习读本: an open book with a star.
  book:
    `<path d="M160 66c-22-12-50-12-70-4v100c20-8 48-8 70 4z" fill="${PAPER}"/><path d="M160 66c22-12 50-12 70-4v100c-20-8-48-8-70 4z" fill="#fff"/>` +
    `<path d="M160 66v100" stroke="${BROWN}" stroke-width="2"/><path d="M86 60v110c22-8 52-8 74 4 22-12 52-12 74-4V60" stroke="${RED}" stroke-width="6" fill="none"/>` +
    `<path d="M176 86h40M176 100h40M176 114h30M104 120h40M104 134h40" stroke="#f0c48a" stroke-width="4" stroke-linecap="round"/>` +
    `<polygon points="124,80 128,92 140,92 130,99 134,111 124,104 114,111 118,99 108,92 120,92" fill="${RED}"/>`,
  // 文创周边: a red umbrella and a mug.
  gift:
    `<path d="M96 108a60 44 0 01120 0z" fill="${RED}"/><path d="M116 108a40 44 0 0140 0 40 44 0 0140 0" stroke="${DEEP}" stroke-width="3" fill="none"/>` +
    `<path d="M156 64v-8" stroke="${BROWN}" stroke-width="3"/><path d="M156 108v50a8 8 0 01-16 0" stroke="${BROWN}" stroke-width="4" fill="none" stroke-linecap="round"/>` +
    `<rect x="190" y="126" width="38" height="40" rx="6" fill="${PAPER}"/><path d="M228 134h6a8 8 0 010 16h-6" stroke="${PAPER}" stroke-width="5" fill="none"/>` +
    `<polygon points="209,136 212,144 220,144 214,149 216,157 209,152 202,157 204,149 198,144 206,144" fill="${RED}"/>`,
  // 服务券: a ticket with a scissor-line and a heart.
  voucher:
    `<path d="M92 70h136v22a10 10 0 000 20v22H92v-22a10 10 0 000-20z" fill="${RED}" transform="rotate(-6 160 100)"/>` +
    `<path d="M196 74v66" stroke="${PALE}" stroke-width="3" stroke-dasharray="6 5" transform="rotate(-6 160 100)"/>` +
    `<path d="M112 96h60M112 112h44" stroke="${PALE}" stroke-width="6" stroke-linecap="round" transform="rotate(-6 160 100)"/>` +
    `<path d="M212 100c-4-6-12-4-11 2 1 5 11 10 11 10s10-5 11-10c1-6-7-8-11-2z" fill="#fff" transform="rotate(-6 160 100)"/>`,
  // 积分好物: a gift box with a bow.
  other:
    `<rect x="112" y="96" width="96" height="70" rx="4" fill="${RED}"/><rect x="104" y="80" width="112" height="22" rx="4" fill="${DEEP}"/>` +
    `<rect x="152" y="80" width="16" height="86" fill="${PALE}"/><path d="M160 80c-14-24-40-22-34-6 4 8 22 8 34 6zM160 80c14-24 40-22 34-6-4 8-22 8-34 6z" fill="${GOLD}"/>`,
};

/** The drawing of a goods category. */
export function goodsArt(category: GoodsCategory): string {
  return svgUri(`${HALO}${DRAWINGS[category] ?? DRAWINGS.other}`);
}

/** The categories that have a drawing (for tests). */
export const GOODS_ART_CATEGORIES = Object.keys(DRAWINGS);
