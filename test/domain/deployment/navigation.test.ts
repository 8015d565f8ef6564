import { describe, expect, it } from 'vitest';
import { setField } from '../../../domain/deployment/form.js';
import { isSectionOpen, nextQuestionAfter, previousPosition, questionsOf, sectionAfter, startOfSection } from '../../../domain/deployment/navigation.js';
import { answerAll, emptyDraft } from './sampleDraft.js';

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
});
