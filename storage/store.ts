/**
 * The one storage interface every part of the bot uses. A record lives under a key made of
 * segments separated by `/` (`attendance/T1/100001/jane-doe`); listing takes a prefix that
 * ends at a segment boundary. Every write is conditional on an eTag so that records several
 * people change at once are never silently overwritten.
 */
export interface StoredRecord<T> {
  readonly key: string;
  readonly value: T;
  readonly eTag: string;
}

/**
 * The condition a write is made under:
 * - an eTag string: the record must still have that eTag;
 * - `'*'`: write whatever is there (last writer wins);
 * - `null`: the record must not exist yet.
 */
export type WriteCondition = string | null;

export const ANY_ETAG = '*';

export interface Store {
  read<T>(key: string): Promise<StoredRecord<T> | undefined>;
  /** Writes the value and returns its new eTag; throws {@link ConflictError} when the condition fails. */
  write<T>(key: string, value: T, condition: WriteCondition): Promise<string>;
  /** Deletes the record; with an eTag, only if it is unchanged. Deleting a missing record is not an error. */
  delete(key: string, condition?: string): Promise<void>;
  /** Every record whose key starts with `prefix` (which must end with `/`). */
  list<T>(prefix: string): Promise<StoredRecord<T>[]>;
  /** Waits for writes under way to finish and releases resources. */
  close(): Promise<void>;
}

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
  constructor(
    readonly key: string,
    readonly expected: WriteCondition,
  ) {
    super(`The record ${key} was changed by someone else (expected ${expected === null ? 'no record' : `eTag ${expected}`}).`);
  }
}

export function isConflict(error: unknown): error is ConflictError {
  return error instanceof ConflictError;
}

export class InvalidKeyError extends Error {
  override readonly name = 'InvalidKeyError';
}

/**
 * Half of a UTF-16 surrogate pair has no UTF-8 form: backends would store it as U+FFFD, so two
 * different keys would share one record.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Keys are non-empty segments joined by `/`; segments may hold any characters except `/`. */
export function assertValidKey(key: string): void {
  if (key.length === 0 || key.startsWith('/') || key.endsWith('/') || key.includes('//') || LONE_SURROGATE.test(key)) {
    throw new InvalidKeyError(`Not a valid record key: ${JSON.stringify(key)}`);
  }
}

export function assertValidPrefix(prefix: string): void {
  if (prefix.length === 0 || !prefix.endsWith('/') || prefix.startsWith('/') || prefix.includes('//') || LONE_SURROGATE.test(prefix)) {
    throw new InvalidKeyError(`Not a valid key prefix: ${JSON.stringify(prefix)}`);
  }
}

export interface UpdateOptions {
  /** How many times a conflicting write is retried after re-reading. */
  readonly attempts?: number;
}

/**
 * Read-modify-write under optimistic concurrency: reads the record, applies `change` to the
 * current value (undefined when there is none), writes with the eTag read, and on a conflict
 * reads again and re-applies the change. `change` must therefore be a function of the value
 * it is given, never of a value read earlier. Returning `undefined` leaves the record as it is.
 */
export async function updateRecord<T>(
  store: Store,
  key: string,
  change: (current: T | undefined) => T | undefined,
  options: UpdateOptions = {},
): Promise<StoredRecord<T> | undefined> {
  const attempts = options.attempts ?? 20;
  for (let attempt = 1; ; attempt++) {
    const current = await store.read<T>(key);
    const next = change(current?.value);
    if (next === undefined) return current;
    try {
      const eTag = await store.write(key, next, current ? current.eTag : null);
      return { key, value: next, eTag };
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/**
 * Writes the record only if there is none under the key (a create-only write): true when this
 * call wrote it, false when it was there already. Whoever writes first wins, in this process or
 * another, so "send once" marks use it.
 */
export async function writeIfAbsent(store: Store, key: string, value: unknown): Promise<boolean> {
  try {
    await store.write(key, value, null);
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
}

/**
 * Removes the records under `prefix` whose `expiresAt` has passed at `now`, and returns how many
 * it removed. One that another instance changed meanwhile (a conflict) is left to that instance;
 * any other failure is thrown, so the scheduler reports it.
 */
export async function removeExpired(store: Store, prefix: string, now: Date): Promise<number> {
  let removed = 0;
  for (const record of await store.list<{ readonly expiresAt: string }>(prefix)) {
    if (Date.parse(record.value.expiresAt) > now.getTime()) continue;
    try {
      await store.delete(record.key, record.eTag);
      removed++;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
  return removed;
}

/** Whether the store answers (the server's `/healthz`): a read of a key nothing writes, which throws when the store cannot be reached. */
export async function storeAnswers(store: Store): Promise<boolean> {
  await store.read('health/probe');
  return true;
}
