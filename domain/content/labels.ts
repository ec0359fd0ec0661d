/**
 * The words a refusal uses, zod-free so the clients may import them: what kind of problem a text or picture has,
 * and how a refusal reads beside its field (「标题含有广告内容，请修改后再提交」).
 */
export const REFUSAL_KINDS = {
  ad: '广告',
  politics: '时政敏感',
  porn: '色情',
  abuse: '辱骂',
  crime: '违法犯罪',
  fraud: '欺诈',
  vulgar: '低俗',
  copyright: '侵犯版权',
  other: '不当',
} as const;
export type RefusalKind = keyof typeof REFUSAL_KINDS;

/** What a field's refusal says: the field by its name on the form, and the kind in plain words. */
export const refusalText = (field: string, kind: RefusalKind): string =>
  `${field}含有${REFUSAL_KINDS[kind]}内容，请修改后再提交`;

/** A picture waiting for its check: shown to its author only, marked so. */
export const PICTURE_PENDING = '审核中';
/** Beside the photos field when a picture did not pass. */
export const pictureRefusal = (kind: RefusalKind): string => `照片含有${REFUSAL_KINDS[kind]}内容，已删除，请换一张`;
