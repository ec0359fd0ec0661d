/** A refusal or failure from the server, shown as it is (plain Chinese). Kept apart so the shell stays small. */
import { Alert } from 'tdesign-react/esm/alert';

export function ErrorNotice({ message, title }: { message: string | null; title?: string }) {
  if (!message) return null;
  return <Alert theme="error" className="error-notice" title={title} message={message} />;
}
