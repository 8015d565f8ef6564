import type { LiaisonGroup, School } from '../../../domain/directory/types.js';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { newNomination, type Nomination, type SchoolsByUrn } from '../../../domain/nomination/nomination.js';

export const NOW = new Date('2021-11-15T10:00:00Z');
export const ALICE = { aadObjectId: 'aad-alice', name: 'Alice Head' };
export const BOB = { aadObjectId: 'aad-bob', name: 'Bob Deputy' };
export const SIT = { aadObjectId: 'aad-sit', name: 'Sam SIT' };

export const GROUPS: LiaisonGroup[] = Array.from({ length: 18 }, (_, index) => {
  const number = String(index + 1).padStart(2, '0');
  return { id: `group-${number}`, name: `Liaison Group ${number}` };
});
export const GROUP = GROUPS[0]!;
export const OTHER_GROUP = GROUPS[1]!;

function school(urn: string, name: string, extra: Partial<School> = {}): School {
  return { urn, name, type: 'Community school', phase: 'primary', localAuthority: 'Buckinghamshire', liaisonGroupId: GROUP.id, ofstedGrade: 'good', ofstedDate: '2019-05-01', pupils: 150, ...extra };
}

export const SCHOOLS: School[] = [
  school('100001', 'Amersham Primary'),
  school('100002', 'Beaconsfield High', { phase: 'secondary', pupils: 1200 }),
  school('100003', 'Chesham Special', { phase: 'special', pupils: 90, ofstedGrade: 'inadequate', ofstedDate: '2020-01-10' }),
  school('100004', 'Denham Junior', { liaisonGroupId: OTHER_GROUP.id, pupils: 350 }),
  school('100005', 'Eton Wick Infants', { liaisonGroupId: OTHER_GROUP.id, pupils: undefined }),
];
export const SCHOOLS_BY_URN: SchoolsByUrn = new Map(SCHOOLS.map((entry) => [entry.urn, entry]));

export const CONTEXT = { schoolsByUrn: SCHOOLS_BY_URN, group: GROUP, now: NOW, by: ALICE };

/** Applies edits in order, failing the test on the first refusal. */
export function edited(nomination: Nomination, edits: unknown[], context = CONTEXT): Nomination {
  return edits.reduce<Nomination>((current, edit) => {
    const result = applyEdit(current, edit, context);
    if (!result.ok) throw new Error(`edit refused: ${result.errors.join(' ')}`);
    return result.value;
  }, nomination);
}

function answersFor(choice: 'first' | 'second', urn: string): unknown[] {
  return [
    { kind: 'set_school', choice, urn },
    { kind: 'set_champion_name', choice, name: `Champion ${urn}` },
    { kind: 'set_champion_role', choice, role: 'pupil_premium_lead' },
    { kind: 'set_not_inadequate', choice, confirmed: true },
    { kind: 'set_stable_slt', choice, stableSlt: true },
    { kind: 'set_gap_evidence', choice, text: 'KS2 disadvantaged pupils are 20 points behind their peers in reading.' },
  ];
}

/** A nomination that passes every check: Amersham Primary first, Beaconsfield High second. */
export function completeNomination(groupId = GROUP.id, context = CONTEXT): Nomination {
  return edited(newNomination(groupId), [...answersFor('first', '100001'), ...answersFor('second', '100002')], context);
}
