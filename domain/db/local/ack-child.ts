/**
 * A child process for the acknowledged-write crash test (ack-crash.test.ts): `workers` requests at once,
 * each in a loop of a transfer transaction, a plain write, a conditional update and a delete. It prints
 * `ack <kind> <id>` once a write has returned (is acknowledged), and with `killAt` > 0 kills itself
 * (SIGKILL) right after printing its `killAt`-th acknowledgement, while the other requests' commits are
 * written and waiting for their fdatasync. Just before that it prints `state <commits> <fdatasyncs>`.
 * Usage: ack-child <dir> <round> <workers> <killAt>.
 */
import { LocalDatabase } from './engine';

/** Kept in step with ack-crash.test.ts (which must not import this file: it runs on import). */
const ACCOUNTS = 10;
const BALANCE = 100;
const STOCK = 1_000_000;

async function run(): Promise<void> {
  const [dir, round, workersText, killAtText] = process.argv.slice(2);
  if (!dir || !round) throw new Error('usage: ack-child <dir> <round> <workers> <killAt>');
  const workers = Number(workersText);
  const killAt = Number(killAtText);
  const db = LocalDatabase.open(dir);
  const _ = db.command;
  if (!(await db.collection('goods').doc('g').get())) {
    await db.runTransaction(async (tx) => {
      for (let i = 0; i < ACCOUNTS; i += 1) await tx.collection('accounts').add({ _id: `a${i}`, balance: BALANCE });
      await tx.collection('meta').add({ _id: 'total', transfers: 0 });
    });
    await db.collection('goods').add({ _id: 'g', stock: STOCK, sold: 0 });
  }
  let acks = 0;
  // stdout is a pipe: on Linux each write reaches it before the next statement runs.
  const ack = (kind: string, id: string) => {
    process.stdout.write(`ack ${kind} ${id}\n`);
    acks += 1;
    if (acks !== killAt) return;
    const { commits, syncs } = db.durability;
    process.stdout.write(`state ${commits} ${syncs}\n`);
    process.kill(process.pid, 'SIGKILL');
  };

  const worker = async (w: number) => {
    for (let n = 0; ; n += 1) {
      const id = `r${round}-w${w}-n${n}`;
      switch (n % 4) {
        case 0: {
          const from = (w + n) % ACCOUNTS;
          const to = (w * 3 + n + 1) % ACCOUNTS === from ? (from + 1) % ACCOUNTS : (w * 3 + n + 1) % ACCOUNTS;
          await db.runTransaction(async (tx) => {
            const total = await tx.collection('meta').doc('total').get();
            await tx
              .collection('accounts')
              .doc(`a${from}`)
              .update({ balance: _.inc(-1) });
            await tx
              .collection('accounts')
              .doc(`a${to}`)
              .update({ balance: _.inc(1) });
            await tx.collection('transfers').add({ _id: id, from, to });
            await tx
              .collection('meta')
              .doc('total')
              .update({ transfers: Number(total?.transfers) + 1 });
          }, 10);
          ack('transfer', id);
          break;
        }
        case 1:
          await db.collection('kv').doc(id).set({ w, n });
          ack('set', id);
          break;
        case 2: {
          const { updated } = await db
            .collection('goods')
            .where({ _id: 'g', stock: _.gte(1) })
            .update({ stock: _.inc(-1), sold: _.inc(1) });
          if (updated === 1) ack('take', id);
          break;
        }
        default: {
          // The plain write of this loop, removed again.
          const written = `r${round}-w${w}-n${n - 2}`;
          const { deleted } = await db.collection('kv').doc(written).remove();
          if (deleted === 1) ack('remove', written);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_x, w) => worker(w)));
}

void run();
