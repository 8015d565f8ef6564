import { randomUUID } from 'node:crypto';
import { isConflict, removeExpired, updateRecord, writeIfAbsent, type Store } from './store.js';

interface DeliveryMark {
  readonly expiresAt: string;
  /**
   * `taken` while a turn acts on the activity (renewed as it runs, short-lived, so that a crash
   * mid-turn frees it for Teams' next delivery); `done` once the turn is over. Marks written
   * before there were states are done.
   */
  readonly state?: 'taken' | 'done';
  /** Which claim wrote it: a claim that lost its mark to another instance changes nothing. */
  readonly claim?: string;
}

const PREFIX = 'deliveries/';

/** How long a claim stays taken without being renewed: a turn that runs longer renews it (see Claim.renew). */
export const TAKEN_MS = 20_000;

/** One instance's hold on an activity while its turn runs. */
export interface DeliveryClaim {
  /** Keeps the claim taken: call it well within TAKEN_MS, as long as the turn runs. */
  renew(now: Date): Promise<void>;
  /** The turn is over: the activity is remembered as acted on for `rememberMs`. */
  done(now: Date): Promise<void>;
}

/**
 * Which incoming activities have been acted on, shared by every instance on the store: Teams
 * may deliver the same activity again, and the second delivery may reach another instance. A
 * mark is a create-only record, so whichever instance writes it first acts. While its turn
 * runs the mark is `taken` for a short time, renewed as it goes; when the turn ends it is
 * `done` and expires once Teams has long stopped retrying. An instance that dies mid-turn
 * stops renewing, so a delivery after its mark lapses is acted on, not lost. The scheduler
 * purges expired marks.
 */
export class DeliveryRepository {
  constructor(
    private readonly store: Store,
    private readonly rememberMs: number,
    private readonly takenMs = TAKEN_MS,
  ) {}

  static keyOf(conversationId: string, activityId: string): string {
    return `${PREFIX}${encodeURIComponent(conversationId || '-')}/${encodeURIComponent(activityId)}`;
  }

  /** This instance's claim when it is the first to claim the activity (or the earlier claim has lapsed); undefined otherwise. */
  async claim(conversationId: string, activityId: string, now: Date): Promise<DeliveryClaim | undefined> {
    const key = DeliveryRepository.keyOf(conversationId, activityId);
    const id = randomUUID();
    const mark: DeliveryMark = { expiresAt: this.#after(now, this.takenMs), state: 'taken', claim: id };
    if (!(await this.#take(key, mark, now))) return undefined;
    const ours = (change: (current: DeliveryMark) => DeliveryMark | undefined) =>
      updateRecord<DeliveryMark>(this.store, key, (current) => (current?.claim === id ? change(current) : undefined));
    return {
      renew: async (at) => void (await ours((current) => (current.state === 'taken' ? { ...current, expiresAt: this.#after(at, this.takenMs) } : undefined))),
      done: async (at) => void (await ours((current) => ({ ...current, state: 'done', expiresAt: this.#after(at, this.rememberMs) }))),
    };
  }

  async #take(key: string, mark: DeliveryMark, now: Date): Promise<boolean> {
    if (await writeIfAbsent(this.store, key, mark)) return true;
    const existing = await this.store.read<DeliveryMark>(key);
    if (existing === undefined) return writeIfAbsent(this.store, key, mark);
    if (Date.parse(existing.value.expiresAt) > now.getTime()) return false;
    try {
      await this.store.write(key, mark, existing.eTag);
      return true;
    } catch (error) {
      // Another instance took the lapsed mark first: that instance acts.
      if (isConflict(error)) return false;
      throw error;
    }
  }

  #after(now: Date, ms: number): string {
    return new Date(now.getTime() + ms).toISOString();
  }

  /** Removes expired marks: run by the scheduler. */
  async purgeExpired(now: Date): Promise<number> {
    return removeExpired(this.store, PREFIX, now);
  }
}
