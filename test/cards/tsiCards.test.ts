import { describe, expect, it } from 'vitest';
import {
  EMPTY_TSI_FORM,
  outcomeLine,
  TSI_ASSESS_VERB,
  TSI_FORM_FIELDS,
  tsiFormCard,
  tsiHistoryCard,
  tsiResultCard,
  type EligibilityCheckView,
} from '../../cards/tsiCards.js';
import type { EligibilityOutcome } from '../../domain/tsi/eligibility.js';
import { DEFAULT_OFFER } from '../../domain/tsi/offer.js';
import { cardText } from '../support/testBot.js';

type Element = Record<string, unknown>;

/** Every element of a card (body, containers, actions), depth first. */
function elementsOf(card: unknown): Element[] {
  const found: Element[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Element;
      if (typeof element.type === 'string') found.push(element);
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const inputsOf = (card: unknown) => elementsOf(card).filter((element) => String(element.type).startsWith('Input.'));
const inputById = (card: unknown, id: string) => inputsOf(card).find((input) => input.id === id);
const actionsOf = (card: Record<string, unknown>) => (card.actions ?? []) as Element[];

const eligibleOutcome: EligibilityOutcome = {
  status: 'eligible',
  criteria: ['C1', 'C3'],
  reasons: [
    'C1 is met: your requires improvement judgements of 3 May 2021 and 10 October 2023 are consecutive, and the later one is in the 2023/24 offer year.',
    'C2 is not met: none of your judgements is inadequate, and C2 needs an inadequate judgement dated in the 2023/24 offer year.',
    'C3 is met: a regional director has assessed you as needing immediate support.',
  ],
  rdp: { name: 'Amanda Parry', email: 'A.parry@hispmat.org' },
};

function check(overrides: Partial<EligibilityCheckView> = {}): EligibilityCheckView {
  return {
    id: 'abc123',
    checkedAt: '2024-03-01T10:00:00.000Z',
    subject: { name: 'Oakfield Primary School', urn: '100001', trust: 'Chiltern Learning Trust' },
    input: { recipient: 'school', region: 'South East' },
    offerYear: '2023/24',
    outcome: eligibleOutcome,
    ...overrides,
  };
}

describe('the eligibility form', () => {
  const empty = tsiFormCard({ offerYear: '2023/24', offerStart: '2023-09-01', today: '2024-03-01', values: EMPTY_TSI_FORM, problems: [] });

  it('is an Adaptive Card of schema 1.5', () => {
    expect(empty.type).toBe('AdaptiveCard');
    expect(empty.version).toBe('1.5');
  });

  it('has one labelled input for every field the submission is read from, and a type-ahead to find the school', () => {
    expect(inputsOf(empty).map((input) => input.id).sort()).toEqual([...TSI_FORM_FIELDS, 'schoolLookup'].sort());
    for (const input of inputsOf(empty)) expect(typeof input.label === 'string' && input.label.length > 0, `${String(input.id)} has a label`).toBe(true);
  });

  it('marks no input required, so "Fill in from the directory" works on an empty form (the server lists what is missing)', () => {
    // A card checks every required input of its own and its parents before any button sends.
    expect(inputsOf(empty).filter((input) => input.isRequired === true)).toEqual([]);
  });

  it('asks for dates with date pickers that stop at today, and grades and yes/no answers as choices', () => {
    for (const id of ['latestDate', 'previousDate']) expect(inputById(empty, id)).toMatchObject({ type: 'Input.Date', max: '2024-03-01' });
    for (const id of ['latestGrade', 'previousGrade']) {
      const grade = inputById(empty, id);
      expect(grade?.type).toBe('Input.ChoiceSet');
      expect((grade?.choices as Element[]).map((choice) => choice.title)).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Inspected, no overall grade']);
    }
    for (const id of ['regionalDirectorAssessed', 'selfIdentifiesNeed', 'deliveryTeamJudgesNeed']) {
      expect((inputById(empty, id)?.choices as Element[]).map((choice) => choice.value)).toEqual(['yes', 'no']);
    }
    expect((inputById(empty, 'region')?.choices as Element[]).map((choice) => choice.value)).toHaveLength(9);
  });

  it('submits with Action.Execute and the tsi.assess verb, with an Action.Submit fallback carrying the verb', () => {
    const [submit] = actionsOf(empty);
    expect(submit).toMatchObject({
      type: 'Action.Execute',
      verb: TSI_ASSESS_VERB,
      title: 'Check eligibility',
      fallback: { type: 'Action.Submit', data: { verb: TSI_ASSESS_VERB } },
    });
  });

  it('shows the values it is given, says where prefilled values came from, and lists the problems', () => {
    const card = tsiFormCard({
      offerYear: '2023/24',
      offerStart: '2023-09-01',
      today: '2024-03-01',
      values: { ...EMPTY_TSI_FORM, name: 'Oakfield Primary School', latestDate: '2023-10-10', latestGrade: 'requires_improvement' },
      prefilledFrom: 'Oakfield Primary School',
      problems: ['Choose the DfE region.'],
    });
    const text = cardText(card);
    expect(text).toContain('I have filled in what the school directory says about Oakfield Primary School.');
    expect(text).toContain('Please check this, then press **Check eligibility** again:');
    expect(text).toContain('• Choose the DfE region.');
    expect(inputById(card, 'name')?.value).toBe('Oakfield Primary School');
    expect(inputById(card, 'latestDate')?.value).toBe('2023-10-10');
    expect(inputById(card, 'latestGrade')?.value).toBe('requires_improvement');
  });

  it('shows no problem box and no prefilled note on a fresh form', () => {
    const text = cardText(empty);
    expect(text).not.toContain('Please check this');
    expect(text).not.toContain('school directory');
  });
});

describe('the result card', () => {
  it('gives the outcome in one line, then each criterion with its reason', () => {
    const card = tsiResultCard(check(), { offer: DEFAULT_OFFER, offerDeploymentForm: false });
    const text = cardText(card);
    expect(card.version).toBe('1.5');
    expect(text).toContain('Oakfield Primary School is eligible for TSI in 2023/24: it meets the offer’s criteria C1 and C3, explained below.');
    expect(text).toContain('URN 100001 · South East · in Chiltern Learning Trust · checked on 1 March 2024 at 10:00');
    for (const reason of eligibleOutcome.reasons) expect(text).toContain(reason);
  });

  it('sets out the offer: 10 days, support through the trust, and the enhanced strand (one of two)', () => {
    const text = cardText(tsiResultCard(check(), { offer: DEFAULT_OFFER, offerDeploymentForm: false }));
    expect(text).toContain('What is on offer');
    expect(text).toContain('10 days of support and advice from a system leader');
    expect(text).toContain('A school in a trust is supported through its trust');
    expect(text).toContain('one (never both) of a funded trust partnership or up to 5 additional days');
    expect(text).toContain('£10,000 DfE grant');
    expect(text).toContain('Paid as £5,000 at the start');
    expect(text).toContain('Up to 5 additional days');
    expect(text).toContain('DfE pays for no extra day that it has not formally agreed.');
  });

  it('supports a trust through its CEO', () => {
    const trust = check({ subject: { name: 'Northern Lights Trust' }, input: { recipient: 'trust', region: 'North West' } });
    const text = cardText(tsiResultCard(trust, { offer: DEFAULT_OFFER, offerDeploymentForm: false }));
    expect(text).toContain("Support for a trust is given through the trust's CEO.");
    expect(text).not.toContain('A school in a trust');
  });

  it('names the RDP lead for the region with a mailto link and an email button', () => {
    const card = tsiResultCard(check(), { offer: DEFAULT_OFFER, offerDeploymentForm: false });
    expect(cardText(card)).toContain(
      'To take up the offer, contact your Regional Delivery Partner (RDP) lead for South East, Amanda Parry: [A.parry@hispmat.org](mailto:A.parry@hispmat.org).',
    );
    const email = actionsOf(card).find((action) => action.type === 'Action.OpenUrl');
    expect(email?.title).toBe('Email Amanda Parry');
    expect(email?.url).toBe(`mailto:A.parry@hispmat.org?subject=${encodeURIComponent('TSI 2023/24: Oakfield Primary School (URN 100001)')}`);
  });

  it.each([
    ['a system leader, once the deployment form exists', true, 'eligible', true],
    ['nobody while the deployment form does not exist', false, 'eligible', false],
    ['nobody when the school is not eligible', true, 'not_eligible', false],
  ] as const)('offers to start a deployment form to %s', (_who, offerDeploymentForm, status, shown) => {
    const outcome: EligibilityOutcome = { ...eligibleOutcome, status, criteria: status === 'eligible' ? ['C1'] : [] };
    const card = tsiResultCard(check({ outcome }), { offer: DEFAULT_OFFER, offerDeploymentForm });
    const button = actionsOf(card).find((action) => action.type === 'Action.Submit');
    if (shown) {
      expect(button).toMatchObject({ title: 'Start a deployment form', data: { command: 'deployment form', eligibilityCheckId: 'abc123' } });
    } else {
      expect(button).toBeUndefined();
    }
  });

  it('by exception: says so, and what is on offer if the request is agreed', () => {
    const outcome: EligibilityOutcome = { ...eligibleOutcome, status: 'by_exception', criteria: [] };
    const text = cardText(tsiResultCard(check({ outcome }), { offer: DEFAULT_OFFER, offerDeploymentForm: false }));
    expect(text).toContain('Oakfield Primary School does not meet C1, C2 or C3, but can ask for TSI in 2023/24 by exception.');
    expect(text).toContain('What is on offer if your request is agreed');
    expect(text).toContain('To ask for TSI by exception, contact your Regional Delivery Partner (RDP) lead');
  });

  it('not eligible: no offer, but still who to talk to', () => {
    const outcome: EligibilityOutcome = { ...eligibleOutcome, status: 'not_eligible', criteria: [] };
    const text = cardText(tsiResultCard(check({ outcome }), { offer: DEFAULT_OFFER, offerDeploymentForm: false }));
    expect(text).toContain('Oakfield Primary School is not eligible for TSI in 2023/24.');
    expect(text).not.toContain('What is on offer');
    expect(text).toContain('If things change, or to talk it through, contact your Regional Delivery Partner (RDP) lead for South East, Amanda Parry');
  });
});

describe('outcomeLine', () => {
  it.each([
    [['C2'], 'X is eligible for TSI in 2023/24: it meets the offer’s criterion C2, explained below.'],
    [['C1', 'C2', 'C3'], 'X is eligible for TSI in 2023/24: it meets the offer’s criteria C1, C2 and C3, explained below.'],
  ] as const)('lists the criteria that hold: %j', (criteria, line) => {
    expect(outcomeLine('X', { ...eligibleOutcome, criteria: [...criteria] }, '2023/24')).toBe(line);
  });
});

describe('the list of recent checks', () => {
  it('shows each check with what it was about, its outcome and when, in the order given', () => {
    const card = tsiHistoryCard([
      check({ id: 'b', checkedAt: '2024-07-01T10:05:00.000Z' }),
      check({
        id: 'a',
        subject: { name: 'Northern Lights Trust' },
        input: { recipient: 'trust', region: 'North West' },
        outcome: { ...eligibleOutcome, status: 'not_eligible', criteria: [] },
      }),
    ]);
    const text = cardText(card);
    expect(card.version).toBe('1.5');
    expect(text).toContain('Your recent eligibility checks');
    expect(text).toContain('**Oakfield Primary School (URN 100001)**');
    expect(text).toContain('The school is eligible for TSI in 2023/24: it meets the offer’s criteria C1 and C3, explained below.');
    // British Summer Time: 10:05 UTC is 11:05 in London.
    expect(text).toContain('Checked on 1 July 2024 at 11:05');
    expect(text).toContain('**Northern Lights Trust**');
    expect(text).toContain('The trust is not eligible for TSI in 2023/24.');
    expect(text.indexOf('Oakfield')).toBeLessThan(text.indexOf('Northern Lights'));
  });
});
