import { describe, expect, it } from 'vitest';
import { parseDeliveredDay, readFormCommand } from '../../../domain/deployment/formCommands.js';

describe('readFormCommand: the words that work at every question', () => {
  it.each([
    ['back', { kind: 'back' }],
    ['Go back.', { kind: 'back' }],
    ['skip', { kind: 'skip' }],
    ['review', { kind: 'review' }],
    ['go to section 3', { kind: 'goTo', section: 3 }],
    ['Section 8', { kind: 'goTo', section: 8 }],
    ['go to section 9', { kind: 'noSuchSection', section: 9 }],
    ['card', { kind: 'sectionCard' }],
    ['send to school', { kind: 'sendToSchool' }],
    ['export deployment form', { kind: 'export' }],
    ['what is due', { kind: 'progress' }],
    ['delivered day 3 on 12 March', { kind: 'delivered', text: 'delivered day 3 on 12 march' }],
    ['I delivered a day today', { kind: 'delivered', text: 'i delivered a day today' }],
    ['We agreed 6 days', { kind: 'agreedDays', days: 6 }],
    ['agreed 15 days of support', { kind: 'agreedDays', days: 15 }],
    ['agreed days: 8', { kind: 'agreedDays', days: 8 }],
  ])('"%s" is a command', (text, command) => {
    expect(readFormCommand(text)).toEqual(command);
  });

  it.each(['We agreed a plan for reading', 'Delivered training to staff', 'We went back to basics', 'none', 'Millbrook Primary School', '12/03/2024', 'section 3 of the plan'])(
    '"%s" is an answer, not a command',
    (text) => {
      expect(readFormCommand(text)).toBeUndefined();
    },
  );
});

describe('parseDeliveredDay: a day of support as the system leader reports it', () => {
  const today = '2024-03-20';
  it.each([
    ['delivered day 3 on 12 March', { date: '2024-03-12', day: 3 }],
    ['delivered day 3 on 12th March 2024', { date: '2024-03-12', day: 3 }],
    ['delivered day 4 on 14/03/2024', { date: '2024-03-14', day: 4 }],
    ['delivered day 4 on 2024-03-14', { date: '2024-03-14', day: 4 }],
    ['delivered a day today', { date: '2024-03-20' }],
    ['delivered a day', { date: '2024-03-20' }],
    ['delivered another day yesterday', { date: '2024-03-19' }],
    ['delivered day 1 on 2 December', { date: '2023-12-02', day: 1 }],
    ['delivered day 2 on 5/3', { date: '2024-03-05', day: 2 }],
  ])('reads "%s"', (text, expected) => {
    expect(parseDeliveredDay(text, today, 15)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['delivered day 3 on 21 March 2024', 'That date has not come yet'],
    ['delivered day 3 on 31 February 2024', 'I could not read that date'],
    ['delivered day 3 on Thursday', 'I could not read that date'],
    ['delivered day 16 on 12 March', 'numbered from 1 to 15'],
    ['delivered day 0 today', 'numbered from 1 to 15'],
    ['taught a lesson', 'Tell me the day like this'],
  ])('refuses "%s" with the reason', (text, reason) => {
    const result = parseDeliveredDay(text, today, 15);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain(reason);
  });
});
