import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { newNomination } from '../../../domain/nomination/nomination.js';
import { editsFromSection, EMPTY_SECTION, findGroupSchool, sectionAnswersOf, type SectionAnswers } from '../../../domain/nomination/sectionEdits.js';
import { completeNomination, CONTEXT, GROUP, SCHOOLS } from './fixtures.js';

const GROUP_SCHOOLS = SCHOOLS.filter((school) => school.liaisonGroupId === GROUP.id);
const group = { name: GROUP.name, schools: GROUP_SCHOOLS };
const shownComplete = sectionAnswersOf(completeNomination().first);

function edits(shown: Partial<SectionAnswers>, sent: Partial<SectionAnswers>) {
  const result = editsFromSection('first', shown, sent, group);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('sectionAnswersOf', () => {
  it('shows a choice as the text its inputs hold, blank where unanswered', () => {
    expect(sectionAnswersOf(newNomination(GROUP.id).first)).toEqual(EMPTY_SECTION);
    expect(shownComplete).toEqual({
      urn: '100001',
      championName: 'Champion 100001',
      championRole: 'pupil_premium_lead',
      championRoleNote: '',
      notInadequate: 'yes',
      inspectionDate: '',
      inspectionGrade: '',
      stableSlt: 'yes',
      gapEvidence: 'KS2 disadvantaged pupils are 20 points behind their peers in reading.',
    });
  });
});

describe('editsFromSection', () => {
  it('only fields that differ from what the card showed become edits', () => {
    expect(edits(shownComplete, { ...shownComplete, championName: 'Priya Shah' })).toEqual([
      { kind: 'set_champion_name', choice: 'first', forUrn: '100001', name: 'Priya Shah' },
    ]);
  });

  it('an unchanged section makes no edits, and whitespace alone is no change', () => {
    expect(edits(shownComplete, shownComplete)).toEqual([]);
    expect(edits(shownComplete, { ...shownComplete, championName: ' Champion 100001 ' })).toEqual([]);
  });

  it('a field the card showed empty and did not send stays unanswered', () => {
    expect(edits(EMPTY_SECTION, {})).toEqual([]);
  });

  it('a field emptied clears the answer, whether it is sent empty or, as Teams does, not sent at all', () => {
    const cleared = [{ kind: 'set_stable_slt', choice: 'first', forUrn: '100001', stableSlt: null }];
    expect(edits(shownComplete, { ...shownComplete, stableSlt: '' })).toEqual(cleared);
    const { stableSlt: _emptied, ...sentByTeams } = shownComplete;
    expect(edits(shownComplete, sentByTeams)).toEqual(cleared);
  });

  it('a new school comes first, and answers typed with it are for the new school', () => {
    expect(edits(shownComplete, { ...shownComplete, urn: '100002', championName: 'New Person' })).toEqual([
      { kind: 'set_school', choice: 'first', urn: '100002' },
      { kind: 'set_champion_name', choice: 'first', forUrn: '100002', name: 'New Person' },
    ]);
  });

  it('a school typed by name (the text fallback) is found among the group’s schools', () => {
    expect(edits(EMPTY_SECTION, { urn: 'beaconsfield high' })).toEqual([{ kind: 'set_school', choice: 'first', urn: '100002' }]);
  });

  it('the yes/no answers and a newer inspection become their edits', () => {
    expect(edits(EMPTY_SECTION, { notInadequate: 'no', inspectionDate: '2022-03-15', inspectionGrade: 'good', stableSlt: 'yes' })).toEqual([
      { kind: 'set_not_inadequate', choice: 'first', confirmed: false },
      { kind: 'set_newer_inspection', choice: 'first', inspection: { date: '2022-03-15', grade: 'good' } },
      { kind: 'set_stable_slt', choice: 'first', stableSlt: true },
    ]);
  });

  it('changing only the grade of a shown inspection keeps its date', () => {
    const shown = { ...EMPTY_SECTION, inspectionDate: '2022-03-15', inspectionGrade: 'good' };
    expect(edits(shown, { ...shown, inspectionGrade: 'outstanding' })).toEqual([
      { kind: 'set_newer_inspection', choice: 'first', inspection: { date: '2022-03-15', grade: 'outstanding' } },
    ]);
  });

  const refusals: { rule: string; sent: Partial<SectionAnswers>; error: RegExp }[] = [
    { rule: 'a school outside the group is not found', sent: { urn: '100004' }, error: /no school with URN 100004 in the Liaison Group 01 liaison group/ },
    { rule: 'a newer inspection needs both a date and a grade', sent: { inspectionDate: '2022-03-15' }, error: /both the date and the grade/ },
    { rule: 'a grade must be one from the list', sent: { inspectionDate: '2022-03-15', inspectionGrade: 'splendid' }, error: /grade of the newer inspection from the list/ },
    { rule: 'yes or no questions take yes or no', sent: { stableSlt: 'perhaps' }, error: /answer yes or no/ },
    { rule: "the champion's role is one of the three", sent: { championRole: 'governor' }, error: /pupil premium lead, senior leadership team, or other/ },
    { rule: 'an inspection date must be a real date', sent: { inspectionDate: '2022-02-30', inspectionGrade: 'good' }, error: /real date/ },
  ];
  it.each(refusals)('refuses the whole save: $rule', ({ sent, error }) => {
    const result = editsFromSection('first', EMPTY_SECTION, { ...sent, championName: 'Fine Name' }, group);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.join('\n')).toMatch(error);
      expect(result.errors.every((message) => message.startsWith('First choice: '))).toBe(true);
    }
  });

  it('the edits apply cleanly to the nomination the card showed', () => {
    const made = edits(shownComplete, { ...shownComplete, gapEvidence: 'Reading gap of a year.', championRole: 'other', championRoleNote: 'Head of Year 6' });
    let nomination = completeNomination();
    for (const edit of made) {
      const result = applyEdit(nomination, edit, CONTEXT);
      if (!result.ok) throw new Error(result.errors.join(' '));
      nomination = result.value;
    }
    expect(nomination.first.champion).toEqual({ name: 'Champion 100001', role: 'other', roleNote: 'Head of Year 6' });
    expect(nomination.first.criteria.gapEvidence).toBe('Reading gap of a year.');
  });
});

describe('findGroupSchool', () => {
  it.each([
    ['its URN', '100003', '100003'],
    ['its full name, in any case', 'CHESHAM SPECIAL', '100003'],
    ['a word of its name only it has', 'amersham', '100001'],
  ])('finds a school by %s', (_how, answer, urn) => {
    const found = findGroupSchool(answer, GROUP_SCHOOLS, GROUP.name);
    expect(found.ok && found.value.urn).toBe(urn);
  });

  it('asks for the URN when a name matches more than one school', () => {
    const twins = [...GROUP_SCHOOLS, { ...GROUP_SCHOOLS[0]!, urn: '100009', name: 'Amersham Infants' }];
    const found = findGroupSchool('amersham', twins, GROUP.name);
    expect(found).toEqual({ ok: false, errors: [expect.stringMatching(/More than one school .* Give the URN/)] });
  });

  it('says plainly when nothing matches', () => {
    expect(findGroupSchool('Hogwarts', GROUP_SCHOOLS, GROUP.name)).toEqual({ ok: false, errors: [expect.stringMatching(/No school in the Liaison Group 01 liaison group matches "Hogwarts"/)] });
  });
});
