/**
 * For the seed's tests: the words that belong to provenance, not to what a resident reads. The seed records
 * where a record comes from in `source`/`serviceSources` and what of it is invented in `illustrativeNote`
 * (the desk console shows them to admins); every other string of a seeded document is for residents too.
 */
const PROVENANCE = new Set(['source', 'serviceSources', 'illustrativeNote']);
export const DEMO_WORDS = /示例|原文|出处/;

/** Every string of a document outside its provenance fields that says 示例, 原文 or 出处, as `path: text`. */
export function demoWords(value: unknown, at: string): string[] {
  if (typeof value === 'string') return DEMO_WORDS.test(value) ? [`${at}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => demoWords(v, `${at}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (PROVENANCE.has(k) ? [] : demoWords(v, `${at}.${k}`)));
  return [];
}
