import fc from 'fast-check';

/**
 * Typed text built to find super-linear backtracking: long runs of punctuation or of mixed white
 * space and punctuation, between words a parser looks for. A run of one repeated letter never
 * triggers it (a pattern anchored at the end only retries inside runs it can match).
 */

const MARKS = ['.', ',', '!', '?', ';', ':', '…', '-', "'", '’'] as const;
const SPACES = [' ', '\t', '\u00a0', '\u2003', '\u3000'] as const;
const WORDS_BEFORE = ['x', '', 'I\'m the head of ', 'this chat is the ', 'delivered day 1 ', 'urn', '1', 'go to section '] as const;
const WORDS_AFTER = ['x', '', ' days', '½', ' liaison group', '!', ':'] as const;

const runOf = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** One punctuation mark repeated `minLength` to `maxLength` times, between words. */
export function punctuationRun(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .record({ mark: fc.constantFrom(...MARKS), length: fc.integer({ min: minLength, max: maxLength }), before: fc.constantFrom(...WORDS_BEFORE), after: fc.constantFrom(...WORDS_AFTER) })
    .map(({ mark, length, before, after }) => before + runOf(mark, length) + after);
}

/** A short mix of white space and punctuation repeated to `minLength`–`maxLength` characters, between words. */
export function mixedRun(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .record({
      unit: fc.array(fc.constantFrom(...MARKS, ...SPACES), { minLength: 2, maxLength: 6 }).map((characters) => characters.join('')),
      length: fc.integer({ min: minLength, max: maxLength }),
      before: fc.constantFrom(...WORDS_BEFORE),
      after: fc.constantFrom(...WORDS_AFTER),
    })
    .map(({ unit, length, before, after }) => before + runOf(unit, length) + after);
}
