/** What the command-line tools share: the bot's store, chosen by the same environment as the bot's. */
import { z } from 'zod';
import { createStore } from '../storage/createStore.js';
import type { Store } from '../storage/store.js';

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const StoreEnvironmentSchema = z.object({
  STORE: z.enum(['lowdb', 'azure-blob']).default('lowdb'),
  DATA_DIR: z.string().min(1).default('./data'),
  AZURE_STORAGE_CONNECTION_STRING: z.preprocess(emptyAsUndefined, z.string().optional()),
  AZURE_STORAGE_CONTAINER: z.string().min(1).default('school-improvement-bot'),
});

/** The store the environment names, or the problems with the environment (printed, exit code 2). */
export async function storeFromEnvironment(): Promise<Store | undefined> {
  const environment = StoreEnvironmentSchema.safeParse(process.env);
  if (!environment.success) {
    console.error(environment.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('\n'));
    return undefined;
  }
  return createStore(environment.data);
}

/** A refused row as the import commands print it. */
export function printRefusedRows(refused: readonly { line: number; urn?: string; reason: string }[], shown = 200): void {
  if (refused.length === 0) return;
  console.log('Refused rows:');
  for (const row of refused.slice(0, shown)) console.log(`  line ${row.line}${row.urn === undefined ? '' : ` (URN ${row.urn})`}: ${row.reason}`);
  if (refused.length > shown) console.log(`  … and ${refused.length - shown} more`);
}
