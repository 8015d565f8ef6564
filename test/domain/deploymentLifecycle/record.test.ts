import { describe, expect, it } from 'vitest';
import { claimPayment } from '../../../domain/deployment/payment.js';
import { newDeploymentDraft } from '../../../domain/deployment/draft.js';
import { PaymentClaimSectionSchema } from '../../../domain/deployment/sections.js';
import { withApprovedExtension } from '../../../domain/deploymentLifecycle/formLink.js';
import { reconcileDays, reconcileOnceDelivered } from '../../../domain/deploymentLifecycle/reconcile.js';
import { logDeliveredDay, newLifecycle, recordChecklist, recordEngagement, recordMidReturn, recordRdpContact, withFormDays } from '../../../domain/deploymentLifecycle/record.js';
import { programmesFor } from '../../../domain/deploymentLifecycle/signposting.js';
import { ANNEX_A } from '../../../domain/deploymentLifecycle/programme.js';
import { CAN_SUPPORT, daysFrom, lifecycle } from './support.js';

const TODAY = '2025-03-01';
const errorOf = (result: { ok: boolean; errors?: string[] }) => (result.ok ? '' : (result.errors ?? []).join(' '));

describe('recording the steps', () => {
  it.each([
    { rule: 'a confirmation before the RDP’s contact is refused', run: () => recordEngagement(lifecycle(), 'ability', '2025-01-05', TODAY), error: /before the RDP’s contact/ },
    { rule: 'a step in the future is refused', run: () => recordEngagement(lifecycle(), 'ability', '2025-03-02', TODAY), error: /after today/ },
    { rule: 'a date that does not exist is refused', run: () => recordEngagement(lifecycle(), 'ability', '2025-02-30', TODAY), error: /Give the date/ },
    { rule: 'meeting the school before saying you can support is refused', run: () => recordEngagement(lifecycle(), 'firstVisit', '2025-01-10', TODAY), error: /First say/ },
    { rule: 'after a "no", nothing more is recorded', run: () => recordEngagement(lifecycle({ engagement: { rdpContactOn: '2025-01-06', ability: { canSupport: false, on: '2025-01-07' } } }), 'schoolContacted', '2025-01-10', TODAY), error: /cannot support/ },
    { rule: 'a day beyond the 10 agreed is refused: DfE pays for no day it did not agree', run: () => logDeliveredDay(lifecycle({ engagement: CAN_SUPPORT, days: daysFrom('2025-01-20', 10) }), { date: '2025-02-10', days: 1 }, TODAY), error: /more than the 10 agreed/ },
    { rule: 'a negative day is refused', run: () => logDeliveredDay(lifecycle({ engagement: CAN_SUPPORT }), { date: '2025-02-10', days: -1 }, TODAY), error: /one day at a time/ },
    { rule: 'a 28k note is refused', run: () => logDeliveredDay(lifecycle({ engagement: CAN_SUPPORT }), { date: '2025-02-10', days: 1, note: 'x'.repeat(28_000) }, TODAY), error: /1000 characters/ },
    { rule: 'an RDP contact in the future is refused', run: () => recordRdpContact(lifecycle(), '2025-03-02', TODAY), error: /after today/ },
    { rule: 'an RDP contact after the answer to it is refused', run: () => recordRdpContact(lifecycle({ engagement: CAN_SUPPORT }), '2025-01-08', TODAY), error: /You answered the RDP before that date/ },
    { rule: 'an RDP contact on a date that does not exist is refused', run: () => recordRdpContact(lifecycle(), '2025-02-30', TODAY), error: /Give the date/ },
    {
      rule: 'a new deployment whose RDP contact is after today (London) is refused',
      run: () => newLifecycle({ id: 'dep-9', ownerAadObjectId: 'aad-leader', ownerName: 'Lee Leader', recipient: { kind: 'school', name: 'Willowmere Primary' }, rdpContactOn: '2025-01-07', now: new Date('2025-01-06T23:30:00Z') }),
      error: /after today/,
    },
    { rule: 'the mid-engagement return needs the checklist first', run: () => recordMidReturn(lifecycle({ engagement: CAN_SUPPORT }), '2025-02-10', TODAY), error: /checklist first/ },
  ])('$rule', ({ run, error }) => {
    expect(errorOf(run())).toMatch(error);
  });

  it('an RDP contact on or before today, and not after the answer, corrects the date', () => {
    const corrected = recordRdpContact(lifecycle({ engagement: CAN_SUPPORT }), '2025-01-03', TODAY);
    expect(corrected.ok && corrected.value.engagement).toEqual({ ...CAN_SUPPORT, rdpContactOn: '2025-01-03' });
    // Half past midnight in London in summer (BST): London's today is already a day ahead of UTC's.
    const lateInSummer = newLifecycle({ id: 'dep-9', ownerAadObjectId: 'aad-leader', ownerName: 'Lee Leader', recipient: { kind: 'school', name: 'Willowmere Primary' }, rdpContactOn: '2025-06-02', now: new Date('2025-06-01T23:30:00Z') });
    expect(lateInSummer.ok).toBe(true);
  });

  it('logging a date again replaces its entry; days stay in date order', () => {
    let record = lifecycle({ engagement: CAN_SUPPORT });
    for (const [date, days] of [['2025-01-22', 1], ['2025-01-20', 1], ['2025-01-22', 0.5]] as const) {
      const next = logDeliveredDay(record, { date, days }, TODAY);
      if (!next.ok) throw new Error(next.errors.join(' '));
      record = next.value;
    }
    expect(record.days).toEqual([{ date: '2025-01-20', days: 1 }, { date: '2025-01-22', days: 0.5 }]);
  });

  it('a checklist records done, when and a note; the mid-engagement return keeps its own date', () => {
    const done = recordChecklist(lifecycle({ engagement: CAN_SUPPORT }), 'midEngagement', { on: '2025-01-27', note: 'Progress on reading' }, TODAY);
    if (!done.ok) throw new Error(done.errors.join(' '));
    const returned = recordMidReturn(done.value, '2025-01-28', TODAY);
    expect(returned.ok && returned.value.checklists.midEngagement).toEqual({ doneOn: '2025-01-27', note: 'Progress on reading', returnedToRdpOn: '2025-01-28' });
  });
});

describe('reconciling the days logged by date with the days claimed in section 6', () => {
  it.each([
    { rule: 'no claim yet', days: daysFrom('2025-01-20', 3), claimed: undefined, kind: 'not_claimed' },
    { rule: 'the claim matches the log', days: daysFrom('2025-01-20', 10), claimed: 10, kind: 'match' },
    { rule: 'half days count as halves', days: [{ date: '2025-01-20', days: 1 }, { date: '2025-01-21', days: 0.5 }], claimed: 1.5, kind: 'match' },
    { rule: 'a claim of more days than logged is a mismatch', days: daysFrom('2025-01-20', 9), claimed: 10, kind: 'mismatch' },
    { rule: 'a claim of fewer days than logged is a mismatch', days: daysFrom('2025-01-20', 10), claimed: 9, kind: 'mismatch' },
  ])('$rule', ({ days, claimed, kind }) => {
    expect(reconcileDays({ days }, claimed).kind).toBe(kind);
  });

  it.each([
    { stage: 'engagement', checked: false },
    { stage: 'deployment', checked: false },
    { stage: 'report_and_claim', checked: true },
    { stage: 'enhanced_strand', checked: true },
    { stage: 'done', checked: true },
  ] as const)('the days are checked against the claim once delivered: in $stage, $checked', ({ stage, checked }) => {
    const result = reconcileOnceDelivered({ days: daysFrom('2025-01-20', 9) }, stage, 10);
    expect(result?.kind).toBe(checked ? 'mismatch' : undefined);
  });

  it('a mismatch names the dates logged', () => {
    const result = reconcileDays({ days: [{ date: '2025-01-20', days: 1 }, { date: '2025-01-21', days: 0.5 }] }, 3);
    expect(result.kind === 'mismatch' && result.message).toBe(
      'Section 6 claims 3 days but only 1.5 days are logged by date: 20 January 2025, 21 January 2025 (half day). Log the missing days with their dates, or correct the claim, before sending the form.',
    );
  });
});

describe('an approved extension and the deployment form’s claim rule', () => {
  it('a claim of 13 days is refused without the extension and accepted once it is applied to the form', () => {
    const record = lifecycle({
      engagement: CAN_SUPPORT,
      agreedDays: 13,
      extension: { status: 'approved', request: { days: 3, reason: 'Reading', draftedOn: '2025-01-31' }, sentOn: '2025-02-01', decidedOn: '2025-02-05', approvedDays: 3, reference: 'DfE-2025-77', windowEndsOn: '2025-04-30' },
    });
    expect(claimPayment(13).ok).toBe(false);
    const draft = newDeploymentDraft('form-1', 'aad-leader', '2025-02-01T00:00:00.000Z');
    const claimed = { ...draft, sections: { ...draft.sections, 6: { daysDelivered: 13 } } };
    const applied = withApprovedExtension(claimed, record);
    expect(applied.agreedDays).toBe(13);
    expect(PaymentClaimSectionSchema.safeParse(applied.sections[6]).success).toBe(true);
    // Applied before the claim is answered, the extension waits in section 6 for a claim beyond 10 days.
    expect(withApprovedExtension(draft, record).sections[6]).toEqual({ extensionApprovedDays: 3, approvalReference: 'DfE-2025-77' });
    const withinOffer = { ...draft, sections: { ...draft.sections, 6: { daysDelivered: 9 } } };
    expect(withApprovedExtension(withinOffer, record).sections[6]).toEqual({ daysDelivered: 9 });
  });
});

describe('signposting: areas of focus to Annex A’s programmes', () => {
  it('behaviour leads to the Behaviour Hubs, with who can use them and how to access them', () => {
    const found = programmesFor(['behaviour']);
    expect(found.map((programme) => programme.id)).toContain('behaviour_hubs');
    expect(found.every((programme) => programme.whoCanUse.length > 0 && programme.howToAccess.length > 0)).toBe(true);
  });
  it('every Annex A programme is reachable from some area, and "other" alone finds none', () => {
    const all = new Set(ANNEX_A.programmes.flatMap((programme) => programme.areas));
    expect(programmesFor([...all]).length).toBe(ANNEX_A.programmes.length);
    expect(programmesFor(['other'])).toEqual([]);
  });
  it('with no area of focus chosen yet, all of Annex A', () => {
    expect(programmesFor([])).toEqual(ANNEX_A.programmes);
  });
});

describe('one list of days: those logged here and those told to the deployment form', () => {
  it('a date in both counts once, as logged here', () => {
    const record = lifecycle({ engagement: CAN_SUPPORT, days: [{ date: '2025-01-20', days: 0.5 }] });
    expect(withFormDays(record, ['2025-01-21', '2025-01-20']).days).toEqual([{ date: '2025-01-20', days: 0.5 }, { date: '2025-01-21', days: 1 }]);
  });
});
