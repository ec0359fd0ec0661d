/**
 * The scene a scanned poster code carries. A mini-program code (wxacode.getUnlimited) answers the page it opens
 * with `scene=<code>` in its path; the local stand-in is a plain QR holding the same `scene=<code>` (or just the
 * code). Anything else is not a check-in code: ''.
 */
export function sceneFromScan(result: { path?: string; result?: string }): string {
  for (const text of [result.path ?? '', result.result ?? '']) {
    const match = /[?&]?scene=([^&#]+)/.exec(text);
    if (match) {
      let value = match[1]!;
      try {
        value = decodeURIComponent(value);
      } catch {
        // left as it was
      }
      if (/^[A-Za-z0-9]{1,32}$/.test(value)) return value;
    }
  }
  const plain = (result.result ?? '').trim();
  return /^[A-Za-z0-9]{1,32}$/.test(plain) ? plain : '';
}
