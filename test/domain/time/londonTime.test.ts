import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLondonInstant, londonDateOf, londonInstant, londonTimeOf } from '../../../domain/time/londonTime.js';

/** London's date and time at an instant, straight from Intl, with nothing remembered. */
function londonByIntl(instant: Date): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

const instants = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true });

describe('London time', () => {
  it.each([
    ['midnight in summer is still the day before in UTC', '2022-06-30T23:30:00Z', '2022-07-01'],
    ['midnight in winter is midnight in UTC', '2022-01-31T23:30:00Z', '2022-01-31'],
    ['the minute before the clocks go forward', '2022-03-27T00:59:00Z', '2022-03-27'],
    ['the night the clocks go back, still in summer time', '2022-10-29T23:30:00Z', '2022-10-30'],
  ])('the date in London: %s', (_case, instant, date) => {
    expect(londonDateOf(new Date(instant))).toBe(date);
  });

  it.each([
    ['a winter afternoon', '2022-01-31', '14:00', '2022-01-31T14:00:00.000Z'],
    ['a summer afternoon', '2022-06-15', '14:00', '2022-06-15T13:00:00.000Z'],
    ['just after the clocks went forward', '2022-03-27', '02:30', '2022-03-27T01:30:00.000Z'],
    ['just before they went forward', '2022-03-27', '00:30', '2022-03-27T00:30:00.000Z'],
    ['after the clocks went back', '2022-10-30', '02:30', '2022-10-30T02:30:00.000Z'],
  ])('the instant of a London time: %s', (_case, date, time, instant) => {
    expect(londonInstant(date, time).toISOString()).toBe(instant);
  });

  it.each([
    ['a winter morning', '2024-03-01T10:00:00Z', '1 March 2024 at 10:00'],
    ['a summer evening, an hour ahead of UTC', '2024-07-14T18:05:00Z', '14 July 2024 at 19:05'],
    ['late on a summer night, already the next day in London', '2024-06-30T23:30:00Z', '1 July 2024 at 00:30'],
  ])('an instant as a headteacher reads it: %s', (_case, instant, described) => {
    expect(describeLondonInstant(new Date(instant))).toBe(described);
  });

  it('agrees with Intl for any instant, however often it is asked', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(londonDateOf(instant)).toBe(londonByIntl(instant).date);
        expect(londonDateOf(instant)).toBe(londonByIntl(instant).date);
        expect(londonTimeOf(instant)).toBe(londonByIntl(instant).time);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the instant of any London wall-clock time that happens exactly once', () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const wall = londonByIntl(instant);
        const back = londonInstant(wall.date, wall.time);
        expect(londonByIntl(back)).toEqual(wall);
      }),
      { numRuns: 2_000 },
    );
  });
});
