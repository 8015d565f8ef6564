import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourneys } from '../../../bot/journeys.js';
import { Understanding, type Understood } from '../../../dialogs/understanding.js';
import fixture from '../../fixtures/utterances.json' with { type: 'json' };
import { createTestBot, type TestBot } from '../../support/testBot.js';

/** The share of the test set understood as the journey meant; the issue asks for at least this. */
const LEAST_ACCURACY = 0.95;

/** What the bot takes an utterance for: a journey's id, or "greeting"/"thanks"; undefined for "I did not understand". */
function meant(understood: Understood): string | undefined {
  switch (understood.kind) {
    case 'command':
      return understood.journeyId;
    case 'smallTalk':
      return understood.smallTalk;
    case 'suggestions':
      return understood.suggestions[0]?.journeyId;
    case 'none':
      return undefined;
  }
}

let testBot: TestBot;
let understanding: Understanding;
beforeAll(async () => {
  testBot = await createTestBot();
  understanding = new Understanding((await createJourneys(testBot.services)).journeys);
});
afterAll(async () => testBot.close());

describe('the utterance test set', () => {
  it('holds at least 150 utterances across every journey', async () => {
    expect(fixture.utterances.length).toBeGreaterThanOrEqual(150);
    const journeys = (await createJourneys(testBot.services)).journeys.map((journey) => journey.id);
    const covered = new Set(fixture.utterances.map((utterance) => utterance.journey));
    for (const journey of journeys) expect(covered, journey).toContain(journey);
  });

  it(`understands at least ${LEAST_ACCURACY * 100}% as the journey meant`, () => {
    const misses = fixture.utterances
      .map(({ text, journey }) => ({ text, expected: journey, got: meant(understanding.understand(text)) }))
      .filter(({ expected, got }) => expected !== got);
    const accuracy = 1 - misses.length / fixture.utterances.length;
    console.info(`Understood ${fixture.utterances.length - misses.length} of ${fixture.utterances.length} (${(accuracy * 100).toFixed(1)}%).${misses.map((miss) => `\n  "${miss.text}": meant ${miss.expected}, taken as ${miss.got ?? 'nothing'}`).join('')}`);
    expect(accuracy).toBeGreaterThanOrEqual(LEAST_ACCURACY);
  });

  it('reads the entities each utterance that names one gives', () => {
    const named = fixture.utterances.filter((utterance): utterance is typeof utterance & { entities: Record<string, string> } => 'entities' in utterance);
    expect(named.length).toBeGreaterThan(0);
    for (const { text, entities } of named) {
      const understood = understanding.understand(text);
      expect(understood.kind === 'command' ? understood.command.match(text) : undefined, text).toEqual(entities);
    }
  });

  it('is deterministic: the same text is understood the same way twice', () => {
    for (const { text } of fixture.utterances) expect(meant(understanding.understand(text))).toBe(meant(understanding.understand(text)));
  });
});
