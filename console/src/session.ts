/**
 * The signed-in person's token, kept for this browser tab only (sessionStorage), and the console session it
 * stands for (its id and end), so that 退出登录 can end it on the server and the shell can say until when it lasts.
 */
import type { ActionOutput } from '../../cloudfunctions/contract';

const KEY = 'xfyz-console-token';
const SESSION_KEY = 'xfyz-console-session';

/** The console session an approved scan names (`admin.pollConsoleLogin`): its id and end. */
export type ConsoleSession = Extract<ActionOutput<'admin', 'pollConsoleLogin'>, { status: 'approved' }>['session'];

export function getToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string, session?: ConsoleSession | null): void {
  sessionStorage.setItem(KEY, token);
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** The console session of this tab, when it was signed in by scanning (not by the local dev sign-in). */
export function getSession(): ConsoleSession | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as Partial<ConsoleSession> | null;
    return parsed && typeof parsed.sessionId === 'string' && typeof parsed.expiresAt === 'number'
      ? { sessionId: parsed.sessionId, expiresAt: parsed.expiresAt }
      : null;
  } catch {
    return null;
  }
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SESSION_KEY);
}
