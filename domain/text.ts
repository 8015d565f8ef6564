/** Words the bot writes and reads the same way in every journey. */

/** 'a', 'b', 'c' → 'a, b and c'. */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Answers that mean yes or no wherever a yes-or-no question is asked; a journey may accept more. */
export const YES_WORDS: readonly string[] = ['yes', 'y', 'yeah', 'yep', 'true'];
export const NO_WORDS: readonly string[] = ['no', 'n', 'nope', 'false'];

/** Lower case, single spaces, no surrounding punctuation: what commands and typed answers are matched against. */
export function normaliseCommandText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,!?;:]+|(?<![\s.,!?;:])[\s.,!?;:]+$/g, '')
    .trim();
}
