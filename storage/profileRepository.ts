import { ProfileSchema, type Profile } from '../domain/directory/types.js';
import { ANY_ETAG, type Store } from './store.js';

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
  }

  async delete(aadObjectId: string): Promise<void> {
    if (aadObjectId.length === 0) return;
    await this.store.delete(profileKey(aadObjectId));
  }
}
