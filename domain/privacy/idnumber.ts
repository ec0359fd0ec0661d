/**
 * Resident ID numbers on the server and in tests: the rules themselves (GB 11643-1999) live in ./labels.ts,
 * which clients import too; re-exported here for the server's importers.
 */
import { checkCharacter } from './labels';

export { MOBILE, checkCharacter, checkIdNumber, type IdCheck } from './labels';

/** Whole years of age on `date` for someone born on `birthDate` (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A valid ID number for tests and demos: region (6 digits), birth date ('YYYY-MM-DD'), sequence 0–999. */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}
