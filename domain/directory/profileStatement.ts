/**
 * What a person says about who they are, in their own words: "I'm the head of Oakfield
 * Primary", "I work at 900123", "I am a system leader". Pure: the school itself is found by the
 * directory afterwards.
 */
export type ProfileStatement =
  | { readonly kind: 'school'; readonly role: 'headteacher' | 'staff'; readonly schoolQuery: string }
  | { readonly kind: 'system_leader'; readonly role: 'mat_ceo' | 'nle' | undefined };

// The patterns run on text whose white space is already one space at a time (see `said` below), so
// they name single spaces: `\s*` or `\s+` next to one another or to `.+` backtrack polynomially.
const HEAD = /^(?:i ?['’]? ?a?m|i am) (?:the |a )?(?:head ?teacher|head|principal|executive head(?:teacher)?|acting head(?:teacher)?) (?:of|at) (.+)$/i;
const STAFF = /^(?:i work (?:at|for)|i ?['’]? ?a?m (?:on the )?staff (?:at|of)|i teach at) (.+)$/i;
const SYSTEM_LEADER = /^(?:i ?['’]? ?a?m|i am) (?:a |an |the )?(system leader|mat ceo|ceo of a (?:mat|multi[- ]academy trust)|trust ceo|nle|national leader of education)\b/i;

/** Trailing full stops, question and exclamation marks; the look-behind starts the match only at the head of a run, so a long run is read once. */
const TRAILING_MARKS = /(?<![.!?])[.!?]+$/;

function cleanQuery(text: string): string {
  return text.replace(TRAILING_MARKS, '').trim();
}

export function parseProfileStatement(text: string): ProfileStatement | undefined {
  const said = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const head = HEAD.exec(said);
  if (head?.[1] && cleanQuery(head[1])) return { kind: 'school', role: 'headteacher', schoolQuery: cleanQuery(head[1]) };
  const staff = STAFF.exec(said);
  if (staff?.[1] && cleanQuery(staff[1])) return { kind: 'school', role: 'staff', schoolQuery: cleanQuery(staff[1]) };
  const leader = SYSTEM_LEADER.exec(said);
  if (leader?.[1]) {
    const what = leader[1].toLowerCase();
    const role = /nle|national/.test(what) ? 'nle' : /ceo/.test(what) ? 'mat_ceo' : undefined;
    return { kind: 'system_leader', role };
  }
  return undefined;
}

/** "This chat is the Aylesbury liaison group", "link this chat to liaison group 3". */
export function parseChatLinkStatement(text: string): { readonly groupQuery: string } | undefined {
  const said = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const match =
    /^(?:this (?:chat|channel|group) is (?:for )?(?:the )?|link this (?:chat|channel) to (?:the )?)(.+)$/i.exec(said);
  if (!match?.[1]) return undefined;
  const query = match[1].replace(TRAILING_MARKS, '').replace(/ liaison group$/i, '').trim();
  return query ? { groupQuery: query } : undefined;
}

/**
 * The liaison group a person means: its id ("lg-04"), its number ("liaison group 4", "4"), or
 * its name or part of it. Several candidates when the words fit more than one.
 */
export function findLiaisonGroup<G extends { readonly id: string; readonly name: string }>(query: string, groups: readonly G[]): G[] {
  const said = query.toLowerCase().replace(/\s+/g, ' ').trim();
  const byId = groups.find((group) => group.id === said);
  if (byId) return [byId];
  const number = /^(?:liaison\s+group\s+|group\s+|lg-?)?0*(\d{1,2})$/.exec(said)?.[1];
  if (number) {
    const byNumber = groups.find((group) => group.id === `lg-${number.padStart(2, '0')}`);
    if (byNumber) return [byNumber];
  }
  const exact = groups.filter((group) => group.name.toLowerCase() === said);
  if (exact.length > 0) return exact;
  return groups.filter((group) => group.name.toLowerCase().includes(said));
}
