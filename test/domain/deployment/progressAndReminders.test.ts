import { describe, expect, it } from 'vitest';
import { formProgress } from '../../../domain/deployment/progress.js';
import { remindersToSend } from '../../../domain/deployment/reminders.js';
import { bankDetailsDueForErasure, eraseBankDetails } from '../../../domain/deployment/retention.js';
import { setField, type DeploymentDraft } from '../../../domain/deployment/form.js';
import { answerAll, emptyDraft, readyDraft, SYSTEM_LEADER_ANSWERS } from './sampleDraft.js';

const withDays = (draft: DeploymentDraft, days: number): DeploymentDraft => ({
  ...draft,
  daysDeliveredLog: Array.from({ length: days }, (_, index) => `2024-03-${String(index + 1).padStart(2, '0')}`),
});

describe('formProgress: which sections are due and done', () => {
  it('lists the sections due by the days delivered that are not complete', () => {
    const draft = withDays(answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS.filter(([section]) => section === 1)), 6);
    const progress = formProgress(draft);
    expect(progress.daysDelivered).toBe(6);
    expect(progress.latestDay).toBe('2024-03-06');
    expect(progress.dueAndIncomplete).toEqual([2, 3]);
    expect(progress.sections.find((section) => section.section === 4)).toMatchObject({ due: false, dueAfterDay: 9 });
  });
});

describe('remindersToSend: when a reminder goes', () => {
  it('asks for section 3 as soon as day 6 is delivered', () => {
    expect(remindersToSend(withDays(emptyDraft(), 6), '2024-03-06').map((reminder) => reminder.kind)).toEqual(['section3_due']);
  });

  it.each([
    ['2024-03-10', []],
    ['2024-03-12', ['send_to_school']],
    ['2024-03-19', ['send_to_school', 'submit_to_rdp']],
  ] as const)('after the tenth day on 10 March completed the deployment, on %s: %o', (today, kinds) => {
    const completed = withDays(answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS), 10);
    expect(remindersToSend(completed, today).map((reminder) => reminder.kind)).toEqual(kinds);
  });
});

describe('bank details are erased once kept as long as configured after submission', () => {
  const submitted = setField(readyDraft(), 8, 'submittedToRdpAt', '2024-04-23');
  it.each([
    ['2024-07-21', false],
    ['2024-07-22', true],
  ])('90 days after 23 April, on %s: %s', (today, due) => {
    expect(bankDetailsDueForErasure(submitted, today, 90)).toBe(due);
  });

  it('is never due before submission, and erasing leaves section 5 empty', () => {
    expect(bankDetailsDueForErasure(readyDraft(), '2030-01-01', 0)).toBe(false);
    expect(eraseBankDetails(submitted).sections[5]).toEqual({});
  });
});
