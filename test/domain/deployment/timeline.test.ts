import { describe, expect, it } from 'vitest';
import { recordDeliveredDay, setField, type DeploymentDraft } from '../../../domain/deployment/form.js';
import { agreedDaysOf, dueSections, remindersDue, sectionDueAfterDay, TEN_DAY_MODEL } from '../../../domain/deployment/timeline.js';
import { SECTION_NUMBERS } from '../../../domain/deployment/sections.js';
import { answerAll, emptyDraft } from './sampleDraft.js';

const deliveredOn = (draft: DeploymentDraft, dates: readonly string[]): DeploymentDraft =>
  dates.reduce((current, date) => {
    const logged = recordDeliveredDay(current, date);
    if (!logged.ok) throw new Error(logged.errors.join(' '));
    return logged.value;
  }, draft);

const SIX_DAYS = ['2024-01-15', '2024-01-22', '2024-01-29', '2024-02-05', '2024-02-12', '2024-02-26'];
const TEN_DAYS = ['2024-04-01', '2024-04-02', '2024-04-03', '2024-04-04', '2024-04-05', '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-19'];

describe('the suggested 10-day model', () => {
  it('runs start-up, scoping, explore, five days of delivery, sustained improvement, closure', () => {
    expect(TEN_DAY_MODEL.map((day) => day.stage)).toEqual([
      'start_up',
      'scoping',
      'explore',
      'delivery',
      'delivery',
      'delivery',
      'delivery',
      'delivery',
      'sustained_improvement',
      'closure',
    ]);
  });

  it('fixes only days 1 and 10', () => {
    expect(TEN_DAY_MODEL.filter((day) => day.fixed).map((day) => day.day)).toEqual([1, 10]);
  });
});

describe('which sections are due after which delivered day', () => {
  it.each([
    [0, []],
    [0.5, []],
    [1, [1]],
    [2, [1, 2]],
    [5.5, [1, 2]],
    [6, [1, 2, 3]],
    [8, [1, 2, 3]],
    [9, [1, 2, 3, 4]],
    [10, [1, 2, 3, 4, 5, 6, 7, 8]],
    [12, [1, 2, 3, 4, 5, 6, 7, 8]],
    [Number.NaN, []],
  ])('after %d days: sections %j', (days, sections) => {
    expect(dueSections(days)).toEqual(sections);
  });
});

describe('reminders', () => {
  it('nothing is due on a new form', () => {
    expect(remindersDue(emptyDraft(), '2024-01-08')).toEqual([]);
  });

  it('the mid-engagement section is due from the sixth delivered day', () => {
    const draft = deliveredOn(emptyDraft(), SIX_DAYS);
    expect(remindersDue(draft, '2024-02-26')).toEqual([{ kind: 'section3_due', dueDate: '2024-02-26', overdue: false }]);
    expect(remindersDue(draft, '2024-03-04')).toEqual([{ kind: 'section3_due', dueDate: '2024-02-26', overdue: true }]);
  });

  it('five delivered days do not yet bring the mid-engagement section', () => {
    expect(remindersDue(deliveredOn(emptyDraft(), SIX_DAYS.slice(0, 5)), '2024-02-20')).toEqual([]);
  });

  it('days logged ahead of today do not count yet', () => {
    expect(remindersDue(deliveredOn(emptyDraft(), SIX_DAYS), '2024-02-20')).toEqual([]);
  });

  it('a completed mid-engagement section is not asked for again', () => {
    const draft = answerAll(deliveredOn(emptyDraft(), SIX_DAYS), [
      [3, 'reviewDate', '2024-02-26'],
      [3, 'progressSoFar', 'Reading audit done.'],
    ]);
    expect(remindersDue(draft, '2024-03-04')).toEqual([]);
  });

  it('once the deployment is completed (its last agreed day delivered), the form goes to the school within 3 days and to the RDP within 10', () => {
    const completed = deliveredOn(emptyDraft(), TEN_DAYS);
    const reportAndClaim = (today: string) => remindersDue(completed, today).filter((reminder) => reminder.kind !== 'section3_due');
    expect(reportAndClaim('2024-04-19')).toEqual([
      { kind: 'send_to_school', dueDate: '2024-04-22', overdue: false },
      { kind: 'submit_to_rdp', dueDate: '2024-04-29', overdue: false },
    ]);
    expect(reportAndClaim('2024-04-23')).toEqual([
      { kind: 'send_to_school', dueDate: '2024-04-22', overdue: true },
      { kind: 'submit_to_rdp', dueDate: '2024-04-29', overdue: false },
    ]);
  });

  it('signing alone starts no clock: nothing is due before the deployment is completed', () => {
    const signed = setField(deliveredOn(emptyDraft(), TEN_DAYS.slice(0, 9)), 8, 'signedBySystemLeaderAt', '2024-04-10');
    expect(remindersDue(signed, '2024-04-30').filter((reminder) => reminder.kind !== 'section3_due')).toEqual([]);
  });

  it('once sent to the school, only the RDP submission is left', () => {
    const sent = answerAll(deliveredOn(emptyDraft(), TEN_DAYS), [
      [8, 'signedBySystemLeaderAt', '2024-04-19'],
      [8, 'sentToSchoolAt', '2024-04-20'],
    ]);
    expect(remindersDue(sent, '2024-04-30').filter((reminder) => reminder.kind !== 'section3_due')).toEqual([{ kind: 'submit_to_rdp', dueDate: '2024-04-29', overdue: true }]);
  });

  it('a submitted form needs no reminder', () => {
    const submitted = answerAll(emptyDraft(), [
      [8, 'signedBySystemLeaderAt', '2024-04-19'],
      [8, 'sentToSchoolAt', '2024-04-20'],
      [8, 'submittedToRdpAt', '2024-04-24'],
    ]);
    expect(remindersDue(submitted, '2024-05-01')).toEqual([]);
  });

  it('counts calendar days across a month end', () => {
    const completed = deliveredOn({ ...emptyDraft(), agreedDays: 1 }, ['2024-02-28']);
    expect(remindersDue(completed, '2024-02-28').filter((reminder) => reminder.kind !== 'section3_due').map((reminder) => reminder.dueDate)).toEqual(['2024-03-02', '2024-03-09']);
  });
});

describe('due points scale with the agreed number of days (002 §10: "irrespective of the agreed number of days")', () => {
  it.each([
    [10, { 1: 1, 2: 2, 3: 6, 4: 9, 5: 10, 6: 10, 7: 10, 8: 10 }],
    [6, { 1: 1, 2: 2, 3: 4, 4: 5, 5: 6, 6: 6, 7: 6, 8: 6 }],
    [15, { 1: 1, 2: 3, 3: 9, 4: 14, 5: 15, 6: 15, 7: 15, 8: 15 }],
    [2, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 2, 6: 2, 7: 2, 8: 2 }],
  ] as const)('a %d-day deployment', (agreed, dueAfter) => {
    expect(Object.fromEntries(SECTION_NUMBERS.map((section) => [section, sectionDueAfterDay(section, agreed)]))).toEqual(dueAfter);
  });

  it('a 6-day deployment: the mid-engagement review is due after day 4, and the report-and-claim clock starts on day 6', () => {
    const six = deliveredOn({ ...emptyDraft(), agreedDays: 6 }, SIX_DAYS);
    expect(dueSections(4, 6)).toEqual([1, 2, 3]);
    expect(remindersDue(six, '2024-02-26')).toEqual([
      { kind: 'section3_due', dueDate: '2024-02-05', overdue: true },
      { kind: 'send_to_school', dueDate: '2024-02-29', overdue: false },
      { kind: 'submit_to_rdp', dueDate: '2024-03-07', overdue: false },
    ]);
  });

  it('a 15-day deployment (5 days DfE agreed): section 3 after day 9, completion on day 15', () => {
    const days = Array.from({ length: 15 }, (_, index) => `2024-05-${String(index + 1).padStart(2, '0')}`);
    const fifteen = deliveredOn({ ...emptyDraft(), agreedDays: 15 }, days);
    expect(remindersDue(deliveredOn({ ...emptyDraft(), agreedDays: 15 }, days.slice(0, 8)), '2024-05-20')).toEqual([]);
    expect(remindersDue(fifteen, '2024-05-15')).toEqual([
      { kind: 'section3_due', dueDate: '2024-05-09', overdue: true },
      { kind: 'send_to_school', dueDate: '2024-05-18', overdue: false },
      { kind: 'submit_to_rdp', dueDate: '2024-05-25', overdue: false },
    ]);
  });

  it('without a number said, the agreed days are the offer\'s 10 plus any extension DfE agreed (section 6)', () => {
    expect(agreedDaysOf(emptyDraft())).toBe(10);
    const extended = emptyDraft();
    expect(agreedDaysOf({ ...extended, sections: { ...extended.sections, 6: { daysDelivered: 13, extensionApprovedDays: 3 } } })).toBe(13);
  });
});
