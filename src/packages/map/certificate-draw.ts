/**
 * The route certificate as a picture, drawn on the device: on weapp into a 2d canvas, on H5 into a canvas element,
 * through the few calls both contexts share. The layout is computed first (text wrapped to the card's width by
 * measuring it), so the picture grows with a route's stops and a long name never leaves the card.
 */

/** What the drawing needs of a 2d context (CanvasRenderingContext2D on H5, the weapp canvas's 2d context). */
export interface Pen {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  fill(): void;
  stroke(): void;
}

export interface CertificateText {
  heading: string;
  /** The person, then what they did, then the route's name. */
  nickname: string;
  walked: string;
  route: string;
  datesLabel: string;
  dates: string;
  stopsLabel: string;
  stops: { name: string; date: string }[];
  footer: string;
}

export const WIDTH = 750;
const MARGIN = 40;
const INNER = WIDTH - 2 * MARGIN - 80;
const LEFT = MARGIN + 40;
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const RED = '#c8161d';
const INK = '#262626';
const GOLD = '#d4a017';

type Line = { text: string; x: number; y: number; font: string; color: string; align: CanvasTextAlign };

const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT}`;

/** Splits a text into lines no wider than `width`: between words in English, between characters in Chinese. */
export function wrap(pen: Pick<Pen, 'measureText'>, text: string, width: number): string[] {
  const tokens = text.match(
    /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u3400-\u9fff\uff00-\uffef\u3000-\u303f]+|\s+/g,
  );
  if (!tokens) return [''];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const next = line + token;
    if (line.trim() && pen.measureText(next.trimEnd()).width > width) {
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
    } else line = next;
    // A single word wider than the card: cut it by characters.
    while (pen.measureText(line).width > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && pen.measureText(line.slice(0, cut)).width > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Where every line goes, and the picture's height. */
export function layout(pen: Pick<Pen, 'measureText' | 'font'>, t: CertificateText): { lines: Line[]; height: number } {
  const lines: Line[] = [];
  let y = MARGIN + 150;
  const add = (text: string, px: number, weight: number, color: string, gap: number, align: CanvasTextAlign) => {
    pen.font = font(px, weight);
    for (const part of wrap(pen, text, INNER)) {
      lines.push({ text: part, x: align === 'center' ? WIDTH / 2 : LEFT, y, font: font(px, weight), color, align });
      y += Math.round(px * 1.45);
    }
    y += gap;
  };
  add(t.heading, 52, 700, '#ffffff', 0, 'center');
  // The heading sits on the red band: the rest starts below it.
  y = MARGIN + 260;
  add(t.nickname, 44, 700, INK, 8, 'center');
  add(t.walked, 28, 400, INK, 8, 'center');
  add(t.route, 38, 700, RED, 28, 'center');
  add(`${t.datesLabel}  ${t.dates}`, 26, 400, INK, 24, 'center');
  add(t.stopsLabel, 28, 700, INK, 4, 'left');
  t.stops.forEach((s, i) => add(`${i + 1}. ${s.name}  ·  ${s.date}`, 26, 400, INK, 2, 'left'));
  y += 150;
  add(t.footer, 24, 400, '#8c8c8c', 0, 'center');
  return { lines, height: y + MARGIN };
}

/** Draws the certificate on a canvas of WIDTH × layout(...).height. */
export function drawCertificate(pen: Pen, t: CertificateText, height: number): void {
  const { lines } = layout(pen, t);
  pen.fillStyle = '#fffaf0';
  pen.fillRect(0, 0, WIDTH, height);
  // The frame: a red border and a thin gold one inside it.
  pen.strokeStyle = RED;
  pen.lineWidth = 10;
  pen.strokeRect(MARGIN / 2, MARGIN / 2, WIDTH - MARGIN, height - MARGIN);
  pen.strokeStyle = GOLD;
  pen.lineWidth = 3;
  pen.strokeRect(MARGIN - 4, MARGIN - 4, WIDTH - 2 * MARGIN + 8, height - 2 * MARGIN + 8);
  // The red band behind the heading.
  pen.fillStyle = RED;
  pen.fillRect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, 190);
  star(pen, WIDTH / 2, MARGIN + 56, 30, GOLD);
  for (const line of lines) {
    pen.font = line.font;
    pen.fillStyle = line.color;
    pen.textAlign = line.align;
    pen.textBaseline = 'middle';
    pen.fillText(line.text, line.x, line.y);
  }
  // A seal at the bottom right: a red ring around a star.
  const sx = WIDTH - MARGIN - 110;
  const sy = height - MARGIN - 130;
  pen.strokeStyle = RED;
  pen.lineWidth = 6;
  pen.beginPath();
  pen.arc(sx, sy, 64, 0, Math.PI * 2);
  pen.stroke();
  star(pen, sx, sy, 34, RED);
}

function star(pen: Pen, cx: number, cy: number, r: number, color: string): void {
  pen.fillStyle = color;
  pen.beginPath();
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    if (i === 0) pen.moveTo(x, y);
    else pen.lineTo(x, y);
  }
  pen.closePath();
  pen.fill();
}
