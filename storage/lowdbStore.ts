import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToOtherWork } from 'node:timers/promises';
import { TextFileSync } from 'lowdb/node';
import { KeyedLock } from '../lib/keyedLock.js';
import { RecordFileWriter } from './recordFileWriter.js';
import {
  ConflictError,
  assertValidKey,
  assertValidPrefix,
  type Store,
  type StoredRecord,
  type WriteCondition,
} from './store.js';
import { encodeKeySegment } from './keySegment.js';

interface RecordFile<T> {
  key: string;
  eTag: string;
  value: T;
}

/** How many files a listing reads before letting other turns run. */
const LIST_BATCH = 128;

/**
 * The embedded store: one small lowdb text file per record under `<dataDir>/store/`, so that a
 * write costs the same however many other records there are. lowdb's file adapter writes to a
 * temporary file and renames it over the old one, so a crash mid-write leaves either the old
 * record or the new one, never half of either. A write is acknowledged once the rename is done, so it
 * survives the process being killed; lowdb does not fsync, so a power cut may still lose the latest writes.
 *
 * Reads use lowdb's synchronous adapter: a record is a few kilobytes in the page cache, and
 * measured here a synchronous read costs about a tenth of the CPU of an asynchronous one, which
 * pays for a promise and a trip through libuv's thread pool that the file's size does not
 * justify. Writes go to a thread of their own (see RecordFileWriter): creating and renaming a
 * file can wait on the disk, and that wait must not hold up every other conversation. Listing
 * many records reads in batches and lets other turns run between them.
 */
export class LowdbStore implements Store {
  readonly #root: string;
  readonly #locks = new KeyedLock();
  readonly #files = new RecordFileWriter();
  /**
   * The text of the most recently used record files (and files known to be missing), by path, so
   * that a turn's reads and a listing's do not each go to the disk. The store owns its folder (one
   * process per DATA_DIR), so what it wrote last is what is on disk. Bounded, so memory does not
   * grow with the store.
   */
  readonly #recent = new Map<string, string | null>();
  readonly #recentCapacity: number;
  /** Files whose write or removal is under way: what the disk holds for them is about to change. */
  readonly #writing = new Set<string>();
  /** The file of each recently used key: checking a key and working out its path cost more than the read it serves. */
  readonly #fileByKey = new Map<string, string>();

  constructor(dataDir: string, options: { readonly cachedRecords?: number } = {}) {
    this.#root = path.resolve(dataDir, 'store');
    this.#recentCapacity = options.cachedRecords ?? 5_000;
  }

  #remember(file: string, text: string | null): void {
    this.#recent.delete(file);
    this.#recent.set(file, text);
    if (this.#recent.size > this.#recentCapacity) {
      const oldest = this.#recent.keys().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
  }

  #readText(file: string): string | null {
    const cached = this.#recent.get(file);
    if (cached !== undefined) {
      this.#remember(file, cached);
      return cached;
    }
    // Asking whether the file is there costs far less than the error reading a missing one throws.
    const text = existsSync(file) ? new TextFileSync(file).read() : null;
    if (!this.#writing.has(file)) this.#remember(file, text);
    return text;
  }

  #readFile<T>(file: string): RecordFile<T> | null {
    const text = this.#readText(file);
    return text === null ? null : (JSON.parse(text) as RecordFile<T>);
  }

  #directoryOf(prefix: string): string {
    const segments = prefix.split('/').filter((segment) => segment.length > 0);
    return path.join(this.#root, ...segments.map(encodeKeySegment));
  }

  /** Where a key's record lives; refuses a key that is not valid. */
  #fileOf(key: string): string {
    const known = this.#fileByKey.get(key);
    if (known !== undefined) return known;
    assertValidKey(key);
    const segments = key.split('/');
    const last = segments.pop() as string;
    const file = path.join(this.#root, ...segments.map(encodeKeySegment), `${encodeKeySegment(last)}.json`);
    if (this.#fileByKey.size >= this.#recentCapacity) this.#fileByKey.clear();
    this.#fileByKey.set(key, file);
    return file;
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    const file = this.#readFile<T>(this.#fileOf(key));
    return file === null ? undefined : { key: file.key, value: file.value, eTag: file.eTag };
  }

  /** Writes of one key run one after another, so that the eTag a conditional write checks is the one on disk. */
  async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    const filename = this.#fileOf(key);
    return this.#locks.run(key, async () => {
      if (condition !== '*') {
        const current = this.#readFile<T>(filename);
        const currentETag = current === null ? null : current.eTag;
        if (currentETag !== condition) throw new ConflictError(key, condition);
      }
      const eTag = randomUUID();
      await this.#replace(filename, JSON.stringify({ key, eTag, value } satisfies RecordFile<T>));
      return eTag;
    });
  }

  async delete(key: string, condition?: string): Promise<void> {
    const filename = this.#fileOf(key);
    return this.#locks.run(key, async () => {
      if (condition !== undefined && condition !== '*') {
        const current = this.#readFile<unknown>(filename);
        if (current !== null && current.eTag !== condition) throw new ConflictError(key, condition);
      }
      await this.#replace(filename, null);
    });
  }

  /**
   * Puts `text` in the file (or removes it when null) on a writer thread. While that is under
   * way the file is not cached: a read meanwhile goes to the disk and finds the old record or the
   * new one whole, never a mixture.
   */
  async #replace(filename: string, text: string | null): Promise<void> {
    this.#writing.add(filename);
    this.#recent.delete(filename);
    try {
      await this.#files.put(filename, text);
    } finally {
      this.#writing.delete(filename);
      this.#recent.delete(filename);
    }
    this.#remember(filename, text);
  }

  async list<T>(prefix: string): Promise<StoredRecord<T>[]> {
    assertValidPrefix(prefix);
    const directory = this.#directoryOf(prefix);
    if (!existsSync(directory)) return [];
    let names: string[];
    try {
      names = await readdir(directory, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files = names.filter((name) => name.endsWith('.json') && !path.basename(name).startsWith('.'));
    const records: StoredRecord<T>[] = [];
    for (let start = 0; start < files.length; start += LIST_BATCH) {
      if (start > 0) await yieldToOtherWork();
      for (const name of files.slice(start, start + LIST_BATCH)) {
        // Recent files come from memory; the rest are read without crowding the recent ones out.
        // A record deleted since the folder was read is simply not listed.
        const file = path.join(directory, name);
        const text = this.#recent.has(file) ? (this.#recent.get(file) as string | null) : new TextFileSync(file).read();
        if (text === null) continue;
        const record = JSON.parse(text) as RecordFile<T>;
        records.push({ key: record.key, value: record.value, eTag: record.eTag });
      }
    }
    return records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async close(): Promise<void> {
    await this.#locks.drain();
    await this.#files.close();
  }
}
