import { createHash, randomUUID } from 'node:crypto';
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

interface RecordFile<T> {
  key: string;
  eTag: string;
  value: T;
}

const SAFE_SEGMENT = /^[A-Za-z0-9_-]+$/;
const LONGEST_NAME = 160;

/** A segment as a file-system name: reversible for ordinary ids, hashed when very long. */
function encodeSegment(segment: string): string {
  const encoded = SAFE_SEGMENT.test(segment)
    ? segment
    : Array.from(Buffer.from(segment, 'utf8'), (byte) => {
        const char = String.fromCharCode(byte);
        return /[A-Za-z0-9_-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }).join('');
  if (encoded.length <= LONGEST_NAME) return encoded;
  return `${encoded.slice(0, 96)}~${createHash('sha256').update(segment).digest('hex')}`;
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

  constructor(dataDir: string) {
    this.#root = path.resolve(dataDir, 'store');
  }

  #directoryOf(prefix: string): string {
    const segments = prefix.split('/').filter((segment) => segment.length > 0);
    return path.join(this.#root, ...segments.map(encodeSegment));
  }

  #fileOf(key: string): string {
    const segments = key.split('/');
    const last = segments.pop() as string;
    return path.join(this.#root, ...segments.map(encodeSegment), `${encodeSegment(last)}.json`);
  }

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    assertValidKey(key);
    const file = await new JSONFile<RecordFile<T>>(this.#fileOf(key)).read();
    return file === null ? undefined : { key: file.key, value: file.value, eTag: file.eTag };
  }

  async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    assertValidKey(key);
    const filename = this.#fileOf(key);
    return this.#locks.run(key, async () => {
      const adapter = new JSONFile<RecordFile<T>>(filename);
      if (condition !== '*') {
        const current = await adapter.read();
        const currentETag = current === null ? null : current.eTag;
        if (currentETag !== condition) throw new ConflictError(key, condition);
      }
      const eTag = randomUUID();
      await this.#ensureDirectory(path.dirname(filename));
      await adapter.write({ key, eTag, value });
      return eTag;
    });
  }

  async delete(key: string, condition?: string): Promise<void> {
    assertValidKey(key);
    const filename = this.#fileOf(key);
    return this.#locks.run(key, async () => {
      if (condition !== undefined && condition !== '*') {
        const current = await new JSONFile<RecordFile<unknown>>(filename).read();
        if (current !== null && current.eTag !== condition) throw new ConflictError(key, condition);
      }
      await unlink(filename).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
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
