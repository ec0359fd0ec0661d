import { z } from 'zod';
import { setting } from '../core/config';

/**
 * Subscribe-message templates from configuration: env `MESSAGE_TEMPLATES`, a JSON object from
 * `<module>.<kind>` (or `<module>.*` for every kind of a module) to `{ templateId, fields }`, where
 * `fields` maps each keyword of the template (`thing1`, `time2`, …) to what fills it: `title`, `body`,
 * `module` (the module's name), or a key of the message's `data` (`time`, `place`, `code`, `status`, …).
 * A kind without a template goes straight to the in-app inbox.
 */
const templateSchema = z.object({ templateId: z.string().trim().min(1), fields: z.record(z.string(), z.string()) });
export type MessageTemplate = z.output<typeof templateSchema>;
const templatesSchema = z.record(z.string(), templateSchema);

let cached: { raw: string; templates: Record<string, MessageTemplate> } | null = null;

/** The configured templates; a malformed value counts as none (and says so once in the log). */
export function messageTemplates(raw: string = setting('MESSAGE_TEMPLATES')): Record<string, MessageTemplate> {
  if (cached?.raw === raw) return cached.templates;
  let templates: Record<string, MessageTemplate> = {};
  if (raw.trim()) {
    try {
      const parsed = templatesSchema.safeParse(JSON.parse(raw));
      if (parsed.success) templates = parsed.data;
      else console.error(JSON.stringify({ config: 'MESSAGE_TEMPLATES', error: 'INVALID' }));
    } catch {
      console.error(JSON.stringify({ config: 'MESSAGE_TEMPLATES', error: 'NOT_JSON' }));
    }
  }
  cached = { raw, templates };
  return templates;
}

export function templateFor(module: string, kind: string): MessageTemplate | null {
  const templates = messageTemplates();
  return templates[`${module}.${kind}`] ?? templates[`${module}.*`] ?? null;
}

/** WeChat's length limits per keyword type (longer values are refused with 47003). */
const LIMITS: [prefix: string, max: number][] = [
  ['character_string', 32],
  ['phrase', 5],
  ['thing', 20],
  ['name', 10],
  ['number', 32],
  ['letter', 32],
  ['symbol', 5],
  ['car_number', 8],
  ['phone_number', 17],
  ['amount', 10],
];

function fit(keyword: string, value: string): string {
  const limit = LIMITS.find(([prefix]) => keyword.startsWith(prefix))?.[1];
  const chars = [...value.replace(/\s+/g, ' ').trim()];
  if (limit === undefined || chars.length <= limit) return chars.join('') || '无';
  return `${chars.slice(0, limit - 1).join('')}…`;
}

export interface TemplateSource {
  title: string;
  body: string;
  moduleLabel: string;
  data: Record<string, string>;
}

/** The `data` of subscribeMessage.send: every keyword filled, each within its type's length. */
export function templateData(template: MessageTemplate, m: TemplateSource): Record<string, { value: string }> {
  const out: Record<string, { value: string }> = {};
  for (const [keyword, source] of Object.entries(template.fields)) {
    const value =
      source === 'title'
        ? m.title
        : source === 'body'
          ? m.body
          : source === 'module'
            ? m.moduleLabel
            : (m.data[source] ?? '');
    out[keyword] = { value: fit(keyword, value) };
  }
  return out;
}
