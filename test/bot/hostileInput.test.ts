import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOMETHING_WENT_WRONG } from '../../bot/adapter.js';
import { createJourneys } from '../../bot/journeys.js';
import type { CardVerb } from '../../dialogs/journey.js';
import { mixedRun, punctuationRun } from '../support/hostileText.js';
import { createTestBot, replyText, say, type TestBot } from '../support/testBot.js';

/**
 * Random and hostile values against every card verb and every text step: wrong types, missing
 * fields, 100 KB strings, long runs of punctuation and white space, `__proto__` keys, control
 * characters, emoji and right-to-left text.
 * No crash, no server error, a clear message, and nothing stored changes when the data is refused.
 */

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u202Eevil\u202C', 'مدرسة النور الابتدائية', '👩‍🏫🏫🔥', '\u0000\u0007\u001b[2J', '${7*7}', '<script>alert(1)</script>', "'; DROP TABLE schools; --", '../../etc/passwd', '__proto__', 'constructor'),
  fc.constant('x'.repeat(100_000)),
  // Under the bot's message cap, so that every parser reads them; a quadratic one would stall here.
  punctuationRun(1_000, 20_000),
  mixedRun(1_000, 20_000),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.anything(),
  hostileString,
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'urn', 'groupId', 'sessionId', 'draftId', 'section', 'value', 'data', 'verb'), fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }))),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "urn": "900001"}')),
);

async function storeFingerprint(dataDir: string): Promise<Map<string, string>> {
  const root = path.join(dataDir, 'store');
  const names = (await readdir(root, { recursive: true })).filter(
    // Every turn notes how to reach its conversation (and the index of where its speaker appears): not the verb's doing.
    (name) => name.endsWith('.json') && !path.basename(name).startsWith('.') && !name.startsWith('botstate') && !name.startsWith('conversations') && !name.startsWith('people'),
  );
  const entries = await Promise.all(names.map(async (name) => [name, createHash('sha256').update(await readFile(path.join(root, name))).digest('hex')] as const));
  return new Map(entries);
}

let testBot: TestBot;
let verbs: CardVerb[];

beforeAll(async () => {
  testBot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: 'aad-sit-1' } });
  verbs = (await createJourneys(testBot.services)).journeys.flatMap((journey) => [...journey.verbs]);
  const head = testBot.conversation({ userId: 'aad-head-1' });
  await say(head, "I'm the head of 900001");
  await say(head, 'yes');
});
afterAll(async () => {
  await testBot.close();
});

describe('hostile card data', () => {
  it('there are card verbs to try', () => {
    expect(verbs.length).toBeGreaterThan(5);
  });

  it('every verb answers every value without a crash or a server error, and refused data changes nothing', async () => {
    let run = 0;
    for (const verb of verbs) {
      await fc.assert(
        fc.asyncProperty(hostileValue, fc.constantFrom('aad-head-1', 'aad-sit-1', 'aad-stranger'), async (data, userId) => {
          const chat = testBot.conversation({ userId, kind: 'personal', conversationId: `a:hostile-${run++}` });
          const before = await storeFingerprint(testBot.dataDir);
          const replies = await say(chat, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: verb.verb, data } } });
          const response = replies.find((reply) => reply.type === 'invokeResponse')?.value as { status: number; body?: { statusCode?: number; type?: string; value?: unknown } } | undefined;
          expect(response, `${verb.verb} gave no invoke response`).toBeDefined();
          expect(response!.status).toBeLessThan(500);
          expect(response!.body?.statusCode ?? 200).toBeLessThan(500);
          expect(JSON.stringify(response!.body)).not.toContain(SOMETHING_WENT_WRONG);
          // A button with no data sends none: the bot reads that as an empty object.
          if (!verb.data.safeParse(data ?? {}).success) {
            expect(response!.body?.type).toBe('application/vnd.microsoft.error');
            expect(await storeFingerprint(testBot.dataDir)).toEqual(before);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 12 },
      );
    }
    // Every journey's verbs, a dozen values each: the time grows with the verbs, not with any one answer.
  }, 120_000);
});

describe('hostile typed answers', () => {
  const starts = ['check eligibility', 'deployment form', 'log attendance', 'change my profile', 'my profile', 'nominations', 'champion commitments'];

  it('every journey answers anything typed at any step without a crash', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...starts), fc.array(hostileString, { minLength: 1, maxLength: 4 }), async (start, answers) => {
        const chat = testBot.conversation({ userId: 'aad-head-1', conversationId: `a:typed-${run++}` });
        await say(chat, start);
        for (const answer of answers) {
          const replies = await say(chat, answer);
          expect(replies.length, `no reply to ${JSON.stringify(answer.slice(0, 40))} after "${start}"`).toBeGreaterThan(0);
          for (const reply of replies) expect(replyText(reply)).not.toContain(SOMETHING_WENT_WRONG);
        }
      }),
      { numRuns: 40 },
    );
  });
});
