import { describe, expect, it } from 'vitest';
import { recordDeliveredDay, setField, type DeploymentDraft } from '../../../domain/deployment/form.js';
import { dueSections, remindersDue, TEN_DAY_MODEL } from '../../../domain/deployment/timeline.js';
import { answerAll, emptyDraft } from './sampleDraft.js';

const deliveredOn = (draft: DeploymentDraft, dates: readonly string[]): DeploymentDraft =>
  dates.reduce((current, date) => {
    const logged = recordDeliveredDay(current, date);
    if (!logged.ok) throw new Error(logged.errors.join(' '));
    return logged.value;
  }, draft);

const SIX_DAYS = ['2024-01-15', '2024-01-22', '2024-01-29', '2024-02-05', '2024-02-12', '2024-02-26'];

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

  it('once signed, the form goes to the school within 3 days and to the RDP within 10', () => {
    const signed = setField(emptyDraft(), 8, 'signedBySystemLeaderAt', '2024-04-19');
    expect(remindersDue(signed, '2024-04-19')).toEqual([
      { kind: 'send_to_school', dueDate: '2024-04-22', overdue: false },
      { kind: 'submit_to_rdp', dueDate: '2024-04-29', overdue: false },
    ]);
    expect(remindersDue(signed, '2024-04-23')).toEqual([
      { kind: 'send_to_school', dueDate: '2024-04-22', overdue: true },
      { kind: 'submit_to_rdp', dueDate: '2024-04-29', overdue: false },
    ]);
  });

  it('once sent to the school, only the RDP submission is left', () => {
    const sent = answerAll(emptyDraft(), [
      [8, 'signedBySystemLeaderAt', '2024-04-19'],
      [8, 'sentToSchoolAt', '2024-04-20'],
    ]);
    expect(remindersDue(sent, '2024-04-30')).toEqual([{ kind: 'submit_to_rdp', dueDate: '2024-04-29', overdue: true }]);
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
    const signed = setField(emptyDraft(), 8, 'signedBySystemLeaderAt', '2024-02-28');
    expect(remindersDue(signed, '2024-02-28').map((reminder) => reminder.dueDate)).toEqual(['2024-03-02', '2024-03-09']);
  });
});
