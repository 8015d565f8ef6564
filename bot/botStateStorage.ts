import type { Storage, StoreItems } from 'botbuilder';
import { BotStateRepository } from '../storage/botStateRepository.js';
import { ANY_ETAG, type Store } from '../storage/store.js';

/**
 * botbuilder's `Storage` (conversation and user state, dialog stacks) over our store, so that
 * bot state lives wherever the records do.
 *
 * botbuilder's BotState sets eTag `*` on the state it saves, which would let one instance
 * overwrite a turn another instance took meanwhile. So each state object handed out by `read`
 * is remembered with the eTag it was read with (none: the record did not exist), and its write
 * is conditional on that eTag: a write after another instance's raises a ConflictError instead
 * of overwriting. An item this storage did not hand out is written as botbuilder's contract
 * asks (conditionally when it carries a real eTag).
 */
export class BotStateStorage implements Storage {
  readonly #readWith = new WeakMap<object, string | null>();
  readonly #records: BotStateRepository;

  constructor(store: Store) {
    this.#records = new BotStateRepository(store);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const record = await this.#records.read(key);
        const item = record ? { ...record.value, eTag: record.eTag } : {};
        this.#readWith.set(item, record ? record.eTag : null);
        items[key] = item;
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
        const readWith = item ? this.#readWith.get(item) : undefined;
        const condition = readWith !== undefined ? readWith : typeof eTag === 'string' && eTag.length > 0 ? eTag : ANY_ETAG;
        const written = await this.#records.write(key, value, condition);
        // A second save in the same turn is conditional on this one.
        if (item) this.#readWith.set(item, written);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.#records.delete(key)));
  }
}
