/**
 * Writes cloudbaserc.json (read by the CloudBase CLI, `tcb fn deploy`) and cloudfunctions/<fn>/config.json
 * (read by WeChat DevTools' 上传并部署) from the function registry and the job schedule; a test checks
 * both are current. Collections, rules and indexes are not here: `npm run cloud:setup` makes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { TIMER_NAME, tickMinutes, timerCron } from '../domain/core/jobs';

const FUNCTION_ROOT = path.resolve(__dirname, '..', 'cloudfunctions');

/** The one timer trigger of a function (CloudBase takes one trigger per function), or none. */
export function timerTriggers(name: string): { name: string; type: 'timer'; config: string }[] {
  const jobs = Object.keys(FUNCTIONS[name]!.jobs);
  return jobs.length === 0 ? [] : [{ name: TIMER_NAME, type: 'timer', config: timerCron(tickMinutes(jobs)) }];
}

export function cloudbaserc() {
  return {
    version: '2.0',
    envId: '{{env.ENV_ID}}',
    functionRoot: './cloudfunctions',
    functions: Object.keys(FUNCTIONS)
      .sort()
      .map((name) => {
        const triggers = timerTriggers(name);
        // No `envVariables`: without it the CLI leaves the variables set in the console (PII_KEY) alone on redeploy.
        return {
          name,
          runtime: 'Nodejs18.15',
          handler: 'index.main',
          timeout: 20,
          memorySize: 256,
          installDependency: false,
          ...(triggers.length > 0 ? { triggers } : {}),
        };
      }),
  };
}

/**
 * The WeChat open APIs a function calls (cloud calls need them declared): `user` delivers subscribe messages;
 * `vaccine` and `requests` exchange phone-number button codes (domain/phone); `requests` checks what people post
 * (domain/content: text at once, photos with the verdict pushed back to it); `points`, `stations`, `vaccine`,
 * `org` and `admin` check the texts admins, secretaries and staff publish (goods, stations and items, sites and
 * notices, unit names and refusal reasons, meetings, 通知公告, star adjustments) with msgSecCheck; `stations` draws red landmarks' poster codes (wxacode.getUnlimited).
 */
export const OPENAPI_PERMISSIONS: Record<string, string[]> = {
  user: ['subscribeMessage.send'],
  vaccine: ['phonenumber.getPhoneNumber', 'security.msgSecCheck'],
  requests: ['phonenumber.getPhoneNumber', 'security.msgSecCheck', 'security.mediaCheckAsync'],
  points: ['security.msgSecCheck'],
  stations: ['security.msgSecCheck', 'wxacode.getUnlimited'],
  org: ['security.msgSecCheck'],
  admin: ['security.msgSecCheck'],
};

/** DevTools' per-function config: the same timer as cloudbaserc.json, and the open APIs it calls. */
export function functionConfig(name: string) {
  const triggers = timerTriggers(name);
  return { permissions: { openapi: OPENAPI_PERMISSIONS[name] ?? [] }, ...(triggers.length > 0 ? { triggers } : {}) };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const CLOUDBASERC_PATH = path.resolve(__dirname, '..', 'cloudbaserc.json');
export const renderCloudbaserc = () => json(cloudbaserc());
export const functionConfigPath = (name: string) => path.join(FUNCTION_ROOT, name, 'config.json');
export const renderFunctionConfig = (name: string) => json(functionConfig(name));

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  fs.writeFileSync(CLOUDBASERC_PATH, renderCloudbaserc());
  for (const name of Object.keys(FUNCTIONS)) fs.writeFileSync(functionConfigPath(name), renderFunctionConfig(name));
  console.log(`cloudbaserc.json and ${Object.keys(FUNCTIONS).length} cloudfunctions/<fn>/config.json written`);
}
