/**
 * Imports a Get Information about Schools establishment CSV into the directory:
 *
 *   npm run import:schools -- FILE [--encoding auto|utf-8|windows-1252]
 *
 * The store is the bot's (STORE, DATA_DIR, AZURE_STORAGE_CONNECTION_STRING,
 * AZURE_STORAGE_CONTAINER, as for the bot). Prints what was imported, skipped and refused;
 * exits with 1 when the file is refused whole (not a GIAS file, or empty) and 2 when it
 * cannot be read. A running bot sees the schools after its next start.
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { TEXT_ENCODINGS } from '../domain/directory/giasText.js';
import { SHIPPED_LIAISON_GROUPS } from '../domain/directory/liaisonGroups.js';
import { createStore } from '../storage/createStore.js';
import { DirectoryRepository, importSchools, type ImportReport } from '../storage/directoryRepository.js';

const USAGE = 'Usage: npm run import:schools -- FILE [--encoding auto|utf-8|windows-1252]';
const REFUSALS_SHOWN = 200;

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const StoreEnvironmentSchema = z.object({
  STORE: z.enum(['lowdb', 'azure-blob']).default('lowdb'),
  DATA_DIR: z.string().min(1).default('./data'),
  AZURE_STORAGE_CONNECTION_STRING: z.preprocess(emptyAsUndefined, z.string().optional()),
  AZURE_STORAGE_CONTAINER: z.string().min(1).default('school-improvement-bot'),
});

function printReport(file: string, report: ImportReport): void {
  const rows: [string, number][] = [
    ['rows read', report.read],
    ['imported', report.imported],
    ['skipped (closed)', report.skippedClosed],
    ['refused', report.refused.length],
  ];
  console.log(`Imported schools from ${file}`);
  for (const [label, count] of rows) console.log(`  ${label.padEnd(18)}${String(count).padStart(8)}`);
  if (report.refused.length === 0) return;
  console.log('Refused rows:');
  for (const row of report.refused.slice(0, REFUSALS_SHOWN)) {
    console.log(`  line ${row.line}${row.urn === undefined ? '' : ` (URN ${row.urn})`}: ${row.reason}`);
  }
  if (report.refused.length > REFUSALS_SHOWN) console.log(`  … and ${report.refused.length - REFUSALS_SHOWN} more`);
}

async function main(args: string[]): Promise<number> {
  let file: string | undefined;
  let encoding: (typeof TEXT_ENCODINGS)[number];
  try {
    const parsed = parseArgs({ args, allowPositionals: true, options: { encoding: { type: 'string', default: 'auto' } } });
    file = parsed.positionals[0];
    const chosen = z.enum(TEXT_ENCODINGS).safeParse(parsed.values.encoding);
    if (!file || parsed.positionals.length > 1 || !chosen.success) {
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

  const environment = StoreEnvironmentSchema.safeParse(process.env);
  if (!environment.success) {
    console.error(environment.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('\n'));
    return 2;
  }
  const store = await createStore(environment.data);
  try {
    const repository = await DirectoryRepository.open(store);
    await repository.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
    const imported = await importSchools(createReadStream(file), repository, { encoding });
    if (!imported.ok) {
      console.error(`${file} was not imported.\n${imported.errors.join('\n')}`);
      return 1;
    }
    printReport(file, imported.value);
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
