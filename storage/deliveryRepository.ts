import { isConflict, removeExpired, type Store } from './store.js';

interface DeliveryMark {
  readonly expiresAt: string;
  /**
   * `taken` while a turn acts on the activity (renewed as it runs, short-lived, so that a crash
   * mid-turn frees it for Teams' next delivery); `done` once the turn is over. Marks written
   * before there were states are done.
   */
  readonly state?: 'taken' | 'done';
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
  ) {}

  static keyOf(conversationId: string, activityId: string): string {
    return `${PREFIX}${encodeURIComponent(conversationId || '-')}/${encodeURIComponent(activityId)}`;
  }

  /** This instance's claim when it is the first to claim the activity (or the earlier claim has lapsed); undefined otherwise. */
  async claim(conversationId: string, activityId: string, now: Date): Promise<DeliveryClaim | undefined> {
    const key = DeliveryRepository.keyOf(conversationId, activityId);
    let mark: DeliveryMark = { expiresAt: this.#after(now, TAKEN_MS), state: 'taken' };
    const taken = await this.#take(key, mark, now);
    if (taken === undefined) return undefined;
    let eTag: string = taken;
    // Each change is written on the eTag this claim last wrote, so it needs no read: a conflict means another instance
    // took the lapsed mark, and its claim stands.
    const ours = async (next: DeliveryMark) => {
      const written = await this.#write(key, next, eTag);
      if (written === undefined) return;
      eTag = written;
      mark = next;
    };
    return {
      renew: async (at) => (mark.state === 'taken' ? ours({ ...mark, expiresAt: this.#after(at, TAKEN_MS) }) : undefined),
      done: async (at) => ours({ state: 'done', expiresAt: this.#after(at, this.rememberMs) }),
    };
  }

  /** Writes the mark when there is none or the one there has lapsed; its eTag when written, undefined when another holds it. */
  async #take(key: string, mark: DeliveryMark, now: Date): Promise<string | undefined> {
    const written = await this.#write(key, mark, null);
    if (written !== undefined) return written;
    const existing = await this.store.read<DeliveryMark>(key);
    if (existing === undefined) return this.#write(key, mark, null);
    if (Date.parse(existing.value.expiresAt) > now.getTime()) return undefined;
    // Another instance may take the lapsed mark first: then that instance acts.
    return this.#write(key, mark, existing.eTag);
  }

  /** The write's eTag, or undefined when the condition no longer holds. */
  async #write(key: string, mark: DeliveryMark, condition: string | null): Promise<string | undefined> {
    try {
      return await this.store.write(key, mark, condition);
    } catch (error) {
      if (isConflict(error)) return undefined;
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
