import { fail, ok, type Result } from '../result.js';
import { headerKey } from './gias.js';
import type { LiaisonGroup, Urn } from './types.js';

/*
 * Which liaison group a school is in. Get Information about Schools has no such column, so the
 * School Improvement Team supplies it: a CSV of `URN,liaison group`, or one school at a time in
 * chat. A group is named the way people name it: its number ("4"), its id ("lg-04") or its name.
 */

/** The header a membership file must have (matched ignoring case and spacing). */
export const MEMBERSHIP_COLUMNS = { urn: 'URN', group: 'liaison group' } as const;
export type MembershipField = keyof typeof MEMBERSHIP_COLUMNS;

/** For each column, the field it holds; a file without both columns is refused whole. */
export function readMembershipHeader(header: readonly string[]): Result<(MembershipField | undefined)[]> {
  const fieldOf = new Map<string, MembershipField>([
    [headerKey(MEMBERSHIP_COLUMNS.urn), 'urn'],
    [headerKey(MEMBERSHIP_COLUMNS.group), 'group'],
    ['liaisongroup', 'group'],
  ]);
  const fields = header.map((column) => fieldOf.get(headerKey(column)));
  if (fields.includes('urn') && fields.includes('group')) return ok(fields);
  return fail('This is not a liaison-group membership file: its first row must name the columns URN and liaison group, for example “URN,liaison group”.');
}

/**
 * The group a person or a file means: "4", "group 4", "liaison group 4", "lg-04", or a group's
 * name as stored (ignoring case). Undefined when it names no group.
 */
export function resolveLiaisonGroup(reference: string, groups: readonly LiaisonGroup[]): LiaisonGroup | undefined {
  const said = reference.trim().replace(/\s+/g, ' ').toLowerCase();
  if (said === '') return undefined;
  const byName = groups.find((group) => group.name.trim().replace(/\s+/g, ' ').toLowerCase() === said);
  if (byName) return byName;
  const byId = groups.find((group) => group.id === said);
  if (byId) return byId;
  const digits = /^(?:(?:liaison )?group )?(?:lg-?)?(\d{1,3})$/.exec(said)?.[1];
  if (digits === undefined) return undefined;
  // "4", "04" and "lg-004" name the same group.
  return groups.find((group) => Number(/^lg-(\d+)$/.exec(group.id)?.[1]) === Number(digits));
}

export interface MembershipRow {
  readonly urn: Urn;
  readonly liaisonGroupId: string;
}

/** One row of a membership file, or every problem with it in words the SIT can fix in the file. */
export function readMembershipRow(row: Partial<Record<MembershipField, string>>, groups: readonly LiaisonGroup[]): Result<MembershipRow> {
  const urnText = (row.urn ?? '').trim();
  const groupText = (row.group ?? '').trim();
  const problems: string[] = [];
  if (urnText === '') problems.push('it has no URN');
  else if (!/^\d{6}$/.test(urnText)) problems.push(`its URN "${urnText}" is not six digits`);
  const group = resolveLiaisonGroup(groupText, groups);
  if (groupText === '') problems.push('it names no liaison group');
  else if (!group) problems.push(`there is no liaison group "${groupText}"`);
  if (problems.length > 0 || !group) return fail(...problems);
  return ok({ urn: urnText, liaisonGroupId: group.id });
}

/** What a SIT administrator asks about membership in chat. */
export type MembershipStatement =
  | { readonly kind: 'add' | 'move'; readonly urn: Urn; readonly groupReference: string }
  | { readonly kind: 'remove'; readonly urn: Urn }
  | { readonly kind: 'which'; readonly urn: Urn };

/**
 * "add 110123 to liaison group 4", "move 110123 to liaison group 5", "remove 110123 from its
 * liaison group", "which group is 110123 in". Schools are named by URN: a name could match
 * two schools, and a change to the wrong one would go unnoticed.
 */
export function parseMembershipStatement(text: string): MembershipStatement | undefined {
  const said = text.trim().replace(/\s+/g, ' ').replace(/(?<![.?!])[.?!]+$/, '');
  const change = /^(add|put|move) (?:school )?(?:urn )?(\d{6}) (?:in)?to (?:the )?(.+?)$/i.exec(said);
  if (change) {
    const reference = change[3]!.replace(/ liaison group$/i, '');
    return { kind: change[1]!.toLowerCase() === 'move' ? 'move' : 'add', urn: change[2]!, groupReference: reference };
  }
  const remove = /^(?:remove|take) (?:school )?(?:urn )?(\d{6}) (?:out )?(?:from|of) (?:its |their |the )?liaison group$/i.exec(said);
  if (remove) return { kind: 'remove', urn: remove[1]! };
  const which = /^(?:which|what) (?:liaison )?group is (?:school )?(?:urn )?(\d{6}) in$/i.exec(said);
  if (which) return { kind: 'which', urn: which[1]! };
  return undefined;
}
