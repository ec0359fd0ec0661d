import { defineFunction } from '../../define';
import * as audit from '../../../domain/audit/actions';
import * as consoleLogin from '../../../domain/console-login/actions';
import * as dashboard from '../../../domain/dashboard/dashboard';
import { fileUrls, uploadImage } from '../../../domain/files/actions';

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
