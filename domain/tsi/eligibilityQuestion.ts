/** Words that name the speaker's own school or trust, not one to search the directory for. */
const OWN = new Set(['my school', 'our school', 'my trust', 'our trust', 'we', 'i', 'this school', 'my academy', 'our academy', 'us']);

const QUESTION = /^(?:is|are|would|could|can|will|does|do) ([a-z0-9][a-z0-9 .,'&()-]{1,79}) (?:eligible|eligable|qualify)(?: for (?:tsi|support|tsi support|school improvement support))?$/;

/**
 * The school named in "is Oakfield Primary eligible?", to look up in the directory; undefined
 * when the question names no school (or the speaker's own, which their profile gives).
 */
export function schoolAskedAbout(text: string): string | undefined {
  const said = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'").replace(/(?<![.!?])[.!?]+$/, '');
  // "would X be eligible": the "be" is no part of the name.
  const named = QUESTION.exec(said)?.[1]?.replace(/ be$/, '').trim();
  return named === undefined || OWN.has(named) ? undefined : named;
}
