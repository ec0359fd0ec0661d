/** The sheet's side of the privacy gate (packages/privacy only): what waits, and the one answer for all of it. */
import { held, type Waiting } from './gate';

/** The id of the `open-type="agreePrivacyAuthorization"` button: WeChat checks it was the one tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree';

/** The sheet: what waits now and whenever one more arrives; the returned function stops it. */
export function watchPrivacy(show: (all: readonly Waiting[]) => void): () => void {
  const sheet = () => show(held.list.slice());
  held.sheet = sheet;
  sheet();
  return () => {
    if (held.sheet === sheet) held.sheet = null;
  };
}

/** Answers every held API at once: agree (with the agree button's id) or disagree. */
export function answerPrivacy(event: 'agree' | 'disagree'): number {
  const all = held.list.splice(0);
  for (const w of all) w.resolve(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event });
  return all.length;
}
