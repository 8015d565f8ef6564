import type { Logger } from './logger.js';

export interface ScheduledWork {
  readonly name: string;
  readonly run: (now: Date) => Promise<void>;
}

/**
 * Runs the journeys' own work (reminders) at start and then every interval. What is due is
 * worked out from stored data each time, so a restart loses nothing; a run still going when
 * the next is due is not doubled.
 */
export class Scheduler {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(
    private readonly work: readonly ScheduledWork[],
    private readonly intervalMs: number,
    private readonly now: () => Date,
    private readonly logger: Logger,
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
      for (const item of this.work) {
        try {
          await item.run(this.now());
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
