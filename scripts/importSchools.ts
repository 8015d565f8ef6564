/**
 * Imports a Get Information about Schools establishment CSV into the directory, or (with
 * --membership) the School Improvement Team's liaison-group membership CSV (`URN,liaison group`),
 * or (with --signups) the universal offer's sign-up survey (`URN,Signed up`):
 *
 *   npm run import:schools -- FILE [--encoding auto|utf-8|windows-1252]
 *   npm run import:membership -- FILE [--encoding …]
 *   npm run import:signups -- FILE [--by AAD_OBJECT_ID] [--encoding …]
 *
 * A sign-up is recorded as made by `--by` (the SIT administrator's AAD object id, so that "what
 * do you hold about me" lists it) or, without it, by 'import', which names no one.
 *
 * The store is the bot's (STORE, DATA_DIR, AZURE_STORAGE_CONNECTION_STRING,
 * AZURE_STORAGE_CONTAINER, as for the bot). Prints what was imported, skipped and refused;
 * exits with 1 when the file is refused whole (not the right kind of file, or empty) and 2
 * when it cannot be read. A running bot sees the change within DIRECTORY_REFRESH_SECONDS.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TEXT_ENCODINGS } from '../domain/directory/giasText.js';
import { SHIPPED_LIAISON_GROUPS } from '../domain/directory/liaisonGroups.js';
import { NOT_A_PERSON } from '../domain/attendance/signUp.js';
import { DirectoryRepository, importMembership, importSchools, type ImportReport, type MembershipReport } from '../storage/directoryRepository.js';
import { importSignUps, SignUpRepository, type SignUpImportReport } from '../storage/signUpRepository.js';
import { printRefusedRows, storeFromEnvironment } from './cliStore.js';

const USAGE = 'Usage: npm run import:schools -- FILE [--encoding auto|utf-8|windows-1252] (or import:membership, or import:signups -- FILE [--by AAD_OBJECT_ID])';

function printSchoolsReport(file: string, report: ImportReport): void {
  printCounts(`Imported schools from ${file}`, [
    ['rows read', report.read],
    ['imported', report.imported],
    ['skipped (closed)', report.skippedClosed],
    ['refused', report.refused.length],
  ]);
  for (const line of report.columnsMissing) console.log(`  ${line}`);
  printRefusedRows(report.refused);
}

function printMembershipReport(file: string, report: MembershipReport): void {
  printCounts(`Imported liaison-group membership from ${file}`, [
    ['rows read', report.read],
    ['placed', report.placed],
    ['of which moved', report.moved],
    ['refused', report.refused.length],
  ]);
  printRefusedRows(report.refused);
}

function printSignUpReport(file: string, report: SignUpImportReport): void {
  printCounts(`Imported sign-ups to the universal offer from ${file}`, [
    ['rows read', report.read],
    ['signed up', report.signedUp],
    ['withdrawn', report.withdrawn],
    ['refused', report.refused.length],
  ]);
  printRefusedRows(report.refused);
}

function printCounts(title: string, rows: [string, number][]): void {
  console.log(title);
  for (const [label, count] of rows) console.log(`  ${label.padEnd(18)}${String(count).padStart(8)}`);
}

async function main(args: string[]): Promise<number> {
  let file: string | undefined;
  let encoding: (typeof TEXT_ENCODINGS)[number];
  let membership: boolean;
  let signUps: boolean;
  let by: string;
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        encoding: { type: 'string', default: 'auto' },
        membership: { type: 'boolean', default: false },
        signups: { type: 'boolean', default: false },
        by: { type: 'string', default: 'import' },
      },
    });
    membership = parsed.values.membership;
    signUps = parsed.values.signups;
    by = parsed.values.by.trim();
    file = parsed.positionals[0];
    const chosen = z.enum(TEXT_ENCODINGS).safeParse(parsed.values.encoding);
    // --by names a person, only for sign-ups; 'migration' is kept for the one-off migration.
    const badBy = by !== 'import' && (!signUps || by === '' || (NOT_A_PERSON as readonly string[]).includes(by));
    if (!file || parsed.positionals.length > 1 || !chosen.success || (membership && signUps) || badBy) {
      console.error(USAGE);
      return 2;
    }
    encoding = chosen.data;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  try {
    await access(file);
  } catch {
    console.error(`Cannot read ${file}: no such file, or no permission to read it.`);
    return 2;
  }

  const store = await storeFromEnvironment();
  if (!store) return 2;
  try {
    const repository = await DirectoryRepository.open(store);
    await repository.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
    const imported = signUps
      ? await importSignUps(createReadStream(file), repository, new SignUpRepository(store), { by, now: new Date(), encoding })
      : membership
        ? await importMembership(createReadStream(file), repository, { encoding })
        : await importSchools(createReadStream(file), repository, { encoding });
    if (!imported.ok) {
      console.error(`${file} was not imported.\n${imported.errors.join('\n')}`);
      return 1;
    }
    if ('withdrawn' in imported.value) printSignUpReport(file, imported.value);
    else if ('placed' in imported.value) printMembershipReport(file, imported.value);
    else printSchoolsReport(file, imported.value);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
