import { describe, expect, it } from 'vitest';
import { setField } from '../../../domain/deployment/form.js';
import {
  isSectionOpen,
  nextQuestionAfter,
  nextSectionToFill,
  previousPosition,
  questionsOf,
  restartSection,
  sectionAfter,
  sectionInHand,
  startOfSection,
  whoFillsIn,
} from '../../../domain/deployment/navigation.js';
import { answerAll, emptyDraft, SAMPLE_BANK_DETAILS, SYSTEM_LEADER_ANSWERS, TEST_KEY } from './sampleDraft.js';
import { sealBankDetails } from '../../../domain/deployment/draft.js';

describe('moving through the form in conversation', () => {
  it('asks the next unanswered question after the one just asked, so a skipped question is left for later', () => {
    const draft = answerAll(emptyDraft(), [[1, 'recipientKind', 'school']]);
    expect(nextQuestionAfter(draft, 1)?.name).toBe('recipientName');
    expect(nextQuestionAfter(draft, 1, 'recipientName')?.name).toBe('urn');
    const answered = setField(draft, 1, 'trust', '');
    expect(nextQuestionAfter(answered, 1, 'urn')?.name).toBe('phase');
  });

  it('asks only the questions that apply: no URN for a trust, and never section 7 of the system leader', () => {
    const trust = answerAll(emptyDraft(), [[1, 'recipientKind', 'trust']]);
    expect(questionsOf(trust, 1).map((field) => field.name)).not.toContain('urn');
    expect(questionsOf(emptyDraft(), 7)).toEqual([]);
  });

  it('asks the three bank details in turn, whatever is stored', () => {
    expect(nextQuestionAfter(emptyDraft(), 5)?.name).toBe('accountName');
    expect(nextQuestionAfter(emptyDraft(), 5, 'accountName')?.name).toBe('sortCode');
    expect(nextQuestionAfter(emptyDraft(), 5, 'accountNumber')).toBeUndefined();
  });

  it.each([
    [{ section: 1, field: 'recipientName' }, { section: 1, field: 'recipientKind' }],
    [{ section: 2, field: 'whyEligible' }, { section: 1, field: 'systemLeaderEmail' }],
    [{ section: 8, field: 'signedBySystemLeaderAt' }, { section: 6, field: 'daysDelivered' }],
    [{ section: 3 }, { section: 3, field: 'amendments' }],
    [{ section: 6, field: 'daysDelivered' }, { section: 5, field: 'accountName' }],
  ] as const)('back from %o goes to %o', (from, to) => {
    expect(previousPosition(emptyDraft(), from)).toEqual(to);
  });

  it('has nothing before the first question', () => {
    expect(previousPosition(emptyDraft(), { section: 1, field: 'recipientKind' })).toBeUndefined();
  });

  it('starts a section at its first unanswered question, or its first question when all are answered', () => {
    const draft = answerAll(emptyDraft(), [[3, 'reviewDate', '2024-03-12']]);
    expect(startOfSection(draft, 3)).toEqual({ section: 3, field: 'progressSoFar' });
    const done = answerAll(draft, [
      [3, 'progressSoFar', 'Good'],
      [3, 'amendments', ''],
    ]);
    expect(startOfSection(done, 3)).toEqual({ section: 3, field: 'reviewDate' });
  });

  it('goes from section 6 to section 8: section 7 is the school’s', () => {
    expect(sectionAfter(6)).toBe(8);
    expect(sectionAfter(8)).toBeUndefined();
  });

  it.each([
    [0, 1, true],
    [0, 2, true],
    [5, 3, false],
    [6, 3, true],
    [9, 4, true],
    [9, 5, false],
    [10, 8, true],
  ])('with %i days delivered, section %i open: %s', (days, section, open) => {
    const draft = { ...emptyDraft(), daysDeliveredLog: Array.from({ length: days }, (_, index) => `2024-03-${String(index + 1).padStart(2, '0')}`) };
    expect(isSectionOpen(draft, section as 1)).toBe(open);
  });

  it('moves on to the next section with a question left, passing over those already complete', () => {
    const sectionsOneAndTwo = answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS.filter(([section]) => section <= 2));
    expect(nextSectionToFill(emptyDraft(), 1, true)).toEqual({ section: 2, bankDetailsPassedOver: false });
    expect(nextSectionToFill(sectionsOneAndTwo, 1, true)).toEqual({ section: 3, bankDetailsPassedOver: false });
    const throughFour = answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS.filter(([section]) => section <= 4));
    expect(nextSectionToFill(throughFour, 4, false)).toEqual({ section: 6, bankDetailsPassedOver: true });
    expect(nextSectionToFill(sealBankDetails(throughFour, SAMPLE_BANK_DETAILS, TEST_KEY), 4, false)).toEqual({ section: 6, bankDetailsPassedOver: false });
    const all = answerAll(sealBankDetails(emptyDraft(), SAMPLE_BANK_DETAILS, TEST_KEY), SYSTEM_LEADER_ANSWERS);
    expect(nextSectionToFill(all, 6, true)).toEqual({ section: 8, bankDetailsPassedOver: false });
    const signed = answerAll(all, [[8, 'signedBySystemLeaderAt', '2024-04-19'], [8, 'sentToSchoolAt', '2024-04-20'], [8, 'submittedToRdpAt', '2024-04-22']]);
    expect(nextSectionToFill(signed, 6, true)).toEqual({ bankDetailsPassedOver: false });
  });

  it.each([
    [7, true, 'supportedSchool'],
    [5, false, 'nobodyUntilBankDetailsKeySet'],
    [5, true, 'systemLeader'],
    [3, false, 'systemLeader'],
  ] as const)('section %i, bank details can be sealed: %s, is filled in by %s', (section, canSeal, filler) => {
    expect(whoFillsIn(section, canSeal)).toBe(filler);
  });

  it('"start over" goes to the section’s first question and asks the answered ones too', () => {
    const draft = answerAll(emptyDraft(), [[3, 'reviewDate', '2024-03-12'], [3, 'progressSoFar', 'Good']]);
    const restarted = restartSection(draft, 3);
    expect(restarted).toEqual({ section: 3, field: 'reviewDate', revisiting: true });
    expect(nextQuestionAfter(draft, 3, 'reviewDate', true)?.name).toBe('progressSoFar');
    expect(nextQuestionAfter(draft, 3, 'reviewDate')?.name).toBe('amendments');
  });

  it('has in hand the section being asked about, or between sections the last one with answers', () => {
    const draft = answerAll(emptyDraft(), [[2, 'whyEligible', 'C1']]);
    expect(sectionInHand(draft, { section: 3 })).toBe(2);
    expect(sectionInHand(draft, { section: 3, field: 'reviewDate' })).toBe(3);
    expect(sectionInHand(emptyDraft(), { section: 3 })).toBe(3);
  });
});
