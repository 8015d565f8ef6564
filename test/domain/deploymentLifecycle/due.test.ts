import { describe, expect, it } from 'vitest';
import { dueSteps, isUnderWay, remindersToSend, stageOf } from '../../../domain/deploymentLifecycle/due.js';
import { CAN_SUPPORT, daysFrom, lifecycle } from './support.js';

const kindsAndDates = (steps: ReturnType<typeof dueSteps>) => steps.map((step) => `${step.kind} ${step.dueOn}${step.overdue ? ' overdue' : ''}`);

describe('002 §9: what is due next, and when it is overdue', () => {
  it.each([
    // given the record and today → what is due
    { rule: 'confirm ability to support within 3 days of the RDP’s contact', changes: {}, today: '2025-01-08', due: ['confirm_ability 2025-01-09'] },
    { rule: 'on the third day the confirmation is due, not overdue', changes: {}, today: '2025-01-09', due: ['confirm_ability 2025-01-09'] },
    { rule: 'the day after, it is overdue', changes: {}, today: '2025-01-10', due: ['confirm_ability 2025-01-09 overdue'] },
    { rule: 'a "no" ends the engagement: nothing more is due', changes: { engagement: { rdpContactOn: '2025-01-06', ability: { canSupport: false, on: '2025-01-07' } } }, today: '2025-03-01', due: [] },
    { rule: 'contact the school within 10 days of the confirmation, when no deployment information is recorded', changes: { engagement: CAN_SUPPORT }, today: '2025-01-17', due: ['contact_school 2025-01-17'] },
    { rule: 'contact the school within 10 days of the deployment information', changes: { engagement: { ...CAN_SUPPORT, deploymentInfoOn: '2025-01-10' } }, today: '2025-01-21', due: ['contact_school 2025-01-20 overdue'] },
    { rule: 'first visit and initial scoping within 4 weeks of contacting the school', changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10' } }, today: '2025-02-07', due: ['first_visit 2025-02-07'] },
    { rule: 'the first visit overdue a day after the 4 weeks', changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10' } }, today: '2025-02-08', due: ['first_visit 2025-02-07 overdue'] },
    { rule: 'engagement done: nothing due before day 1', changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' } }, today: '2025-01-21', due: [] },
    { rule: 'the pre-engagement checklist falls due on day 1', changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 1) }, today: '2025-01-21', due: ['pre_engagement_checklist 2025-01-20 overdue'] },
    {
      rule: 'the mid-engagement checklist falls due on day 6 of 10',
      changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 6), checklists: { preEngagement: { doneOn: '2025-01-20' } } },
      today: '2025-01-25',
      due: ['mid_engagement_checklist 2025-01-25'],
    },
    {
      rule: 'in a 15-day deployment the mid-engagement checklist moves to day 9',
      changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, agreedDays: 15, days: daysFrom('2025-01-20', 8), checklists: { preEngagement: { doneOn: '2025-01-20' } } },
      today: '2025-01-30',
      due: [],
    },
    {
      rule: 'once the mid-engagement checklist is done, its return to the RDP is due',
      changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 6), checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25' } } },
      today: '2025-01-26',
      due: ['mid_engagement_return 2025-01-25 overdue'],
    },
    {
      rule: 'DfE aims to decide an extension within 5 working days: chase after that (a Friday send is chased the next Friday)',
      changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 9), checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25', returnedToRdpOn: '2025-01-25' } }, extension: { status: 'sent' as const, request: { days: 3, reason: 'Reading', draftedOn: '2025-01-31' }, sentOn: '2025-01-31' } },
      today: '2025-02-08',
      due: ['chase_extension 2025-02-07 overdue'],
    },
    {
      rule: 'after the last agreed day: the form to the school within 3 days and to the RDP within 10',
      changes: { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 10), checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25', returnedToRdpOn: '2025-01-25' } } },
      today: '2025-02-02',
      due: ['send_to_school 2025-02-01 overdue', 'submit_to_rdp 2025-02-08'],
    },
  ])('$rule', ({ changes, today, due }) => {
    expect(kindsAndDates(dueSteps(lifecycle(changes), today))).toEqual(due);
  });

  it('a trust supported is the one contacted to arrange the initial meeting', () => {
    const trust = lifecycle({ engagement: CAN_SUPPORT, recipient: { kind: 'trust', name: 'Oakfield Academy Trust' } });
    expect(dueSteps(trust, '2025-01-17').map((step) => step.title)).toEqual(['Contact the trust to arrange the initial meeting']);
    expect(dueSteps(lifecycle({ engagement: CAN_SUPPORT }), '2025-01-17').map((step) => step.title)).toEqual(['Contact the school to arrange the initial meeting']);
  });

  it('a trust supported completes section 7, so the signed form goes to the trust to sign', () => {
    const done = { engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 10), checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25', returnedToRdpOn: '2025-01-25' } } };
    const titles = (record: ReturnType<typeof lifecycle>) => dueSteps(record, '2025-01-30').map((step) => step.title);
    expect(titles(lifecycle({ ...done, recipient: { kind: 'trust', name: 'Oakfield Academy Trust' } }))).toEqual(['Complete and sign the form; send it to the trust to sign', 'Submit the form to the RDP']);
    expect(titles(lifecycle(done))).toEqual(['Complete and sign the form; send it to the school to sign', 'Submit the form to the RDP']);
  });

  it('an approved extension sets a window to deliver the additional days in, due until they are logged', () => {
    const record = lifecycle({
      engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' },
      agreedDays: 13,
      days: daysFrom('2025-01-20', 11),
      checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-27', returnedToRdpOn: '2025-01-27' } },
      extension: { status: 'approved', request: { days: 3, reason: 'Reading', draftedOn: '2025-01-28' }, sentOn: '2025-01-28', decidedOn: '2025-02-03', approvedDays: 3, windowEndsOn: '2025-04-28' },
    });
    expect(kindsAndDates(dueSteps(record, '2025-02-05'))).toEqual(['extension_window 2025-04-28']);
    expect(kindsAndDates(dueSteps({ ...record, days: daysFrom('2025-01-20', 13) }, '2025-02-05')).map((line) => line.split(' ')[0])).toEqual(['send_to_school', 'submit_to_rdp']);
  });

  it('the form’s own sent and submitted dates close the report-and-claim steps', () => {
    const record = lifecycle({ engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 10), checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25', returnedToRdpOn: '2025-01-25' } } });
    expect(dueSteps(record, '2025-02-02', { sentToSchoolAt: '2025-01-30', submittedToRdpAt: '2025-02-01' })).toEqual([]);
  });

  it('the second £5,000: the trust’s end report is expected 12 months after the signed grant offer', () => {
    const theCase = { benefit: 'Sustained leadership support', schoolAgreed: true as const, context: 'Existing links' };
    const record = lifecycle({
      engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' },
      days: daysFrom('2025-01-20', 10),
      checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25', returnedToRdpOn: '2025-01-25' } },
      partnership: { status: 'first_payment_due', case: theCase, writtenOn: '2025-01-29', submittedOn: '2025-01-30', summaryEmailOn: '2025-03-01', grantOfferSignedOn: '2025-03-31' },
    });
    const form = { sentToSchoolAt: '2025-01-30', submittedToRdpAt: '2025-01-30' };
    expect(kindsAndDates(dueSteps(record, '2025-04-01', form))).toEqual(['partnership_end_report 2026-03-31']);
    expect(stageOf(record, form)).toBe('enhanced_strand');
  });

  it.each([
    { today: '2025-01-07', sent: [] },
    { today: '2025-01-08', sent: ['confirm_ability'] },
    { today: '2025-01-12', sent: ['confirm_ability'] },
  ])('a reminder goes the day before a due point (the council’s setting): on $today', ({ today, sent }) => {
    expect(remindersToSend(lifecycle(), today).map((step) => step.kind)).toEqual(sent);
  });

  it('the form reminds of sending and submitting itself, so those are not reminded twice', () => {
    const record = lifecycle({ engagement: { ...CAN_SUPPORT, schoolContactedOn: '2025-01-10', firstVisitOn: '2025-01-20' }, days: daysFrom('2025-01-20', 10), checklists: { preEngagement: { doneOn: '2025-01-20' }, midEngagement: { doneOn: '2025-01-25', returnedToRdpOn: '2025-01-25' } } });
    expect(remindersToSend(record, '2025-02-20')).toEqual([]);
  });

  it.each([
    { stage: 'engagement', changes: {} },
    { stage: 'not_supporting', changes: { engagement: { rdpContactOn: '2025-01-06', ability: { canSupport: false, on: '2025-01-07' } } } },
    { stage: 'deployment', changes: { engagement: CAN_SUPPORT, days: daysFrom('2025-01-20', 3) } },
    { stage: 'report_and_claim', changes: { engagement: CAN_SUPPORT, days: daysFrom('2025-01-20', 10) } },
  ])('the stage: $stage', ({ stage, changes }) => {
    expect(stageOf(lifecycle(changes))).toBe(stage);
  });

  it.each([
    { rule: 'before the system leader answers the RDP', changes: {}, underWay: true },
    { rule: 'after a yes', changes: { engagement: CAN_SUPPORT }, underWay: true },
    { rule: 'after every agreed day is delivered', changes: { engagement: CAN_SUPPORT, days: daysFrom('2025-01-20', 10) }, underWay: true },
    { rule: 'after a no', changes: { engagement: { rdpContactOn: '2025-01-06', ability: { canSupport: false, on: '2025-01-07' } } }, underWay: false },
  ])('a deployment is under way $rule: $underWay', ({ changes, underWay }) => {
    expect(isUnderWay(lifecycle(changes))).toBe(underWay);
  });
});
