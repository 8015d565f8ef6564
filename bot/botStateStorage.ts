import type { Storage, StoreItems } from 'botbuilder';
import { ANY_ETAG, type Store } from '../storage/store.js';

const PREFIX = 'botstate/';

/**
 * botbuilder's `Storage` (conversation and user state, dialog stacks) over our store, so that
 * bot state lives wherever the records do. botbuilder writes its own state with eTag `*`;
 * an item carrying a real eTag is written conditionally, as botbuilder's contract asks.
 */
export class BotStateStorage implements Storage {
  constructor(private readonly store: Store) {}

  static keyOf(botKey: string): string {
    return `${PREFIX}${encodeURIComponent(botKey)}`;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const record = await this.store.read<Record<string, unknown>>(BotStateStorage.keyOf(key));
        if (record) items[key] = { ...record.value, eTag: record.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...value } = (item ?? {}) as Record<string, unknown>;
        const condition = typeof eTag === 'string' && eTag.length > 0 ? eTag : ANY_ETAG;
        await this.store.write(BotStateStorage.keyOf(key), value, condition);
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(BotStateStorage.keyOf(key))));
  }
}
