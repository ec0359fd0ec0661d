import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { LocalDatabase } from './engine';

type Step = { op: 'add' | 'update' | 'remove' | 'query'; id: number; owner: number; status: number };

const step = fc.record({
  op: fc.constantFrom<Step['op']>('add', 'update', 'remove', 'query'),
  id: fc.integer({ min: 0, max: 15 }),
  owner: fc.integer({ min: 0, max: 3 }),
  status: fc.integer({ min: 0, max: 2 }),
});

test('equality on an array field means "contains", through the index too', async () => {
  const db = LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'idx-')));
  const stations = db.collection('stations');
  await stations.add({ _id: 'a', services: ['legal', 'water'], vaccines: [{ code: 'flu' }] });
  await stations.add({ _id: 'b', services: ['water'], vaccines: [{ code: 'covid' }] });
  expect((await stations.where({ services: 'legal' }).get()).map((d) => d._id)).toEqual(['a']);
  await stations.doc('b').update({ services: ['legal'] });
  expect((await stations.where({ services: 'legal' }).orderBy('_id', 'asc').get()).map((d) => d._id)).toEqual([
    'a',
    'b',
  ]);
  expect((await stations.where({ 'vaccines.code': 'covid' }).get()).map((d) => d._id)).toEqual(['b']);
  await db.close();
});

test('queries answered through equality indexes match a full scan, whatever writes came before', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
      const db = LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'idx-')));
      const model = new Map<string, { owner: string; status: string }>();
      const items = db.collection('items');
      try {
        for (const s of steps) {
          const id = `i${s.id}`;
          const owner = `o${s.owner}`;
          const status = ['pending', 'picked', 'cancelled'][s.status]!;
          if (s.op === 'add' && !model.has(id)) {
            await items.add({ _id: id, owner, status });
            model.set(id, { owner, status });
          } else if (s.op === 'update' && model.has(id)) {
            await items.doc(id).update({ owner, status });
            model.set(id, { owner, status });
          } else if (s.op === 'remove') {
            await items.doc(id).remove();
            model.delete(id);
          } else if (s.op === 'query') {
            const got = (await items.where({ owner, status }).limit(1000).get()).map((d) => d._id).sort();
            const want = [...model]
              .filter(([, v]) => v.owner === owner && v.status === status)
              .map(([k]) => k)
              .sort();
            expect(got).toEqual(want);
            const byOwner = (await items.where({ owner }).limit(1000).get()).map((d) => d._id).sort();
            expect(byOwner).toEqual(
              [...model]
                .filter(([, v]) => v.owner === owner)
                .map(([k]) => k)
                .sort(),
            );
          }
        }
      } finally {
        await db.close();
      }
    }),
    { numRuns: 60 },
  );
});

test('keyset pages in _id order match a sorted scan, across inserts and removals', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { maxLength: 40 }),
      fc.array(fc.nat(39), { maxLength: 10 }),
      fc.integer({ min: 1, max: 5 }),
      async (ids, removals, size) => {
        const db = LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'keyset-')));
        const _ = db.command;
        const col = db.collection('stations');
        try {
          for (const id of ids) await col.add({ _id: id, even: id.length % 2 === 0 });
          await col.get();
          const removed = new Set(removals.map((i) => ids[i]).filter((x): x is string => Boolean(x)));
          for (const id of removed) await col.doc(id).remove();
          await col.add({ _id: 'mmm-late', even: true });
          const want = [...ids.filter((id) => !removed.has(id)), 'mmm-late'].filter((id) => id.length % 2 === 0).sort();
          const got: string[] = [];
          let cursor: string | undefined;
          for (let guard = 0; guard < 100; guard += 1) {
            // `neq`, not an equality: this takes the ordered walk rather than an index bucket.
            const where = cursor
              ? _.and([{ even: _.neq(false) }, { _id: _.gt(cursor) }])
              : _.and([{ even: _.neq(false) }]);
            const page = await col.where(where).orderBy('_id', 'asc').limit(size).get();
            got.push(...page.map((d) => d._id));
            if (page.length < size) break;
            cursor = page[page.length - 1]!._id;
          }
          expect(got).toEqual(want);
        } finally {
          await db.close();
        }
      },
    ),
    { numRuns: 50 },
  );
});
