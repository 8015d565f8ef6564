import { readSignUpHeader, readSignUpRow, recordedByPerson, SignUpSchema, urnsSignedUpByMigration, type SignUp } from '../domain/attendance/signUp.js';
import type { TextEncodingChoice } from '../domain/directory/giasText.js';
import type { Result } from '../domain/result.js';
import { importUrnRows, unknownUrn, type DirectoryRepository, type RefusedRow } from './directoryRepository.js';
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
    // Who recorded it is a person ("delete my data" finds them through the index); the migration and an import without --by are not.
    if (recordedByPerson(value)) await new PersonIndex(this.store).noteRecord(key(change.urn), value);
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

  /** Whether migrateOnce has run on this store: then its input need not be read. */
  async migrated(): Promise<boolean> {
    return (await this.store.read(MIGRATED)) !== undefined;
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

export interface SignUpImportReport {
  /** Rows read after the header. */
  read: number;
  signedUp: number;
  withdrawn: number;
  refused: RefusedRow[];
}

/**
 * Imports the sign-up survey's answers: a CSV with a `URN` column and optionally `Signed up`
 * (yes or no; empty or missing is yes). Each row records one school's sign-up as made `by` the
 * operator (their AAD object id, or 'import') `via: 'import'`. A row naming a school the
 * directory does not have, a bad value, or a URN already on an earlier line is refused with its
 * line, and every other row is kept.
 */
export async function importSignUps(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  directory: DirectoryRepository,
  signUps: SignUpRepository,
  options: { readonly by: string; readonly now: Date; readonly encoding?: TextEncodingChoice },
): Promise<Result<SignUpImportReport>> {
  const report: SignUpImportReport = { read: 0, signedUp: 0, withdrawn: 0, refused: [] };
  const header = 'The file is empty: a sign-up file starts with the header row “URN,Signed up”.';
  return importUrnRows(source, options.encoding, readSignUpHeader, readSignUpRow, header, report, async (row, refuse) => {
    if (!(await directory.getSchool(row.urn))) {
      refuse(unknownUrn(row.urn));
      return;
    }
    await signUps.set({ urn: row.urn, signedUp: row.signedUp, by: options.by, at: options.now.toISOString(), via: 'import' });
    if (row.signedUp) report.signedUp++;
    else report.withdrawn++;
  });
}
