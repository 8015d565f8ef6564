import { ExampleMatcher } from '../lib/exampleMatcher.js';
import { knownPhrases, type Command, type Journey } from './journey.js';
import { normaliseCommandText } from '../domain/text.js';

/** Small talk the bot answers kindly instead of "I did not understand". */
export type SmallTalk = 'greeting' | 'thanks';

const SMALL_TALK: Record<SmallTalk, readonly string[]> = {
  greeting: ['hello', 'hi', 'hiya', 'hey', 'hi there', 'hello there', 'good morning', 'good afternoon', 'good evening', 'morning', 'afternoon', 'hello bot', 'hi bot', 'yo'],
  thanks: ['thanks', 'thank you', 'thank you very much', 'thanks very much', 'thanks a lot', 'many thanks', 'cheers', 'ta', 'great thanks', 'brilliant thanks', 'brilliant thank you', 'lovely thanks', 'thx'],
};

/** A command the user may have meant, and the words that start it (what its button sends). */
export interface Suggestion {
  readonly journeyId: string;
  readonly title: string;
  readonly phrase: string;
  readonly score: number;
}

export type Understood =
  | { readonly kind: 'command'; readonly journeyId: string; readonly command: Command }
  | { readonly kind: 'smallTalk'; readonly smallTalk: SmallTalk }
  | { readonly kind: 'suggestions'; readonly suggestions: readonly Suggestion[] }
  | { readonly kind: 'none' };

/**
 * The council's own judgement, from the utterance test set (test/fixtures/utterances.json): under
 * this a text shares too little with any example to suggest anything.
 */
const LEAST_SCORE = 0.3;
/** Small talk is answered only when it is close to certain, so "hi, log attendance" is not taken as a greeting. */
const SMALL_TALK_SCORE = 0.7;

type Target = { readonly smallTalk: SmallTalk } | { readonly journeyId: string; readonly command: Command; readonly phrase: string | undefined };

/**
 * What a typed message is most likely for, when it is no command's exact words: trained from each
 * journey's own phrases and example utterances (so a new journey brings its own), deterministic
 * and offline.
 */
export class Understanding {
  readonly #targets: Target[] = [];
  readonly #matcher: ExampleMatcher<number>;
  readonly #commands: { readonly journeyId: string; readonly command: Command }[];

  constructor(journeys: readonly Journey[]) {
    const examples: { label: number; text: string }[] = [];
    for (const [smallTalk, texts] of Object.entries(SMALL_TALK) as [SmallTalk, readonly string[]][]) {
      const label = this.#targets.push({ smallTalk }) - 1;
      for (const text of texts) examples.push({ label, text });
    }
    this.#commands = journeys.flatMap((journey) => journey.commands.map((command) => ({ journeyId: journey.id, command })));
    for (const { journeyId, command } of this.#commands) {
      const texts = [...knownPhrases(command), ...(command.examples ?? [])];
      // The button sends words the command itself accepts, so a tap starts it exactly as typing would.
      const phrase = [command.summary?.command, ...texts].find((text) => text !== undefined && command.match(text) !== undefined);
      const label = this.#targets.push({ journeyId, command, phrase }) - 1;
      for (const text of texts) examples.push({ label, text });
    }
    this.#matcher = new ExampleMatcher(examples);
  }

  understand(text: string): Understood {
    const exact = this.#commands.find(({ command }) => command.match(text) !== undefined);
    if (exact) return { kind: 'command', ...exact };
    if (normaliseCommandText(text) === '') return { kind: 'none' };
    const ranked = this.#matcher.rank(text);
    const best = ranked[0];
    if (!best || best.score < LEAST_SCORE) return { kind: 'none' };
    const target = this.#targets[best.label]!;
    if ('smallTalk' in target) return best.score >= SMALL_TALK_SCORE ? { kind: 'smallTalk', smallTalk: target.smallTalk } : { kind: 'none' };
    const suggestions: Suggestion[] = [];
    for (const { label, score } of ranked) {
      const candidate = this.#targets[label]!;
      if (score < LEAST_SCORE || 'smallTalk' in candidate || candidate.phrase === undefined) continue;
      if (suggestions.some((suggestion) => suggestion.journeyId === candidate.journeyId && suggestion.phrase === candidate.phrase)) continue;
      suggestions.push({ journeyId: candidate.journeyId, title: candidate.command.summary?.title ?? candidate.phrase, phrase: candidate.phrase, score });
      if (suggestions.length === 2) break;
    }
    return suggestions.length > 0 ? { kind: 'suggestions', suggestions } : { kind: 'none' };
  }
}
