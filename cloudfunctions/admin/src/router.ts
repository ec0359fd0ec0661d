import { defineFunction } from '../../define';
import * as audit from '../../../domain/audit';
import * as consoleLogin from '../../../domain/console-login';
import * as dashboard from '../../../domain/dashboard';
import { fileUrls, uploadImage } from '../../../domain/files';

export const router = defineFunction(
  'admin',
  {
    audit: audit.audit,
    auditExport: audit.auditExport,
    dashboard: dashboard.dashboard,
    dashboardExport: dashboard.dashboardExport,
    uploadImage,
    fileUrls,
    startConsoleLogin: consoleLogin.startConsoleLogin,
    consoleTicket: consoleLogin.consoleTicket,
    approveConsoleLogin: consoleLogin.approveConsoleLogin,
    pollConsoleLogin: consoleLogin.pollConsoleLogin,
    consoleSessions: consoleLogin.consoleSessions,
    revokeConsoleSession: consoleLogin.revokeConsoleSession,
  },
  { purgeConsoleLogins: consoleLogin.purgeConsoleLogins },
);
