import { describe, expect, it } from 'vitest';
import { DirectoryRepository, importMembership, importSchools } from '../../storage/directoryRepository.js';
import type { Store } from '../../storage/store.js';
import { sharedStoreBackends } from '../support/sharedStores.js';

const BACKENDS = sharedStoreBackends('directory-snapshot');

/** A store that counts the listings of every school: what opening the directory used to cost. */
class CountingStore implements Store {
  schoolListings = 0;
  constructor(private readonly inner: Store) {}
  read: Store['read'] = (key) => this.inner.read(key);
  write: Store['write'] = (key, value, condition) => this.inner.write(key, value, condition);
  delete: Store['delete'] = (key, condition) => this.inner.delete(key, condition);
  list: Store['list'] = (prefix) => {
    if (prefix === 'directory/schools/') this.schoolListings++;
    return this.inner.list(prefix);
  };
  close = () => this.inner.close();
}

const GIAS = (rows: readonly (readonly [string, string])[]) => ['URN,EstablishmentName\n', ...rows.map(([urn, name]) => `${urn},${name}\n`)];
const A_MINUTE_ON = () => Date.now() + 60_000;

describe.each(BACKENDS)('the directory snapshot on $name', ({ open }) => {
  it('an instance opens an imported directory with one read, and sees a later import at its next check without listing the schools', async () => {
    const shared = await open();
    const instance = () => new CountingStore(shared.instance());
    const close = () => shared.close();
    try {
      const importerStore = instance();
      const importer = await DirectoryRepository.open(importerStore);
      expect((await importSchools(GIAS([['110001', 'Fictional Ash Primary School'], ['110002', 'Fictional Birch Academy']]), importer)).ok).toBe(true);

      const otherStore = instance();
      const other = await DirectoryRepository.open(otherStore, { refreshEveryMs: 60_000 });
      expect(other.schoolCount).toBe(2);
      expect(other.findSchools('Birch')[0]?.school.urn).toBe('110002');

      expect((await importSchools(GIAS([['110003', 'Fictional Cedar Infant School']]), importer)).ok).toBe(true);
      await other.refreshIfStale(A_MINUTE_ON());
      expect(other.findSchools('Cedar')[0]?.school.urn).toBe('110003');
      expect(other.schoolCount).toBe(3);
      expect(otherStore.schoolListings).toBe(0);
    } finally {
      await close();
    }
  });

  it('after a change made without a snapshot, the first instance to notice lists the schools once and the rest read its snapshot', async () => {
    const shared = await open();
    const instance = () => new CountingStore(shared.instance());
    const close = () => shared.close();
    try {
      const first = await DirectoryRepository.open(instance());
      await first.addLiaisonGroupsIfMissing([
        { id: 'lg-01', name: 'Liaison group 1' },
        { id: 'lg-02', name: 'Liaison group 2' },
      ]);
      await importSchools(GIAS([['110001', 'Fictional Ash Primary School']]), first);
      const [secondStore, thirdStore] = [instance(), instance()];
      const [second, third] = await Promise.all([DirectoryRepository.open(secondStore, { refreshEveryMs: 60_000 }), DirectoryRepository.open(thirdStore, { refreshEveryMs: 60_000 })]);

      // One school moved to a group: a change of its own, which writes no snapshot.
      expect((await first.setLiaisonGroupOf('110001', 'lg-01')).ok).toBe(true);
      await second.refreshIfStale(A_MINUTE_ON());
      await third.refreshIfStale(A_MINUTE_ON());
      for (const directory of [second, third]) expect(directory.schoolsInLiaisonGroup('lg-01').map((school) => school.urn)).toEqual(['110001']);
      expect(secondStore.schoolListings + thirdStore.schoolListings).toBe(1);

      // A membership import writes the snapshot when it is done.
      expect((await importMembership(['URN,liaison group\n', '110001,lg-02\n'], first)).ok).toBe(true);
      const fourthStore = instance();
      const fourth = await DirectoryRepository.open(fourthStore);
      expect(fourth.schoolsInLiaisonGroup('lg-02').map((school) => school.urn)).toEqual(['110001']);
      expect(fourthStore.schoolListings).toBe(0);
    } finally {
      await close();
    }
  });
});
