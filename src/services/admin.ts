import type { ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import { callFunction } from './transport';

/** What the approve page shows before the tap (from `admin.consoleTicket`). */
export type ConsoleTicketCheck = ActionOutput<'admin', 'consoleTicket'>;
/** One of my console sign-ins (from `admin.consoleSessions`). */
export type ConsoleSessionItem = ItemOf<ActionOutput<'admin', 'consoleSessions'>>;

export const listConsoleSessions = () => callFunction('admin', 'consoleSessions', {});
export const revokeConsoleSession = (sessionId: string) => callFunction('admin', 'revokeConsoleSession', { sessionId });

export const checkConsoleTicket = (ticketId: string) => callFunction('admin', 'consoleTicket', { ticketId });
export const approveConsoleLogin = (ticketId: string) => callFunction('admin', 'approveConsoleLogin', { ticketId });

const TICKET = /^cl[0-9a-f]{24}$/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/**
 * The ticket a scan brought: `?ticket=` from the QR's path (H5, or the in-app scanner); `scene` when a
 * 小程序码 made by `wxacode.getUnlimited({ scene: ticketId })` opened the page; `q` (the whole URL, encoded)
 * when WeChat's 扫普通链接二维码打开小程序 did. Anything not shaped like a ticket is ignored.
 */
export function ticketFromParams(params: Record<string, string | undefined>): string | null {
  const fromUrl = params.q ? /[?&]ticket=([^&#]+)/.exec(safeDecode(params.q))?.[1] : undefined;
  const raw = params.ticket ?? (params.scene ? safeDecode(params.scene) : undefined) ?? fromUrl ?? '';
  return TICKET.test(raw) ? raw : null;
}
