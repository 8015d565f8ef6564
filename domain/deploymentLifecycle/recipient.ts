/**
 * Which school or trust a system leader names ("I can support Willowmere", "I can support Oakfield
 * Academy Trust"). The directory knows trusts only through their schools (GIAS's "Trusts (name)"),
 * so a trust is one of those names, or, when the directory has none by that name, words ending in
 * "trust" (a trust beyond the council's schools). Otherwise it is a school: the directory's when
 * the words find exactly one, or the words themselves.
 */
import type { SchoolMatch } from '../directory/search.js';
import type { Recipient } from './record.js';

const lower = (text: string) => text.trim().toLowerCase();

/** The one entry whose name starts with the words, if exactly one does. */
function onlyStarting<T>(items: readonly T[], words: string, nameOf: (item: T) => string): T | undefined {
  const starting = items.filter((item) => lower(nameOf(item)).startsWith(words));
  return starting.length === 1 ? starting[0] : undefined;
}

/**
 * @param matches the directory's search for the words, best first
 * @param trusts the trusts the directory's schools belong to
 */
export function recipientNamed(name: string, matches: readonly SchoolMatch[], trusts: readonly string[]): Recipient {
  const words = lower(name);
  const trust = trusts.find((candidate) => lower(candidate) === words);
  if (trust !== undefined) return { kind: 'trust', name: trust };
  const whole = matches.filter((match) => match.score === 1);
  const school = whole.length === 1 ? whole[0] : onlyStarting(matches, words, (match) => match.school.name);
  if (school) return { kind: 'school', name: school.school.name, urn: school.school.urn };
  const startingTrust = onlyStarting(trusts, words, (candidate) => candidate);
  if (startingTrust !== undefined) return { kind: 'trust', name: startingTrust };
  return { kind: /\btrust$/.test(words) ? 'trust' : 'school', name: name.trim() };
}
