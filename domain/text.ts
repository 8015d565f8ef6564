/** Words the bot writes and reads the same way in every journey. */

/** 'a', 'b', 'c' → 'a, b and c'. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Answers that mean yes or no wherever a yes-or-no question is asked; a journey may accept more. */
export const YES_WORDS: readonly string[] = ['yes', 'y', 'yeah', 'yep', 'true'];
export const NO_WORDS: readonly string[] = ['no', 'n', 'nope', 'false'];

/** Answers that say the person does not know, to any question. */
const UNSURE_WORDS = new Set(
  [
    'not sure', "i'm not sure", 'im not sure', 'i am not sure', 'unsure', 'not certain', 'maybe', 'perhaps', 'possibly',
    "don't know", 'dont know', 'do not know', "i don't know", 'i dont know', 'i do not know', "i don't know it", 'i dont know it',
    "i don't know the urn", "i don't know its urn", "don't know the urn", 'i do not know the urn', 'no idea', 'not a clue', 'no clue', 'dunno', 'unknown', 'not known',
  ],
);

/** Whether an answer says "I don't know" ("not sure", "no idea", "I don't know the URN"…). */
export function saysUnsure(text: string): boolean {
  return UNSURE_WORDS.has(normaliseCommandText(text));
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ORDINAL_PATTERN = /^(?:the )?(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)|(\d{1,2})(?:st|nd|rd|th)|(?:number|option|no\.?) (\d{1,2}))(?: one| school| option)?$/;

/**
 * The position (0 first) an answer picks by order, among `count` choices shown in a list:
 * "the first one", "second", "2nd", "the last", "number 3". Undefined when it says no position,
 * or one past the end.
 */
export function ordinalChoice(text: string, count: number): number | undefined {
  const match = ORDINAL_PATTERN.exec(normaliseCommandText(text));
  if (!match) return undefined;
  const [, word, digits, numbered] = match;
  const position = word === 'last' ? count - 1 : word ? ORDINALS.indexOf(word) : Number(digits ?? numbered) - 1;
  return position >= 0 && position < count ? position : undefined;
}

/**
 * Lower case, single spaces, no surrounding punctuation: what commands and typed answers are matched
 * against. A message of question marks alone is "?", a call for help, not an empty message.
 */
export function normaliseCommandText(text: string): string {
  const spaced = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ');
  if (/^ ?\?+ ?$/.test(spaced)) return '?';
  return spaced.replace(/^[\s.,!?;:]+|(?<![\s.,!?;:])[\s.,!?;:]+$/g, '').trim();
}
