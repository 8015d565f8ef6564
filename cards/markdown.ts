/**
 * Text one person typed, made safe to show to another. Teams renders Markdown in messages and
 * in Adaptive Card TextBlocks and FactSets, so a champion's "name" of `[Sign in](https://…)`
 * would be a live link on the SIT's review card, and `# Urgent` or `- item` would restyle it.
 * Every character Markdown gives a meaning is escaped with a backslash (CommonMark: any ASCII
 * punctuation may be), and so is a number that would start an ordered list; the reader sees
 * exactly what was typed, inert. Line breaks are kept.
 *
 * Every card renderer and message that shows another person's words goes through here.
 */
const INLINE = /[\\`*_{}[\]()<>#+\-!|~"=]/g;
/** "1." or "1)" at the start of a line starts an ordered list. */
const ORDERED_LIST = /^(\s*\d+)([.)])/gm;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, (character) => `\\${character}`).replace(ORDERED_LIST, '$1\\$2');
}

/** The same for text that may be absent. */
export function escapeOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeMarkdown(text);
}
