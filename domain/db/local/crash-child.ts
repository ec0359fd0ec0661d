/**
 * A child process for the kill -9 tests: moves points between ten accounts in multi-document
 * transactions and prints `ack N` after each commit returns. Usage: crash-child <dir> <count>.
 */
import { setting } from '../../core/config';
import { LocalDatabase } from './engine';

async function run(): Promise<void> {
  const [dir, countText] = process.argv.slice(2);
  if (!dir) throw new Error('usage: crash-child <dir> <count>');
  const db = LocalDatabase.open(dir);
  if (!(await db.collection('meta').doc('counter').get())) {
    await db.runTransaction(async (tx) => {
      for (let i = 0; i < 10; i += 1) await tx.collection('accounts').add({ _id: `a${i}`, balance: 100 });
      await tx.collection('meta').add({ _id: 'counter', transfers: 0 });
    });
  }
  const crashAt = setting('CRASH_AT');
  for (let n = 0; n < Number(countText); n += 1) {
    const done = await db.runTransaction(async (tx) => {
      const counter = await tx.collection('meta').doc('counter').get();
      const next = Number(counter?.transfers) + 1;
      if (next === crashAt) process.env.LOCALDB_FAULT = 'torn-commit';
      const from = crashAt ? 0 : n % 10;
      const to = crashAt ? 1 : (n * 7 + 3) % 10;
      await tx
        .collection('accounts')
        .doc(`a${from}`)
        .update({ balance: db.command.inc(-1) });
      await tx
        .collection('accounts')
        .doc(`a${to}`)
        .update({ balance: db.command.inc(1) });
      await tx.collection('transfers').add({ _id: `t${next}`, from, to });
      await tx.collection('meta').doc('counter').update({ transfers: next });
      return next;
    });
    process.stdout.write(`ack ${done}\n`);
  }
  await db.close();
}

void run();
