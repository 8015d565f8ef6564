import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from '../../devtools/azurite.js';
import { AzureBlobStore } from '../../storage/azureBlobStore.js';
import { DeliveryRepository, TAKEN_MS } from '../../storage/deliveryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import type { Store } from '../../storage/store.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
let azurite: Azurite | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await Promise.all([azurite?.stop(), dirs.removeAll()]);
});

const REMEMBER_MS = 30 * 60_000;
const T0 = new Date('2025-10-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Two instances' repositories on one store (on blob, a client each). */
const BACKENDS: readonly { name: string; open: () => Promise<{ stores: [Store, Store]; close: () => Promise<void> }> }[] = [
  {
    name: 'the embedded store (lowdb, files)',
    open: async () => {
      const store = new LowdbStore(await dirs.make('deliveries'));
      return { stores: [store, store], close: () => store.close() };
    },
  },
  {
    name: 'Azure Blob Storage (Azurite), two clients',
    open: async () => {
      if (!azurite) throw new Error('Azurite did not start');
      const container = `deliveries-${randomUUID()}`;
      const stores: [Store, Store] = [new AzureBlobStore(azurite.connectionString, container), new AzureBlobStore(azurite.connectionString, container)];
      return { stores, close: async () => void (await Promise.all(stores.map((store) => store.close()))) };
    },
  },
];

describe.each(BACKENDS)('delivery marks on $name', ({ open }) => {
  it('a turn that ends keeps the activity acted on for half an hour; one that dies mid-turn frees it for the next delivery', async () => {
    const { stores, close } = await open();
    try {
      const [a, b] = stores.map((store) => new DeliveryRepository(store, REMEMBER_MS)) as [DeliveryRepository, DeliveryRepository];

      // A turn that runs long renews its claim, and ends.
      const finished = await a.claim('conversation-1', 'activity-1', at(0));
      expect(finished).toBeDefined();
      expect(await b.claim('conversation-1', 'activity-1', at(1_000))).toBeUndefined();
      await finished!.renew(at(TAKEN_MS - 1_000));
      expect(await b.claim('conversation-1', 'activity-1', at(TAKEN_MS + 1_000))).toBeUndefined();
      await finished!.done(at(TAKEN_MS + 2_000));
      expect(await b.claim('conversation-1', 'activity-1', at(10 * 60_000))).toBeUndefined();
      expect(await b.claim('conversation-1', 'activity-1', at(TAKEN_MS + 2_000 + REMEMBER_MS + 1))).toBeDefined();

      // An instance that dies mid-turn stops renewing: Teams' next delivery, after the claim lapses, is acted on.
      const crashed = await a.claim('conversation-1', 'activity-2', at(0));
      expect(crashed).toBeDefined();
      expect(await b.claim('conversation-1', 'activity-2', at(TAKEN_MS - 1))).toBeUndefined();
      const retried = await b.claim('conversation-1', 'activity-2', at(TAKEN_MS + 1));
      expect(retried).toBeDefined();
      // The instance that lost its claim, should it come back, changes nothing of the new one's.
      await crashed!.done(at(TAKEN_MS + 2));
      expect(await a.claim('conversation-1', 'activity-2', at(2 * TAKEN_MS + 10))).toBeDefined();
    } finally {
      await close();
    }
  });
});
