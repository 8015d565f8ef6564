/**
 * Loads a programme year's data into the bot's store, validated first, without a release:
 *
 *   npm run load:calendar -- FILE   a sessions calendar (like data/programme/sessions-2021-22.json)
 *   npm run load:offer -- FILE      a TSI offer year (like data/programme/tsi-offer-2023-24.json)
 *
 * A calendar for another year starts that year: the previous year's attendance is archived.
 * A running bot uses the new data at its next turn. Exits with 1 when the file is refused
 * (every reason printed) and 2 when it cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadProgramme } from '../domain/attendance/programme.js';
import { AttendanceRepository } from '../storage/attendanceRepository.js';
import { OfferRepository } from '../storage/offerRepository.js';
import { ProgrammeRepository } from '../storage/programmeRepository.js';
import { storeFromEnvironment } from './cliStore.js';

const USAGE = 'Usage: npm run load:calendar -- FILE, or npm run load:offer -- FILE';

async function main(args: string[]): Promise<number> {
  const parsed = parseArgs({ args, allowPositionals: true, strict: false, options: { offer: { type: 'boolean', default: false } } });
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${file} as JSON: ${(error as Error).message}`);
    return 2;
  }
  const store = await storeFromEnvironment();
  if (!store) return 2;
  try {
    if (parsed.values.offer === true) {
      const loaded = await new OfferRepository(store).load(json);
      if (!loaded.ok) {
        console.error(`${file} was not loaded.\n${loaded.errors.join('\n')}`);
        return 1;
      }
      console.log(`Loaded the ${loaded.value.year} TSI offer: eligibility checks use it from now on.`);
      return 0;
    }
    const programme = loadProgramme(json);
    if (!programme.ok) {
      console.error(`${file} was not loaded.\n${programme.errors.join('\n')}`);
      return 1;
    }
    const { newYear, archived } = await new ProgrammeRepository(store).replace(programme.value, new AttendanceRepository(store));
    console.log(
      newYear
        ? `Started the ${programme.value.year} programme (${programme.value.sessions.length} sessions); ${archived} attendance records of the previous year were archived.`
        : `Replaced the ${programme.value.year} calendar (${programme.value.sessions.length} sessions); attendance logged so far is kept.`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
