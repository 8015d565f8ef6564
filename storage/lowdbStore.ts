import { randomUUID } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { JSONFile } from 'lowdb/node';
import { KeyedLock } from './keyedLock.js';
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

/**
 * The embedded store: one small lowdb JSON file per record under `<dataDir>/store/`, so that a
 * write costs the same however many other records there are. lowdb's file adapter writes to a
 * temporary file and renames it over the old one, so a crash mid-write leaves either the old
 * record or the new one, never half of either. A write is acknowledged once the rename is done, so it
 * survives the process being killed; lowdb does not fsync, so a power cut may still lose the latest writes.
 */
export class LowdbStore implements Store {
  readonly #root: string;
  readonly #locks = new KeyedLock();
  readonly #knownDirectories = new Set<string>();
  /**
   * The most recently used records (and keys known to be missing), so that a turn's reads do
   * not each go to the disk. The store owns its folder (one process per DATA_DIR), so what it
   * wrote last is what is on disk. Bounded, so memory does not grow with the store.
   */
  readonly #recent = new Map<string, RecordFile<unknown> | null>();
  readonly #recentCapacity: number;
  /** Bumped by every write and delete, so a disk read that raced one is not remembered. */
  #generation = 0;

  constructor(dataDir: string, options: { readonly cachedRecords?: number } = {}) {
    this.#root = path.resolve(dataDir, 'store');
    this.#recentCapacity = options.cachedRecords ?? 5_000;
  }

  #remember(key: string, file: RecordFile<unknown> | null): void {
    this.#recent.delete(key);
    this.#recent.set(key, file === null ? null : structuredClone(file));
    if (this.#recent.size > this.#recentCapacity) {
      const oldest = this.#recent.keys().next().value;
      if (oldest !== undefined) this.#recent.delete(oldest);
    }
  }

  async #readFile<T>(key: string): Promise<RecordFile<T> | null> {
    if (this.#recent.has(key)) {
      const cached = this.#recent.get(key) as RecordFile<T> | null;
      this.#recent.delete(key);
      this.#recent.set(key, cached);
      return cached === null ? null : structuredClone(cached);
    }
    const generation = this.#generation;
    const file = await new JSONFile<RecordFile<T>>(this.#fileOf(key)).read();
    if (generation === this.#generation) this.#remember(key, file);
    return file;
  }

  #directoryOf(prefix: string): string {
    const segments = prefix.split('/').filter((segment) => segment.length > 0);
    return path.join(this.#root, ...segments.map(encodeKeySegment));
  }

  #fileOf(key: string): string {
    const segments = key.split('/');
    const last = segments.pop() as string;
    return path.join(this.#root, ...segments.map(encodeKeySegment), `${encodeKeySegment(last)}.json`);
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    assertValidKey(key);
    const file = await this.#readFile<T>(key);
    return file === null ? undefined : { key: file.key, value: file.value, eTag: file.eTag };
  }

  async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    assertValidKey(key);
    const filename = this.#fileOf(key);
    return this.#locks.run(key, async () => {
      if (condition !== '*') {
        const current = await this.#readFile<T>(key);
        const currentETag = current === null ? null : current.eTag;
        if (currentETag !== condition) throw new ConflictError(key, condition);
      }
      const eTag = randomUUID();
      const file: RecordFile<T> = { key, eTag, value };
      this.#generation++;
      this.#recent.delete(key);
      await this.#ensureDirectory(path.dirname(filename));
      await new JSONFile<RecordFile<T>>(filename).write(file);
      this.#generation++;
      this.#remember(key, file);
      return eTag;
    });
  }

  async delete(key: string, condition?: string): Promise<void> {
    assertValidKey(key);
    const filename = this.#fileOf(key);
    return this.#locks.run(key, async () => {
      if (condition !== undefined && condition !== '*') {
        const current = await this.#readFile<unknown>(key);
        if (current !== null && current.eTag !== condition) throw new ConflictError(key, condition);
      }
      this.#generation++;
      this.#recent.delete(key);
      await unlink(filename).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      this.#generation++;
      this.#remember(key, null);
    });
  }

  async list<T>(prefix: string): Promise<StoredRecord<T>[]> {
    assertValidPrefix(prefix);
    const directory = this.#directoryOf(prefix);
    let names: string[];
    try {
      names = await readdir(directory, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const files = names.filter((name) => name.endsWith('.json') && !path.basename(name).startsWith('.'));
    const records: StoredRecord<T>[] = [];
    const batch = 64;
    for (let start = 0; start < files.length; start += batch) {
      const read = await Promise.all(
        files.slice(start, start + batch).map((name) => new JSONFile<RecordFile<T>>(path.join(directory, name)).read()),
      );
      for (const file of read) if (file !== null) records.push({ key: file.key, value: file.value, eTag: file.eTag });
    }
    return records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async #ensureDirectory(directory: string): Promise<void> {
    if (this.#knownDirectories.has(directory)) return;
    await mkdir(directory, { recursive: true });
    this.#knownDirectories.add(directory);
  }

  async close(): Promise<void> {
    await this.#locks.drain();
  }
}
