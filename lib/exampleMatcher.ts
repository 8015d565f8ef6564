import { distance } from 'fastest-levenshtein';

/** One labelled example utterance. */
export interface Example<Label> {
  readonly label: Label;
  readonly text: string;
}

export interface Ranked<Label> {
  readonly label: Label;
  /** 0 (nothing in common) to 1 (the same words as one of its examples). */
  readonly score: number;
}

/** Short forms spelt out, so "we're" is not read as "were" (nor, a typo away, as "where"). */
const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'m\b/g, ' am'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
];

/** Words only: letters and digits, lower case; short forms spelt out, other apostrophes dropped so "school's" and "schools" meet. */
function wordsOf(text: string): string[] {
  const lower = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return CONTRACTIONS.reduce((spelt, [short, long]) => spelt.replace(short, long), lower)
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** How far a word may be from a known one and still be taken as a typo of it. */
function typoAllowance(word: string): number {
  if (word.length <= 3) return 0;
  return word.length <= 6 ? 1 : 2;
}

/**
 * Ranks labels by how close a text is to their example utterances: the words each shares with an
 * example, weighted by how rare the word is among all examples (so "attendance" tells more than
 * "my"), as a cosine between the two sets. A word not among the examples' words is taken as the
 * nearest one within a typo or two (Levenshtein distance), so "eligable" counts as "eligible".
 * Deterministic: the same examples and text always give the same ranking.
 */
export class ExampleMatcher<Label> {
  readonly #examples: { readonly label: Label; readonly words: ReadonlySet<string> }[];
  readonly #weight = new Map<string, number>();
  readonly #vocabulary: readonly string[];

  constructor(examples: readonly Example<Label>[]) {
    this.#examples = examples.map((example) => ({ label: example.label, words: new Set(wordsOf(example.text)) }));
    // Rare among labels, not among examples: a word every example of one command repeats still tells that command apart.
    const documents = new Map<string, Set<Label>>();
    for (const example of this.#examples) for (const word of example.words) documents.set(word, (documents.get(word) ?? new Set()).add(example.label));
    const labels = new Set(this.#examples.map((example) => example.label)).size;
    for (const [word, users] of documents) this.#weight.set(word, Math.log(1 + labels / users.size));
    // Sorted, so a tie between two equally near known words always goes the same way.
    this.#vocabulary = [...documents.keys()].sort();
  }

  /** The known word a typed word stands for, or undefined when none is near enough. */
  #known(word: string): string | undefined {
    if (this.#weight.has(word)) return word;
    const allowance = typoAllowance(word);
    if (allowance === 0) return undefined;
    let best: string | undefined;
    let bestDistance = allowance + 1;
    for (const candidate of this.#vocabulary) {
      if (Math.abs(candidate.length - word.length) > allowance || candidate.length <= 3) continue;
      const apart = distance(word, candidate);
      if (apart < bestDistance) {
        best = candidate;
        bestDistance = apart;
      }
    }
    return best;
  }

  /** Every label with its best example's score, best first; labels scoring 0 are left out. */
  rank(text: string): Ranked<Label>[] {
    const typed = new Set(wordsOf(text).map((word) => this.#known(word) ?? word));
    const norm = (words: Iterable<string>) => Math.sqrt([...words].reduce((sum, word) => sum + (this.#weight.get(word) ?? 1) ** 2, 0));
    const typedNorm = norm(typed);
    const best = new Map<Label, number>();
    if (typedNorm === 0) return [];
    for (const example of this.#examples) {
      let shared = 0;
      for (const word of typed) if (example.words.has(word)) shared += (this.#weight.get(word) ?? 0) ** 2;
      if (shared === 0) continue;
      const score = shared / (typedNorm * norm(example.words));
      if (score > (best.get(example.label) ?? 0)) best.set(example.label, score);
    }
    return [...best].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
  }
}
