import { describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.js';
import { Scheduler, type ScheduledWork } from '../../bot/scheduler.js';

const MINUTE = 60_000;

/** A scheduler over the given work with a clock the test moves, holding the lease throughout. */
function scheduler(work: readonly ScheduledWork[]) {
  let now = new Date('2025-01-16T09:00:00Z');
  const runs: string[] = [];
  const logged = work.map((item) => ({
    ...item,
    run: async (at: Date) => {
      runs.push(`${item.name} ${at.toISOString().slice(11, 16)}`);
      await item.run(at);
    },
  }));
  const instance = new Scheduler(logged, MINUTE, () => now, createLogger('silent'), { acquire: async () => true });
  return {
    runs,
    pass: async (at: string) => {
      now = new Date(`2025-01-16T${at}:00Z`);
      await instance.runOnce();
    },
  };
}

describe('the scheduler', () => {
  it('runs work that needs no more than hourly once an hour, and the rest at every pass', async () => {
    const { runs, pass } = scheduler([
      { name: 'every pass', run: async () => {} },
      { name: 'hourly', run: async () => {}, everyMs: 60 * MINUTE },
    ]);
    for (const at of ['09:00', '09:01', '09:59', '10:00', '10:30']) await pass(at);
    expect(runs).toEqual(['every pass 09:00', 'hourly 09:00', 'every pass 09:01', 'every pass 09:59', 'every pass 10:00', 'hourly 10:00', 'every pass 10:30']);
  });

  it('counts a run that failed, so failing work is tried again at its next turn, not at every pass', async () => {
    let attempts = 0;
    const { pass } = scheduler([
      {
        name: 'failing',
        run: async () => {
          attempts++;
          throw new Error('Teams is down');
        },
        everyMs: 60 * MINUTE,
      },
    ]);
    for (const at of ['09:00', '09:01', '09:02', '10:00']) await pass(at);
    expect(attempts).toBe(2);
  });
});
