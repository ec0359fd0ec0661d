/**
 * The subscribe-message template ids the weapp asks people to accept, per module, from the same
 * `MESSAGE_TEMPLATES` the `user` function sends with (`{ "<module>.<kind>": { templateId, fields } }`).
 * At most 3 per module: WeChat's `requestSubscribeMessage` takes no more in one call. H5 gets none.
 */
export function subscribeTemplates(env: NodeJS.ProcessEnv, target: string): Record<string, string[]> {
  if (target !== 'weapp') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(env.MESSAGE_TEMPLATES || '{}');
  } catch {
    throw new Error('MESSAGE_TEMPLATES is not JSON / MESSAGE_TEMPLATES 不是合法的 JSON');
  }
  const byModule: Record<string, string[]> = {};
  for (const [key, value] of Object.entries((parsed ?? {}) as Record<string, { templateId?: unknown }>)) {
    const module = key.split('.')[0] ?? '';
    const id = typeof value?.templateId === 'string' ? value.templateId.trim() : '';
    if (!module || !id) continue;
    const ids = (byModule[module] ??= []);
    if (!ids.includes(id) && ids.length < 3) ids.push(id);
  }
  return byModule;
}
