/** The rule-cap counter on its own, on whichever engine the jest project selects. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/support/engine';
import { capReached, takeFromCap } from './caps';
import { CAPS, type Rule } from './model';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-caps-')));
});
afterAll(async () => {
  await db.close();
});

const rule = (cap: Rule['cap']): Rule => ({
  _id: `r-cap-${cap?.period ?? 'none'}`,
  name: '学习',
  category: '学习教育',
  points: 4,
  cap,
  description: '',
});
const at = (time: string) => Date.parse(`${time}+08:00`);
const grant = (openid: string, r: Rule, now: number) => db.runTransaction((tx) => takeFromCap(tx, openid, r, now));

test('near the cap a rule gives what is left, at the cap 0 and writes nothing', async () => {
  const daily = rule({ period: 'day', max: 10 });
  const morning = at('2026-11-24T09:00:00');
  expect([
    await grant('c1', daily, morning),
    await grant('c1', daily, morning),
    await grant('c1', daily, morning),
  ]).toEqual([4, 4, 2]);
  const writes = db.writes;
  expect(await grant('c1', daily, morning)).toBe(0);
  expect(db.writes).toBe(writes);
  // A new Shanghai day (16:00 UTC) starts a new count; another person has their own.
  expect(await grant('c1', daily, at('2026-11-25T00:00:00'))).toBe(4);
  expect(await grant('c2', daily, morning)).toBe(4);
  expect(await db.collection(CAPS).doc('c1:r-cap-day:2026-11-24').get()).toMatchObject({ earned: 10 });
});

test('a monthly cap counts by Shanghai month, and a rule without a cap always gives its points', async () => {
  const monthly = rule({ period: 'month', max: 5 });
  expect(await grant('c3', monthly, at('2026-11-01T00:00:00'))).toBe(4);
  expect(await grant('c3', monthly, at('2026-11-30T23:59:00'))).toBe(1);
  expect(await grant('c3', monthly, at('2026-12-01T00:00:00'))).toBe(4);
  expect(await grant('c3', rule(null), at('2026-11-30T23:59:00'))).toBe(4);
  expect(capReached(monthly)).toBe('「学习」本月积分已达上限 5 分');
});
