import type { School } from './types.js';

/**
 * Finding a school by what a headteacher types: its URN, or its name as they remember it, in
 * any case, with or without punctuation, in part ("oak prim"), in another word order, or with
 * a slip of the keyboard ("Oakfeild").
 *
 * How a school matches, best first:
 * - `urn`: the query is the school's six-digit URN;
 * - `exact`: the query is the school's whole name;
 * - `prefix`: every word of the query is a word of the name or the beginning of one;
 * - `contains`: every word is found in the name, some only inside a word ("field" in Oakfield);
 * - `fuzzy`: some word is found only with a typo, or some word is not found at all (the words
 *   found must count for at least half, a rare word counting for more than "primary").
 * Within a kind, a school ranks higher when its words match more closely, its name starts with
 * the query, the query appears in it as written, and the query accounts for more of its name;
 * then shorter names come first (the query says more of them), then by name and by URN.
 * "The", "of" and "and" need not be found; "Saint" and "St" are the same word.
 */
export const MATCH_KINDS = ['urn', 'exact', 'prefix', 'contains', 'fuzzy'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface SchoolMatch {
  readonly school: School;
  /** From 0 to 1; 1 for a URN or the whole name. */
  readonly score: number;
  readonly match: MatchKind;
}

export interface SchoolSearchOptions {
  /** How many matches to return, best first: 10 unless given, at most 100. */
  readonly limit?: number | undefined;
  /** Only schools in this liaison group. */
  readonly liaisonGroupId?: string | undefined;
}

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 100;

const SYNONYMS = new Map([['saint', 'st']]);
/** Words so common in school names that a query leaving them out still matches in full. */
const FILLER_WORDS = new Set(['the', 'of', 'and']);

/** The words of a name or a query, as compared: lower case, without accents, apostrophes or punctuation. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => SYNONYMS.get(word) ?? word);
}

// How one query word met one word of a name; higher is better.
const TYPO = 0;
const INSIDE = 1;
const PREFIX = 2;
const WHOLE = 3;
type HitKind = typeof TYPO | typeof INSIDE | typeof PREFIX | typeof WHOLE;

interface Hit {
  readonly kind: HitKind;
  /** How close the two words are, from 0 to 1. */
  readonly quality: number;
}

interface IndexedSchool {
  school: School;
  /** The distinct words of the name. */
  readonly words: readonly string[];
  /** The name's words in order, joined by single spaces. */
  readonly phrase: string;
}

/** Query words beyond this many are not looked for: no school is told apart by its ninth word. */
const MAX_TERMS = 8;

const URN_QUERY = /^\s*(?:urn\s*(?::\s*)?)?(\d{6})\s*$/i;

/**
 * An in-memory index of school names: each word to the schools whose name holds it, a sorted
 * vocabulary for word beginnings, and each word's trigrams for words found inside another and
 * for typos. Updating it is cheap, so an import can feed it batch by batch.
 */
export class SchoolSearchIndex {
  /** Indexed schools by position; a school renamed since leaves an empty slot until the next compaction. */
  #schools: (IndexedSchool | undefined)[] = [];
  #positionOfUrn = new Map<string, number>();
  #schoolsWithWord = new Map<string, number[]>();
  #vocabulary: string[] = [];
  #wordsWithTrigram = new Map<string, string[]>();
  /** Words indexed since the vocabulary and trigrams were last brought up to date. */
  #newWords: string[] = [];
  #emptySlots = 0;
  // Scratch space for one query, kept between queries so that a search allocates little: which
  // schools this query has touched (marked with its stamp), each one's best hit per query word
  // (kind, -1 for none, and quality), and how many of its words were hit.
  #stamps = new Uint32Array(0);
  #stamp = 0;
  #bestKind = new Int8Array(0);
  #bestQuality = new Float32Array(0);
  #wordsHit = new Uint8Array(0);

  constructor(schools: Iterable<School> = []) {
    this.upsert(schools);
  }

  /** How many schools are indexed. */
  get size(): number {
    return this.#positionOfUrn.size;
  }

  /** Adds schools, or replaces those already indexed under the same URN. */
  upsert(schools: Iterable<School>): void {
    for (const school of schools) {
      const position = this.#positionOfUrn.get(school.urn);
      const indexed = position === undefined ? undefined : this.#schools[position];
      if (indexed && indexed.school.name === school.name) {
        indexed.school = school;
        continue;
      }
      if (position !== undefined) {
        this.#schools[position] = undefined;
        this.#emptySlots++;
      }
      this.#add(school);
    }
    if (this.#emptySlots > 1_000 && this.#emptySlots > this.#schools.length / 4) this.#compact();
  }

  #add(school: School): void {
    const position = this.#schools.length;
    const words = nameWords(school.name);
    const distinct = [...new Set(words)];
    this.#schools.push({ school, words: distinct, phrase: words.join(' ') });
    this.#positionOfUrn.set(school.urn, position);
    for (const word of distinct) {
      const positions = this.#schoolsWithWord.get(word);
      if (positions) positions.push(position);
      else {
        this.#schoolsWithWord.set(word, [position]);
        this.#newWords.push(word);
      }
    }
  }

  #compact(): void {
    const schools = this.#schools.flatMap((indexed) => (indexed ? [indexed.school] : []));
    this.#schools = [];
    this.#positionOfUrn = new Map();
    this.#schoolsWithWord = new Map();
    this.#vocabulary = [];
    this.#wordsWithTrigram = new Map();
    this.#newWords = [];
    this.#emptySlots = 0;
    for (const school of schools) this.#add(school);
  }

  /** Brings the sorted vocabulary and the trigram lists up to date with the words added since. */
  #catchUp(): void {
    if (this.#newWords.length === 0) return;
    const added = this.#newWords.sort();
    this.#newWords = [];
    for (const word of added) {
      for (const trigram of trigramsOf(word)) {
        const words = this.#wordsWithTrigram.get(trigram);
        if (words) words.push(word);
        else this.#wordsWithTrigram.set(trigram, [word]);
      }
    }
    this.#vocabulary = mergeSorted(this.#vocabulary, added);
  }

  search(query: string, options: SchoolSearchOptions = {}): SchoolMatch[] {
    const limit = Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT)));

    const urn = URN_QUERY.exec(query)?.[1];
    if (urn !== undefined) {
      const position = this.#positionOfUrn.get(urn);
      const school = position === undefined ? undefined : this.#schools[position]?.school;
      const inScope = school !== undefined && (options.liaisonGroupId === undefined || school.liaisonGroupId === options.liaisonGroupId);
      return inScope ? [{ school, score: 1, match: 'urn' }] : [];
    }

    const queryWords = nameWords(query);
    if (queryWords.length === 0) return [];
    const phrase = queryWords.join(' ');
    const meaningful = [...new Set(queryWords)].filter((word) => !FILLER_WORDS.has(word));
    const terms = (meaningful.length > 0 ? meaningful : [...new Set(queryWords)]).slice(0, MAX_TERMS);

    this.#catchUp();
    const hitsByTerm = terms.map((term) => this.#hitsFor(term));
    const reach = hitsByTerm.map((hits) => {
      let schools = 0;
      for (const word of hits.keys()) schools += this.#schoolsWithWord.get(word)?.length ?? 0;
      return schools;
    });
    // A rare word says more about which school is meant than a common one ("primary"); a word
    // found in no school at all says nothing about which school it is, so it weighs nothing.
    const weights = reach.map((schools) => (schools === 0 ? 0 : Math.log(1 + this.size / schools)));
    const weightTotal = weights.reduce((sum, weight) => sum + weight, 0);
    if (weightTotal === 0) return [];

    const candidates = this.#gather(hitsByTerm, reach);
    const best = new TopMatches(limit);
    const spacedPhrase = ` ${phrase}`;
    const termCount = terms.length;
    const wanted = options.liaisonGroupId;
    const schools = this.#schools;
    const bestKind = this.#bestKind;
    const bestQuality = this.#bestQuality;
    const wordsHit = this.#wordsHit;
    for (const position of candidates) {
      const indexed = schools[position];
      if (!indexed || (wanted !== undefined && indexed.school.liaisonGroupId !== wanted)) continue;
      if (indexed.phrase === phrase) {
        best.offer(indexed.school, 1, 'exact');
        continue;
      }
      let found = 0;
      let weightFound = 0;
      let weightedQuality = 0;
      let weakest: number = WHOLE;
      for (let term = 0, slot = position * MAX_TERMS; term < termCount; term++, slot++) {
        const kind = bestKind[slot] as number;
        if (kind < 0) continue;
        const weight = weights[term] as number;
        found++;
        weightFound += weight;
        weightedQuality += weight * (bestQuality[slot] as number);
        if (kind < weakest) weakest = kind;
      }
      // A school missing some words is still offered if it has the words that count for at least half.
      if (found === 0 || weightFound * 2 < weightTotal) continue;
      const match: MatchKind = found < termCount || weakest === TYPO ? 'fuzzy' : weakest === INSIDE ? 'contains' : 'prefix';
      const band = match === 'prefix' ? 2 : match === 'contains' ? 1 : 0;
      const explained = Math.min(1, (wordsHit[position] as number) / indexed.words.length);
      const closeness = 0.55 * (weightedQuality / weightTotal) + 0.1 * explained;
      // Looking for the query in the name costs most, so it is skipped when even finding it could not bring the school in.
      if (!best.mightTake((band + Math.min(closeness + 0.35, 0.999)) / 4)) continue;
      const startsWithQuery = indexed.phrase.startsWith(phrase) ? 0.2 : 0;
      const holdsQuery = startsWithQuery > 0 || indexed.phrase.includes(spacedPhrase) ? 0.15 : 0;
      best.offer(indexed.school, (band + Math.min(closeness + startsWithQuery + holdsQuery, 0.999)) / 4, match);
    }
    return best.matches();
  }

  /**
   * Finds the schools worth scoring and, for each, the best hit of every query word. Candidates
   * are the schools holding a word that some fairly rare query word matched: a very common word
   * ("primary") brings in candidates only when every query word is common, so that a rarer word
   * keeps a query from scoring most of the directory. The other words' hits are then looked up
   * either through their word lists or through the candidates' words, whichever is shorter.
   */
  #gather(hitsByTerm: readonly Map<string, Hit>[], reach: readonly number[]): number[] {
    this.#prepareScratch();
    const stamp = this.#stamp;
    const common = Math.max(1_000, this.#schools.length / 20);
    let generators = reach.flatMap((schools, term) => (schools > 0 && schools <= common ? [term] : []));
    if (generators.length === 0) {
      const smallest = Math.min(...reach.filter((schools) => schools > 0));
      generators = [reach.indexOf(smallest)];
    }

    const candidates: number[] = [];
    for (const term of generators) {
      for (const [word, hit] of hitsByTerm[term] ?? []) {
        for (const position of this.#schoolsWithWord.get(word) ?? []) {
          if (this.#stamps[position] !== stamp) {
            this.#stamps[position] = stamp;
            this.#bestKind.fill(-1, position * MAX_TERMS, (position + 1) * MAX_TERMS);
            this.#wordsHit[position] = 0;
            candidates.push(position);
          }
          this.#record(position, term, hit);
        }
      }
    }

    hitsByTerm.forEach((hits, term) => {
      if (generators.includes(term)) return;
      if ((reach[term] ?? 0) <= candidates.length * 8) {
        for (const [word, hit] of hits) {
          for (const position of this.#schoolsWithWord.get(word) ?? []) if (this.#stamps[position] === stamp) this.#record(position, term, hit);
        }
        return;
      }
      for (const position of candidates) {
        for (const word of this.#schools[position]?.words ?? []) {
          const hit = hits.get(word);
          if (hit) this.#record(position, term, hit);
        }
      }
    });
    return candidates;
  }

  #record(position: number, term: number, hit: Hit): void {
    const slot = position * MAX_TERMS + term;
    const kind = this.#bestKind[slot] as number;
    if (hit.kind > kind || (hit.kind === kind && hit.quality > (this.#bestQuality[slot] as number))) {
      this.#bestKind[slot] = hit.kind;
      this.#bestQuality[slot] = hit.quality;
    }
    if ((this.#wordsHit[position] as number) < 255) this.#wordsHit[position] = (this.#wordsHit[position] as number) + 1;
  }

  /** Sizes the per-query scratch space to the index and starts a new query's marks. */
  #prepareScratch(): void {
    if (this.#stamps.length < this.#schools.length) {
      const length = Math.ceil(this.#schools.length * 1.25) + 64;
      this.#stamps = new Uint32Array(length);
      this.#bestKind = new Int8Array(length * MAX_TERMS);
      this.#bestQuality = new Float32Array(length * MAX_TERMS);
      this.#wordsHit = new Uint8Array(length);
      this.#stamp = 0;
    }
    if (this.#stamp === 0xffffffff) {
      this.#stamps.fill(0);
      this.#stamp = 0;
    }
    this.#stamp++;
  }

  /** Every indexed word that one query word matches, and how. */
  #hitsFor(term: string): Map<string, Hit> {
    const hits = new Map<string, Hit>();
    if (this.#schoolsWithWord.has(term)) hits.set(term, { kind: WHOLE, quality: 1 });

    if (term.length >= 2) {
      for (let index = lowerBound(this.#vocabulary, term); index < this.#vocabulary.length; index++) {
        const word = this.#vocabulary[index] as string;
        if (!word.startsWith(term)) break;
        if (word !== term) hits.set(word, { kind: PREFIX, quality: 0.6 + (0.3 * term.length) / word.length });
      }
    }

    if (term.length >= 3) {
      const inner = innerTrigramsOf(term);
      let rarest: string[] | undefined;
      for (const trigram of inner) {
        const words = this.#wordsWithTrigram.get(trigram) ?? [];
        if (!rarest || words.length < rarest.length) rarest = words;
      }
      for (const word of rarest ?? []) {
        if (!hits.has(word) && word.includes(term)) hits.set(word, { kind: INSIDE, quality: 0.4 + (0.2 * term.length) / word.length });
      }
    }

    if (term.length >= 4) {
      const allowed = term.length >= 8 ? 2 : 1;
      const trigrams = trigramsOf(term);
      // An edit spoils at most three trigrams, and a swap of two letters four, so a word within
      // reach shares at least this many.
      const needed = Math.max(1, trigrams.length - 4 * allowed);
      const shared = new Map<string, number>();
      for (const trigram of trigrams) {
        for (const word of this.#wordsWithTrigram.get(trigram) ?? []) shared.set(word, (shared.get(word) ?? 0) + 1);
      }
      for (const [word, count] of shared) {
        if (count < needed || hits.has(word) || Math.abs(word.length - term.length) > allowed) continue;
        const distance = editDistance(term, word, allowed);
        if (distance <= allowed) hits.set(word, { kind: TYPO, quality: distance === 1 ? 0.5 : 0.3 });
      }
    }
    return hits;
  }
}

/** The best matches seen so far, kept in order, never more than the limit. */
class TopMatches {
  readonly #kept: SchoolMatch[] = [];
  constructor(readonly limit: number) {}

  offer(school: School, score: number, match: MatchKind): void {
    const kept = this.#kept;
    const worst = kept[kept.length - 1];
    if (kept.length >= this.limit && worst && !ranksBefore(score, school, worst)) return;
    let index = kept.length;
    while (index > 0) {
      const before = kept[index - 1] as SchoolMatch;
      if (!ranksBefore(score, school, before)) break;
      index--;
    }
    kept.splice(index, 0, { school, score, match });
    if (kept.length > this.limit) kept.pop();
  }

  /** Whether a school with this score could be among the best (a tie may still win on its name). */
  mightTake(score: number): boolean {
    const worst = this.#kept[this.#kept.length - 1];
    return this.#kept.length < this.limit || !worst || score >= worst.score;
  }

  matches(): SchoolMatch[] {
    return [...this.#kept];
  }
}

function ranksBefore(score: number, school: School, other: SchoolMatch): boolean {
  if (score !== other.score) return score > other.score;
  if (school.name.length !== other.school.name.length) return school.name.length < other.school.name.length;
  if (school.name !== other.school.name) return school.name < other.school.name;
  return school.urn < other.school.urn;
}

/** Trigrams of a word marked at both ends, so that beginnings and endings count too. */
function trigramsOf(word: string): string[] {
  const marked = `^${word}$`;
  const trigrams = new Set<string>();
  for (let index = 0; index + 3 <= marked.length; index++) trigrams.add(marked.slice(index, index + 3));
  return [...trigrams];
}

/** Trigrams lying wholly inside a word: what a word found inside another shares with it. */
function innerTrigramsOf(word: string): string[] {
  const trigrams = new Set<string>();
  for (let index = 0; index + 3 <= word.length; index++) trigrams.add(word.slice(index, index + 3));
  return [...trigrams];
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mergeSorted(first: readonly string[], second: readonly string[]): string[] {
  const merged: string[] = new Array(first.length + second.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < first.length && j < second.length) merged[k++] = (first[i] as string) <= (second[j] as string) ? (first[i++] as string) : (second[j++] as string);
  while (i < first.length) merged[k++] = first[i++] as string;
  while (j < second.length) merged[k++] = second[j++] as string;
  return merged;
}

/**
 * The optimal string alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters, the commonest typo: "ie" for "ei"), or `limit + 1` once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length] as number, limit + 1);
}
