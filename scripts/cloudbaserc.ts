/** Writes cloudbaserc.json from the function registry and domain/collections.ts (a test checks it is current). */
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { COLLECTIONS } from '../domain/collections';

/** CloudBase cron: second minute hour day month weekday year. */
const JOB_SCHEDULE: Record<string, string> = { expireOrders: '0 */10 * * * * *', sendReminders: '0 */5 * * * * *', markNoShows: '0 */15 * * * * *', reconcile: '0 */5 * * * * *' };

export function cloudbaserc() {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: Object.values(FUNCTIONS)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((fn) => ({
        name: fn.name,
        runtime: 'Nodejs18.15',
        handler: 'index.main',
        timeout: 20,
        memorySize: 256,
        installDependency: false,
        envVariables: {},
        ...(Object.keys(fn.jobs).length > 0
          ? { triggers: Object.keys(fn.jobs).map((job) => ({ name: job, type: 'timer', config: JOB_SCHEDULE[job] ?? '0 0 * * * * *' })) }
          : {}),
      })),
    framework: {
      name: 'xianfeng-yizhan',
      plugins: {
        database: {
          use: '@cloudbase/framework-plugin-database',
          inputs: {
            collections: Object.entries(COLLECTIONS).map(([collectionName, c]) => ({
              collectionName,
              description: c.description,
              aclTag: 'CUSTOM',
              aclRule: { read: c.clientRead, write: false },
            })),
          },
        },
      },
    },
  };
}

export const CLOUDBASERC_PATH = path.resolve(__dirname, '..', 'cloudbaserc.json');
export const renderCloudbaserc = () => `${JSON.stringify(cloudbaserc(), null, 2)}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  fs.writeFileSync(CLOUDBASERC_PATH, renderCloudbaserc());
  console.log('cloudbaserc.json written');
}
