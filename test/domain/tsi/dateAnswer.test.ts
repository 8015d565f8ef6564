import { describe, expect, it } from 'vitest';
import { parseDateAnswer } from '../../../domain/tsi/dateAnswer.js';

const TODAY = '2024-03-01';

describe('parseDateAnswer: the ways a date is typed in chat', () => {
  it.each([
    ['day first with slashes, as written in the UK', '14/06/2023', '2023-06-14'],
    ['day first without leading zeros', '4/6/2023', '2023-06-04'],
    ['day first with dots or dashes', '14.06.2023', '2023-06-14'],
    ['the day, the month in words and the year', '14 June 2023', '2023-06-14'],
    ['a short month name and an ordinal day', '14th Jun 2023', '2023-06-14'],
    ['"of" between the day and the month', '1st of September 2023', '2023-09-01'],
    ['the month first in words', 'June 14, 2023', '2023-06-14'],
    ['ISO form', '2023-06-14', '2023-06-14'],
    ['any case, extra spaces and a full stop', '  14   JUNE 2023. ', '2023-06-14'],
    ['29 February in a leap year', '29/02/2024', '2024-02-29'],
    ['today itself', '1 March 2024', '2024-03-01'],
  ])('reads %s', (_rule, text, expected) => {
    expect(parseDateAnswer(text, TODAY)).toEqual({ ok: true, value: expected });
  });
});

describe('parseDateAnswer: a bad answer gets its reason', () => {
  it.each([
    ['a date after today is refused', '14/06/2025', '14 June 2025 is after today (1 March 2024): the date cannot be in the future.'],
    ['a day the month does not have', '31/02/2023', '"31/02/2023" is not a real date: February 2023 has 28 days.'],
    ['29 February outside a leap year', '29 February 2023', 'February 2023 has 28 days'],
    ['a month number above 12 (the month written first)', '06/14/2023', '"06/14/2023" has no month 14: put the day first, then the month, like 14/06/2023.'],
    ['a two-digit year', '14/06/23', 'Please write the year in full in "14/06/23"'],
    ['an unknown month name', '14 Juni 2023', 'I do not know the month "juni"'],
    ['words that are not a date', 'last summer', 'I could not read "last summer" as a date. Write it like 14/06/2023, 14 June 2023 or 2023-06-14.'],
    ['nothing at all', '   ', 'Please give a date.'],
    ['a year long before Ofsted', '14/06/1023', 'too long ago'],
    ['ISO with an impossible day', '2023-04-31', 'April 2023 has 30 days'],
  ])('%s', (_rule, text, reason) => {
    const result = parseDateAnswer(text, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain(reason);
  });

  it('quotes at most 60 characters of a very long answer', () => {
    const result = parseDateAnswer('x'.repeat(10_000), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.length).toBeLessThan(200);
  });
});
