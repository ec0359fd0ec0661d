import { startLocalCloud, type RunningCloud } from './local-cloud';

/**
 * Runs `rounds` bounded storms against the local cloud; each is cut by kill -9 at a random moment,
 * and the cloud is restarted on the same data folder. Answers the cloud running after the last restart.
 */
export async function stormWithKills(
  first: RunningCloud,
  options: { rounds: number; requests: number; workers: number; maxDelayMs: number },
  request: (cloud: RunningCloud, i: number, round: number) => Promise<void>,
): Promise<RunningCloud> {
  let cloud = first;
  for (let round = 0; round < options.rounds; round += 1) {
    let next = 0;
    const current = cloud;
    const worker = async () => {
      while (next < options.requests) {
        const i = next++;
        try {
          await request(current, i, round);
        } catch {
          return; // the server is gone
        }
      }
    };
    const storm = Promise.all(Array.from({ length: options.workers }, worker));
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * options.maxDelayMs));
    await cloud.stop('SIGKILL');
    await storm;
    cloud = await startLocalCloud({ dataDir: first.dataDir });
  }
  return cloud;
}
