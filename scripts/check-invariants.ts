/**
 * `npm run check:invariants [-- DATA_DIR]`: opens a data folder read-only (no LOCK, nothing cut or
 * rewritten: every file stays byte-for-byte as it was) and prints every invariant of DESIGN.md with
 * how many documents break it. Exits 1 if any does, 2 if the folder cannot be read (a corrupt file is
 * named with its line), never reporting 0 violations for data it could not read.
 */
import path from 'node:path';
import { checkBookingInvariants } from '../domain/booking';
import { setting } from '../domain/core/config';
import { LocalDatabase } from '../domain/db/local/engine';
import { checkPointsInvariants, type InvariantReport } from '../domain/points';
import { checkVaccineInvariants } from '../domain/vaccine';
import { checkRequestInvariants } from '../domain/requests';
import { checkMapInvariants } from '../domain/map';

export async function checkAll(db: LocalDatabase): Promise<(InvariantReport & { area: string })[]> {
  const tag = (area: string) => (reports: InvariantReport[]) => reports.map((r) => ({ area, ...r }));
  return [
    ...tag('积分')(await checkPointsInvariants(db)),
    ...tag('驿站预约')(await checkBookingInvariants(db)),
    ...tag('疫苗接种')(await checkVaccineInvariants(db)),
    ...tag('群众点单')(await checkRequestInvariants(db)),
    ...tag('红色打卡')(await checkMapInvariants(db)),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  // A folder given on the command line is relative to where you are; DATA_DIR, as for the server, to the project root.
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.resolve(__dirname, '..', setting('DATA_DIR'));
  let db: LocalDatabase;
  try {
    db = LocalDatabase.open(dir, { readOnly: true });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  checkAll(db)
    .then(async (reports) => {
      const width = Math.max(...reports.map((r) => r.name.length));
      for (const r of reports)
        console.log(`${r.violations === 0 ? 'ok  ' : 'FAIL'}  ${r.area}  ${r.name.padEnd(width)}  ${r.violations}`);
      await db.close();
      const broken = reports.filter((r) => r.violations > 0).length;
      console.log(
        broken === 0
          ? `\n${reports.length} invariants, 0 violations (${dir})`
          : `\n${broken} of ${reports.length} invariants broken (${dir})`,
      );
      process.exit(broken === 0 ? 0 : 1);
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await db.close();
      process.exit(2);
    });
}
