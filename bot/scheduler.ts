import { randomUUID } from 'node:crypto';
import type { LeaseRepository } from '../storage/leaseRepository.js';
import type { Logger } from './logger.js';

/** Whether this instance may run the scheduled work now: one instance at a time across the store. */
export interface SchedulerLease {
  acquire(now: Date): Promise<boolean>;
}

export interface ScheduledWork {
  readonly name: string;
  readonly run: (now: Date) => Promise<void>;
  /** At most this often, in milliseconds: passes sooner after its last run skip it. Every pass when not given. */
  readonly everyMs?: number;
}

/**
 * Runs the journeys' own work (reminders) at start and then every interval, or less often where
 * the work says it needs no more (`everyMs`). What is due is worked out from stored data each
 * time, so a restart loses nothing; a run still going when the next is due is not doubled. With
 * several instances on one store, only the holder of the scheduler lease runs the work, renewing
 * the lease each pass; when it stops, another instance takes over once the lease expires.
 */
export class Scheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  /** When each piece of work last ran on this instance (an instance that takes the lease over runs it at once). */
  readonly #lastRun = new Map<string, number>();

  constructor(
    private readonly work: readonly ScheduledWork[],
    private readonly intervalMs: number,
    private readonly now: () => Date,
    private readonly logger: Logger,
    private readonly lease: SchedulerLease,
  ) {}

  start(): void {
    if (this.work.length === 0 || this.intervalMs <= 0) return;
    void this.runOnce();
    this.#timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.#timer.unref();
  }

  /** One pass over every journey's work; resolves when it is done. */
  runOnce(): Promise<void> {
    this.#running ??= (async () => {
      try {
        if (!(await this.lease.acquire(this.now()))) return;
      } catch (error) {
        this.logger.error({ err: (error as Error).message }, 'could not check the scheduler lease');
        return;
      }
      for (const item of this.work) {
        const now = this.now();
        const last = this.#lastRun.get(item.name);
        if (item.everyMs !== undefined && last !== undefined && now.getTime() - last < item.everyMs) continue;
        // Counted as run even if it fails: work that fails is tried again at its next turn, not at every pass.
        this.#lastRun.set(item.name, now.getTime());
        try {
          await item.run(now);
        } catch (error) {
          this.logger.error({ work: item.name, err: (error as Error).message }, 'scheduled work failed');
        }
      }
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }
}

/**
 * The lease this instance's scheduler runs under, held for three intervals: renewed every pass
 * while the instance lives, and taken over by another within three intervals of its stopping.
 */
export function schedulerLease(leases: LeaseRepository, intervalMs: number, holder: string = randomUUID()): SchedulerLease {
  return { acquire: (now) => leases.acquire('scheduler', holder, now, 3 * Math.max(intervalMs, 1_000)) };
}
