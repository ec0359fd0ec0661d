/** Deployment settings, from dist/console/config.js (loaded before the bundle, never hashed, edited per deployment). */
export type ConsoleConfig =
  | { transport: 'http'; functionsUrl: string; devLoginUrl?: string }
  | { transport: 'cloudbase'; envId: string; region?: string };

declare global {
  interface Window {
    CONSOLE_CONFIG?: ConsoleConfig;
  }
}

export function readConfig(): ConsoleConfig {
  return window.CONSOLE_CONFIG ?? { transport: 'http', functionsUrl: '../fn' };
}
