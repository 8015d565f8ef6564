import { writeIfAbsent, isConflict, type Store } from './store.js';

interface DeliveryMark {
  readonly expiresAt: string;
}

const PREFIX = 'deliveries/';

/**
 * Which incoming activities have been acted on, shared by every instance on the store: Teams
 * may deliver the same activity again, and the second delivery may reach another instance. A
 * mark is a create-only record, so whichever instance writes it first acts; the mark expires
 * once Teams has long stopped retrying, and the scheduler purges expired marks.
 */
export class DeliveryRepository {
  constructor(
    private readonly store: Store,
    private readonly rememberMs: number,
  ) {}

  static keyOf(conversationId: string, activityId: string): string {
    return `${PREFIX}${encodeURIComponent(conversationId || '-')}/${encodeURIComponent(activityId)}`;
  }

  /** True when this call is the first to claim the activity (or the earlier claim has expired). */
  async claim(conversationId: string, activityId: string, now: Date): Promise<boolean> {
    const key = DeliveryRepository.keyOf(conversationId, activityId);
    const mark: DeliveryMark = { expiresAt: new Date(now.getTime() + this.rememberMs).toISOString() };
    if (await writeIfAbsent(this.store, key, mark)) return true;
    const existing = await this.store.read<DeliveryMark>(key);
    if (existing === undefined) return writeIfAbsent(this.store, key, mark);
    if (Date.parse(existing.value.expiresAt) > now.getTime()) return false;
    try {
      await this.store.write(key, mark, existing.eTag);
      return true;
    } catch (error) {
      // Another instance renewed the expired mark first: that instance acts.
      if (isConflict(error)) return false;
      throw error;
    }
  }

  /** Removes expired marks: run by the scheduler. */
  async purgeExpired(now: Date): Promise<number> {
    let removed = 0;
    for (const record of await this.store.list<DeliveryMark>(PREFIX)) {
      if (Date.parse(record.value.expiresAt) > now.getTime()) continue;
      await this.store.delete(record.key, record.eTag).catch((error: unknown) => {
        if (!isConflict(error)) throw error;
      });
      removed++;
    }
    return removed;
  }
}
