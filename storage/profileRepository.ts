import { ProfileSchema, type Profile } from '../domain/directory/types.js';
import { isVerified, type SchoolProfile } from '../domain/directory/verification.js';
import { PersonIndex } from './personIndex.js';
import { ANY_ETAG, isConflict, type Store } from './store.js';

// An AAD object id is a GUID, but the Agents Playground's stand-in user ids may hold any character.
const PROFILES = 'profiles/';
const profileKey = (aadObjectId: string) => `${PROFILES}${encodeURIComponent(aadObjectId)}`;

/** Who each Teams user is to the bot (their school and role, or their system leader details), by AAD object id. */
export class ProfileRepository {
  constructor(private readonly store: Store) {}

  async get(aadObjectId: string): Promise<Profile | undefined> {
    if (aadObjectId.length === 0) return undefined;
    return (await this.store.read<Profile>(profileKey(aadObjectId)))?.value;
  }

  /** Every profile that reads as one (a record that does not is left out, not trusted). */
  async all(): Promise<Profile[]> {
    return (await this.store.list(PROFILES)).flatMap((record) => {
      const profile = ProfileSchema.safeParse(record.value);
      return profile.success ? [profile.data] : [];
    });
  }

  /** Saves the profile; a person's profile is theirs alone, so the last save wins. */
  async put(profile: Profile): Promise<void> {
    await this.store.write(profileKey(profile.aadObjectId), profile, ANY_ETAG);
    await new PersonIndex(this.store).noteRecord(profileKey(profile.aadObjectId), profile);
  }

  /** Every claim to a school role not verified yet (stored before verification or since), oldest first. */
  async pendingClaims(): Promise<SchoolProfile[]> {
    const records = await this.store.list<unknown>('profiles/');
    return records
      .flatMap((record) => {
        const parsed = ProfileSchema.safeParse(record.value);
        return parsed.success && parsed.data.kind === 'school' && !isVerified(parsed.data) ? [parsed.data] : [];
      })
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.aadObjectId.localeCompare(b.aadObjectId));
  }

  /**
   * Changes the person's profile with `change`, under its eTag (a reviewer and the person may
   * act at once). Returns the profile written, or undefined when `change` left it as it was.
   */
  async update(aadObjectId: string, change: (current: Profile | undefined) => Profile | null | undefined): Promise<Profile | null | undefined> {
    let result: Profile | null | undefined;
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.read<Profile>(profileKey(aadObjectId));
      result = change(current?.value);
      if (result === undefined) return undefined;
      try {
        if (result === null) await this.store.delete(profileKey(aadObjectId), current?.eTag);
        else await this.store.write(profileKey(aadObjectId), result, current ? current.eTag : null);
        // The approver is named on the profile they verified.
        if (result !== null) await new PersonIndex(this.store).noteRecord(profileKey(aadObjectId), result);
        return result;
      } catch (error) {
        if (!isConflict(error) || attempt >= 5) throw error;
      }
    }
  }

  async delete(aadObjectId: string): Promise<void> {
    if (aadObjectId.length === 0) return;
    await this.store.delete(profileKey(aadObjectId));
  }
}
