import { describe, expect, it } from 'vitest';
import { applySectionAnswers, readBankDetailsAnswers } from '../../../domain/deployment/sectionAnswers.js';
import { answerAll, emptyDraft } from './sampleDraft.js';

const TODAY = '2024-03-20';

describe('applySectionAnswers: a section filled in on one card', () => {
  it('reads each input as a typed answer would be read, including a list from a multi-select', () => {
    const result = applySectionAnswers(emptyDraft(), 2, {
      whyEligible: 'C2',
      additionalInformation: '',
      areasOfFocus: 'teaching_and_learning,other',
      otherAreaNote: 'Transition',
      mechanismsOfSupport: '',
    }, TODAY);
    expect(result.ok && result.value.sections[2]).toEqual({
      whyEligible: 'C2',
      additionalInformation: '',
      areasOfFocus: ['teaching_and_learning', 'other'],
      otherAreaNote: 'Transition',
      mechanismsOfSupport: [],
    });
  });

  it('leaves a question with no answer as it was when blank is not an answer', () => {
    const draft = answerAll(emptyDraft(), [[3, 'progressSoFar', 'Phonics lead appointed']]);
    const result = applySectionAnswers(draft, 3, { reviewDate: '2024-03-12', progressSoFar: '' }, TODAY);
    expect(result.ok && result.value.sections[3]).toEqual({ reviewDate: '2024-03-12', progressSoFar: 'Phonics lead appointed', amendments: '' });
  });

  it('drops answers to questions that do not apply after the others are read', () => {
    const result = applySectionAnswers(emptyDraft(), 4, { allActivitiesCompleted: 'yes', notCompletedReason: 'Not needed', nextSteps: 'More', enhancedStrand: 'none', extraDaysRecommended: '3' }, TODAY);
    expect(result.ok && result.value.sections[4]).toEqual({ allActivitiesCompleted: true, nextSteps: 'More', enhancedStrand: 'none' });
  });

  it('records nothing when any answer does not fit, and names each question with its problem', () => {
    const result = applySectionAnswers(emptyDraft(), 6, { daysDelivered: '9.3' }, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join(' ')).toContain('Days delivered:');
  });
});

describe('readBankDetailsAnswers: section 5 from its card', () => {
  it('takes the three details, read as the questions read them', () => {
    expect(readBankDetailsAnswers({ accountName: 'Oak Learning Trust', sortCode: '40-12-76', accountNumber: '3192 6819' })).toEqual({
      ok: true,
      value: { accountName: 'Oak Learning Trust', sortCode: '401276', accountNumber: '31926819' },
    });
  });

  it('refuses a missing or malformed detail without repeating what was typed', () => {
    const result = readBankDetailsAnswers({ accountName: 'Oak', sortCode: '4012', accountNumber: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(2);
      expect(result.errors.join(' ')).not.toContain('4012');
    }
  });
});
