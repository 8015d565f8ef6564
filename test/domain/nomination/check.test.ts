import { describe, expect, it } from 'vitest';
import { checkNomination } from '../../../domain/nomination/check.js';
import { newNomination, type Nomination } from '../../../domain/nomination/nomination.js';
import { completeNomination, edited, GROUP, OTHER_GROUP, SCHOOLS_BY_URN } from './fixtures.js';

const check = (nomination: Nomination) => checkNomination(nomination, { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN });

/** Edits the complete nomination's stored value directly, to reach states the edit rules would refuse. */
const withFirst = (change: (first: Nomination['first']) => Nomination['first']): Nomination => {
  const nomination = completeNomination();
  return { ...nomination, first: change(nomination.first) };
};

describe('checkNomination', () => {
  it('a complete nomination of two eligible schools in the group can be submitted', () => {
    expect(check(completeNomination())).toEqual({ canSubmit: true, problems: [], warnings: [], missing: [] });
  });

  it('an empty nomination lists every unanswered question and no problems', () => {
    const result = check(newNomination(GROUP.id));
    expect(result.canSubmit).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.missing).toHaveLength(12);
    expect(result.missing[0]).toBe('First choice: the school.');
  });

  const refusals: { rule: string; nomination: () => Nomination; problem: RegExp }[] = [
    {
      rule: 'the two choices must be different schools',
      nomination: () => ({ ...completeNomination(), second: completeNomination().first }),
      problem: /same school \(Amersham Primary\)/,
    },
    {
      rule: 'a nominated school must belong to the liaison group',
      nomination: () => withFirst((first) => ({ ...first, urn: '100004' })),
      problem: /Denham Junior is not in the Liaison Group 01 liaison group/,
    },
    {
      rule: 'a school missing from the directory is refused',
      nomination: () => withFirst((first) => ({ ...first, urn: '999999' })),
      problem: /no school with URN 999999/,
    },
    {
      rule: 'a school the directory grades inadequate is refused without a newer inspection',
      nomination: () => withFirst((first) => ({ ...first, urn: '100003' })),
      problem: /directory shows Chesham Special graded inadequate at its inspection on 10 January 2020/,
    },
    {
      rule: 'a newer inspection must be dated after the directory one',
      nomination: () =>
        withFirst((first) => ({
          ...first,
          urn: '100003',
          criteria: { ...first.criteria, notInadequate: { confirmed: true, newerInspection: { date: '2020-01-10', grade: 'good' } } },
        })),
      problem: /not after the one in the directory/,
    },
    {
      rule: 'a newer inspection graded inadequate is refused',
      nomination: () =>
        withFirst((first) => ({
          ...first,
          criteria: { ...first.criteria, notInadequate: { confirmed: true, newerInspection: { date: '2021-06-01', grade: 'inadequate' } } },
        })),
      problem: /graded inadequate at its inspection on 1 June 2021/,
    },
    {
      rule: 'a group saying its school is inadequate is refused',
      nomination: () => withFirst((first) => ({ ...first, criteria: { ...first.criteria, notInadequate: { confirmed: false } } })),
      problem: /you said Amersham Primary is graded inadequate/,
    },
    {
      rule: 'the senior leadership team must be stable',
      nomination: () => withFirst((first) => ({ ...first, criteria: { ...first.criteria, stableSlt: false } })),
      problem: /needs a stable senior leadership team/,
    },
    {
      rule: 'the gap evidence is a short note',
      nomination: () => withFirst((first) => ({ ...first, criteria: { ...first.criteria, gapEvidence: 'x'.repeat(1001) } })),
      problem: /longer than 1000 characters/,
    },
    {
      rule: 'the nomination must be checked against its own group',
      nomination: () => ({ ...completeNomination(), groupId: OTHER_GROUP.id }),
      problem: /belongs to another liaison group/,
    },
  ];
  it.each(refusals)('refuses: $rule', ({ nomination, problem }) => {
    const result = check(nomination());
    expect(result.canSubmit).toBe(false);
    expect(result.problems.join('\n')).toMatch(problem);
  });

  it('accepts a school graded inadequate in the directory when a newer inspection is not inadequate', () => {
    const nomination = edited(completeNomination(), [
      { kind: 'set_school', choice: 'first', urn: '100003' },
      { kind: 'set_champion_name', choice: 'first', name: 'Cara Lead' },
      { kind: 'set_champion_role', choice: 'first', role: 'slt' },
      { kind: 'set_newer_inspection', choice: 'first', inspection: { date: '2021-09-20', grade: 'requires_improvement' } },
      { kind: 'set_stable_slt', choice: 'first', stableSlt: true },
      { kind: 'set_gap_evidence', choice: 'first', text: 'A gap in phonics outcomes.' },
    ]);
    expect(check(nomination)).toMatchObject({ canSubmit: true, problems: [] });
  });

  const unanswered: { rule: string; clear: unknown; missing: RegExp }[] = [
    { rule: 'the champion must be named', clear: { kind: 'set_champion_name', choice: 'second', name: null }, missing: /Second choice \(reserve\): the Disadvantaged Pupil Champion's name/ },
    { rule: "the champion's role must be given", clear: { kind: 'set_champion_role', choice: 'first', role: null }, missing: /First choice: the Disadvantaged Pupil Champion's role/ },
    { rule: 'the inadequate question must be answered', clear: { kind: 'set_not_inadequate', choice: 'first', confirmed: null }, missing: /whether Amersham Primary is graded inadequate/ },
    { rule: 'the SLT question must be answered', clear: { kind: 'set_stable_slt', choice: 'first', stableSlt: null }, missing: /stable senior leadership team/ },
    { rule: 'the gap evidence must be given', clear: { kind: 'set_gap_evidence', choice: 'first', text: null }, missing: /a short note of the gap/ },
    { rule: 'a second choice must be made', clear: { kind: 'set_school', choice: 'second', urn: null }, missing: /Second choice \(reserve\): the school/ },
  ];
  it.each(unanswered)('cannot submit until answered: $rule', ({ clear, missing }) => {
    const result = check(edited(completeNomination(), [clear]));
    expect(result.canSubmit).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.missing.join('\n')).toMatch(missing);
  });

  it('a champion who is neither the pupil premium lead nor SLT is a warning, not a refusal', () => {
    const nomination = edited(completeNomination(), [
      { kind: 'set_champion_role', choice: 'first', role: 'other' },
      { kind: 'set_champion_role_note', choice: 'first', note: 'Year 6 teacher' },
    ]);
    const result = check(nomination);
    expect(result.canSubmit).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([
      'First choice: the champion (Champion 100001, Year 6 teacher) is neither the Pupil Premium / Disadvantaged Pupil Lead nor a member of the senior leadership team; the programme prefers one of those, but you can still submit.',
    ]);
  });
});
