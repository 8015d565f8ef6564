import { WaterfallDialog } from 'botbuilder-dialogs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJourneys } from '../../bot/journeys.js';
import { checkRegistration, phrases, verbRegistry, type CardVerb, type Journey } from '../../dialogs/journey.js';
import { createTestBot, type TestBot } from '../support/testBot.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const verb = (name: string): CardVerb => ({ verb: name, data: z.object({}), handle: async () => ({ kind: 'message', text: name }) });

function journey(id: string, parts: { verbs?: string[]; phrases?: string[] }): Journey {
  const dialogId = `${id}.start`;
  return {
    id,
    dialogs: [new WaterfallDialog(dialogId, [async (step) => step.endDialog()])],
    commands: parts.phrases ? [{ scopes: ['personal'], match: phrases(...parts.phrases), dialogId }] : [],
    verbs: (parts.verbs ?? []).map(verb),
  };
}

describe('every card verb and command phrase belongs to one journey', () => {
  it('the bot’s own journeys register without a clash', async () => {
    testBot = await createTestBot();
    const { journeys } = await createJourneys(testBot.services);
    expect(journeys.length).toBeGreaterThan(4);
    expect(() => checkRegistration(journeys)).not.toThrow();
  });

  it('a card verb registered twice is refused at start, not silently replaced', () => {
    const journeys = [journey('first', { verbs: ['school.save'] }), journey('second', { verbs: ['school.save'] })];
    expect(() => checkRegistration(journeys)).toThrow(/"school\.save" is registered by first and again by second/);
    expect(() => verbRegistry(journeys.flatMap((each) => each.verbs))).toThrow(/"school\.save" is registered twice/);
  });

  it('a phrase two journeys answer to is refused at start, whichever is listed first', () => {
    const journeys = [journey('first', { phrases: ['my school'] }), journey('second', { phrases: ['My school!', 'our school'] })];
    expect(() => checkRegistration(journeys)).toThrow(/"my school" \(first, first\.start\) is also taken by second/);
    expect(() => checkRegistration([...journeys].reverse())).toThrow(/is also taken by first/);
  });

  it('a bot given clashing journeys does not start', async () => {
    await expect(
      createTestBot({
        journeys: async (services) => {
          const set = await createJourneys(services);
          return { ...set, journeys: [...set.journeys, journey('copy', { phrases: ['help me check eligibility', 'check eligibility'] })] };
        },
      }),
    ).rejects.toThrow(/"check eligibility"/);
  });
});
