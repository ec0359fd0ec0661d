import type { RefusalKind } from './labels';

/**
 * The content-security port: every text and picture a person publishes or sends to another person goes through it
 * before it is stored or shown.
 * - Locally: a deterministic checker with a small word list (domain/content/local.ts), whose picture verdicts the
 *   host delivers after the request answered.
 * - CloudBase: WeChat's `security.msgSecCheck` (v2) and `security.mediaCheckAsync` (v2) through `callWxOpenApi`
 *   (domain/content/cloudbase.ts); a picture's verdict arrives later as the platform's pushed `wxa_media_check` event.
 */

/** WeChat's scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export const SCENES = { profile: 1, comment: 2, forum: 3, social: 4 } as const;
export type Scene = keyof typeof SCENES;

export type TextVerdict = { ok: true } | { ok: false; kind: RefusalKind };

export interface TextCheck {
  /** The text, its author (who must have opened the mini-program within two hours, in the cloud) and the scene. */
  text: string;
  openid: string;
  scene: Scene;
}

export interface PictureSubmission {
  fileId: string;
  /** Where WeChat can fetch it (a temporary HTTPS URL in the cloud; the local path locally). */
  url: string;
  openid: string;
  scene: Scene;
  /** The bytes, for a checker that looks at them itself (the local one); the cloud fetches the URL. */
  bytes?: Buffer;
}

/** The asynchronous answer about one picture, matched to the file by its trace id. */
export interface PictureVerdict {
  traceId: string;
  pass: boolean;
  /** Why not, when it did not pass. */
  kind: RefusalKind | null;
}

export interface ContentCheck {
  /** Answers at once: pass, or refused with the kind. Throws (a plain error) when the check itself failed. */
  checkText(input: TextCheck): Promise<TextVerdict>;
  /** Starts a picture's check; its verdict comes later (never on this request's path). */
  submitPicture(input: PictureSubmission): Promise<{ traceId: string }>;
}

declare module '../core/services' {
  interface HostServices {
    /** Content security: the word-list checker locally, WeChat's checks in the cloud. */
    content?: ContentCheck;
  }
}
