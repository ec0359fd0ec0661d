import type { Zippable } from 'fflate';
import { neutralizeCell } from '../core/csv';

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

const DEFAULT_WIDTH = 16;
/** Rows written between two hand-backs of the event loop (a 20,000-row export is not one long task). */
const CHUNK = 1000;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data: markup escaped, and the characters XML 1.0 cannot hold at all dropped. */
function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- these are exactly the characters being removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** A, B, … Z, AA, AB, … for the 0-based column `index`. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetNames(sheets: Sheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((sheet, i) => {
    let name = sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || `Sheet${i + 1}`;
    if (used.has(name)) name = `${name.slice(0, 27)} (${i + 1})`;
    used.add(name);
    return name;
  });
}

/**
 * An .xlsx workbook as base64, for `{ filename, base64 }` answers: one worksheet a sheet, its header row bold, the
 * columns at their widths. Text cells stay text (a string is never written as a formula) and are neutralized as
 * the CSV export does, in case one is saved as CSV. Written here on fflate (the zip) rather than with a
 * spreadsheet library, so the functions that export stay small and load fast (`npm run bench`); read back in tests
 * with exceljs.
 */
export async function workbookBase64(sheets: Sheet[]): Promise<string> {
  // Loaded on the first workbook, not when the function starts (fflate builds its tables as it loads).
  const { strToU8, zipSync } = await import('./xlsx-libs');
  const strings = new Map<string, number>();
  const shared = (value: string) => {
    let index = strings.get(value);
    if (index === undefined) {
      index = strings.size;
      strings.set(value, index);
    }
    return index;
  };
  const cellXml = (ref: string, cell: Cell, style = ''): string => {
    if (cell === null) return '';
    if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${style}><v>${cell}</v></c>` : '';
    return `<c r="${ref}"${style} t="s"><v>${shared(neutralizeCell(cell))}</v></c>`;
  };

  const files: Zippable = {};
  const names = sheetNames(sheets);
  for (const [s, sheet] of sheets.entries()) {
    const columns = sheet.columns.map((_, i) => columnName(i));
    const parts: string[] = [
      `${HEAD}<worksheet xmlns="${MAIN}"><cols>`,
      ...sheet.columns.map(
        (c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? DEFAULT_WIDTH}" customWidth="1"/>`,
      ),
      '</cols><sheetData><row r="1">',
      ...sheet.columns.map((c, i) => cellXml(`${columns[i]}1`, c.header, ' s="1"')),
      '</row>',
    ];
    for (let i = 0; i < sheet.rows.length; i += 1) {
      if (i > 0 && i % CHUNK === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const r = i + 2;
      const cells = sheet.rows[i]!.map((cell, c) => cellXml(`${columns[c] ?? columnName(c)}${r}`, cell)).join('');
      parts.push(`<row r="${r}">${cells}</row>`);
    }
    parts.push('</sheetData></worksheet>');
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(parts.join(''));
  }

  const sst = [`${HEAD}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">`];
  for (const value of strings.keys()) sst.push(`<si><t xml:space="preserve">${xmlText(value)}</t></si>`);
  sst.push('</sst>');

  const sheetIds = sheets.map((_, s) => s + 1);
  Object.assign(files, {
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>` +
        sheetIds
          .map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${TYPE}.worksheet+xml"/>`)
          .join('') +
        `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE}.sharedStrings+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        sheetIds.map((n, s) => `<sheet name="${xmlText(names[s]!)}" sheetId="${n}" r:id="rId${n}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        sheetIds
          .map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    // Style 0 plain, style 1 bold (the header row).
    'xl/styles.xml': strToU8(
      `${HEAD}<styleSheet xmlns="${MAIN}">` +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ),
    'xl/sharedStrings.xml': strToU8(sst.join('')),
  });
  return Buffer.from(zipSync(files, { level: 6 })).toString('base64');
}
