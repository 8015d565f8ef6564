import { describe, expect, it } from 'vitest';
import {
  chooseFrom,
  parseEarlierJudgementDate,
  parseGrade,
  parseLatestJudgementDate,
  parseOrganisationName,
  parseRecipient,
  parseRegion,
  parseSchoolQuery,
  parseYesNo,
} from '../../../domain/tsi/answers.js';
import type { Result } from '../../../domain/result.js';

const TODAY = '2024-03-01';

function errorOf<T>(result: Result<T>): string {
  if (result.ok) expect.fail(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.errors.join(' ');
}

describe('school or trust', () => {
  it.each([
    ['A school', 'school'],
    ['school', 'school'],
    ['An academy', 'school'],
    ['A trust', 'trust'],
    ['MAT', 'trust'],
    ['multi-academy trust', 'trust'],
  ])('%s → %s', (text, expected) => {
    expect(parseRecipient(text)).toEqual({ ok: true, value: expected });
  });

  it('anything else is asked again', () => {
    expect(errorOf(parseRecipient('both'))).toBe('Please say "school" or "trust".');
  });
});

describe('which school: a name or a six-digit URN', () => {
  it.each([
    ['six digits are a URN', '100001', { urn: '100001' }],
    ['a URN may be written with "URN" and spaces', 'URN: 100 001', { urn: '100001' }],
    ['words are a name to search for', '  Oakfield   Primary ', { name: 'Oakfield Primary' }],
  ])('%s', (_rule, text, expected) => {
    expect(parseSchoolQuery(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a URN that is not six digits is refused with a clear message', '12345', 'A URN is six digits, like 100001, and "12345" has 5.'],
    ['seven digits are refused too', '1000011', '"1000011" has 7'],
    ['a single letter is too little to search for', 'o', 'at least two letters'],
    ['a name longer than any school name', 'x'.repeat(200), 'longer than any school'],
    ['not knowing the URN offers a search by name', "I don't know it", "you do not need the URN. Type the school's name, or part of it"],
    ['so does "no idea"', 'No idea!', 'I will look it up in the school directory'],
  ])('%s', (_rule, text, reason) => {
    expect(errorOf(parseSchoolQuery(text))).toContain(reason);
  });
});

describe('a trust name', () => {
  it('is trimmed, and must be there', () => {
    expect(parseOrganisationName('  Northern Lights  Trust ')).toEqual({ ok: true, value: 'Northern Lights Trust' });
    expect(errorOf(parseOrganisationName('  '))).toBe('Please type the name.');
  });
});

describe('choosing from the offered options', () => {
  const options = ['Oakfield Primary School (URN 100001)', 'Oakfield Junior School (URN 100003)', 'None of these'];

  it.each([
    ['by number', '2', 1],
    ['by the button text', 'None of these', 2],
    ['by a part that fits one option only', 'junior', 1],
    ['"none" picks "None of these"', 'none', 2],
    ['by its place in the list', 'the first one', 0],
    ['by its place, briefly', 'Second', 1],
    ['by "the last"', 'the last one', 2],
    ['by an ordinal number', '2nd', 1],
  ])('%s', (_rule, text, position) => {
    expect(chooseFrom(text, options, 'is not one of these.')).toEqual({ ok: true, value: position });
  });

  it.each([
    ['a number out of range', '7', 'There are 3 choices: tap one, or say which, like "the first".'],
    ['a place past the end of the list', 'the fifth one', '"the fifth one" is not one of these.'],
    ['a part that fits several', 'oakfield', '"oakfield" fits more than one: Oakfield Primary School (URN 100001) or Oakfield Junior School (URN 100003). Which one?'],
    ['something that fits none', 'Meadow Lane', '"Meadow Lane" is not one of these.'],
  ])('%s is asked again with the reason', (_rule, text, reason) => {
    expect(errorOf(chooseFrom(text, options, 'is not one of these.'))).toBe(reason);
  });
});

describe('the DfE region', () => {
  it.each([
    ['London', 'London'],
    ['the north east', 'North East'],
    ['Yorkshire', 'Yorkshire and the Humber'],
    ['Yorkshire & the Humber', 'Yorkshire and the Humber'],
    ['South West region', 'South West'],
    ['9', 'Yorkshire and the Humber'],
  ])('%s → %s', (text, region) => {
    expect(parseRegion(text)).toEqual({ ok: true, value: region });
  });

  it('an ambiguous answer names the regions it could be', () => {
    expect(errorOf(parseRegion('Midlands'))).toContain('East Midlands or West Midlands');
  });

  it('an unknown region is refused', () => {
    expect(errorOf(parseRegion('Wessex'))).toContain('"Wessex" is not one of the nine DfE regions');
  });
});

describe('an Ofsted grade', () => {
  it.each([
    ['Outstanding', 'outstanding'],
    ['good', 'good'],
    ['Requires improvement', 'requires_improvement'],
    ['RI', 'requires_improvement'],
    ['3', 'requires_improvement'],
    ['Inadequate', 'inadequate'],
    ['special measures', 'inadequate'],
  ])('%s → %s', (text, grade) => {
    expect(parseGrade(text)).toEqual({ ok: true, value: grade });
  });

  it('anything else names the four grades', () => {
    expect(errorOf(parseGrade('excellent'))).toBe('"excellent" is not an Ofsted grade. Please say outstanding, good, requires improvement, inadequate, or “no overall grade” for an inspection without one.');
  });
});

describe('yes or no', () => {
  it.each([
    ['Yes', true],
    ['y', true],
    ['yep', true],
    ['No', false],
    ['nope', false],
  ])('%s → %s', (text, answer) => {
    expect(parseYesNo(text)).toEqual({ ok: true, value: answer });
  });

  it('anything else is asked again', () => {
    expect(errorOf(parseYesNo('maybe'))).toBe('Please answer yes or no.');
  });
});

describe('judgement dates', () => {
  it('the latest judgement may be "none" (never inspected), or a date in any accepted form', () => {
    expect(parseLatestJudgementDate('none', TODAY)).toEqual({ ok: true, value: 'none' });
    expect(parseLatestJudgementDate('Never inspected', TODAY)).toEqual({ ok: true, value: 'none' });
    expect(parseLatestJudgementDate('14 June 2023', TODAY)).toEqual({ ok: true, value: '2023-06-14' });
  });

  it('the latest judgement cannot be in the future', () => {
    expect(errorOf(parseLatestJudgementDate('2024-03-02', TODAY))).toContain('after today (1 March 2024)');
  });

  it.each([
    ['the judgement before the latest must be earlier than it', '2023-11-01', 'is after the latest judgement (10 October 2023)'],
    ['two judgements cannot share a date', '10/10/2023', 'That is the date of the latest judgement (10 October 2023).'],
  ])('%s', (_rule, text, reason) => {
    expect(errorOf(parseEarlierJudgementDate(text, TODAY, '2023-10-10'))).toContain(reason);
  });

  it('the judgement before the latest may be "none", or an earlier date', () => {
    expect(parseEarlierJudgementDate('none', TODAY, '2023-10-10')).toEqual({ ok: true, value: 'none' });
    expect(parseEarlierJudgementDate('3/5/2021', TODAY, '2023-10-10')).toEqual({ ok: true, value: '2021-05-03' });
  });
});

describe('yes or no, when not sure', () => {
  it.each(['not sure', "I'm not sure", 'no idea', 'Don’t know', 'maybe'])('"%s" gets the question explained, with what each answer leads to', (text) => {
    expect(errorOf(parseYesNo(text, 'What the question means, and where each answer leads.'))).toBe('What the question means, and where each answer leads.');
  });

  it('a real answer is still taken', () => {
    expect(parseYesNo('it has', 'explained')).toEqual({ ok: true, value: true });
    expect(parseYesNo('they do not', 'explained')).toEqual({ ok: true, value: false });
  });
});
