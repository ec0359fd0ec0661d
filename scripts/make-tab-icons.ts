/**
 * Draws the tab-bar icons (81×81 PNG, grey and red) into src/assets/tab/. WeChat's tab bar
 * takes only PNG/JPG files, so they are generated once and committed; run again to change them.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Point = [number, number];
type Shape = (x: number, y: number) => boolean;

const SIZE = 81;
const OUT = path.resolve(__dirname, '..', 'src', 'assets', 'tab');
const COLORS = { normal: [0x66, 0x66, 0x66], active: [0xc8, 0x16, 0x1d] } as const;

const inPolygon =
  (poly: Point[]): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i]!;
      const [xj, yj] = poly[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

function star(cx: number, cy: number, outer: number, inner: number): Point[] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as Point;
  });
}

const ICONS: Record<string, Shape> = {
  home: union(
    inPolygon([
      [40.5, 10],
      [72, 38],
      [9, 38],
    ]),
    minus(rect(17, 36, 64, 70), rect(34, 50, 47, 70)),
  ),
  points: inPolygon(star(40.5, 43, 33, 14)),
  stations: union(
    rect(14, 8, 20, 74),
    inPolygon([
      [20, 10],
      [68, 20],
      [20, 42],
    ]),
  ),
  vaccine: minus(circle(40.5, 40.5, 32), union(rect(35, 20, 46, 61), rect(20, 35, 61, 46))),
  mine: union(circle(40.5, 25, 14), minus(circle(40.5, 78, 32), rect(0, 74, 81, 81))),
};

function crc(buf: Buffer): number {
  return zlib.crc32(buf);
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
}

/**
 * An indexed PNG: one byte a pixel, the 17 coverage levels of the 4×4 supersampling as its palette (one colour,
 * 17 alphas in tRNS). A quarter of the bytes of RGBA for the same picture; the tab icons sit in the main package.
 */
function png(shape: Shape, [r, g, b]: readonly number[]): Buffer {
  const LEVELS = 17;
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y += 1) {
    const row = Buffer.alloc(1 + SIZE);
    for (let x = 0; x < SIZE; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy += 1)
        for (let sx = 0; sx < 4; sx += 1) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1;
      row[1 + x] = hits;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const palette = Buffer.alloc(LEVELS * 3);
  const alphas = Buffer.alloc(LEVELS);
  for (let i = 0; i < LEVELS; i += 1) {
    palette.set([r!, g!, b!], i * 3);
    alphas[i] = Math.round((i / (LEVELS - 1)) * 255);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', palette),
    chunk('tRNS', alphas),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(OUT, `${name}.png`), png(shape, COLORS.normal));
  fs.writeFileSync(path.join(OUT, `${name}-active.png`), png(shape, COLORS.active));
}
console.log(`wrote ${Object.keys(ICONS).length * 2} icons to ${path.relative(process.cwd(), OUT)}`);
