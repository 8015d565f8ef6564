/**
 * Listing records on the blob store (Azurite on loopback): 1,000 small records listed from the
 * listing's metadata, against the same 1,000 as blobs without it (as the store wrote them
 * before), which the listing must download one by one. Prints both times and their ratio.
 *
 *   npx tsx bench/blobListing.bench.ts        (BENCH_RECORDS, BENCH_ROUNDS to change the defaults)
 */
import { BlobServiceClient } from '@azure/storage-blob';
import { startAzurite } from '../devtools/azurite.js';
import { mapAtMost } from '../lib/mapAtMost.js';
import { AzureBlobStore } from '../storage/azureBlobStore.js';

const records = Number(process.env.BENCH_RECORDS ?? 1_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const WRITES_AT_ONCE = 32;

/** An attendance line's size and shape. */
const lineOf = (index: number) => ({
  sessionId: 'T1',
  urn: String(100_000 + index),
  attendeeName: `Head of ${100_000 + index}`,
  attendeeRole: 'Headteacher',
  status: 'present',
  loggedBy: `aad-head-${index}`,
  loggedAt: '2025-10-01T16:00:00.000Z',
});

async function fastest(list: () => Promise<unknown[]>): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const listed = await list();
    if (listed.length !== records) throw new Error(`listed ${listed.length} records, expected ${records}`);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  try {
    const store = new AzureBlobStore(azurite.connectionString, 'bench-listing');
    const indexes = Array.from({ length: records }, (_, index) => index);
    await mapAtMost(indexes, WRITES_AT_ONCE, (index) => store.write(`listed/T1/${index}`, lineOf(index), null));
    const container = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('bench-listing');
    await mapAtMost(indexes, WRITES_AT_ONCE, async (index) => {
      const body = JSON.stringify({ key: `downloaded/T1/${index}`, value: lineOf(index) });
      await container.getBlockBlobClient(`downloaded/T1/${index}`).upload(body, Buffer.byteLength(body));
    });
    const fromMetadata = await fastest(() => store.list('listed/T1/'));
    const downloaded = await fastest(() => store.list('downloaded/T1/'));
    console.log(`${records.toLocaleString('en-GB')} records on Azurite, fastest of ${rounds}:`);
    console.log(`  listed with their metadata: ${Math.round(fromMetadata)} ms`);
    console.log(`  downloaded one by one:      ${Math.round(downloaded)} ms (${(downloaded / fromMetadata).toFixed(1)}× as long)`);
    await store.close();
  } finally {
    await azurite.stop();
  }
}

await main();
