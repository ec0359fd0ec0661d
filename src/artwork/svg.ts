/** An SVG drawing (320 × 200) as a data URI: one `Image` shows it on weapp and H5, without a file. */
export function svgUri(body: string, viewBox = '0 0 320 200'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">${body}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
