import { removeExpired, type Store } from './store.js';

/** An export kept for its download link: the file sealed by whoever made the link, and whose it is. */
export interface StoredExport {
  readonly ownerAadObjectId: string;
  readonly filename: string;
  readonly contentType: string;
  /** The file, encrypted by the link's maker (an export may hold bank details): never plain bytes here. */
  readonly sealed: string;
  readonly expiresAt: string;
}

const PREFIX = 'exports/';
const keyOf = (id: string) => `${PREFIX}${encodeURIComponent(id)}`;

/** Export files behind download links, one record a link, removed once expired. */
export class ExportFileRepository {
  constructor(private readonly store: Store) {}

  /** Keeps a new file under its link's id (create-only: an id is never reused). */
  async add(id: string, stored: StoredExport): Promise<void> {
    await this.store.write(keyOf(id), stored, null);
  }

  async get(id: string): Promise<StoredExport | undefined> {
    return (await this.store.read<StoredExport>(keyOf(id)))?.value;
  }

  async remove(id: string): Promise<void> {
    await this.store.delete(keyOf(id));
  }

  /** Removes every file expired at `now` (see removeExpired); returns how many. */
  async removeExpired(now: Date): Promise<number> {
    return removeExpired(this.store, PREFIX, now);
  }
}
