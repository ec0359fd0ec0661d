/**
 * Reads the cells of one sheet of an .xlsx, bounded before any loop can run away: the zip is inflated in
 * small steps and its inflated bytes counted as they come (never trusting the sizes it declares), a sheet
 * that declares or holds a row past `maxRows` is refused, and only the rows that exist are walked.
 * fflate (zip) and saxes (XML) are small, and loaded on the first workbook read, not when the function starts
 * (fflate builds its tables as it loads).
 */
import type { UnzipFile } from 'fflate';
import type { SaxesTagPlain } from 'saxes';

let libraries: (typeof import('./xlsx-libs') & typeof import('saxes')) | null = null;
async function loadLibraries() {
  if (!libraries) {
    const [zip, saxes] = await Promise.all([import('./xlsx-libs'), import('saxes')]);
    libraries = { ...zip, ...saxes };
  }
  return libraries;
}

export interface SheetLimits {
  /** Inflated bytes of the parts read (workbook, its relations, shared strings, the sheet), in all. */
  maxInflatedBytes: number;
  /** The highest row number accepted (header included). */
  maxRow: number;
  /** The highest column number accepted. */
  maxColumn: number;
}

/** Why a workbook was refused; the caller words it for its users. */
export type SheetRefusal = 'unreadable' | 'no-sheet' | 'too-large' | 'too-many-rows';
export class SheetError extends Error {
  constructor(readonly reason: SheetRefusal) {
    super(reason);
  }
}

/** Rows that exist, in order: each a row number and its cells by column number (1-based). */
export type SheetRows = { row: number; cells: Map<number, string> }[];

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** Compressed bytes handed to the inflater at a time: the output of one step stays small even for a bomb. */
const STEP = 1024;

/** Inflates the parts `wanted` names, counting every inflated byte; past the limit, stops with `too-large`. */
function unzipParts(zip: Uint8Array, wanted: (name: string) => boolean, maxBytes: number): Map<string, Uint8Array> {
  const { Unzip, UnzipInflate } = libraries!;
  const parts = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: SheetError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (failure || !wanted(file.name) || parts.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new SheetError('unreadable');
        return;
      }
      total += chunk.length;
      if (total > maxBytes) {
        failure = new SheetError('too-large');
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  };
  try {
    for (let at = 0; at < zip.length && !failure; at += STEP)
      unzip.push(zip.subarray(at, at + STEP), at + STEP >= zip.length);
  } catch {
    throw new SheetError('unreadable');
  }
  if (failure) throw failure;
  return new Map([...parts].map(([name, chunks]) => [name, Buffer.concat(chunks)]));
}

/** Runs saxes over `bytes`, calling `open`/`close`/`text` as elements go by; a malformed document is unreadable. */
function walkXml(
  bytes: Uint8Array | undefined,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  if (!bytes) return;
  const parser = new libraries!.SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(tag.name));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).close();
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw new SheetError('unreadable');
  }
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
};

/** The zip path of the sheet named `sheetName`, else of the first sheet. */
function sheetPath(parts: Map<string, Uint8Array>, sheetName: string): string {
  const sheets: { name: string; rid: string }[] = [];
  walkXml(parts.get(WORKBOOK), {
    open: (tag) =>
      void (local(tag.name) === 'sheet' && sheets.push({ name: attr(tag, 'name') ?? '', rid: attr(tag, 'id') ?? '' })),
  });
  const targets = new Map<string, string>();
  walkXml(parts.get(WORKBOOK_RELS), {
    open: (tag) =>
      void (local(tag.name) === 'Relationship' && targets.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '')),
  });
  const sheet = sheets.find((s) => s.name === sheetName) ?? sheets[0];
  const target = sheet ? targets.get(sheet.rid) : undefined;
  if (!target) throw new SheetError('no-sheet');
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

function sharedStrings(bytes: Uint8Array | undefined): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  walkXml(bytes, {
    open: (tag) => {
      const name = local(tag.name);
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
    },
    close: (name) => {
      if (local(name) === 't') inText = false;
      else if (local(name) === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

/** Column number of a reference like `AB12` (1-based), or 0 when it is not one. */
function columnOf(ref: string | undefined): number {
  const letters = /^([A-Z]{1,3})\d+$/.exec(ref ?? '')?.[1];
  if (!letters) return 0;
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}
const rowOfRef = (ref: string): number => Number(/\d+$/.exec(ref)?.[0] ?? 0);

/** A number cell as it was typed: 13800000000 rather than 1.38E10. */
function numberText(raw: string): string {
  const n = Number(raw);
  return Number.isFinite(n) && /e/i.test(raw) && Number.isSafeInteger(n) ? String(n) : raw.trim();
}

/** The rows of the sheet named `sheetName` (or the first), as text, within `limits`. */
export async function readSheet(file: Uint8Array, sheetName: string, limits: SheetLimits): Promise<SheetRows> {
  await loadLibraries();
  const wanted = new Set([WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS]);
  const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/.test(name);
  const parts = unzipParts(file, (name) => wanted.has(name) || isSheet(name), limits.maxInflatedBytes);
  const sheet = parts.get(sheetPath(parts, sheetName));
  if (!sheet) throw new SheetError('no-sheet');
  const strings = sharedStrings(parts.get(SHARED_STRINGS));

  const rows: SheetRows = [];
  let row: { row: number; cells: Map<number, string> } | null = null;
  let cell: { column: number; type: string; value: string } | null = null;
  let inValue = false;
  let lastRow = 0;
  walkXml(sheet, {
    open: (tag) => {
      switch (local(tag.name)) {
        case 'dimension': {
          // The sheet's own claim of its extent: refused on the claim, before a row is read.
          const last = (attr(tag, 'ref') ?? '').split(':').at(-1) ?? '';
          if (rowOfRef(last) > limits.maxRow) throw new SheetError('too-many-rows');
          break;
        }
        case 'row': {
          const number = Number(attr(tag, 'r') ?? lastRow + 1);
          if (!Number.isSafeInteger(number) || number <= lastRow) throw new SheetError('unreadable');
          if (number > limits.maxRow) throw new SheetError('too-many-rows');
          lastRow = number;
          row = { row: number, cells: new Map() };
          break;
        }
        case 'c': {
          const column = columnOf(attr(tag, 'r')) || (row ? row.cells.size + 1 : 0);
          cell = column > 0 && column <= limits.maxColumn ? { column, type: attr(tag, 't') ?? 'n', value: '' } : null;
          break;
        }
        case 'v':
        case 't':
          inValue = cell !== null;
          break;
      }
    },
    close: (name) => {
      switch (local(name)) {
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'c':
          if (cell && row) {
            const text =
              cell.type === 's'
                ? (strings[Number(cell.value)] ?? '')
                : cell.type === 'n'
                  ? numberText(cell.value)
                  : cell.value;
            if (text.trim() !== '') row.cells.set(cell.column, text.trim());
          }
          cell = null;
          break;
        case 'row':
          if (row && row.cells.size > 0) rows.push(row);
          row = null;
          break;
      }
    },
    text: (text) => {
      if (inValue && cell) cell.value += text;
    },
  });
  return rows;
}
