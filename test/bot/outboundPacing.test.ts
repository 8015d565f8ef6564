import { describe, expect, it } from 'vitest';
import { appLimitsFor, ConversationPacer, TEAMS_CONVERSATION_LIMITS, type PacerClock } from '../../bot/middleware/outboundPacing.js';

/** A clock that moves only when someone sleeps, so the test sees the schedule, not the machine's speed. */
function virtualClock(): PacerClock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}

function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + windowMs).length));
}

describe('pacing what the bot sends to one conversation', () => {
  it('never sends more than 7 a second nor 60 in 30 seconds to one conversation', async () => {
    const clock = virtualClock();
    const pacer = new ConversationPacer(TEAMS_CONVERSATION_LIMITS, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 100; i++) {
      await pacer.acquire('conversation-a');
      sentAt.push(clock.now());
    }
    expect(busiestWindow(sentAt, 1_000)).toBeLessThanOrEqual(7);
    expect(busiestWindow(sentAt, 30_000)).toBeLessThanOrEqual(60);
    expect(sentAt.slice(0, 7).every((at) => at === 0)).toBe(true);
  });

  it('does not hold one conversation back for another', async () => {
    const clock = virtualClock();
    const pacer = new ConversationPacer(TEAMS_CONVERSATION_LIMITS, clock);
    for (let i = 0; i < 7; i++) await pacer.acquire('busy');
    const before = clock.now();
    await pacer.acquire('quiet');
    expect(clock.now()).toBe(before);
  });

  it('serves concurrent senders to one conversation in order, within the limits', async () => {
    const clock = virtualClock();
    const pacer = new ConversationPacer(TEAMS_CONVERSATION_LIMITS, clock);
    const order: number[] = [];
    const sentAt: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pacer.acquire('shared').then(() => {
          order.push(i);
          sentAt.push(clock.now());
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(busiestWindow(sentAt, 1_000)).toBeLessThanOrEqual(7);
  });
});

describe('pacing across conversations and instances', () => {
  it('keeps one conversation to 1,800 sends in an hour', async () => {
    const clock = virtualClock();
    const pacer = new ConversationPacer(TEAMS_CONVERSATION_LIMITS, clock);
    const sentAt: number[] = [];
    for (let i = 0; i < 1_900; i++) {
      await pacer.acquire('chatty');
      sentAt.push(clock.now());
    }
    expect(busiestWindow(sentAt, 3_600_000)).toBe(1_800);
  });

  it('three instances, each sending to many conversations at once, take a share each of the 50 a second Teams allows the app', async () => {
    const busiest = await Promise.all(
      [0, 1, 2].map(async () => {
        const clock = virtualClock();
        const appWide = new ConversationPacer(appLimitsFor(3), clock);
        const sentAt: number[] = [];
        for (let i = 0; i < 60; i++) {
          await appWide.acquire('*');
          sentAt.push(clock.now());
        }
        // Its share at once, not a trickle.
        expect(sentAt.filter((at) => at === 0)).toHaveLength(16);
        return busiestWindow(sentAt, 1_000);
      }),
    );
    expect(busiest.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(50);
    expect(appLimitsFor(1)).toEqual([{ operations: 50, windowMs: 1_000 }]);
  });
});
