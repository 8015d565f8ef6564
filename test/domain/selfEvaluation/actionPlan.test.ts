import { describe, expect, it } from 'vitest';
import {
  actionFrom,
  actionsToRemind,
  actionStartingFrom,
  addAction,
  completeAction,
  editAction,
  LONGEST_ACTION_FIELD,
  markReminded,
  MOST_ACTIONS,
  nextStepsToPlan,
  orderedActions,
  readTimeScale,
  reminderDate,
  reopenAction,
  versionOf,
  type ActionInput,
} from '../../../domain/selfEvaluation/actionPlan.js';
import { SHIPPED_QUESTIONS } from '../../../domain/selfEvaluation/questions.js';
import { newSelfEvaluation, saveAnswer, submit, type SelfEvaluation } from '../../../domain/selfEvaluation/record.js';

const SET = SHIPPED_QUESTIONS;
const HEAD = { aadObjectId: 'aad-head', name: 'Alex Head' };
const NOW = new Date('2026-10-05T09:00:00Z');
const typed: ActionInput = { keyAction: 'Governors briefing on NtG Strategy', lead: 'AO/JC', timeScale: 'Summer 2027', outcome: 'Governors hold SLT to account', monitoring: 'ISISLT' };

function withActions(...inputs: ActionInput[]): SelfEvaluation {
  let record = newSelfEvaluation('900001');
  for (const input of inputs) {
    const action = actionFrom(SET, input, undefined, HEAD, NOW);
    if (!action.ok) throw new Error(action.errors.join(' '));
    const added = addAction(record, action.value);
    if (!added.ok) throw new Error(added.errors.join(' '));
    record = added.value.record;
  }
  return record;
}

describe('Appendix 1’s columns', () => {
  it('are the source’s headings, in its order', () => {
    expect(SET.actionPlan.columns.map((column) => column.title)).toEqual(['Key Actions', 'Lead', 'Time scale', 'Outcome', 'Monitoring', 'Completed']);
  });
});

describe('reading a time scale as Appendix 1 writes them', () => {
  it.each([
    ['Spring 2010', '2010-03-31'],
    ['Summer 2010', '2010-08-31'],
    [' autumn  2009 ', '2009-12-31'],
    ['Autumn term 2026', '2026-12-31'],
    ['2010', '2010-12-31'],
    ['31 March 2027', '2027-03-31'],
    ['2027-01-15', '2027-01-15'],
    ['15/01/2027', '2027-01-15'],
  ])('“%s” ends on %s', (text, dueDate) => {
    expect(readTimeScale(text)).toEqual({ ok: true, value: { timeScale: text.trim().replace(/\s+/g, ' '), dueDate } });
  });

  it.each(['Autumn 2009 onwards', '1 May 2027 onwards'])('“%s” carries on, so it has no date and no reminder', (text) => {
    expect(readTimeScale(text)).toEqual({ ok: true, value: { timeScale: text } });
  });

  it.each([
    ['', 'a term and year'],
    ['next year sometime', 'could not read'],
    ['Winter 2027', 'could not read'],
    ['30 February 2027', 'could not read'],
    ['Spring 1066', 'check the year'],
    ['=HYPERLINK("https://evil.example")', 'could not read'],
    ['x'.repeat(61), '61 characters'],
  ])('refuses “%s” saying why', (text, why) => {
    const read = readTimeScale(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors.join(' ')).toContain(why);
  });
});

describe('an action', () => {
  it('needs Key Actions, Lead and a Time scale; Outcome and Monitoring may wait', () => {
    const action = actionFrom(SET, { keyAction: ' ', lead: '', timeScale: '' }, undefined, HEAD, NOW);
    expect(action.ok).toBe(false);
    if (!action.ok) expect(action.errors).toEqual(['Please fill in Key Actions.', 'Please fill in Lead.', expect.stringContaining('Time scale: ')]);
    expect(actionFrom(SET, { keyAction: 'Do it', lead: 'SLT', timeScale: '2027' }, undefined, HEAD, NOW).ok).toBe(true);
  });

  it('refuses words over the limit under any column, and a key issue that does not exist', () => {
    const action = actionFrom(SET, { ...typed, outcome: 'x'.repeat(LONGEST_ACTION_FIELD + 1) }, 19, HEAD, NOW);
    expect(action.ok).toBe(false);
    if (!action.ok) expect(action.errors).toEqual([`Outcome is ${LONGEST_ACTION_FIELD + 1} characters long; please keep it to ${LONGEST_ACTION_FIELD}.`, 'There is no key issue 19: they are numbered 1 to 18.']);
  });

  it('is numbered after the plan’s last, so two added from the same read get different numbers', () => {
    const record = withActions(typed);
    const first = actionFrom(SET, typed, 3, HEAD, NOW);
    if (!first.ok) throw new Error('refused');
    const once = addAction(record, first.value);
    if (!once.ok) throw new Error('refused');
    const twice = addAction(once.value.record, first.value);
    expect(twice.ok && twice.value.record.actions?.map((action) => action.number)).toEqual([1, 2, 3]);
  });

  it(`stops at ${MOST_ACTIONS} actions`, () => {
    const full = withActions(...Array.from({ length: MOST_ACTIONS }, () => typed));
    const action = actionFrom(SET, typed, undefined, HEAD, NOW);
    if (!action.ok) throw new Error('refused');
    expect(addAction(full, action.value)).toEqual({ ok: false, errors: [`Your school’s action plan already has ${MOST_ACTIONS} actions, as many as it holds.`] });
  });

  it('is completed once, on the day it is marked, and a missing number says which there are', () => {
    const record = withActions(typed, { ...typed, keyAction: 'Second' });
    const done = completeAction(record, 2, HEAD, '2026-11-05');
    expect(done.ok && done.value.actions?.[1]?.completed).toEqual({ date: '2026-11-05', by: HEAD });
    if (!done.ok) throw new Error('refused');
    expect(completeAction(done.value, 2, HEAD, '2026-11-06')).toEqual({ ok: false, errors: ['Action 2 was already marked completed on 5 November 2026 by Alex Head.'] });
    expect(completeAction(done.value, 7, HEAD, '2026-11-06')).toEqual({ ok: false, errors: ['There is no action 7 in your school’s action plan: its actions are numbered 1, 2.'] });
    expect(completeAction(newSelfEvaluation('900001'), 1, HEAD, '2026-11-06')).toEqual({ ok: false, errors: ['Your school’s action plan has no actions yet.'] });
  });

  it('lists open ones first, soonest first, those that carry on after, completed last', () => {
    const record = withActions(
      { ...typed, keyAction: 'a', timeScale: 'Summer 2027' },
      { ...typed, keyAction: 'b', timeScale: 'Autumn 2026 onwards' },
      { ...typed, keyAction: 'c', timeScale: 'Spring 2027' },
      { ...typed, keyAction: 'd', timeScale: 'Spring 2026' },
    );
    const done = completeAction(record, 4, HEAD, '2026-10-05');
    if (!done.ok) throw new Error('refused');
    expect(orderedActions(done.value).map((action) => action.keyAction)).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('the reminder before an action’s date (14 days, the council’s own)', () => {
  const record = withActions({ ...typed, timeScale: '31 March 2027' }, { ...typed, timeScale: 'Autumn 2026 onwards' }, { ...typed, timeScale: '15 March 2027' });
  it.each([
    ['2027-02-28', []],
    ['2027-03-01', [3]],
    ['2027-03-16', [3]],
    ['2027-03-17', [1, 3]],
    ['2027-06-01', [1, 3]],
  ])('on %s is due for actions %j', (today, numbers) => {
    expect(actionsToRemind(record, today).map((action) => action.number)).toEqual(numbers);
  });

  it('goes once, and not for a completed action', () => {
    const reminded = markReminded(record, 1, NOW.toISOString());
    const completed = completeAction(reminded, 3, HEAD, '2027-03-01');
    if (!completed.ok) throw new Error('refused');
    expect(actionsToRemind(completed.value, '2027-04-01')).toEqual([]);
    expect(actionsToRemind(markReminded(completed.value, 1, undefined), '2027-04-01').map((action) => action.number)).toEqual([1]);
  });

  it('is counted from the date across the clocks changing', () => {
    expect(reminderDate('2027-04-05')).toBe('2027-03-22');
  });
});

describe('changing or reopening an action', () => {
  const COLLEAGUE = { aadObjectId: 'aad-staff', name: 'Sam Staff' };
  const LATER = new Date('2026-11-05T09:00:00Z');
  const changedTo = (input: ActionInput) => {
    const action = actionFrom(SET, input, undefined, COLLEAGUE, LATER);
    if (!action.ok) throw new Error(action.errors.join(' '));
    return action.value;
  };
  const reminded = markReminded(withActions(typed), 1, NOW.toISOString());

  it('re-arms the reminder when the time scale moves to another date, and not when the same date is written another way', () => {
    const moved = editAction(reminded, 1, changedTo({ ...typed, timeScale: 'Autumn 2027' }), '0', COLLEAGUE, LATER);
    if (!moved.ok) throw new Error(moved.errors.join(' '));
    expect(moved.value.actions?.[0]).toMatchObject({ timeScale: 'Autumn 2027', dueDate: '2027-12-31', remindedAt: undefined, edited: { by: COLLEAGUE, revision: 1 }, addedBy: HEAD });
    expect(actionsToRemind(moved.value, '2027-12-17').map((action) => action.number)).toEqual([1]);

    const sameDate = editAction(reminded, 1, changedTo({ ...typed, timeScale: '31 August 2027', outcome: 'Governors challenge SLT' }), '0', COLLEAGUE, LATER);
    if (!sameDate.ok) throw new Error(sameDate.errors.join(' '));
    expect(sameDate.value.actions?.[0]).toMatchObject({ timeScale: '31 August 2027', outcome: 'Governors challenge SLT', remindedAt: NOW.toISOString() });
    // Nothing changed: the record is the same one, so nothing is written.
    expect(editAction(reminded, 1, changedTo(typed), '0', COLLEAGUE, LATER)).toEqual({ ok: true, value: reminded });
  });

  it('refuses a card shown before a colleague’s change, naming them, and a number not in the plan', () => {
    const first = editAction(reminded, 1, changedTo({ ...typed, lead: 'JC' }), '0', COLLEAGUE, LATER);
    if (!first.ok) throw new Error(first.errors.join(' '));
    expect(versionOf(first.value.actions?.[0] as never)).toBe('1');
    const stale = editAction(first.value, 1, changedTo({ ...typed, lead: 'AO' }), '0', HEAD, LATER);
    expect(stale.ok ? [] : stale.errors).toEqual(['Sam Staff changed action 1 after this card was shown, so nothing was saved. Press Save again to put your words in place of theirs.']);
    expect(editAction(first.value, 1, changedTo({ ...typed, lead: 'AO' }), '1', HEAD, LATER).ok).toBe(true);
    const missing = editAction(first.value, 4, changedTo(typed), '0', HEAD, LATER);
    expect(missing.ok ? [] : missing.errors).toEqual(['There is no action 4 in your school’s action plan: its actions are numbered 1.']);
  });

  it('reopens only a completed action, keeping whether its reminder went', () => {
    const done = completeAction(reminded, 1, HEAD, '2026-11-01');
    if (!done.ok) throw new Error(done.errors.join(' '));
    const reopened = reopenAction(done.value, 1);
    if (!reopened.ok) throw new Error(reopened.errors.join(' '));
    expect(reopened.value.actions?.[0]).toMatchObject({ completed: undefined, remindedAt: NOW.toISOString() });
    const again = reopenAction(reopened.value, 1);
    expect(again.ok ? [] : again.errors).toEqual(['Action 1 is not marked completed, so there is nothing to reopen.']);
    expect(reopenAction(newSelfEvaluation('900001'), 1).ok).toBe(false);
  });
});

describe('next steps into actions', () => {
  it('offers the key issues with next steps not yet planned, from the draft, and starts the action from their words', () => {
    let record = saveAnswer(newSelfEvaluation('900001'), 2, { step: 'beginning', texts: { nextSteps: 'Brief governors', lead: 'AO' }, editedBy: HEAD, editedAt: NOW.toISOString() }, NOW).record;
    record = saveAnswer(record, 5, { step: 'beginning', texts: { nextSteps: 'Target FSM support', lead: 'SLT' }, editedBy: HEAD, editedAt: NOW.toISOString() }, NOW).record;
    record = saveAnswer(record, 6, { step: 'beginning', texts: { lead: 'SLT' }, editedBy: HEAD, editedAt: NOW.toISOString() }, NOW).record;
    expect(nextStepsToPlan(SET, record).map((entry) => entry.keyIssue)).toEqual([2, 5]);
    expect(actionStartingFrom(record, 5)).toEqual({ keyAction: 'Target FSM support', lead: 'SLT' });
    const action = actionFrom(SET, { ...typed, keyAction: 'Target FSM support' }, 5, HEAD, NOW);
    if (!action.ok) throw new Error('refused');
    const added = addAction(record, action.value);
    if (!added.ok) throw new Error('refused');
    expect(nextStepsToPlan(SET, added.value.record).map((entry) => entry.keyIssue)).toEqual([2]);
  });

  it('keeps the plan when the self-evaluation is submitted', () => {
    let record = withActions(typed);
    for (const issue of SET.keyIssues) record = saveAnswer(record, issue.number, { step: 'developing', texts: {}, editedBy: HEAD, editedAt: NOW.toISOString() }, NOW).record;
    const submitted = submit(SET, record, HEAD, NOW);
    expect(submitted.ok && submitted.value.actions).toHaveLength(1);
  });
});
