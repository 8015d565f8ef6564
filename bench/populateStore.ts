import { access, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LowdbStore } from '../storage/lowdbStore.js';

/**
 * Fills a data directory with `count` records spread over the collections the journeys use
 * (other people's profiles, eligibility checks, attendance, conversations) so that a benchmark
 * on it meets a store the size of a busy year. Reuses a directory already filled to that count.
 * Returns whether it had to fill it.
 */
export async function populateStore(dataDir: string, count: number): Promise<boolean> {
  const marker = path.join(dataDir, `populated-${count}`);
  try {
    await access(marker);
    return false;
  } catch {
    // not yet populated
  }
  const store = new LowdbStore(dataDir);
  const batch = 256;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, offset) => {
        const i = start + offset;
        const urn = String(100000 + (i % 50_000));
        switch (i % 4) {
          case 0:
            return store.write(`profiles/filler-${i}`, { kind: 'school', aadObjectId: `filler-${i}`, name: `Filler ${i}`, urn, role: 'staff', updatedAt: '2024-01-01T00:00:00.000Z' }, '*');
          case 1:
            return store.write(`eligibility/filler-${i % 100_000}/2024-01-01T00:00:00.000Z-${i}`, { urn, status: 'not_eligible' }, '*');
          case 2:
            return store.write(`attendance/records/S${i % 12}/${urn}/filler-${i}`, { status: 'present', urn }, '*');
          default:
            return store.write(`conversations/by-id/filler-${i}`, { kind: 'personal', savedAt: '2024-01-01T00:00:00.000Z' }, '*');
        }
      }),
    );
    if (start % 100_000 === 0 && start > 0) console.log(`  …${start.toLocaleString('en-GB')} records`);
  }
  await store.close();
  await writeFile(marker, new Date().toISOString());
  return true;
}
