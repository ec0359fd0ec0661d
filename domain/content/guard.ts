import { AppError } from '../core/errors';
import type { HostServices } from '../core/services';
import { refusalText } from './labels';
import { LocalContentCheck } from './local';
import type { ContentCheck, Scene } from './port';

/** A text field a person publishes: its path in the input (for the form), its name on the form, the text. */
export interface PublishedText {
  field: string;
  name: string;
  text: string | null | undefined;
}

/** Where no host lends a checker (a suite about something else), texts still meet the local word list. */
const fallback = new LocalContentCheck();
export const contentCheckOf = (services: HostServices | undefined): ContentCheck => services?.content ?? fallback;

/**
 * Checks every text before anything is stored: the first refused field throws INVALID_ARGUMENT naming it
 * (「标题含有广告内容，请修改后再提交」), so a refused change writes nothing. Empty texts are skipped.
 */
export async function assertTextsPass(
  services: HostServices | undefined,
  openid: string,
  scene: Scene,
  texts: readonly PublishedText[],
): Promise<void> {
  const check = contentCheckOf(services);
  const fields = texts.flatMap((t) => {
    const text = t.text?.trim();
    return text ? [{ ...t, text }] : [];
  });
  // Asked at once (one round trip's wait, not one per field); the first refused field in the form's order is named.
  const verdicts = await Promise.all(fields.map((t) => check.checkText({ text: t.text, openid, scene })));
  fields.forEach((t, i) => {
    const verdict = verdicts[i]!;
    if (!verdict.ok) throw new AppError('INVALID_ARGUMENT', refusalText(t.name, verdict.kind), t.field);
  });
}
