/**
 * What the workbook writer and reader use of fflate. They `import()` this file on the first workbook, so a function
 * starts without it (fflate builds its tables as it loads) and bundles only these names.
 */
export { Unzip, UnzipInflate, strToU8, zipSync } from 'fflate';
