import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourneys } from '../../bot/journeys.js';
import { createTestBot, type TestBot } from '../support/testBot.js';
import { EVERY_CARD, RENDERERS } from './everyCard.js';
import { teamsCardProblems } from './teamsCardCheck.js';

/**
 * Every card every renderer produces, as the Teams client would take it: the official
 * `adaptivecards` parser with Teams' host config, and Teams' own limits.
 */
let testBot: TestBot | undefined;
const verbs = new Set<string>();

beforeAll(async () => {
  testBot = await createTestBot({
    journeys: async (services) => {
      const set = await createJourneys(services);
      for (const journey of set.journeys) for (const verb of journey.verbs) verbs.add(verb.verb);
      return set;
    },
  });
});
afterAll(async () => {
  await testBot?.close();
});

describe('every card works in the Teams client', () => {
  it('has a row of data for every renderer cards/ exports', () => {
    const covered = new Set(EVERY_CARD.map((row) => row.renderer));
    expect(RENDERERS.filter((renderer) => !covered.has(renderer))).toEqual([]);
  });

  it.each(EVERY_CARD.map((row) => [`${row.renderer} (${row.data})`, row] as const))('%s', (_name, row) => {
    expect(teamsCardProblems(row.card(), verbs)).toEqual([]);
  });
});
