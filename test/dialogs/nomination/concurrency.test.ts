import { afterEach, describe, expect, it } from 'vitest';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { newNomination } from '../../../domain/nomination/nomination.js';
import { NominationRepository } from '../../../storage/nominationRepository.js';
import { LowdbStore } from '../../../storage/lowdbStore.js';
import { ConflictError, type Store, type StoredRecord, type WriteCondition } from '../../../storage/store.js';
import { TempDirs } from '../../support/tempDir.js';
import { ALICE, BOB, CONTEXT, GROUP } from '../../domain/nomination/fixtures.js';

const temp = new TempDirs();
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await temp.removeAll();
});

async function lowdb(): Promise<LowdbStore> {
  const store = new LowdbStore(await temp.make('sib-nomination-race'));
  stores.push(store);
  return store;
}

/**
 * A store that holds the first `readers` reads of a key until all of them have read, so they
 * all hold the same eTag before anyone writes: the interleaving two members' saves have when
 * they press save at the same moment. It counts the writes refused for a stale eTag.
 */
class RacingStore implements Store {
  conflicts = 0;
  #waiting: Array<() => void> = [];
  #held = 0;

  constructor(
    private readonly inner: Store,
    private readonly key: string,
    private readonly readers: number,
  ) {}

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    const record = await this.inner.read<T>(key);
    if (key === this.key && this.#held < this.readers) {
      this.#held++;
      if (this.#held === this.readers) this.#waiting.splice(0).forEach((release) => release());
      else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    return record;
  }

  async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    try {
      return await this.inner.write(key, value, condition);
    } catch (error) {
      // Only the nomination's own conflicts count: the index of where people appear retries on its own.
      if (error instanceof ConflictError && key === this.key) this.conflicts++;
      throw error;
    }
  }

  delete(key: string, condition?: string): Promise<void> {
    return this.inner.delete(key, condition);
  }

  list<T>(prefix: string): Promise<StoredRecord<T>[]> {
    return this.inner.list<T>(prefix);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** A store whose every conditional write of the key loses the race. */
class AlwaysOvertakenStore extends RacingStore {
  override async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    if (condition !== '*') {
      this.conflicts++;
      throw new ConflictError(key, condition);
    }
    return super.write(key, value, condition);
  }
}

const KEY = `nominations/${GROUP.id}`;
const schoolFirst = { kind: 'set_school', choice: 'first', urn: '100001' } as const;

async function seeded(inner: Store): Promise<void> {
  const start = new NominationRepository(inner);
  await start.openInChat(GROUP.id, '19:chat@thread.v2', '29:aad-alice', { moveNotices: true, aadObjectId: 'aad-alice' });
  const base = await start.change(GROUP.id, (nomination) => applyEdit(nomination, schoolFirst, CONTEXT));
  expect(base.ok).toBe(true);
}

describe('two members saving one group’s nomination at the same moment', () => {
  it('both read the same eTag and both write: the stale write is retried on a fresh read, and both changes survive', async () => {
    const inner = await lowdb();
    await seeded(inner);
    const racing = new RacingStore(inner, KEY, 2);
    const repository = new NominationRepository(racing);

    let aliceTries = 0;
    let bobTries = 0;
    const [alice, bob] = await Promise.all([
      repository.change(
        GROUP.id,
        (nomination) => {
          aliceTries++;
          return applyEdit(nomination, { kind: 'set_champion_name', choice: 'first', forUrn: '100001', name: 'Priya Shah' }, { ...CONTEXT, by: ALICE });
        },
        '29:aad-alice',
      ),
      repository.change(
        GROUP.id,
        (nomination) => {
          bobTries++;
          return applyEdit(nomination, { kind: 'set_gap_evidence', choice: 'first', forUrn: '100001', text: 'A year behind in maths.' }, { ...CONTEXT, by: BOB });
        },
        '29:aad-bob',
      ),
    ]);

    expect(racing.conflicts).toBe(1);
    expect(aliceTries + bobTries).toBe(3);
    expect(alice.ok && bob.ok).toBe(true);
    expect([alice.ok && alice.value.retried, bob.ok && bob.value.retried].filter(Boolean)).toHaveLength(1);

    const stored = (await inner.read<{ nomination: ReturnType<typeof newNomination>; actedBy: string[] }>(KEY))!.value;
    expect(stored.nomination.first.champion.name).toBe('Priya Shah');
    expect(stored.nomination.first.criteria.gapEvidence).toBe('A year behind in maths.');
    expect(stored.nomination.editedFields?.['first.champion.name']?.by).toEqual(ALICE);
    expect(stored.nomination.editedFields?.['first.criteria.gapEvidence']?.by).toEqual(BOB);
    expect(new Set(stored.actedBy)).toEqual(new Set(['29:aad-alice', '29:aad-bob']));

    // Whoever wrote last returned the merged state, so its card shows both changes.
    const retried = alice.ok && alice.value.retried ? alice : bob;
    expect(retried.ok && retried.value.record.nomination.first.champion.name).toBe('Priya Shah');
    expect(retried.ok && retried.value.record.nomination.first.criteria.gapEvidence).toBe('A year behind in maths.');
  });

  it('a change refused on the fresh read (someone changed the school meanwhile) is reported, not dropped', async () => {
    const inner = await lowdb();
    await seeded(inner);
    const racing = new RacingStore(inner, KEY, 2);
    const repository = new NominationRepository(racing);

    const [moved, answered] = await Promise.all([
      repository.change(GROUP.id, (nomination) => applyEdit(nomination, { kind: 'set_school', choice: 'first', urn: '100002' }, { ...CONTEXT, by: ALICE })),
      repository.change(GROUP.id, (nomination) =>
        applyEdit(nomination, { kind: 'set_stable_slt', choice: 'first', forUrn: '100001', stableSlt: true }, { ...CONTEXT, by: BOB }),
      ),
    ]);
    const outcomes = [moved, answered];
    expect(outcomes.filter((outcome) => outcome.ok)).not.toHaveLength(0);
    // Either Bob's answer landed on Amersham first and then the school moved (clearing it), or the school moved first and his answer was refused with the reason.
    const stored = (await inner.read<{ nomination: ReturnType<typeof newNomination> }>(KEY))!.value.nomination;
    expect(stored.first.urn).toBe('100002');
    if (!answered.ok) expect(answered.errors.join(' ')).toMatch(/changed to Beaconsfield High by someone else/);
  });

  it('a save that keeps losing the race is reported to the member, never silently dropped', async () => {
    const inner = await lowdb();
    await seeded(inner);
    const repository = new NominationRepository(new AlwaysOvertakenStore(inner, KEY, 0), { attempts: 3 });
    const result = await repository.change(GROUP.id, (nomination) => applyEdit(nomination, { kind: 'set_champion_name', choice: 'first', name: 'Priya Shah' }, CONTEXT));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/could not be saved.*press the button again/)] });
    expect((await inner.read<{ nomination: ReturnType<typeof newNomination> }>(KEY))!.value.nomination.first.champion.name).toBeUndefined();
  });
});
