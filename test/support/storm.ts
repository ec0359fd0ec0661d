import { startLocalCloud, type RunningCloud } from './local-cloud';

/**
 * Runs `rounds` bounded storms against the local cloud; each is cut by kill -9 and the cloud is
 * restarted on the same data folder. Answers the cloud running after the last restart.
 *
 * The kill is placed by progress, never by the clock: the cloud is ready when `startLocalCloud`
 * returns (it has printed its address), and each round is killed right after a random number
 * (1 … `killAfterMax`) of its requests have been answered, so a loaded machine only slows the storm
 * down and can never make the kill land before the server has started or after the storm is over.
 */
export async function stormWithKills(
  first: RunningCloud,
  options: { rounds: number; requests: number; workers: number; killAfterMax: number },
  request: (cloud: RunningCloud, i: number, round: number) => Promise<void>,
): Promise<RunningCloud> {
  let cloud = first;
  for (let round = 0; round < options.rounds; round += 1) {
    const current = cloud;
    const killAfter = 1 + Math.floor(Math.random() * Math.min(options.killAfterMax, options.requests - 1));
    let next = 0;
    let answered = 0;
    let kill: Promise<unknown> | null = null;
    const killNow = () => (kill ??= current.stop('SIGKILL'));
    const worker = async () => {
      while (next < options.requests && kill === null) {
        const i = next++;
        try {
          await request(current, i, round);
        } catch {
          return; // the server is gone
        }
        answered += 1;
        // Other workers still have requests in flight: the kill lands in the middle of them.
        if (answered >= killAfter) void killNow();
      }
    };
    await Promise.all(Array.from({ length: options.workers }, worker));
    await killNow();
    cloud = await startLocalCloud({ dataDir: first.dataDir });
  }
  return cloud;
}
