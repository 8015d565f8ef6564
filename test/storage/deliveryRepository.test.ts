import { describe, expect, it } from 'vitest';
import { DeliveryRepository, TAKEN_MS } from '../../storage/deliveryRepository.js';
import { removeExpired, type Store } from '../../storage/store.js';
import { sharedStoreBackends } from '../support/sharedStores.js';

const BACKENDS = sharedStoreBackends('deliveries');

const REMEMBER_MS = 30 * 60_000;
const T0 = new Date('2025-10-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(BACKENDS)('delivery marks on $name', ({ open }) => {
  it('a turn that ends keeps the activity acted on for half an hour; one that dies mid-turn frees it for the next delivery', async () => {
    const { instance, close } = await open();
    try {
      const [a, b] = [new DeliveryRepository(instance(), REMEMBER_MS), new DeliveryRepository(instance(), REMEMBER_MS)];

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

  it('expired records (delivery marks, export files) are removed, except what has not expired and what another instance renewed meanwhile; any other failure is reported', async () => {
    const { instance, close } = await open();
    try {
      const [store, other] = [instance(), instance()];
      const expiring = (ms: number) => ({ expiresAt: at(ms).toISOString() });
      await store.write('marks/old', expiring(-1), '*');
      await store.write('marks/now', expiring(0), '*');
      await store.write('marks/later', expiring(1), '*');
      await store.write('marks/renewed', expiring(-1), '*');
      // Another instance renews this one between the listing and the removal.
      const racing: Store = {
        list: (prefix) => store.list(prefix),
        read: (key) => store.read(key),
        write: (key, value, condition) => store.write(key, value, condition),
        close: () => store.close(),
        delete: async (key, condition) => {
          if (key === 'marks/renewed') await other.write(key, expiring(REMEMBER_MS), '*');
          return store.delete(key, condition);
        },
      };

      expect(await removeExpired(racing, 'marks/', T0)).toBe(2);
      expect((await store.list('marks/')).map((record) => record.key).sort()).toEqual(['marks/later', 'marks/renewed']);

      await store.write('marks/old', expiring(-1), '*');
      const failing: Store = { ...racing, delete: () => Promise.reject(new Error('disk full')) };
      await expect(removeExpired(failing, 'marks/', T0)).rejects.toThrow('disk full');
    } finally {
      await close();
    }
  });
});
