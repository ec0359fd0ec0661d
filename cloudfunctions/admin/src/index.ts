import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseCredentialIssuer, customLoginCredentials } from '../../../domain/console-login';
import { CloudBaseFileStore } from '../../../domain/files';
import { router } from './router';

/** In the cloud the ports are CloudBase storage and custom-login tickets (the key from CONSOLE_LOGIN_KEY). */
export const main = cloudMain(router, () => ({
  files: new CloudBaseFileStore(),
  credentials: new CloudBaseCredentialIssuer({ credentials: customLoginCredentials() }),
  qrBase: '',
}));
