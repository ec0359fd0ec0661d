/**
 * Line icons (24 × 24, stroked) drawn as SVG data URIs, so one `Image` shows them on weapp and H5
 * without a font or a file per icon. `iconUri(name, colour)` paints one in the colour asked for.
 */
const PATHS = {
  gift: '<rect x="3" y="8" width="18" height="4" rx="1"/><path d="M5 12v8h14v-8M12 8v12M12 8c-1.5-3-5-4-5-1.5S10 8 12 8zm0 0c1.5-3 5-4 5-1.5S14 8 12 8z"/>',
  flag: '<path d="M5 21V4M5 4h11l-2 3.5L16 11H5"/><path d="M9 21h-6M5 21h4"/>',
  syringe: '<path d="M18 2l4 4M20 4l-9.5 9.5M15 5l4 4M14 6l-9 9-2 4 4-2 9-9M8 12l2 2M11 9l2 2"/>',
  calendar: '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4M8 14h3M8 17h6"/>',
  bell: '<path d="M6 17V11a6 6 0 1112 0v6l2 2H4l2-2zM10 21h4"/>',
  star: '<path d="M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2L12 17.3 6.5 20.2l1-6.2L3 9.6l6.2-.9L12 3z"/>',
  bag: '<path d="M5 8h14l-1 13H6L5 8z"/><path d="M9 8V6a3 3 0 016 0v2"/>',
  trophy: '<path d="M8 4h8v5a4 4 0 01-8 0V4zM8 6H4v1a4 4 0 004 4M16 6h4v1a4 4 0 01-4 4M12 13v4M8 21h8M9 17h6v4H9z"/>',
  scan: '<path d="M4 8V5a1 1 0 011-1h3M16 4h3a1 1 0 011 1v3M20 16v3a1 1 0 01-1 1h-3M8 20H5a1 1 0 01-1-1v-3M4 12h16"/>',
  list: '<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M8 8h8M8 12h8M8 16h5"/>',
  gear: '<circle cx="12" cy="12" r="3"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1"/>',
  people:
    '<circle cx="9" cy="8" r="3"/><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6"/><circle cx="17" cy="9" r="2.5"/><path d="M16 14c2.8 0 5 2.2 5 5"/>',
  home: '<path d="M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10"/>',
  book: '<path d="M4 5a2 2 0 012-2h13v16H6a2 2 0 00-2 2V5z"/><path d="M4 21a2 2 0 012-2h13M9 7h6M9 11h6"/>',
  rice: '<path d="M4 11h16l-1.5 8a2 2 0 01-2 1.6h-9a2 2 0 01-2-1.6L4 11z"/><path d="M8 11c0-3 1.5-6 4-7 2.5 1 4 4 4 7M12 4v7"/>',
  bottle: '<path d="M10 2h4v3l2 3v12a2 2 0 01-2 2h-4a2 2 0 01-2-2V8l2-3V2z"/><path d="M8 12h8"/>',
  towel: '<rect x="5" y="3" width="14" height="18" rx="2"/><path d="M5 15h14M9 18h6"/>',
  umbrella: '<path d="M12 3a9 9 0 019 9H3a9 9 0 019-9zM12 12v7a2 2 0 01-4 0M12 2v1"/>',
  ticket:
    '<path d="M3 7a2 2 0 002-2h14a2 2 0 002 2v2a3 3 0 000 6v2a2 2 0 00-2 2H5a2 2 0 00-2-2v-2a3 3 0 000-6V7z"/><path d="M14 5v14" stroke-dasharray="2 2"/>',
  heart: '<path d="M12 20s-8-4.8-8-10.5A4.5 4.5 0 0112 6a4.5 4.5 0 018 3.5C20 15.2 12 20 12 20z"/>',
  building: '<path d="M4 21V8l8-5 8 5v13M4 21h16M9 21v-5h6v5M8 11h2M14 11h2"/>',
  pin: '<path d="M12 21s-7-6.2-7-11.5a7 7 0 0114 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>',
} as const;

export type IconName = keyof typeof PATHS;

export function iconUri(name: IconName, colour = '#c8161d'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round">${PATHS[name]}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
