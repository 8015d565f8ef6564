import { describe, expect, it } from 'vitest';
import {
  daysMismatchCard,
  draftsCard,
  progressCard,
  questionCard,
  schoolConfirmationCard,
  sectionFormCard,
  sectionReviewCard,
  sectionStartCard,
  submissionCard,
} from '../../cards/deploymentCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { fieldSpec, SECTION_NUMBERS, setField, type SectionNumber } from '../../domain/deployment/form.js';
import { emptyDraft, readyDraft } from '../domain/deployment/sampleDraft.js';
import { cardText } from '../support/testBot.js';

const REF = { ownerAadObjectId: 'aad-system-leader', draftId: 'deployment-1' };
const SECRETS = ['401276', '31926819', '40-12-76'];

function elements(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (typeof element.type === 'string') found.push(element);
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const inputs = (card: unknown) => elements(card).filter((element) => String(element.type).startsWith('Input.'));
const inputById = (card: unknown, id: string) => inputs(card).find((input) => input.id === id);

const sectionForms = (SECTION_NUMBERS.filter((section) => section !== 7) as SectionNumber[]).map((section) => [
  `section ${section} form`,
  sectionFormCard({ ref: REF, draft: readyDraft(), section, today: '2024-04-20' }),
]);

const EVERY_CARD: [string, AdaptiveCard][] = [
  ['drafts', draftsCard([{ draft: readyDraft(), position: { section: 8 } }], (iso) => iso.slice(0, 10))],
  ['section start', sectionStartCard({ ref: REF, section: 2, notes: ['A note'] })],
  ['question with buttons', questionCard({ field: fieldSpec(1, 'recipientKind')! })],
  ['question with a list', questionCard({ field: fieldSpec(2, 'areasOfFocus')! })],
  ...(sectionForms as [string, AdaptiveCard][]),
  ['review', sectionReviewCard({ ref: REF, draft: readyDraft(), section: 5, canEdit: true })],
  ['progress', progressCard({ ref: REF, draft: readyDraft(), sentToSchool: true })],
  ['submission', submissionCard({ draft: readyDraft(), download: { url: 'https://bot.example/exports/x', minutes: 15 }, fullBankDetails: true })],
  ['school confirmation', schoolConfirmationCard({ ref: REF, draft: emptyDraftWithWork(), londonDate: (iso) => iso.slice(0, 10) })],
];

function emptyDraftWithWork() {
  const draft = readyDraft();
  return { ...draft, sections: { ...draft.sections, 7: {} } };
}

describe('every deployment card', () => {
  it.each(EVERY_CARD)('the %s card is Adaptive Card 1.5 with every template binding filled', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card)).not.toContain('${');
  });

  it.each(EVERY_CARD)('the %s card labels every input', (_name, card) => {
    for (const input of inputs(card)) expect(typeof input.label === 'string' && input.label.length > 0, JSON.stringify(input)).toBe(true);
  });

  it.each(EVERY_CARD)('the %s card gives every Action.Execute an Action.Submit fallback carrying its verb', (_name, card) => {
    for (const action of elements(card).filter((element) => element.type === 'Action.Execute')) {
      const fallback = action.fallback as { type: string; data: Record<string, unknown> };
      expect(fallback.type).toBe('Action.Submit');
      expect(fallback.data).toEqual({ verb: action.verb, ...(action.data as object) });
    }
  });

  it.each(EVERY_CARD)('the %s card never shows a plain sort code or account number', (_name, card) => {
    for (const secret of SECRETS) expect(JSON.stringify(card)).not.toContain(secret);
  });
});

describe('asking a question on a card', () => {
  it('offers a few choices as buttons that answer the question', () => {
    const card = questionCard({ field: fieldSpec(1, 'recipientKind')!, current: 'Saved answer: A school.' });
    expect(cardText(card)).toContain('Saved answer: A school.');
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: 'A school', data: { deploymentField: 'recipientKind', deploymentAnswer: 'school' } },
      { type: 'Action.Submit', title: 'A trust', data: { deploymentField: 'recipientKind', deploymentAnswer: 'trust' } },
    ]);
  });

  it('offers many choices as a list, with several allowed where the form allows several', () => {
    expect(inputById(questionCard({ field: fieldSpec(1, 'region')! }), 'deploymentAnswer')).toMatchObject({ isMultiSelect: false, style: 'compact', isRequired: true });
    expect(inputById(questionCard({ field: fieldSpec(2, 'mechanismsOfSupport')! }), 'deploymentAnswer')).toMatchObject({ isMultiSelect: true, isRequired: false });
  });
});

describe('a section on one card', () => {
  it('holds the saved answers and requires nothing, since a blank keeps what was saved', () => {
    const card = sectionFormCard({ ref: REF, draft: readyDraft(), section: 2, today: '2024-04-20' });
    expect(inputById(card, 'whyEligible')).toMatchObject({ value: 'C1' });
    expect(inputById(card, 'areasOfFocus')).toMatchObject({ value: 'teaching_and_learning,other', isMultiSelect: true });
    expect(inputById(card, 'otherAreaNote')).toMatchObject({ label: 'Other area of focus (only if you chose "Other")' });
    expect(inputById(card, 'additionalInformation')).toMatchObject({ label: 'Additional information (optional)' });
    expect(inputs(sectionFormCard({ ref: REF, draft: emptyDraft(), section: 1, today: '2024-04-20' })).filter((input) => input.isRequired === true)).toEqual([]);
  });

  it('shows what was typed, and the problems, when nothing was saved', () => {
    const card = sectionFormCard({ ref: REF, draft: emptyDraft(), section: 6, today: '2024-04-20', typed: { daysDelivered: '9.3' }, problems: ['Days delivered: Days are counted in half-day steps.'] });
    expect(cardText(card)).toContain('Nothing was saved.');
    expect(inputById(card, 'daysDelivered')).toMatchObject({ type: 'Input.Number', value: 9.3 });
  });

  it('never puts bank details back into an input: the saved ones show masked as a hint', () => {
    const card = sectionFormCard({ ref: REF, draft: readyDraft(), section: 5, today: '2024-04-20', typed: { sortCode: '401276' } });
    expect(inputById(card, 'sortCode')).toMatchObject({ value: '', placeholder: 'Saved: ••-••-76' });
    expect(inputById(card, 'accountNumber')).toMatchObject({ value: '', placeholder: 'Saved: ••••••19' });
  });

  it('without the bank details key, section 5 has no inputs and says why', () => {
    const card = sectionFormCard({ ref: REF, draft: emptyDraft(), section: 5, today: '2024-04-20', bankDetailsKeyMissing: true });
    expect(inputs(card)).toEqual([]);
    expect(cardText(card)).toContain('the key for that has not been set up on this bot. Please ask the School Improvement Team');
    // The setting's name means nothing to a system leader: it is for the logs and the README.
    expect(cardText(card)).not.toContain('BANK_DETAILS');
  });
});

describe('what the supported school sees', () => {
  it('shows sections 1 to 4 and 6, never the bank details, with confirm and query buttons', () => {
    const card = schoolConfirmationCard({ ref: REF, draft: emptyDraftWithWork(), londonDate: (iso) => iso.slice(0, 10) });
    const text = cardText(card);
    for (const heading of ['Section 1: School/Trust Details', 'Section 2: Scope and diagnostics', 'Section 3: Mid engagement', 'Section 4: Closure and next steps', 'Section 6: Payment claim']) {
      expect(text).toContain(heading);
    }
    expect(text).not.toContain('Bank details');
    expect(text).not.toContain('••');
    expect(elements(card).filter((element) => element.type === 'Action.Execute').map((action) => action.verb)).toEqual(['deployment.confirm', 'deployment.query']);
  });

  it('once answered, says so and offers no buttons', () => {
    const card = schoolConfirmationCard({ ref: REF, draft: readyDraft(), londonDate: (iso) => iso.slice(0, 10) });
    expect(cardText(card)).toContain('You confirmed the work reported on 22 April 2024.');
    expect(card.actions).toEqual([]);
  });
});

describe('progress and submission', () => {
  it('says which sections are due and done against the days delivered', () => {
    const draft = { ...emptyDraft(), daysDeliveredLog: ['2024-03-04', '2024-03-05'] };
    const text = cardText(progressCard({ ref: REF, draft, sentToSchool: false }));
    expect(text).toContain('Days of support delivered: 2 (the latest on 5 March 2024).');
    expect(text).toContain('Due now: section 1 (School/Trust Details), section 2 (Scope and diagnostics).');
    expect(text).toContain('Due after day 6');
  });

  it('says the form goes via the system leader’s own RDP, the address being on the form’s final page, not the supported school’s region’s lead', () => {
    const draft = setField(emptyDraft(), 1, 'region', 'North West');
    const card = submissionCard({ draft, fullBankDetails: false });
    const text = cardText(card);
    expect(text).toContain('via your Regional Delivery Partner (RDP): the RDP you work with as the system leader');
    expect(text).toContain('final page of DfE’s deployment form');
    expect(text).not.toContain('Amanda Bennett');
    expect(text).toContain('Before you submit it, please finish:');
  });
});

describe('who section 7 is for', () => {
  it.each([
    { kind: undefined, noun: 'school or trust', command: 'send to school' },
    { kind: 'school' as const, noun: 'school', command: 'send to school' },
    { kind: 'trust' as const, noun: 'trust', command: 'send to trust' },
  ])('names the $noun and the command that sends it, once section 1 says which', ({ kind, noun, command }) => {
    const draft = kind === undefined ? emptyDraft() : setField(emptyDraft(), 1, 'recipientKind', kind);
    const submission = cardText(submissionCard({ draft, fullBankDetails: false }));
    expect(submission).toContain(`send it to the ${noun} to sign within 3 days`);
    expect(submission).toContain(`Section 7: the ${noun} has not confirmed the work yet (say "${command}")`);
    expect(cardText(progressCard({ ref: REF, draft, sentToSchool: true }))).toContain(`Sent to the ${noun} to confirm`);
  });
});

describe('before the form goes: the days do not match the claim', () => {
  it.each([
    { kind: 'trust' as const, command: '"send to trust" again' },
    { kind: 'school' as const, command: '"send to school" again' },
  ])('a $kind’s form is sent on with “$command”', ({ kind, command }) => {
    const draft = setField(readyDraft(), 1, 'recipientKind', kind);
    const text = cardText(daysMismatchCard({ ref: REF, draft, message: 'Section 6 claims 10 days but only 9 days are logged by date.', seen: '0123456789abcdef' }));
    expect(text).toContain(command);
  });
});
