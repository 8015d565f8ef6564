import { SignUpSchema, urnsSignedUpByMigration, type SignUp } from '../domain/attendance/signUp.js';
import { PersonIndex } from './personIndex.js';
import { ANY_ETAG, isConflict, type Store } from './store.js';

const SIGN_UPS = 'signups/schools/';
const MIGRATED = 'signups/migrated';
const key = (urn: string) => `${SIGN_UPS}${urn}`;

/** Which schools have signed up to the universal offer: one record per school, the latest change winning. */
export class SignUpRepository {
  constructor(private readonly store: Store) {}

  async set(change: SignUp): Promise<void> {
    const value = SignUpSchema.parse(change);
    await this.store.write(key(change.urn), value, ANY_ETAG);
    // Who recorded it is a person ("delete my data" finds them through the index); the one-off migration is not.
    if (value.via !== 'migration') await new PersonIndex(this.store).noteRecord(key(change.urn), value);
  }

  async get(urn: string): Promise<SignUp | undefined> {
    if (!/^\d{6}$/.test(urn)) return undefined;
    return (await this.store.read<SignUp>(key(urn)))?.value;
  }

  /** The URNs of the schools signed up now. */
  async signedUpUrns(): Promise<Set<string>> {
    const records = await this.store.list<SignUp>(SIGN_UPS);
    return new Set(records.filter((record) => record.value.signedUp).map((record) => record.value.urn));
  }

  /**
   * Once per store: signs up the schools that already took part (urnsSignedUpByMigration), so
   * that an existing programme's registers keep them. Returns how many were signed up, or
   * undefined when the migration had already run.
   */
  async migrateOnce(attendedUrns: Iterable<string>, now: Date): Promise<number | undefined> {
    try {
      await this.store.write(MIGRATED, { at: now.toISOString() }, null);
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
    const urns = urnsSignedUpByMigration(attendedUrns);
    for (const urn of urns) {
      if (await this.get(urn)) continue;
      await this.set({ urn, signedUp: true, by: 'migration', at: now.toISOString(), via: 'migration' });
    }
    return urns.length;
  }
}
