import { describe, expect, it } from 'vitest';
import { applyExtensionEvent, extensionRequestText, type ExtensionEvent } from '../../../domain/deploymentLifecycle/extension.js';
import { applyPartnershipEvent, type PartnershipEvent } from '../../../domain/deploymentLifecycle/partnership.js';
import type { DeploymentLifecycle, Extension, Partnership } from '../../../domain/deploymentLifecycle/record.js';
import { CAN_SUPPORT, daysFrom, lifecycle } from './support.js';

const TODAY = '2025-03-01';
const request = { days: 3, reason: 'Reading needs more time', draftedOn: '2025-01-31' };
const EXTENSIONS: Record<Extension['status'], Extension> = {
  none: { status: 'none' },
  draft: { status: 'draft', request },
  sent: { status: 'sent', request, sentOn: '2025-02-01' },
  approved: { status: 'approved', request, sentOn: '2025-02-01', decidedOn: '2025-02-05', approvedDays: 3, windowEndsOn: '2025-04-30' },
  refused: { status: 'refused', request, sentOn: '2025-02-01', decidedOn: '2025-02-05' },
};
const EXTENSION_EVENTS: Record<ExtensionEvent['kind'], ExtensionEvent> = {
  draft: { kind: 'draft', days: 3, reason: 'Reading needs more time', on: '2025-02-10' },
  send: { kind: 'send', on: '2025-02-10' },
  approve: { kind: 'approve', on: '2025-02-10', reference: 'DfE-123' },
  refuse: { kind: 'refuse', on: '2025-02-10', rationale: 'Not enough evidence' },
};
const EXTENSION_ALLOWED: Record<Extension['status'], Partial<Record<ExtensionEvent['kind'], Extension['status']>>> = {
  none: { draft: 'draft' },
  draft: { draft: 'draft', send: 'sent' },
  sent: { approve: 'approved', refuse: 'refused' },
  approved: {},
  refused: {},
};
const working = (changes: Partial<DeploymentLifecycle>) => lifecycle({ engagement: CAN_SUPPORT, days: daysFrom('2025-01-20', 9), ...changes });

describe('the extension request: every transition, allowed or refused', () => {
  const cases = Object.entries(EXTENSIONS).flatMap(([from, state]) =>
    Object.entries(EXTENSION_EVENTS).map(([event, value]) => ({ from, event, state, value, to: EXTENSION_ALLOWED[from as Extension['status']][event as ExtensionEvent['kind']] })),
  );
  it.each(cases)('$from + $event → $to', ({ state, value, to }) => {
    const before = working({ extension: state });
    const result = applyExtensionEvent(before, value, TODAY);
    if (to === undefined) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join(' ')).toMatch(/You cannot/);
    } else {
      expect(result.ok && result.value.extension.status).toBe(to);
    }
  });

  it('approval raises the agreed days to 13 and sets the window 12 weeks on when DfE gave no date', () => {
    const result = applyExtensionEvent(working({ extension: EXTENSIONS.sent }), EXTENSION_EVENTS.approve, TODAY);
    expect(result.ok && { agreed: result.value.agreedDays, window: result.value.extension.status === 'approved' && result.value.extension.windowEndsOn }).toEqual({ agreed: 13, window: '2025-05-05' });
  });

  it.each([
    { rule: 'more than 5 days is refused', event: { kind: 'draft', days: 6, reason: 'x', on: '2025-02-10' } as ExtensionEvent, error: /up to 5/ },
    { rule: 'negative days are refused', event: { kind: 'draft', days: -2, reason: 'x', on: '2025-02-10' } as ExtensionEvent, error: /positive/ },
    { rule: 'a request without context is refused', event: { kind: 'draft', days: 2, reason: '   ', on: '2025-02-10' } as ExtensionEvent, error: /context/ },
    { rule: 'a 28k reason is refused', event: { kind: 'draft', days: 2, reason: 'x'.repeat(28_000), on: '2025-02-10' } as ExtensionEvent, error: /1000 characters/ },
    { rule: 'a date in the future is refused', event: { kind: 'draft', days: 2, reason: 'x', on: '2025-04-10' } as ExtensionEvent, error: /after today/ },
    { rule: 'a date that does not exist is refused', event: { kind: 'draft', days: 2, reason: 'x', on: '2025-02-30' } as ExtensionEvent, error: /Give the date/ },
  ])('$rule', ({ event, error }) => {
    const result = applyExtensionEvent(working({}), event, TODAY);
    expect(result.ok ? '' : result.errors.join(' ')).toMatch(error);
  });

  it('never both strands: no extension while a trust partnership is under way, or when the form recommends one', () => {
    const theCase = { benefit: 'b', schoolAgreed: true as const, context: 'c' };
    const withPartnership = working({ partnership: { status: 'case_written', case: theCase, writtenOn: '2025-02-01' } });
    const refused = applyExtensionEvent(withPartnership, EXTENSION_EVENTS.draft, TODAY);
    expect(refused.ok ? '' : refused.errors.join(' ')).toMatch(/never both/);
    const byForm = applyExtensionEvent(working({}), EXTENSION_EVENTS.draft, TODAY, 'trust_partnership');
    expect(byForm.ok ? '' : byForm.errors.join(' ')).toMatch(/form recommends/);
    const declined = working({ partnership: { status: 'declined', case: theCase, writtenOn: '2025-02-01', submittedOn: '2025-02-01', summaryEmailOn: '2025-02-05' } });
    expect(applyExtensionEvent(declined, EXTENSION_EVENTS.draft, TODAY).ok).toBe(true);
  });

  it('the drafted request carries the facts, the days asked for and why', () => {
    const text = extensionRequestText(working({ extension: EXTENSIONS.draft })) ?? '';
    expect(text).toContain('Willowmere Primary (URN 100001)');
    expect(text).toContain('Days delivered so far: 9 of the 10 agreed (from 20 January 2025 to 28 January 2025)');
    expect(text).toContain('Additional days requested: 3');
    expect(text).toContain('Reading needs more time');
  });
});

const theCase = { benefit: 'Sustained leadership support', schoolAgreed: true as const, context: 'Existing links with a local trust' };
const base = { case: theCase, writtenOn: '2025-01-30' };
const PARTNERSHIPS: Record<Partnership['status'], Partnership> = {
  none: { status: 'none' },
  case_written: { status: 'case_written', ...base },
  submitted: { status: 'submitted', ...base, submittedOn: '2025-01-31' },
  declined: { status: 'declined', ...base, submittedOn: '2025-01-31', summaryEmailOn: '2025-02-05' },
  approved: { status: 'approved', ...base, submittedOn: '2025-01-31', summaryEmailOn: '2025-02-05' },
  first_payment_due: { status: 'first_payment_due', ...base, submittedOn: '2025-01-31', summaryEmailOn: '2025-02-05', grantOfferSignedOn: '2025-02-06' },
  second_payment_due: { status: 'second_payment_due', ...base, submittedOn: '2025-01-31', summaryEmailOn: '2025-02-05', grantOfferSignedOn: '2025-02-06', endReportOn: '2025-02-07' },
};
const PARTNERSHIP_EVENTS: Record<PartnershipEvent['kind'], PartnershipEvent> = {
  writeCase: { kind: 'writeCase', on: '2025-02-10', case: theCase },
  submit: { kind: 'submit', on: '2025-02-10' },
  approve: { kind: 'approve', on: '2025-02-10' },
  decline: { kind: 'decline', on: '2025-02-10' },
  grantOfferSigned: { kind: 'grantOfferSigned', on: '2025-02-10' },
  endReport: { kind: 'endReport', on: '2025-02-10' },
};
const PARTNERSHIP_ALLOWED: Record<Partnership['status'], Partial<Record<PartnershipEvent['kind'], Partnership['status']>>> = {
  none: { writeCase: 'case_written' },
  case_written: { writeCase: 'case_written', submit: 'submitted' },
  submitted: { approve: 'approved', decline: 'declined' },
  declined: {},
  approved: { grantOfferSigned: 'first_payment_due' },
  first_payment_due: { endReport: 'second_payment_due' },
  second_payment_due: {},
};
const completed = (changes: Partial<DeploymentLifecycle>) => lifecycle({ engagement: CAN_SUPPORT, days: daysFrom('2025-01-20', 10), ...changes });

describe('the funded trust partnership: every transition, allowed or refused', () => {
  const cases = Object.entries(PARTNERSHIPS).flatMap(([from, state]) =>
    Object.entries(PARTNERSHIP_EVENTS).map(([event, value]) => ({ from, event, state, value, to: PARTNERSHIP_ALLOWED[from as Partnership['status']][event as PartnershipEvent['kind']] })),
  );
  it.each(cases)('$from + $event → $to', ({ state, value, to }) => {
    const result = applyPartnershipEvent(completed({ partnership: state }), value, TODAY);
    if (to === undefined) expect(result.ok).toBe(false);
    else expect(result.ok && result.value.partnership.status).toBe(to);
  });

  it('the case goes with the end-of-deployment return: not before the last agreed day', () => {
    const result = applyPartnershipEvent(completed({ days: daysFrom('2025-01-20', 7), partnership: PARTNERSHIPS.case_written }), PARTNERSHIP_EVENTS.submit, TODAY);
    expect(result.ok ? '' : result.errors.join(' ')).toMatch(/end-of-deployment return/);
  });

  it('the case needs the school’s agreement and the parts 002 lists', () => {
    const noAgreement = applyPartnershipEvent(completed({}), { kind: 'writeCase', on: '2025-02-10', case: { ...theCase, schoolAgreed: false } }, TODAY);
    expect(noAgreement.ok ? '' : noAgreement.errors.join(' ')).toMatch(/agrees/);
    const noBenefit = applyPartnershipEvent(completed({}), { kind: 'writeCase', on: '2025-02-10', case: { ...theCase, benefit: '' } }, TODAY);
    expect(noBenefit.ok).toBe(false);
  });

  it('never both strands: no partnership case while an extension is under way', () => {
    const result = applyPartnershipEvent(completed({ extension: EXTENSIONS.sent }), PARTNERSHIP_EVENTS.writeCase, TODAY);
    expect(result.ok ? '' : result.errors.join(' ')).toMatch(/never both/);
    expect(applyPartnershipEvent(completed({ extension: EXTENSIONS.refused }), PARTNERSHIP_EVENTS.writeCase, TODAY).ok).toBe(true);
  });

  it('a step dated before the one before it is refused', () => {
    const result = applyPartnershipEvent(completed({ partnership: PARTNERSHIPS.approved }), { kind: 'grantOfferSigned', on: '2025-02-01' }, TODAY);
    expect(result.ok ? '' : result.errors.join(' ')).toMatch(/before the partnership’s last step/);
  });
});
