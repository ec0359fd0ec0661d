/**
 * `npm run config:table`: writes the README's table of environment settings from domain/core/config.ts, between
 * the `config-table` marker comments; a test fails when the README differs from what this would write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PLACES, settingRows } from '../domain/core/config';

export const README_PATH = path.resolve(__dirname, '..', 'README.md');
export const START_MARKER = '<!-- config-table:start -->';
export const END_MARKER = '<!-- config-table:end -->';

/** A table cell: no pipes or line breaks may leak into the markdown. */
const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The generated block, markers included. */
export function renderConfigTable(): string {
  const rows = settingRows().map((row) => {
    const places = row.places
      .map((place) =>
        place === 'cloud' && row.functions.length > 0
          ? `${PLACES[place]}（${row.functions.map((f) => `\`${f}\``).join('、')}）`
          : PLACES[place],
      )
      .join('；');
    const fallback = row.defaultText === '' ? '—' : `\`${row.defaultText}\``;
    return `| \`${row.name}\` | ${cell(places)} | ${cell(fallback)} | ${cell(row.description)} |`;
  });
  return [
    START_MARKER,
    '<!-- Written by `npm run config:table` from domain/core/config.ts; edit the table there. -->',
    '',
    '| 变量 setting | 作用于 applies to | 默认 default | 说明 description |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    END_MARKER,
  ].join('\n');
}

/** The README with its table replaced by the generated one; throws when the markers are missing. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} block`);
  return readme.slice(0, start) + renderConfigTable() + readme.slice(end + END_MARKER.length);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const before = fs.readFileSync(README_PATH, 'utf8');
  const after = withConfigTable(before);
  if (after !== before) fs.writeFileSync(README_PATH, after);
  console.log(
    after === before ? 'README.md: the settings table is current' : 'README.md: the settings table rewritten',
  );
}
