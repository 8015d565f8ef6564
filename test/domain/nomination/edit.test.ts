import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { newNomination, type Nomination } from '../../../domain/nomination/nomination.js';
import { ALICE, BOB, completeNomination, CONTEXT, edited, GROUP } from './fixtures.js';

const BOB_LATER = { ...CONTEXT, by: BOB, now: new Date('2021-11-15T10:05:00Z') };

function value(result: ReturnType<typeof applyEdit>): Nomination {
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('applyEdit', () => {
  const base = edited(newNomination(GROUP.id), [{ kind: 'set_school', choice: 'first', urn: '100001' }]);
  const aliceEdit = { kind: 'set_champion_name', choice: 'first', name: 'Priya Shah' };
  const bobEdit = { kind: 'set_gap_evidence', choice: 'first', text: 'Disadvantaged pupils trail by a year in maths.' };

  it.each([
    ['Alice then Bob', [aliceEdit, CONTEXT], [bobEdit, BOB_LATER]],
    ['Bob then Alice', [bobEdit, BOB_LATER], [aliceEdit, CONTEXT]],
  ] as const)('two members editing different fields on one base both keep their change (%s)', (_order, [firstEdit, firstContext], [secondEdit, secondContext]) => {
    // Both started from `base`; the second writer lost the eTag race, re-read and re-applied its one field.
    const afterFirst = value(applyEdit(base, firstEdit, firstContext));
    const afterSecond = value(applyEdit(afterFirst, secondEdit, secondContext));
    expect(afterSecond.first.champion.name).toBe('Priya Shah');
    expect(afterSecond.first.criteria.gapEvidence).toBe('Disadvantaged pupils trail by a year in maths.');
    expect(afterSecond.editedFields?.['first.champion.name']?.by).toEqual(ALICE);
    expect(afterSecond.editedFields?.['first.criteria.gapEvidence']?.by).toEqual(BOB);
  });

  it('text is trimmed before it is kept', () => {
    expect(value(applyEdit(base, { kind: 'set_champion_name', choice: 'first', name: '  Priya Shah  ' }, CONTEXT)).first.champion.name).toBe('Priya Shah');
  });

  it('changing the school clears the champion and answers given for the previous school', () => {
    const changed = value(applyEdit(completeNomination(), { kind: 'set_school', choice: 'first', urn: '100003' }, CONTEXT));
    expect(changed.first).toEqual({ urn: '100003', champion: {}, criteria: {} });
    expect(Object.keys(changed.editedFields ?? {}).filter((path) => path.startsWith('first.'))).toEqual(['first.urn']);
    expect(changed.second).toEqual(completeNomination().second);
  });

  const refusals: { rule: string; nomination: Nomination; edit: unknown; error: RegExp }[] = [
    { rule: 'a school outside the group cannot be chosen', nomination: base, edit: { kind: 'set_school', choice: 'second', urn: '100004' }, error: /Denham Junior is not in the Liaison Group 01 liaison group/ },
    { rule: 'a school missing from the directory cannot be chosen', nomination: base, edit: { kind: 'set_school', choice: 'second', urn: '123456' }, error: /no school with URN 123456/ },
    { rule: 'a URN is six digits', nomination: base, edit: { kind: 'set_school', choice: 'second', urn: '12345' }, error: /URN is six digits/ },
    { rule: 'an answer given for a school that has since changed is refused', nomination: base, edit: { kind: 'set_stable_slt', choice: 'first', forUrn: '100002', stableSlt: true }, error: /First choice was changed to Amersham Primary by someone else/ },
    { rule: 'an inspection cannot be dated in the future', nomination: base, edit: { kind: 'set_newer_inspection', choice: 'first', inspection: { date: '2021-11-16', grade: 'good' } }, error: /16 November 2021 is in the future/ },
    { rule: 'an inspection date must be a real date', nomination: base, edit: { kind: 'set_newer_inspection', choice: 'first', inspection: { date: '2021-02-30', grade: 'good' } }, error: /real date/ },
    { rule: 'the gap evidence is at most 1000 characters', nomination: base, edit: { kind: 'set_gap_evidence', choice: 'first', text: 'y'.repeat(1001) }, error: /longer than 1000 characters/ },
    { rule: "the champion's name has no line breaks", nomination: base, edit: { kind: 'set_champion_name', choice: 'first', name: 'Priya\nShah' }, error: /cannot be used/ },
    { rule: 'a change must say which choice it is for', nomination: base, edit: { kind: 'set_stable_slt', stableSlt: true }, error: /which choice/ },
    { rule: 'an unknown change is refused', nomination: base, edit: { kind: 'delete_everything' }, error: /not understood/ },
    { rule: 'a nomination of another group cannot be edited here', nomination: newNomination('group-02'), edit: aliceEdit, error: /another liaison group/ },
  ];
  it.each(refusals)('refuses: $rule', ({ nomination, edit, error }) => {
    const result = applyEdit(nomination, edit, CONTEXT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(error);
  });

  it('an inspection dated today is accepted', () => {
    const result = value(applyEdit(base, { kind: 'set_newer_inspection', choice: 'first', inspection: { date: '2021-11-15', grade: 'good' } }, CONTEXT));
    expect(result.first.criteria.notInadequate).toEqual({ confirmed: true, newerInspection: { date: '2021-11-15', grade: 'good' } });
  });
});
