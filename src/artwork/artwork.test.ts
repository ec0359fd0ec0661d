import fs from 'node:fs';
import path from 'node:path';
import { STATION_KINDS } from '../../domain/stations/labels';
import { GOODS_CATEGORIES, type GoodsCategory } from '../components/picture/categories';
import { GOODS_ART_CATEGORIES, PLACE_ART_KINDS, goodsArt, placeArt } from '.';

const svgOf = (uri: string) => decodeURIComponent(uri.slice(uri.indexOf(',') + 1));

test('every station kind, vaccination sites and every goods category have their own drawing', () => {
  expect([...PLACE_ART_KINDS].sort()).toEqual([...Object.keys(STATION_KINDS), 'vaccine'].sort());
  expect([...GOODS_ART_CATEGORIES].sort()).toEqual(Object.keys(GOODS_CATEGORIES).sort());
  const drawings = [
    ...PLACE_ART_KINDS.map((k) => placeArt(k)),
    ...GOODS_ART_CATEGORIES.map((c) => goodsArt(c as GoodsCategory)),
  ];
  expect(new Set(drawings).size).toBe(drawings.length);
  // An unknown kind still gets a scene, never a broken image.
  expect(placeArt('no-such-kind')).toBe(placeArt('center'));
});

test('each drawing is well-formed SVG with no text to translate or fonts to fetch', () => {
  for (const uri of [
    ...PLACE_ART_KINDS.map((k) => placeArt(k)),
    ...GOODS_ART_CATEGORIES.map((c) => goodsArt(c as GoodsCategory)),
  ]) {
    expect(uri.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const doc = new DOMParser().parseFromString(svgOf(uri), 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.documentElement.getAttribute('viewBox')).toBe('0 0 320 200');
    expect(doc.getElementsByTagName('text')).toHaveLength(0);
    expect(svgOf(uri)).not.toMatch(/NaN|undefined/);
  }
});

/** The files a module imports for their values (type-only imports and lazy `import()` aside), resolved. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specs = [
    ...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm),
  ].map((m) => m[1]!);
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
      .map((ext) => base + ext)
      .find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    return found && /\.tsx?$/.test(found) ? [found] : [];
  });
}

test('the weapp main package never carries the artwork (only subpackages and lazy H5 loads import it)', () => {
  const src = path.resolve(__dirname, '..');
  const entries = [
    path.join(src, 'app.ts'),
    ...fs.readdirSync(path.join(src, 'pages')).map((page) => path.join(src, 'pages', page, 'index.tsx')),
  ].filter((f) => fs.existsSync(f));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !file.startsWith(src)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  expect(seen.size).toBeGreaterThan(entries.length);
  const artwork = path.join(src, 'artwork') + path.sep;
  expect([...seen].filter((f) => f.startsWith(artwork)).map((f) => path.relative(src, f))).toEqual([]);
  // The main-package list cards reach their illustration lazily, through this one hook, and only inside a
  // branch on TARO_ENV: webpack drops that branch from the weapp build. An `import()` it can see elsewhere
  // (even in a function terser later removes) puts the whole artwork into the main package's common.js.
  const lazy = path.join(src, 'components', 'picture', 'lazy-art.ts');
  expect(seen.has(lazy)).toBe(true);
  for (const file of seen) {
    const source = fs.readFileSync(file, 'utf8');
    const lazyLoads = source.match(/\bimport\(/g)?.length ?? 0;
    const guarded = source.match(/if \(process\.env\.TARO_ENV === 'h5'\) \{\s*void import\(/g)?.length ?? 0;
    expect([path.relative(src, file), lazyLoads]).toEqual([path.relative(src, file), guarded]);
  }
});

test('goods find their drawing by name: a shopping bag is daily goods, a custom-made one a keepsake', async () => {
  const { goodsCategory } = await import('../components/picture/categories');
  expect(goodsCategory('环保购物袋')).toBe('daily');
  expect(goodsCategory('红色驿站定制帆布袋')).toBe('gift');
  expect(goodsCategory('花生油 1.8L')).toBe('oil');
  expect(goodsCategory('优质大米 5kg')).toBe('grain');
  expect(goodsCategory('《学习纲要》')).toBe('book');
  expect(goodsCategory('义剪服务券')).toBe('voucher');
  expect(goodsCategory('纪念品')).toBe('other');
});
