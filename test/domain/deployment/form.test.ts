import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DeploymentDraftSchema,
  fieldsOf,
  formReadiness,
  nextFieldToAsk,
  parseFieldAnswer,
  recordDeliveredDay,
  SECTION_NUMBERS,
  sectionCompleteness,
  sectionTitle,
  setField,
  signingReadiness,
  type FieldValue,
  type SectionNumber,
} from '../../../domain/deployment/form.js';
import {
  ClosureAndNextStepsSchema,
  MidEngagementSchema,
  PaymentClaimSectionSchema,
  SchoolAndSystemLeaderSchema,
  SchoolConfirmationSchema,
  ScopeAndDiagnosticsSchema,
  SubmissionSchema,
} from '../../../domain/deployment/sections.js';
import { answerAll, emptyDraft, readyDraft, SCHOOL_CONFIRMATION, SYSTEM_LEADER_ANSWERS } from './sampleDraft.js';

describe('the form has eight sections, asked in order', () => {
  it('titles each section in plain words', () => {
    expect(SECTION_NUMBERS.map(sectionTitle)).toEqual([
      'School/Trust Details',
      'Scope and diagnostics',
      'Mid engagement',
      'Closure and next steps',
      'Bank details',
      'Payment claim',
      'Supported School/Trust section',
      'Submission',
    ]);
  });

  it.each([
    [1, ['recipientKind', 'recipientName', 'urn', 'trust', 'phase', 'localAuthority', 'region', 'systemLeaderName', 'systemLeaderRole', 'systemLeaderOrganisation', 'systemLeaderEmail']],
    [2, ['whyEligible', 'additionalInformation', 'areasOfFocus', 'otherAreaNote', 'mechanismsOfSupport']],
    [3, ['reviewDate', 'progressSoFar', 'amendments']],
    [4, ['allActivitiesCompleted', 'notCompletedReason', 'nextSteps', 'enhancedStrand', 'trustPartnershipCaseNote', 'extraDaysRecommended']],
    [5, ['accountName', 'sortCode', 'accountNumber']],
    [6, ['daysDelivered', 'extensionApprovedDays', 'approvalReference']],
    [7, ['confirmedByName', 'confirmedByRole', 'confirmedByAadObjectId', 'outcome', 'queryText', 'at']],
    [8, ['signedBySystemLeaderAt', 'sentToSchoolAt', 'submittedToRdpAt']],
  ] as const)('section %i asks its fields in this order', (section, names) => {
    expect(fieldsOf(section).map((field) => field.name)).toEqual(names);
  });

  it('every field has a question and a plain name', () => {
    for (const section of SECTION_NUMBERS) {
      for (const field of fieldsOf(section)) {
        expect(field.question.length).toBeGreaterThan(10);
        expect(field.label).toMatch(/^[A-Z]/);
      }
    }
  });

  it('only section 7 is not filled by the system leader', () => {
    for (const section of SECTION_NUMBERS) {
      for (const field of fieldsOf(section)) expect(field.fillableBySystemLeader).toBe(section !== 7);
    }
  });

  it('only the bank details are sensitive', () => {
    for (const section of SECTION_NUMBERS) {
      for (const field of fieldsOf(section)) expect(field.sensitive).toBe(section === 5);
    }
  });

  it('dropdowns offer their choices', () => {
    for (const section of SECTION_NUMBERS) {
      for (const field of fieldsOf(section)) {
        const isDropdown = field.kind === 'choice' || field.kind === 'multiChoice';
        expect(field.choices !== undefined && field.choices.length > 1).toBe(isDropdown);
      }
    }
  });

  it('the areas of focus are the 12 on the form, ending with Other', () => {
    const areas = fieldsOf(2).find((field) => field.name === 'areasOfFocus')?.choices ?? [];
    expect(areas).toHaveLength(12);
    expect(areas[0]).toEqual({ value: 'teaching_and_learning', label: 'Teaching & Learning' });
    expect(areas.at(-1)).toEqual({ value: 'other', label: 'Other' });
  });

  it('the mechanisms of support are Annex A’s 20 DfE programmes, 16–19 Tuition Fund among them, then the Research Schools Network as an additional support element', () => {
    const programmes = fieldsOf(2).find((field) => field.name === 'mechanismsOfSupport')?.choices ?? [];
    expect(programmes).toHaveLength(21);
    const labels = programmes.map((programme) => programme.label);
    expect(labels).toContain('Behaviour Hubs');
    expect(labels).toContain('16–19 Tuition Fund');
    expect(labels).toContain('School Resource Management Advisor (SRMA)');
    expect(labels.at(-1)).toBe('Research Schools Network (an additional support element, not an Annex A programme)');
  });

  it('why eligible is C1, C2, C3 or by exception', () => {
    expect(fieldsOf(2)[0]?.choices?.map((choice) => choice.value)).toEqual(['C1', 'C2', 'C3', 'by_exception']);
  });
});

describe('reading an answer', () => {
  const accepted: [string, SectionNumber, string, unknown, FieldValue][] = [
    ['a URN is six digits, spaces around it ignored', 1, 'urn', ' 123456 ', '123456'],
    ['a URN typed as a number is read', 1, 'urn', 123456, '123456'],
    ['a choice is read by its label', 1, 'recipientKind', 'A trust', 'trust'],
    ['a choice is read by its value', 1, 'systemLeaderRole', 'NLE', 'nle'],
    ['a choice is read by its words, whatever the case', 1, 'systemLeaderRole', 'mat ceo', 'mat_ceo'],
    ['a choice is read by its number in the list', 1, 'region', '3', 'London'],
    ['a choice is read by its place in words', 1, 'region', 'the third one', 'London'],
    ['"the last" is the last choice', 4, 'enhancedStrand', 'the last', 'extra_days'],
    ['a choice is read by the unique start of its label', 1, 'region', 'yorkshire', 'Yorkshire and the Humber'],
    ['"by exception" is a reason for eligibility', 2, 'whyEligible', 'by exception', 'by_exception'],
    ['"none" for an optional note records that there is nothing to add', 2, 'additionalInformation', 'none', ''],
    ['a school in no trust answers "n/a"', 1, 'trust', 'n/a', ''],
    ['several areas are read from one line, "&" or "and"', 2, 'areasOfFocus', 'Teaching and Learning; Behaviour', ['teaching_and_learning', 'behaviour']],
    ['an area whose name holds a comma is read whole', 2, 'areasOfFocus', 'Behaviour, Pupil wellbeing, mental health and safeguarding, Other', ['behaviour', 'pupil_wellbeing_safeguarding', 'other']],
    ['areas may be given by number', 2, 'areasOfFocus', '1, 3', ['teaching_and_learning', 'behaviour']],
    ['areas may be given by their places in words', 2, 'areasOfFocus', 'the first; 3rd', ['teaching_and_learning', 'behaviour']],
    ['a card sends the chosen values as a list', 2, 'areasOfFocus', ['behaviour', 'pupil_premium'], ['behaviour', 'pupil_premium']],
    ['an area chosen twice counts once', 2, 'areasOfFocus', 'Behaviour, behaviour', ['behaviour']],
    ['no programme may be chosen', 2, 'mechanismsOfSupport', 'none', []],
    ['a programme is read by its short name', 2, 'mechanismsOfSupport', 'SRMA, English hubs', ['srma', 'english_hubs']],
    ['a date in ISO form', 3, 'reviewDate', '2024-03-12', '2024-03-12'],
    ['a date written day first', 3, 'reviewDate', '12/03/2024', '2024-03-12'],
    ['a date written in words', 3, 'reviewDate', '12th March 2024', '2024-03-12'],
    ['a date with a short month', 3, 'reviewDate', '1 Sept 2024', '2024-09-01'],
    ['yes is true', 4, 'allActivitiesCompleted', 'Yes', true],
    ['"n" is no', 4, 'allActivitiesCompleted', 'n', false],
    ['a toggle sends a boolean', 4, 'allActivitiesCompleted', false, false],
    ['"no" means no enhanced-strand recommendation', 4, 'enhancedStrand', 'no', 'none'],
    ['extra days are read', 4, 'extraDaysRecommended', '3', 3],
    ['the sort code is normalised', 5, 'sortCode', '40-12-76', '401276'],
    ['the account number is normalised', 5, 'accountNumber', '3192 6819', '31926819'],
    ['days delivered in half-day steps', 6, 'daysDelivered', '9.5', 9.5],
    ['days delivered with the word "days"', 6, 'daysDelivered', '9½ days', 9.5],
    ['up to 15 days can be recorded before the claim is checked', 6, 'daysDelivered', 15, 15],
    ['no approved extension is 0 days', 6, 'extensionApprovedDays', '0', 0],
    ['an email is trimmed', 1, 'systemLeaderEmail', ' jo@oak.org.uk ', 'jo@oak.org.uk'],
    ['a confirmation time', 7, 'at', '2024-04-22T10:15:00Z', '2024-04-22T10:15:00Z'],
  ];
  it.each(accepted)('%s', (_rule, section, field, raw, value) => {
    expect(parseFieldAnswer(section, field, raw)).toEqual({ ok: true, value });
  });

  const refused: [string, SectionNumber, string, unknown, RegExp][] = [
    ['a URN of five digits', 1, 'urn', '12345', /^A URN is six digits\.$/],
    ['a choice not on the list', 1, 'recipientKind', 'a local authority', /not one of the choices\. Choose one of: A school; A trust\./],
    ['a choice that could be two', 2, 'areasOfFocus', 'pupil', /could be Pupil wellbeing, mental health and safeguarding or Pupil premium/],
    ['an area not on the form', 2, 'areasOfFocus', 'Behaviour, Sport', /"Sport" is not one of the choices/],
    ['no area of focus at all', 2, 'areasOfFocus', 'none', /Choose at least one area of focus/],
    ['a blank required note', 3, 'progressSoFar', '   ', /Give the progress so far/],
    ['a note that is not brief', 3, 'progressSoFar', 'x'.repeat(1001), /keep the progress so far brief: at most 1,000 characters/],
    ['a date that does not exist', 3, 'reviewDate', '31/02/2024', /Give a date like 12\/03\/2024/],
    ['a date in American order when the day is above 12', 3, 'reviewDate', '03/13/2024', /Give a date like/],
    ['maybe is not yes or no', 4, 'allActivitiesCompleted', 'maybe', /Answer yes or no/],
    ['six extra days', 4, 'extraDaysRecommended', 6, /At most 5 additional days/],
    ['half an extra day', 4, 'extraDaysRecommended', 2.5, /whole days/],
    ['a sort code of letters', 5, 'sortCode', 'ab-cd-ef', /six digits/],
    ['days not in half-day steps', 6, 'daysDelivered', '3.25', /half-day steps/],
    ['no days', 6, 'daysDelivered', '0', /more than 0/],
    ['negative days', 6, 'daysDelivered', '-2', /more than 0/],
    ['more days than any extension allows', 6, 'daysDelivered', '16', /beyond 15 days/],
    ['days in words', 6, 'daysDelivered', 'ten', /Give a number, such as 9 or 9\.5/],
    ['not a number', 6, 'daysDelivered', Number.NaN, /Give a number/],
    ['an email without an @', 1, 'systemLeaderEmail', 'jo.oak.org.uk', /Give an email address/],
    ['a question the section does not have', 3, 'sortCode', '40-12-76', /Section 3 of the deployment form has no question called "sortCode"/],
    ['an object for a text answer', 1, 'recipientName', { name: 'Millbrook' }, /Please answer in words/],
  ];
  it.each(refused)('refuses %s', (_rule, section, field, raw, reason) => {
    const parsed = parseFieldAnswer(section, field, raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toMatch(reason);
  });

  it('never throws, whatever the answer', () => {
    const everyField = SECTION_NUMBERS.flatMap((section) => fieldsOf(section).map((field) => [section, field.name] as const));
    fc.assert(
      fc.property(fc.constantFrom(...everyField), fc.oneof(fc.anything(), fc.string(), fc.array(fc.string())), ([section, field], raw) => {
        const parsed = parseFieldAnswer(section, field, raw);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (section, field, raw) => {
        expect(parseFieldAnswer(section as SectionNumber, field as string, raw).ok).toBe(false);
      }),
    );
  });

  it('refuses a section that is an object whose conversion to text throws (found by the property above)', () => {
    expect(parseFieldAnswer({ toString: false } as unknown as SectionNumber, '', {}).ok).toBe(false);
  });

  it('what it reads, setField stores as it is', () => {
    const everyField = SECTION_NUMBERS.filter((section) => section !== 5).flatMap((section) =>
      fieldsOf(section).map((field) => [section, field.name] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...everyField), fc.oneof(fc.string(), fc.constantFrom('yes', '2', '9.5', '2024-03-12', 'C2', '1, 2')), ([section, field], raw) => {
        const parsed = parseFieldAnswer(section, field, raw);
        if (parsed.ok) expect(() => setField(emptyDraft(), section, field, parsed.value)).not.toThrow();
      }),
    );
  });
});

describe('recording answers', () => {
  it('returns a new draft and leaves the old one as it was', () => {
    const before = emptyDraft();
    const after = setField(before, 1, 'recipientName', 'Millbrook Primary School');
    expect(before.sections[1]).toEqual({});
    expect(after.sections[1]).toEqual({ recipientName: 'Millbrook Primary School' });
  });

  it('drops the school-only answers when the recipient turns out to be a trust', () => {
    const school = answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS);
    const trust = setField(school, 1, 'recipientKind', 'trust');
    expect(trust.sections[1]).not.toHaveProperty('urn');
    expect(trust.sections[1]).not.toHaveProperty('phase');
    expect(trust.sections[1]).toHaveProperty('recipientName', 'Millbrook Primary School');
  });

  it('drops the "Other" note when Other is no longer an area of focus', () => {
    const draft = setField(answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS), 2, 'areasOfFocus', ['behaviour']);
    expect(draft.sections[2]).not.toHaveProperty('otherAreaNote');
  });

  it('drops the extension once the days delivered are back within 10', () => {
    const extended = answerAll(emptyDraft(), [
      [6, 'daysDelivered', 12],
      [6, 'extensionApprovedDays', 2],
      [6, 'approvalReference', 'TSI-EXT-0042'],
    ]);
    expect(setField(extended, 6, 'daysDelivered', 9).sections[6]).toEqual({ daysDelivered: 9 });
  });

  it('refuses to store bank details unsealed', () => {
    expect(() => setField(emptyDraft(), 5 as SectionNumber, 'sortCode', '401276')).toThrow(/sealBankDetails/);
  });

  it('refuses a field the section does not have', () => {
    expect(() => setField(emptyDraft(), 3, 'urn', '123456')).toThrow(/no field "urn"/);
  });

  it('refuses a value that was not read with parseFieldAnswer', () => {
    expect(() => setField(emptyDraft(), 6, 'daysDelivered', 3.25)).toThrow(/parseFieldAnswer/);
  });

  it('logs delivered days once each, oldest first', () => {
    let draft = emptyDraft();
    for (const date of ['2024-02-05', '2024-01-15', '2024-02-05']) {
      const logged = recordDeliveredDay(draft, date);
      if (logged.ok) draft = logged.value;
    }
    expect(draft.daysDeliveredLog).toEqual(['2024-01-15', '2024-02-05']);
    expect(recordDeliveredDay(draft, '15/01/2024').ok).toBe(false);
  });
});

describe('the enhanced strand: a trust partnership or extra days, never both', () => {
  const closure = (draft = emptyDraft()) =>
    answerAll(draft, [
      [4, 'allActivitiesCompleted', true],
      [4, 'nextSteps', 'Join the English Hub programme.'],
    ]);

  it('choosing extra days drops a trust-partnership case', () => {
    const partnership = answerAll(closure(), [
      [4, 'enhancedStrand', 'trust_partnership'],
      [4, 'trustPartnershipCaseNote', 'The school agrees; Oak Learning Trust is a good match.'],
    ]);
    const days = answerAll(partnership, [
      [4, 'enhancedStrand', 'extra_days'],
      [4, 'extraDaysRecommended', 4],
    ]);
    expect(days.sections[4]).toEqual({ allActivitiesCompleted: true, nextSteps: 'Join the English Hub programme.', enhancedStrand: 'extra_days', extraDaysRecommended: 4 });
    expect(sectionCompleteness(days, 4).complete).toBe(true);
  });

  it('choosing a trust partnership drops the extra days', () => {
    const days = answerAll(closure(), [
      [4, 'enhancedStrand', 'extra_days'],
      [4, 'extraDaysRecommended', 4],
    ]);
    const partnership = setField(days, 4, 'enhancedStrand', 'trust_partnership');
    expect(partnership.sections[4]).not.toHaveProperty('extraDaysRecommended');
    expect(sectionCompleteness(partnership, 4)).toEqual({ complete: false, missing: ['Trust partnership case'], problems: [] });
  });

  it('extra days cannot be added to a trust-partnership recommendation', () => {
    const partnership = answerAll(closure(), [
      [4, 'enhancedStrand', 'trust_partnership'],
      [4, 'trustPartnershipCaseNote', 'The case.'],
    ]);
    expect(setField(partnership, 4, 'extraDaysRecommended', 2).sections[4]).not.toHaveProperty('extraDaysRecommended');
  });

  it('the section schema refuses a record that holds both', () => {
    const both = ClosureAndNextStepsSchema.safeParse({
      allActivitiesCompleted: true,
      nextSteps: 'Next.',
      enhancedStrand: 'extra_days',
      extraDaysRecommended: 2,
      trustPartnershipCaseNote: 'The case.',
    });
    expect(both.error?.issues.map((issue) => issue.message)).toEqual([
      'The enhanced strand is one or the other: recommend a funded trust partnership or additional days, never both.',
    ]);
  });

  it('a stored draft that holds both is not complete', () => {
    const draft = closure();
    const both = {
      ...draft,
      sections: { ...draft.sections, 4: { ...draft.sections[4], enhancedStrand: 'extra_days' as const, extraDaysRecommended: 2, trustPartnershipCaseNote: 'The case.' } },
    };
    expect(sectionCompleteness(both, 4).problems).toEqual([expect.stringMatching(/never both/)]);
  });
});

describe('each section schema', () => {
  const cases: [string, { safeParse(value: unknown): { success: boolean } }, object, boolean][] = [
    ['a school needs its URN', SchoolAndSystemLeaderSchema, { ...section1School(), urn: undefined }, false],
    ['a school in no trust is complete', SchoolAndSystemLeaderSchema, section1School(), true],
    ['a trust needs no URN, phase or local authority', SchoolAndSystemLeaderSchema, section1Trust(), true],
    ['the system leader is a MAT CEO or an NLE', SchoolAndSystemLeaderSchema, { ...section1School(), systemLeaderRole: 'headteacher' }, false],
    ['the region is one of the nine', SchoolAndSystemLeaderSchema, { ...section1School(), region: 'Wales' }, false],
    ['"Other" needs a note', ScopeAndDiagnosticsSchema, { whyEligible: 'C2', areasOfFocus: ['other'], mechanismsOfSupport: [] }, false],
    ['"Other" with a note', ScopeAndDiagnosticsSchema, { whyEligible: 'C2', areasOfFocus: ['other'], otherAreaNote: 'Transition', mechanismsOfSupport: [] }, true],
    ['a programme not on the approved list', ScopeAndDiagnosticsSchema, { whyEligible: 'C3', areasOfFocus: ['behaviour'], mechanismsOfSupport: ['private_consultancy'] }, false],
    ['why eligible is only C1, C2, C3 or by exception', ScopeAndDiagnosticsSchema, { whyEligible: 'C4', areasOfFocus: ['behaviour'], mechanismsOfSupport: [] }, false],
    ['the mid engagement review', MidEngagementSchema, { reviewDate: '2024-03-12', progressSoFar: 'Good progress.' }, true],
    ['a review date must be a date', MidEngagementSchema, { reviewDate: '12 March', progressSoFar: 'Good progress.' }, false],
    ['activities not all completed need a reason', ClosureAndNextStepsSchema, { allActivitiesCompleted: false, nextSteps: 'Next.', enhancedStrand: 'none' }, false],
    ['a trust partnership needs its case', ClosureAndNextStepsSchema, { allActivitiesCompleted: true, nextSteps: 'Next.', enhancedStrand: 'trust_partnership' }, false],
    ['no recommendation', ClosureAndNextStepsSchema, { allActivitiesCompleted: true, nextSteps: 'Next.', enhancedStrand: 'none' }, true],
    ['a claim within 10 days', PaymentClaimSectionSchema, { daysDelivered: 10 }, true],
    ['a claim beyond 10 days without an approved extension', PaymentClaimSectionSchema, { daysDelivered: 11 }, false],
    ['a claim beyond 10 days with an approved extension and reference', PaymentClaimSectionSchema, { daysDelivered: 11, extensionApprovedDays: 1, approvalReference: 'REF' }, true],
    ['a query needs its text', SchoolConfirmationSchema, { ...confirmation(), outcome: 'queried' }, false],
    ['the confirmer is the headteacher or the trust CEO', SchoolConfirmationSchema, { ...confirmation(), confirmedByRole: 'chair_of_governors' }, false],
    ['the form is signed before it is sent to the school', SubmissionSchema, { signedBySystemLeaderAt: '2024-04-19', sentToSchoolAt: '2024-04-18', submittedToRdpAt: '2024-04-25' }, false],
    ['signed, sent, then submitted', SubmissionSchema, { signedBySystemLeaderAt: '2024-04-19', sentToSchoolAt: '2024-04-20', submittedToRdpAt: '2024-04-25' }, true],
  ];
  it.each(cases)('%s', (_rule, schema, value, valid) => {
    expect(schema.safeParse(value).success).toBe(valid);
  });
});

function section1School() {
  return {
    recipientKind: 'school',
    recipientName: 'Millbrook Primary School',
    urn: '123456',
    phase: 'primary',
    localAuthority: 'Buckinghamshire',
    region: 'South East',
    systemLeaderName: 'Jo Patel',
    systemLeaderRole: 'mat_ceo',
    systemLeaderOrganisation: 'Oak Learning Trust',
    systemLeaderEmail: 'jo.patel@oaklearning.org.uk',
  };
}

function section1Trust() {
  const { urn: _urn, phase: _phase, localAuthority: _localAuthority, ...rest } = section1School();
  return { ...rest, recipientKind: 'trust', recipientName: 'Riverside Academies Trust' };
}

function confirmation() {
  return { confirmedByName: 'Sam Green', confirmedByRole: 'headteacher', confirmedByAadObjectId: 'aad-1', outcome: 'confirmed', at: '2024-04-22T10:15:00Z' };
}

describe('what each section still needs', () => {
  it.each([
    [1, ['Supporting a school or a trust', 'School or trust name', 'Region', 'System leader name', 'System leader role', 'System leader organisation', 'System leader email']],
    [2, ['Why eligible', 'Areas of focus', 'Mechanisms of support']],
    [3, ['Review date', 'Progress so far']],
    [4, ['All planned activities completed', 'Next steps', 'Enhanced strand recommendation']],
    [5, ['Account name', 'Sort code', 'Account number']],
    [6, ['Days delivered']],
    [7, ['Confirmed by', 'Their role', 'Their Teams user id', 'Confirmed or queried', 'Answered at']],
    [8, ['Signed by the system leader']],
  ] as const)('an empty section %i lists its questions, not the optional or not-yet-relevant ones', (section, missing) => {
    expect(sectionCompleteness(emptyDraft(), section)).toEqual({ complete: false, missing, problems: [] });
  });

  it.each([
    ['a school needs URN, phase and local authority', [[1, 'recipientKind', 'school']], 1, ['URN', 'Phase', 'Local authority']],
    ['choosing Other asks for its note', [[2, 'areasOfFocus', ['other']]], 2, ['Other area of focus']],
    ['activities not all completed ask why', [[4, 'allActivitiesCompleted', false]], 4, ['Why not all completed']],
    ['extra days ask how many', [[4, 'enhancedStrand', 'extra_days']], 4, ['Additional days recommended']],
    ['more than 10 days asks for the extension', [[6, 'daysDelivered', 11]], 6, ['Extension days approved by DfE']],
    ['an approved extension asks for its reference', [[6, 'daysDelivered', 11], [6, 'extensionApprovedDays', 1]], 6, ['Reference of DfE’s agreement (the bot’s record)']],
    ['a query asks what was queried', [[7, 'outcome', 'queried']], 7, ['Query']],
    ['a signed form asks when it was sent to the school', [[8, 'signedBySystemLeaderAt', '2024-04-19']], 8, ['Sent to the school or trust']],
  ] as const)('%s', (_rule, answers, section, expected) => {
    expect(sectionCompleteness(answerAll(emptyDraft(), answers), section).missing).toEqual(expect.arrayContaining([...expected]));
  });

  it('a claim over 10 days with no extension approved is refused with the reason', () => {
    const draft = answerAll(emptyDraft(), [
      [6, 'daysDelivered', 11],
      [6, 'extensionApprovedDays', 0],
    ]);
    expect(sectionCompleteness(draft, 6)).toEqual({
      complete: false,
      missing: [],
      problems: ['You can claim at most 10 days unless DfE formally agreed an extension: DfE pays for no day it did not agree.'],
    });
  });

  it('a queried confirmation is not complete until resolved', () => {
    const queried = answerAll(readyDraft(), [
      [7, 'outcome', 'queried'],
      [7, 'queryText', 'We had 9 days, not 10.'],
    ]);
    expect(sectionCompleteness(queried, 7).problems).toEqual([expect.stringContaining('We had 9 days, not 10.')]);
    expect(formReadiness(queried).ready).toBe(false);
  });

  it('every section of the sample form is complete once it is submitted', () => {
    const submitted = setField(readyDraft(), 8, 'submittedToRdpAt', '2024-04-23');
    for (const section of SECTION_NUMBERS) expect(sectionCompleteness(submitted, section)).toEqual({ complete: true, missing: [], problems: [] });
  });
});

describe('whether the form can be signed and submitted', () => {
  it('an empty form lists what is missing, section by section', () => {
    const readiness = formReadiness(emptyDraft());
    expect(readiness.ready).toBe(false);
    expect(Object.keys(readiness.missingBySection)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(readiness.missingBySection[8]).toEqual(['Signed by the system leader', 'Sent to the school or trust']);
  });

  it('a signed, sent and confirmed form is ready to submit to the RDP', () => {
    expect(formReadiness(readyDraft())).toEqual({ ready: true, missingBySection: {}, problemsBySection: {} });
  });

  it('the system leader can sign once sections 1 to 6 are complete, before the school confirms', () => {
    const unconfirmed = readyDraft();
    const withoutConfirmation = { ...unconfirmed, sections: { ...unconfirmed.sections, 7: {} } };
    expect(signingReadiness(withoutConfirmation).ready).toBe(true);
    expect(formReadiness(withoutConfirmation).missingBySection[7]).toHaveLength(SCHOOL_CONFIRMATION.length);
  });
});

describe('the next question', () => {
  it('walks a section in order, skipping what does not apply', () => {
    let draft = emptyDraft();
    const asked: string[] = [];
    const answers: Record<string, unknown> = { recipientKind: 'trust', recipientName: 'Riverside Academies Trust', region: 'London', systemLeaderName: 'Jo', systemLeaderRole: 'nle', systemLeaderOrganisation: 'Oak', systemLeaderEmail: 'jo@oak.org.uk' };
    for (let field = nextFieldToAsk(draft, 1); field !== undefined; field = nextFieldToAsk(draft, 1)) {
      asked.push(field.name);
      const parsed = parseFieldAnswer(1, field.name, answers[field.name]);
      if (!parsed.ok) throw new Error(parsed.errors.join(' '));
      draft = setField(draft, 1, field.name, parsed.value);
    }
    expect(asked).toEqual(['recipientKind', 'recipientName', 'region', 'systemLeaderName', 'systemLeaderRole', 'systemLeaderOrganisation', 'systemLeaderEmail']);
    expect(sectionCompleteness(draft, 1).complete).toBe(true);
  });

  it('asks the system leader nothing in section 7', () => {
    expect(nextFieldToAsk(emptyDraft(), 7)).toBeUndefined();
  });

  it('asks for the bank details until they are sealed', () => {
    expect(nextFieldToAsk(emptyDraft(), 5)?.name).toBe('accountName');
    expect(nextFieldToAsk(readyDraft(), 5)).toBeUndefined();
  });
});

describe('a stored draft', () => {
  it('reads back as it was saved', () => {
    const draft = readyDraft();
    expect(DeploymentDraftSchema.parse(JSON.parse(JSON.stringify(draft)))).toEqual(draft);
  });

  it('cannot carry plain bank details into the store', () => {
    const draft = readyDraft();
    const tampered = { ...draft, sections: { ...draft.sections, 5: { ...draft.sections[5], sortCode: '401276' } } };
    expect(DeploymentDraftSchema.parse(tampered).sections[5]).not.toHaveProperty('sortCode');
  });
});

describe('reading an answer to a question that does not exist', () => {
  it('names neither a section nor a field that cannot be turned into text', () => {
    const hostile = { toString: '' } as unknown as string;
    expect(parseFieldAnswer([] as unknown as 1, hostile, '')).toEqual({ ok: false, errors: ['That section of the deployment form has no question called "(not a name)".'] });
  });
});
