import { randomBytes } from 'node:crypto';
import type { ContentCheck, PictureSubmission, PictureVerdict, TextCheck, TextVerdict } from './port';
import { REFUSAL_KINDS, type RefusalKind } from './labels';
import { LOST_MARKER, PICTURE_MARKER, localKindOf } from './words';

/**
 * The local cloud's checker: texts against a small word list, answered at once; pictures answered later — each
 * verdict waits in a queue until the host delivers it (`flush`, which the local cloud calls after a request answered,
 * or `take` in a test), never on the request's own path. A picture carrying the refuse marker in its bytes is
 * refused; one carrying the lost marker never gets a verdict, so the re-check after a timeout has work to do.
 */
export class LocalContentCheck implements ContentCheck {
  private queue: PictureVerdict[] = [];
  /** Every picture submitted, by trace id (a test reads how often one was checked). */
  readonly submitted: PictureSubmission[] = [];

  constructor(private readonly options: { deliver?: (verdict: PictureVerdict) => Promise<void> } = {}) {}

  async checkText({ text }: TextCheck): Promise<TextVerdict> {
    const kind = localKindOf(text);
    return kind ? { ok: false, kind } : { ok: true };
  }

  async submitPicture(input: PictureSubmission): Promise<{ traceId: string }> {
    const traceId = `local-${randomBytes(12).toString('hex')}`;
    this.submitted.push(input);
    const ascii = input.bytes ? input.bytes.toString('latin1') : '';
    if (ascii.includes(LOST_MARKER)) return { traceId };
    const at = ascii.indexOf(PICTURE_MARKER);
    const named = at >= 0 ? /^[a-z]+/.exec(ascii.slice(at + PICTURE_MARKER.length))?.[0] : undefined;
    const kind: RefusalKind | null =
      at < 0 ? null : named && Object.hasOwn(REFUSAL_KINDS, named) ? (named as RefusalKind) : 'other';
    this.queue.push({ traceId, pass: kind === null, kind });
    return { traceId };
  }

  /** The verdicts waiting, taken off the queue: whoever takes them delivers them. */
  take(): PictureVerdict[] {
    const out = this.queue;
    this.queue = [];
    return out;
  }

  /** Delivers every waiting verdict through the host's sink, one by one; a failed one waits for the next flush. */
  async flush(): Promise<number> {
    const deliver = this.options.deliver;
    if (!deliver) return 0;
    let done = 0;
    for (const verdict of this.take()) {
      try {
        await deliver(verdict);
        done += 1;
      } catch {
        this.queue.push(verdict);
      }
    }
    return done;
  }
}
