/**
 * A child process for the crash test: writes records to a LowdbStore in a loop and prints each
 * iteration number on its own line only after that iteration's writes have resolved, so that the
 * parent knows which writes were acknowledged when it kills this process.
 *
 * Usage: storeWriter.ts <dataDir> <paddingLength>
 * Each value carries `paddingLength` characters of padding, so that a kill can land while a file
 * is half written.
 */
import { LowdbStore } from '../../storage/lowdbStore.js';

/** Bounds the loop in case the parent dies before it can kill this process. */
const LAST_ITERATION = 20_000;

const [dataDir, paddingLength] = process.argv.slice(2);
if (dataDir === undefined || paddingLength === undefined) {
  process.stderr.write('usage: storeWriter.ts <dataDir> <paddingLength>\n');
  process.exit(2);
}
const padding = 'p'.repeat(Number(paddingLength));
const store = new LowdbStore(dataDir);
for (let iteration = 0; iteration <= LAST_ITERATION; iteration++) {
  await store.write(`crash/records/${iteration}`, { iteration, padding }, null);
  await store.write('crash/counter', { iteration, padding }, '*');
  process.stdout.write(`${iteration}\n`);
}
