/**
 * Text one person typed, made safe to show to another. Teams renders Markdown in messages and
 * in Adaptive Card TextBlocks and FactSets, so a champion's "name" of `[Sign in](https://…)`
 * would be a live link on the SIT's review card, and `# Urgent` or `- item` would restyle it.
 * Every character that gives Markdown a meaning anywhere in a line is escaped with a backslash
 * (CommonMark: any ASCII punctuation may be), and so is one that does only at the start of a
 * line (a heading, a list, a quote) there; the reader sees exactly what was typed, inert.
 * A web address stays readable but is not made a link (Teams, like GitHub's Markdown, links a
 * bare `https://…` or `www.…`). Line breaks are kept.
 *
 * Every card renderer and message that shows another person's words goes through here.
 */
// Brackets are what make a link or an image, so "(…)" alone is left as it is.
const INLINE = /[\\`*_[\]<>~]/g;
/** A heading, a bullet, a quote or a setext underline at the start of a line. */
const LINE_START = /^([ \t]*)([-+#=])/gm;
/** "1." or "1)" at the start of a line starts an ordered list. */
const ORDERED_LIST = /^([ \t]*\d+)([.)])/gm;
/** Where a bare web address would be made a link. */
const AUTOLINK = /(\w)(:\/\/)|\b(www)\./gi;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (character) => `\\${character}`)
    .replace(LINE_START, '$1\\$2')
    .replace(ORDERED_LIST, '$1\\$2')
    .replace(AUTOLINK, (_match, before?: string, _scheme?: string, www?: string) => (www === undefined ? `${before}\\://` : `${www}\\.`));
}

/** The same for text that may be absent. */
export function escapeOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : escapeMarkdown(text);
}
