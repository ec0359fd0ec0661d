import { defineFunction } from '../../define';
import * as audit from '../../../domain/audit';
import * as consoleLogin from '../../../domain/console-login';
import * as dashboard from '../../../domain/dashboard';
import { fileUrls, uploadImage } from '../../../domain/files';
import * as stars from '../../../domain/stars';

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
    // 达标创星 (domain/stars): the review list, proposals, adjustment with a reason, sign-off, branches' stars.
    stars: stars.stars,
    computeStars: stars.computeStars,
    adjustStars: stars.adjustStars,
    signOffStars: stars.signOffStars,
    branchStars: stars.branchStars,
  },
  { purgeConsoleLogins: consoleLogin.purgeConsoleLogins, proposeStars: stars.proposeStars },
);
