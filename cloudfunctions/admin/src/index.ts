import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseCredentialIssuer, customLoginCredentials } from '../../../domain/console-login';
import { CloudBaseContentCheck } from '../../../domain/content';
import { CloudBaseFileStore } from '../../../domain/files';
import { router } from './router';

/**
 * In the cloud the ports are CloudBase storage, custom-login tickets (the key from CONSOLE_LOGIN_KEY) and WeChat's
 * msgSecCheck for what admins write that others read (a star adjustment's reason; config.json grants it).
 */
export const main = cloudMain(router, () => ({
  files: new CloudBaseFileStore(),
  credentials: new CloudBaseCredentialIssuer({ credentials: customLoginCredentials() }),
  content: new CloudBaseContentCheck(),
  qrBase: '',
}));
