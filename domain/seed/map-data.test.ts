/**
 * The map's demo places and route say where they come from: each quotes its article word for word, and what is
 * invented says so in `illustrative`/`illustrativeNote`; the words a resident reads carry no 示例, 原文 or 出处.
 * Every red landmark has a poster code of its own, and the route goes through seeded red landmarks.
 * (That a deployment seeds none of them is seed.test.ts's: production leaves every collection but the rules empty.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Source } from '../stations';
import { demoWords } from './demo-words';
import { DEMO_LANDMARKS, DEMO_ROUTES } from './map-data';
import { POINT_RULES } from './points-data';

const quoted = (s: Source) =>
  readFileSync(join(__dirname, 'articles', s.article), 'utf8')
    .replace(/\s+/g, '')
    .includes(s.quote.replace(/\s+/g, ''));

test('every quote is in its article, and every place and route says what of it is illustrative', () => {
  const all = [...DEMO_LANDMARKS, ...DEMO_ROUTES];
  expect(all.filter((d) => !d.source || !quoted(d.source)).map((d) => d._id)).toEqual([]);
  // Coordinates and codes are illustrative everywhere; the note says so.
  expect(DEMO_LANDMARKS.filter((l) => !/坐标/.test(l.illustrativeNote ?? '')).map((l) => l._id)).toEqual([]);
  expect(DEMO_ROUTES.every((r) => r.illustrative === true)).toBe(true);
});

test('the words a resident reads carry no provenance marks', () => {
  expect([...DEMO_LANDMARKS, ...DEMO_ROUTES].flatMap((d) => demoWords(d, d._id))).toEqual([]);
});

test('red landmarks carry distinct poster codes; the route goes through them; the 红色打卡 rule is seeded', () => {
  const red = DEMO_LANDMARKS.filter((l) => l.kind === 'red');
  expect(red.every((l) => typeof l.scene === 'string' && /^[A-Z0-9]{8}$/.test(l.scene))).toBe(true);
  expect(new Set(red.map((l) => l.scene)).size).toBe(red.length);
  expect(DEMO_LANDMARKS.filter((l) => l.kind !== 'red' && l.scene)).toEqual([]);
  for (const r of DEMO_ROUTES) expect(r.landmarkIds.filter((id) => !red.some((l) => l._id === id))).toEqual([]);
  expect(POINT_RULES.find((r) => r._id === 'r-hongse')).toMatchObject({ name: '红色打卡', cap: { period: 'day' } });
});
