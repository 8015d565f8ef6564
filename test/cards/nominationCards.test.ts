import { describe, expect, it } from 'vitest';
import {
  championCommitmentsCard,
  MOST_AUTO_REFRESHED,
  nominationHistoryCard,
  nominationReviewCard,
  nominationsExportCard,
  nominationsOverviewCard,
  NOMINATION_VERBS,
  sharedNominationCard,
  type SharedNominationView,
} from '../../cards/nominationCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { checkNomination } from '../../domain/nomination/check.js';
import { BENEFITS, COMMITMENTS } from '../../domain/nomination/commitments.js';
import { nominationCoverage } from '../../domain/nomination/coverage.js';
import { newNomination, type Nomination } from '../../domain/nomination/nomination.js';
import { selectNomination, submitNomination } from '../../domain/nomination/submit.js';
import { cardText } from '../support/testBot.js';
import { ALICE, completeNomination, edited, GROUP, GROUPS, NOW, SCHOOLS, SCHOOLS_BY_URN, SIT } from '../domain/nomination/fixtures.js';

const GROUP_SCHOOLS = SCHOOLS.filter((school) => school.liaisonGroupId === GROUP.id);

function view(nomination: Nomination, overrides: Partial<SharedNominationView> = {}): SharedNominationView {
  return {
    group: GROUP,
    nomination,
    groupSchools: GROUP_SCHOOLS,
    schoolsByUrn: SCHOOLS_BY_URN,
    check: checkNomination(nomination, { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN }),
    commitments: COMMITMENTS,
    benefits: BENEFITS,
    today: '2021-11-15',
    actedBy: ['29:aad-alice'],
    ...overrides,
  };
}

function submitted(): Nomination {
  const result = submitNomination(completeNomination(), { by: ALICE, now: NOW, commitmentsConfirmed: true, group: GROUP, schoolsByUrn: SCHOOLS_BY_URN });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

/** Every object in the card, however deep, with the kind of place it sits in. */
function nodes(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      found.push(node as Record<string, unknown>);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const executes = (card: unknown) => nodes(card).filter((node) => node.type === 'Action.Execute');
const inputs = (card: unknown) => nodes(card).filter((node) => typeof node.type === 'string' && node.type.startsWith('Input.'));

/** What every card of this journey must be, whatever it shows. */
function expectWellFormed(card: AdaptiveCard): void {
  expect(card.version).toBe('1.5');
  expect(JSON.stringify(card)).not.toMatch(/\$\{/);
  expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(100_000);
  for (const input of inputs(card)) expect(input.label, `input ${String(input.id)} has a label`).toEqual(expect.any(String));
  for (const action of executes(card)) {
    if (action === (card as { refresh?: { action?: unknown } }).refresh?.action) continue;
    const fallback = action.fallback as { type?: string; data?: Record<string, unknown> } | undefined;
    expect(fallback?.type).toBe('Action.Submit');
    expect(fallback?.data).toEqual({ verb: action.verb, ...(action.data as object) });
  }
}

describe('the shared nomination card', () => {
  it('an empty draft lists what is still to answer and offers both sections and the submission', () => {
    const card = sharedNominationCard(view(newNomination(GROUP.id)));
    expectWellFormed(card);
    const text = cardText(card);
    expect(text).toContain('Disadvantaged Champion School nomination: Liaison Group 01');
    expect(text).toContain('Draft: not submitted yet.');
    expect(text).toContain('Still to answer:');
    expect(text).toContain('• First choice: the school.');
    const titles = (card.actions as { title: string }[]).map((action) => action.title);
    expect(titles).toEqual(['Edit first choice', 'Edit second choice', 'Ready to submit?']);
  });

  it('each section saves only its own inputs, with the values it showed', () => {
    const card = sharedNominationCard(view(completeNomination()));
    const [first, second] = card.actions as { card: AdaptiveCard }[];
    const firstInputs = inputs(first!.card).map((input) => input.id);
    expect(firstInputs.length).toBeGreaterThan(0);
    expect(firstInputs.every((id) => String(id).startsWith('first_'))).toBe(true);
    expect(inputs(second!.card).every((input) => String(input.id).startsWith('second_'))).toBe(true);
    const [save] = executes(first!.card);
    expect(save).toMatchObject({ verb: NOMINATION_VERBS.save, title: 'Save first choice', data: { groupId: GROUP.id, choice: 'first', shown: { urn: '100001', stableSlt: 'yes' } } });
  });

  it('the group’s schools are listed once, in one picker that makes a school the first or second choice, with a text box as fallback', () => {
    const card = sharedNominationCard(view(newNomination(GROUP.id)));
    const pickers = inputs(card).filter((input) => input.type === 'Input.ChoiceSet' && Array.isArray(input.choices) && (input.choices as { value: string }[]).some((choice) => choice.value === '100001'));
    expect(pickers.map((input) => input.id)).toEqual(['school_urn']);
    expect((pickers[0]!.choices as { value: string }[]).map((choice) => choice.value)).toEqual(['100001', '100002', '100003']);
    expect(pickers[0]).toMatchObject({ isRequired: true, errorMessage: expect.any(String), fallback: { type: 'Input.Text', id: 'school_urn' } });
    // In the card's body, under the two choices, so the top-level buttons stay three and their titles are not cut.
    const picker = nodes(card).find((node) => node.type === 'Action.ShowCard' && node.title === 'Choose the schools') as { card: AdaptiveCard };
    expect(executes(picker.card).map((action) => [action.title, (action.data as { choice: string }).choice])).toEqual([
      ['Make it the first choice', 'first'],
      ['Make it the second choice', 'second'],
    ]);
  });

  it('a group with no schools in the directory gets a text box for the school', () => {
    const card = sharedNominationCard(view(newNomination(GROUP.id), { groupSchools: [] }));
    const school = inputs(card).filter((input) => input.id === 'school_urn');
    expect(school.map((input) => input.type)).toEqual(['Input.Text']);
  });

  it('lists the commitments, with the benefits behind a toggle, and asks for the confirmation', () => {
    const card = sharedNominationCard(view(completeNomination()));
    const text = cardText(card);
    for (const point of COMMITMENTS) expect(text).toContain(point.heading);
    expect(text).toContain('Everything is answered: the nomination is ready to submit.');
    expect(nodes(card).find((node) => node.type === 'Action.ToggleVisibility')).toMatchObject({ targetElements: ['nomination_benefits'] });
    expect(inputs(card).find((input) => input.id === 'commitmentsSeen')).toMatchObject({ type: 'Input.Toggle', valueOn: 'true', isRequired: true });
  });

  it('a champion in another role is a warning on the card, not a refusal', () => {
    const nomination = edited(completeNomination(), [{ kind: 'set_champion_role', choice: 'first', role: 'other' }]);
    const text = cardText(sharedNominationCard(view(nomination)));
    expect(text).toContain('Worth a second look (you can still submit):');
    expect(text).toContain('neither the Pupil Premium / Disadvantaged Pupil Lead nor a member of the senior leadership team');
    expect(text).toContain('ready to submit');
  });

  it('refreshes itself for the people who acted, the most recent 60; past 60 it shows a Refresh button', () => {
    const few = sharedNominationCard(view(newNomination(GROUP.id), { actedBy: ['29:a', '29:b'] }));
    expect(few.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: NOMINATION_VERBS.refresh, data: { groupId: GROUP.id } }, userIds: ['29:a', '29:b'] });
    expect((few.actions as { title: string }[]).some((action) => action.title === 'Refresh')).toBe(false);

    const crowd = Array.from({ length: MOST_AUTO_REFRESHED + 5 }, (_, index) => `29:user-${index}`);
    const many = sharedNominationCard(view(newNomination(GROUP.id), { actedBy: crowd }));
    expect((many.refresh as { userIds: string[] }).userIds).toEqual(crowd.slice(-MOST_AUTO_REFRESHED));
    expect((many.actions as { title: string }[]).at(-1)).toMatchObject({ type: 'Action.Execute', title: 'Refresh', verb: NOMINATION_VERBS.refresh });
    expectWellFormed(many);
  });

  it('a submitted nomination says who submitted it and can still be edited, not resubmitted as it is', () => {
    const card = sharedNominationCard(view(submitted()));
    expect(cardText(card)).toContain('Submitted by Alice Head on 15 November 2021 at 10:00.');
    expect((card.actions as { title: string }[]).map((action) => action.title)).toEqual(['Edit first choice', 'Edit second choice']);
  });

  it('once the SIT has decided, the card says so and offers no changes', () => {
    const decided = selectNomination(submitted(), 'reserve_selected', { by: SIT, now: NOW });
    if (!decided.ok) throw new Error(decided.errors.join(' '));
    const card = sharedNominationCard(view(decided.value));
    expect(cardText(card)).toContain('selected Beaconsfield High, your second choice (reserve)');
    expect(card.actions).toEqual([]);
  });

  it('text a member typed is shown as typed, never expanded as a template', () => {
    const nomination = edited(completeNomination(), [{ kind: 'set_champion_name', choice: 'first', name: '${$root.groupId}' }]);
    expect(cardText(sharedNominationCard(view(nomination)))).toContain('${$root.groupId}');
  });
});

describe('the other cards', () => {
  it('the history lists the current submission and the ones it replaced, newest first', () => {
    const first = submitted();
    const again = submitNomination(first, { by: { aadObjectId: 'aad-bob', name: 'Bob Deputy' }, now: new Date('2021-11-20T09:30:00Z'), commitmentsConfirmed: true, group: GROUP, schoolsByUrn: SCHOOLS_BY_URN });
    if (!again.ok) throw new Error(again.errors.join(' '));
    const card = nominationHistoryCard({ group: GROUP, nomination: again.value, schoolsByUrn: SCHOOLS_BY_URN });
    expectWellFormed(card);
    const text = cardText(card);
    expect(text.indexOf('Current: submitted by Bob Deputy on 20 November 2021')).toBeLessThan(text.indexOf('Replaced: submitted by Alice Head on 15 November 2021'));
    expect(text).toContain('2 submissions, newest first.');
  });

  it('the overview shows coverage, the mix of first choices, and a Review button per group', () => {
    const nomination = submitted();
    const coverage = nominationCoverage([nomination], GROUPS, SCHOOLS_BY_URN);
    const card = nominationsOverviewCard({ coverage, schoolsByUrn: SCHOOLS_BY_URN, groups: GROUPS.map((group) => ({ group, nomination: group.id === GROUP.id ? nomination : undefined })) });
    expectWellFormed(card);
    const text = cardText(card);
    expect(text).toContain('1 of 18 liaison groups have submitted a nomination.');
    expect(text).toContain('Still to submit: Liaison Group 02');
    expect(text).toContain('Primary');
    expect(executes(card)).toEqual([expect.objectContaining({ title: 'Review', verb: NOMINATION_VERBS.review })]);
    expect(inputs(card)).toEqual([expect.objectContaining({ id: 'groupId', choices: [{ title: GROUP.name, value: GROUP.id }] })]);
  });

  it('the review offers the three decisions once the nomination is submitted, none for a draft', () => {
    const common = { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN, confirmations: new Map() };
    const card = nominationReviewCard({ ...common, nomination: submitted(), check: checkNomination(submitted(), { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN }) });
    expectWellFormed(card);
    expect(executes(card).map((action) => action.title)).toEqual(['Selected', 'Reserve selected', 'Not selected', 'All nominations']);
    const draft = nominationReviewCard({ ...common, nomination: completeNomination(), check: checkNomination(completeNomination(), { group: GROUP, schoolsByUrn: SCHOOLS_BY_URN }) });
    expect(executes(draft).map((action) => action.title)).toEqual(['All nominations']);
    expect(cardText(draft)).toContain('Not submitted: there is nothing to decide yet.');
  });

  it('the commitments card offers the confirmation only while there is something to confirm', () => {
    const base = { school: SCHOOLS[0], urn: '100001', commitments: COMMITMENTS, benefits: BENEFITS };
    const open = championCommitmentsCard({ ...base, confirmation: undefined });
    expectWellFormed(open);
    expect(executes(open)).toEqual([expect.objectContaining({ title: 'Confirm for Amersham Primary', verb: NOMINATION_VERBS.confirmCommitments, data: { urn: '100001' } })]);
    expect(executes(championCommitmentsCard({ ...base, confirmation: undefined, unavailable: 'Nothing to confirm.' }))).toEqual([]);
  });

  it('the export card links both files and says when the links expire', () => {
    const card = nominationsExportCard({ groups: 18, nominated: 3, workbookUrl: 'https://bot.example/exports/a', csvUrl: 'https://bot.example/exports/b', expiresAt: new Date('2021-11-15T10:15:00Z') });
    expectWellFormed(card);
    expect(cardText(card)).toContain('expire at 15 November 2021 at 10:15');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Download the Excel workbook', url: 'https://bot.example/exports/a' },
      { type: 'Action.OpenUrl', title: 'Download the CSV file', url: 'https://bot.example/exports/b' },
    ]);
  });
});
