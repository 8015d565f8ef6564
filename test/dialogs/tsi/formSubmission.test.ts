import { describe, expect, it } from 'vitest';
import { EMPTY_TSI_FORM } from '../../../cards/tsiCards.js';
import { answersFromForm, formValuesFrom, formValuesOfSchool } from '../../../dialogs/tsi/formSubmission.js';
import { SCHOOLS } from './fakeDirectory.js';
import { DEFAULT_OFFER } from '../../../domain/tsi/offer.js';

const TODAY = '2024-03-01';

/** A complete, valid submission as Teams sends it: every value a string. */
const VALID = {
  recipient: 'school',
  name: 'Oakfield Primary School',
  urn: '100001',
  trust: 'Chiltern Learning Trust',
  region: 'South East',
  latestDate: '2023-10-10',
  latestGrade: 'requires_improvement',
  previousDate: '2021-05-03',
  previousGrade: 'requires_improvement',
  regionalDirectorAssessed: 'no',
  selfIdentifiesNeed: 'yes',
  deliveryTeamJudgesNeed: 'no',
};

function problemsWith(data: Record<string, unknown>): string[] {
  const result = answersFromForm(data, TODAY, DEFAULT_OFFER);
  if (result.ok) expect.fail('expected the submission to be refused');
  return result.errors;
}

describe('reading a submitted eligibility form', () => {
  it('takes every judgement given, latest first, so a later inspection does not hide the offer year’s (RI 2021, RI November 2023, Good 2025)', () => {
    const result = answersFromForm(
      { ...VALID, latestDate: '2025-03-01', latestGrade: 'good', previousDate: '2023-11-15', previousGrade: 'requires_improvement', thirdDate: '2021-05-10', thirdGrade: 'requires_improvement' },
      '2025-06-01',
      DEFAULT_OFFER,
    );
    expect(result.ok && result.value.input.judgements.map((judgement) => judgement.date)).toEqual(['2025-03-01', '2023-11-15', '2021-05-10']);
  });

  it('accepts an inspection with no overall grade', () => {
    const result = answersFromForm({ ...VALID, latestDate: '2024-01-10', latestGrade: 'no_overall_grade', previousDate: '2023-10-10', previousGrade: 'requires_improvement', thirdDate: '2021-05-03', thirdGrade: 'requires_improvement' }, TODAY, DEFAULT_OFFER);
    expect(result.ok && result.value.input.judgements[0]).toEqual({ date: '2024-01-10', grade: 'no_overall_grade' });
  });

  it('when all four rows are used and an earlier judgement is still needed, says to answer one at a time', () => {
    const errors = problemsWith({
      ...VALID,
      latestDate: '2024-02-01', latestGrade: 'good',
      previousDate: '2024-01-01', previousGrade: 'no_overall_grade',
      thirdDate: '2023-12-01', thirdGrade: 'requires_improvement',
      fourthDate: '2023-10-01', fourthGrade: 'requires_improvement',
    });
    expect(errors.join(' ')).toMatch(/Answer questions one at a time/);
  });

  it('refuses rows out of order, and a row below an empty one', () => {
    expect(problemsWith({ ...VALID, thirdDate: '2022-01-01', thirdGrade: 'good' }).join(' ')).toMatch(/after the row above it/);
    expect(problemsWith({ ...VALID, previousDate: '', previousGrade: '', thirdDate: '2020-01-01', thirdGrade: 'good' }).join(' ')).toMatch(/fill in the rows above it first/);
  });

  it('turns a valid submission into the rule input and who it is about', () => {
    expect(answersFromForm({ ...VALID, verb: 'tsi.assess' }, TODAY, DEFAULT_OFFER)).toEqual({
      ok: true,
      value: {
        subject: { name: 'Oakfield Primary School', urn: '100001', trust: 'Chiltern Learning Trust' },
        input: {
          recipient: 'school',
          region: 'South East',
          judgements: [
            { date: '2023-10-10', grade: 'requires_improvement' },
            { date: '2021-05-03', grade: 'requires_improvement' },
          ],
          regionalDirectorAssessedImmediateNeed: false,
          selfIdentifiesNeed: true,
          regionalDeliveryTeamJudgesNeed: false,
        },
      },
    });
  });

  it('a trust needs no URN, and any URN or trust typed for it is not kept', () => {
    const result = answersFromForm({ ...VALID, recipient: 'trust', name: 'Northern Lights Trust', urn: '', latestDate: '', latestGrade: '', previousDate: '', previousGrade: '' }, TODAY, DEFAULT_OFFER);
    expect(result.ok && result.value.subject).toEqual({ name: 'Northern Lights Trust' });
    expect(result.ok && result.value.input.judgements).toEqual([]);
  });

  it('accepts Toggle-style true/false for the yes/no questions', () => {
    const result = answersFromForm({ ...VALID, regionalDirectorAssessed: 'true', selfIdentifiesNeed: 'false' }, TODAY, DEFAULT_OFFER);
    expect(result.ok && result.value.input.regionalDirectorAssessedImmediateNeed).toBe(true);
    expect(result.ok && result.value.input.selfIdentifiesNeed).toBe(false);
  });

  it.each([
    ['a judgement dated in the future', { latestDate: '2024-06-01' }, 'Latest judgement: 1 June 2024 is after today (1 March 2024): the date cannot be in the future.'],
    ['two judgements on one date', { previousDate: '2023-10-10' }, 'Latest judgement and judgement before it are both dated 10 October 2023: each row is an earlier inspection than the one above it.'],
    ['the earlier judgement dated after the latest', { previousDate: '2023-12-01' }, 'Judgement before it is dated 1 December 2023, after the row above it (10 October 2023): give the judgements latest first.'],
    ['a date without its grade', { latestGrade: '' }, 'Latest judgement: give its grade as well as its date, or clear the date.'],
    ['a grade without its date', { previousDate: '' }, 'Judgement before it: give its date as well as its grade, or clear the grade.'],
    ['an earlier judgement without the latest', { latestDate: '', latestGrade: '' }, 'Judgement before it: fill in the rows above it first, or clear this one.'],
    ['an unknown grade', { latestGrade: 'excellent' }, 'Latest judgement: "excellent" is not an Ofsted grade; choose one from the list.'],
    ['a date that is not a date', { latestDate: '2023-02-30' }, 'Latest judgement: "2023-02-30" is not a real date: February 2023 has 28 days.'],
    ['a school without a URN', { urn: '' }, "Give the school's URN: its six-digit Unique Reference Number."],
    ['a URN that is not six digits', { urn: '12345' }, 'The URN "12345" is not six digits: a URN looks like 100001.'],
    ['a URN the user does not know points to the directory search', { urn: "I don't know it" }, 'No problem: type part of the school’s name in “Find the school in the directory” and press “Fill in from the directory”: that fills in its URN.'],
    ['a missing name', { name: '   ' }, 'Give the name of the school or trust.'],
    ['a region that does not exist', { region: 'Wessex' }, '"Wessex" is not one of the nine DfE regions: choose one from the list.'],
    ['a missing yes/no answer', { regionalDirectorAssessed: undefined }, 'Answer yes or no to "Has a DfE regional director assessed it as needing immediate support?"'],
    ['neither school nor trust', { recipient: 'council' }, 'Choose "A school" or "A trust", not "council".'],
  ])('refuses %s, saying why', (_rule, change, problem) => {
    expect(problemsWith({ ...VALID, ...change })).toContain(problem);
  });

  it('names every problem at once', () => {
    expect(problemsWith({ ...VALID, name: '', region: '', selfIdentifiesNeed: '' })).toEqual([
      'Give the name of the school or trust.',
      'Choose the DfE region.',
      'Answer yes or no to "Does the school or trust see itself as needing help?"',
    ]);
  });

  it('refuses values that are not text, once per input, with the other problems', () => {
    expect(problemsWith({ ...VALID, name: 42, region: ['London'], selfIdentifiesNeed: { yes: true }, urn: '1' })).toEqual([
      'The name of the school or trust was not sent as text: please fill it in again.',
      'The DfE region was not sent as text: please fill it in again.',
      'The answer about whether it sees itself as needing help was not sent as text: please fill it in again.',
      'The URN "1" is not six digits: a URN looks like 100001.',
    ]);
  });

  it('refuses a value far longer than any answer', () => {
    expect(problemsWith({ ...VALID, trust: 'x'.repeat(10_000) })).toEqual(["The school's trust is far too long: please shorten it."]);
  });
});

describe('the values a form shows again', () => {
  it('keeps every text value as typed, and drops what is not text', () => {
    expect(formValuesFrom({ ...VALID, name: 42, urn: '12345', verb: 'tsi.assess' })).toEqual({ ...EMPTY_TSI_FORM, ...VALID, name: '', urn: '12345' });
  });

  it('is empty for something that is not a set of fields', () => {
    expect(formValuesFrom(null)).toEqual(EMPTY_TSI_FORM);
  });

  it('prefills from a school directory entry, with its latest judgement', () => {
    const [oakfield] = SCHOOLS;
    expect(oakfield && formValuesOfSchool(oakfield)).toEqual({
      ...EMPTY_TSI_FORM,
      recipient: 'school',
      name: 'Oakfield Primary School',
      urn: '100001',
      trust: 'Chiltern Learning Trust',
      region: 'South East',
      latestDate: '2023-10-10',
      latestGrade: 'requires_improvement',
    });
  });
});
