/**
 * Scenes for places without a photo: one per station kind and one for vaccination sites. Flat drawings in
 * the brand's red and gold on a warm sky, 320 × 200, drawn by hand as SVG (the project's own artwork).
 *
 * This folder never reaches the weapp main package (its 450 KB budget): only subpackage pages import it,
 * and Taro bundles it into each of their sub-common chunks; on H5 the main-package lists load it lazily
 * (src/components/picture/lazy-art.ts). src/artwork/artwork.test.ts checks both.
 */
import type { StationKind } from '../../domain/stations/labels';
import { svgUri } from './svg';

const RED = '#c8161d';
const DEEP = '#a8071a';
const GOLD = '#faad14';
const PALE = '#ffd666';
const WALL = '#fffaf2';
const DOOR = '#8c3b12';
const LEAF = '#9cbf6e';

/** The sky, the sun, far hills and the ground every place stands on. */
const BACKDROP =
  `<rect width="320" height="200" fill="#fff6e8"/><circle cx="268" cy="46" r="22" fill="${PALE}"/>` +
  `<path d="M0 150C40 118 80 118 118 138S196 112 240 128 300 122 320 132V200H0z" fill="#ffe2c4"/>` +
  `<rect y="166" width="320" height="34" fill="#f6cf94"/><path d="M0 166h320" stroke="#e9b46f" stroke-width="2"/>`;

const tree = (x: number, s = 1) =>
  `<rect x="${x - 2 * s}" y="${166 - 16 * s}" width="${4 * s}" height="${16 * s}" fill="${DOOR}"/>` +
  `<circle cx="${x}" cy="${166 - 24 * s}" r="${13 * s}" fill="${LEAF}"/>`;

const flag = (x: number, y: number, h = 40) =>
  `<path d="M${x} ${y + h}V${y}" stroke="${DOOR}" stroke-width="2.5"/>` +
  `<path d="M${x} ${y}h26l-5 7 5 7h-26z" fill="${RED}"/><circle cx="${x + 8}" cy="${y + 7}" r="2.4" fill="${PALE}"/>`;

/** A five-pointed star centred on (x, y). */
const star = (x: number, y: number, r: number, fill = PALE) => {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
};

const heart = (x: number, y: number, s: number, fill = RED) =>
  `<path transform="translate(${x} ${y}) scale(${s})" d="M0 6C-4-2-14 0-12 8-10 14 0 19 0 19S10 14 12 8C14 0 4-2 0 6z" fill="${fill}"/>`;

const windowRow = (x: number, y: number, n: number, gap = 22) =>
  Array.from(
    { length: n },
    (_, i) => `<rect x="${x + i * gap}" y="${y}" width="12" height="14" rx="2" fill="${PALE}"/>`,
  ).join('');

const lantern = (x: number, y: number) =>
  `<path d="M${x} ${y - 8}v6" stroke="${DOOR}" stroke-width="1.5"/><ellipse cx="${x}" cy="${y + 6}" rx="9" ry="11" fill="${RED}"/>` +
  `<rect x="${x - 5}" y="${y - 4}" width="10" height="3" fill="${GOLD}"/><rect x="${x - 5}" y="${y + 15}" width="10" height="3" fill="${GOLD}"/>` +
  `<path d="M${x} ${y + 18}v7" stroke="${GOLD}" stroke-width="2"/>`;

const SCENES: Record<StationKind | 'vaccine', string> = {
  // 旅游驿站: karst peaks, a river path and a pavilion with a flag.
  tourism:
    `<path d="M20 166C26 110 44 92 56 96S78 140 84 166zM70 166C80 96 100 74 114 80S132 130 138 166z" fill="#f4a582"/>` +
    `<path d="M230 166C238 120 252 104 262 108S282 146 288 166z" fill="#f4a582"/>` +
    `<path d="M150 200C170 184 190 176 220 166h20C214 178 200 188 196 200z" fill="#ffe9b8"/>` +
    `<path d="M154 112h64l-10-12h-44z" fill="${RED}"/><rect x="160" y="112" width="52" height="6" fill="${DEEP}"/>` +
    `<rect x="164" y="118" width="5" height="48" fill="${DEEP}"/><rect x="203" y="118" width="5" height="48" fill="${DEEP}"/>` +
    `<rect x="156" y="142" width="60" height="5" fill="${GOLD}"/>${flag(186, 62, 38)}${tree(300, 0.9)}`,
  // 党群服务中心: a civic hall with columns, a star on the pediment and a flag.
  center:
    `<path d="M80 92L160 58 240 92z" fill="${RED}"/>${star(160, 80, 9)}<rect x="86" y="92" width="148" height="10" fill="${DEEP}"/>` +
    `<rect x="92" y="102" width="136" height="56" fill="${WALL}"/>` +
    [100, 124, 148, 172, 196, 216]
      .map((x) => `<rect x="${x}" y="104" width="8" height="54" fill="#ffe0b2"/>`)
      .join('') +
    `<rect x="148" y="126" width="24" height="32" rx="2" fill="${DOOR}"/><rect x="80" y="158" width="160" height="8" fill="${GOLD}"/>` +
    `${flag(160, 18, 40)}${tree(46)}${tree(280, 1.1)}`,
  // 暖心驿站: a kiosk with a striped awning, a steaming cup and a heart.
  warm:
    `<rect x="96" y="96" width="128" height="70" rx="4" fill="${WALL}"/>` +
    `<path d="M88 96h144l-8-26H96z" fill="${RED}"/>` +
    [96, 128, 160, 192].map((x) => `<path d="M${x + 8} 70h16l-2 26h-16z" fill="#fff"/>`).join('') +
    `<rect x="106" y="112" width="58" height="34" rx="3" fill="#ffe7ba"/><rect x="176" y="112" width="36" height="54" rx="2" fill="${DOOR}"/>` +
    `<rect x="96" y="146" width="80" height="6" fill="${GOLD}"/>` +
    `<path d="M122 120h22v14a8 8 0 01-8 8h-6a8 8 0 01-8-8z" fill="${RED}"/><path d="M144 124h4a4 4 0 010 8h-4" stroke="${RED}" stroke-width="2.5" fill="none"/>` +
    `<path d="M128 114c-3-4 3-6 0-10M136 114c-3-4 3-6 0-10" stroke="${GOLD}" stroke-width="2" fill="none" stroke-linecap="round"/>` +
    `${heart(268, 92, 1.3)}${tree(52)}`,
  // 党群服务小屋: a small cottage with a red roof, a bench and a flag.
  hut:
    `<path d="M104 104L160 64 216 104z" fill="${RED}"/><rect x="114" y="104" width="92" height="62" fill="${WALL}"/>` +
    `<rect x="150" y="124" width="22" height="42" rx="2" fill="${DOOR}"/><rect x="124" y="118" width="18" height="18" rx="2" fill="${PALE}"/>` +
    `<rect x="182" y="118" width="18" height="18" rx="2" fill="${PALE}"/>${star(160, 90, 7)}` +
    `<rect x="232" y="150" width="44" height="5" rx="2" fill="${DOOR}"/><rect x="236" y="155" width="4" height="11" fill="${DOOR}"/>` +
    `<rect x="268" y="155" width="4" height="11" fill="${DOOR}"/>${flag(214, 40, 64)}${tree(62, 1.1)}`,
  // 红色邻里之家: two neighbouring houses joined by a heart.
  neighbour:
    `<path d="M52 110L98 74 144 110z" fill="${RED}"/><rect x="62" y="110" width="72" height="56" fill="${WALL}"/>` +
    `<rect x="88" y="130" width="20" height="36" rx="2" fill="${DOOR}"/><rect x="68" y="120" width="14" height="14" rx="2" fill="${PALE}"/>` +
    `<path d="M176 110L222 74 268 110z" fill="${DEEP}"/><rect x="186" y="110" width="72" height="56" fill="${WALL}"/>` +
    `<rect x="212" y="130" width="20" height="36" rx="2" fill="${DOOR}"/><rect x="238" y="120" width="14" height="14" rx="2" fill="${PALE}"/>` +
    `${heart(160, 94, 1.5)}<path d="M134 150h52" stroke="${GOLD}" stroke-width="4" stroke-linecap="round"/>${tree(300, 0.8)}${tree(24, 0.8)}`,
  // 爱心驿站: a station with a big heart sign and open doors.
  love:
    `<rect x="92" y="92" width="136" height="74" rx="6" fill="${WALL}"/><path d="M84 96h152v-10a8 8 0 00-8-8H92a8 8 0 00-8 8z" fill="${RED}"/>` +
    `${heart(160, 100, 1.6)}<rect x="104" y="128" width="34" height="38" rx="2" fill="${DOOR}"/><rect x="182" y="128" width="34" height="38" rx="2" fill="${DOOR}"/>` +
    `<rect x="146" y="138" width="28" height="20" rx="2" fill="#ffe7ba"/>${heart(270, 120, 0.8, GOLD)}${heart(46, 108, 0.9, GOLD)}${tree(292, 0.8)}`,
  // 先锋联盟工作站: an office block with a star badge and a banner.
  pioneer:
    `<rect x="108" y="62" width="104" height="104" fill="${WALL}"/><rect x="108" y="54" width="104" height="12" fill="${RED}"/>` +
    `${windowRow(120, 78, 4, 24)}${windowRow(120, 102, 4, 24)}<rect x="146" y="128" width="28" height="38" rx="2" fill="${DOOR}"/>` +
    `<circle cx="160" cy="60" r="14" fill="${DEEP}"/>${star(160, 60, 9)}` +
    `<rect x="212" y="120" width="50" height="46" fill="#ffe0b2"/><path d="M212 120h50" stroke="${RED}" stroke-width="6"/>` +
    `<rect x="62" y="110" width="46" height="56" fill="#ffe0b2"/><path d="M62 110h46" stroke="${RED}" stroke-width="6"/>${tree(36)}${tree(288)}`,
  // 党建示范街区: a street of shopfronts under red lanterns.
  street:
    `<path d="M140 200L152 166h16L180 200z" fill="#ffe9b8"/>` +
    `<rect x="26" y="92" width="56" height="74" fill="${WALL}"/><path d="M20 92h68l-6-14H26z" fill="${RED}"/><rect x="40" y="120" width="28" height="46" fill="${DOOR}"/>` +
    `<rect x="86" y="106" width="50" height="60" fill="#ffe0b2"/><path d="M82 106h58l-6-12H88z" fill="${DEEP}"/><rect x="98" y="126" width="26" height="40" fill="${DOOR}"/>` +
    `<rect x="184" y="106" width="50" height="60" fill="#ffe0b2"/><path d="M180 106h58l-6-12h-46z" fill="${DEEP}"/><rect x="196" y="126" width="26" height="40" fill="${DOOR}"/>` +
    `<rect x="238" y="92" width="56" height="74" fill="${WALL}"/><path d="M232 92h68l-6-14h-56z" fill="${RED}"/><rect x="252" y="120" width="28" height="46" fill="${DOOR}"/>` +
    `<path d="M20 34Q160 62 300 34" stroke="${DOOR}" stroke-width="1.5" fill="none"/>` +
    `${lantern(62, 46)}${lantern(122, 54)}${lantern(198, 54)}${lantern(258, 46)}`,
  // 接种点: a clinic with a cross, a sunshade and water for those who wait.
  vaccine:
    `<rect x="70" y="86" width="128" height="80" rx="4" fill="${WALL}"/><rect x="70" y="80" width="128" height="12" rx="3" fill="${RED}"/>` +
    `<rect x="120" y="98" width="28" height="28" rx="6" fill="${RED}"/><path d="M134 104v16M126 112h16" stroke="#fff" stroke-width="5" stroke-linecap="round"/>` +
    `<rect x="82" y="132" width="26" height="34" rx="2" fill="${DOOR}"/><rect x="160" y="134" width="28" height="18" rx="2" fill="${PALE}"/>` +
    `<path d="M214 112a38 22 0 0176 0z" fill="${GOLD}"/><path d="M252 90v76" stroke="${DOOR}" stroke-width="3"/>` +
    `<path d="M233 112a19 22 0 0138 0" fill="${RED}"/><rect x="228" y="140" width="48" height="6" rx="2" fill="${DOOR}"/>` +
    `<rect x="238" y="124" width="8" height="16" rx="2" fill="#91caff"/><rect x="258" y="124" width="8" height="16" rx="2" fill="#91caff"/>${tree(34)}`,
};

/** The scene of a station kind, or of vaccination sites ('vaccine'); an unknown kind gets the service hall. */
export function placeArt(kind: string): string {
  const scene = SCENES[kind as StationKind | 'vaccine'] ?? SCENES.center;
  return svgUri(`${BACKDROP}${scene}`);
}

/** The kinds that have a scene (for tests). */
export const PLACE_ART_KINDS = Object.keys(SCENES);
