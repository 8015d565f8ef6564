import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFSTED_GRADES, REGIONS, type OfstedGrade } from '../../../domain/directory/types.js';
import {
  academicYearOf,
  assessEligibility,
  MAX_JUDGEMENTS,
  needsEarlierJudgement,
  type EligibilityInput,
  type EligibilityOutcome,
  type Judgement,
} from '../../../domain/tsi/eligibility.js';
import { DEFAULT_OFFER, offerYearNotice, parseOffer } from '../../../domain/tsi/offer.js';

/** The fixed clock: spring term of the 2023/24 offer year. */
const TODAY = '2024-03-01';

const RI: OfstedGrade = 'requires_improvement';
const judged = (date: string, grade: OfstedGrade): Judgement => ({ date, grade });

function school(overrides: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    recipient: 'school',
    region: 'London',
    judgements: [],
    regionalDirectorAssessedImmediateNeed: false,
    selfIdentifiesNeed: false,
    regionalDeliveryTeamJudgesNeed: false,
    ...overrides,
  };
}

function outcomeOf(input: unknown, today = TODAY): EligibilityOutcome {
  const result = assessEligibility(input, { today });
  if (!result.ok) expect.fail(`expected an outcome, got errors: ${result.errors.join(' | ')}`);
  return result.value;
}

function errorsOf(input: unknown, today: unknown = TODAY): string[] {
  const result = assessEligibility(input, { today } as { today: string });
  if (result.ok) expect.fail(`expected errors, got ${result.value.status}`);
  return result.errors;
}

const reasonFor = (outcome: EligibilityOutcome, criterion: 'C1' | 'C2' | 'C3'): string =>
  outcome.reasons.find((reason) => reason.startsWith(criterion)) ?? '';

describe('assessEligibility: the criteria (any one makes a school or trust eligible)', () => {
  it.each<[string, Partial<EligibilityInput>, string[], string[]]>([
    [
      'C1 alone: two consecutive requires improvement judgements, the later in 2023/24',
      { judgements: [judged('2021-05-03', RI), judged('2023-10-10', RI)] },
      ['C1'],
      ['C1 is met: your requires improvement judgements of 3 May 2021 and 10 October 2023 are consecutive'],
    ],
    [
      'C1 alone: three requires improvement judgements in a row',
      { judgements: [judged('2017-01-10', RI), judged('2020-02-11', RI), judged('2023-11-20', RI)] },
      ['C1'],
      ['2020 and 20 November 2023'],
    ],
    [
      'C2 alone: a single inadequate judgement in 2023/24',
      { judgements: [judged('2019-06-01', 'good'), judged('2023-11-15', 'inadequate')] },
      ['C2'],
      ['C2 is met: you have an inadequate judgement dated 15 November 2023, in the 2023/24 offer year.'],
    ],
    [
      'C3 alone: a regional director assessed immediate need',
      { regionalDirectorAssessedImmediateNeed: true, judgements: [judged('2022-01-20', 'good')] },
      ['C3'],
      ['C3 is met: a regional director has assessed you as needing immediate support.'],
    ],
    [
      'C1 and C2: requires improvement twice, then inadequate, all counted',
      { judgements: [judged('2021-05-03', RI), judged('2023-09-20', RI), judged('2024-02-01', 'inadequate')] },
      ['C1', 'C2'],
      ['C1 is met', 'C2 is met'],
    ],
    [
      'C2 and C3',
      { regionalDirectorAssessedImmediateNeed: true, judgements: [judged('2023-12-01', 'inadequate')] },
      ['C2', 'C3'],
      ['C2 is met', 'C3 is met'],
    ],
    [
      'all three',
      {
        regionalDirectorAssessedImmediateNeed: true,
        judgements: [judged('2021-05-03', RI), judged('2023-09-20', RI), judged('2024-02-01', 'inadequate')],
      },
      ['C1', 'C2', 'C3'],
      ['C1 is met', 'C2 is met', 'C3 is met'],
    ],
  ])('%s', (_rule, answers, criteria, reasons) => {
    const outcome = outcomeOf(school(answers));
    expect(outcome.status).toBe('eligible');
    expect(outcome.criteria).toEqual(criteria);
    for (const reason of reasons) expect(outcome.reasons.join('\n')).toContain(reason);
  });

  it('gives one reason per criterion, in order, whether met or not, and no exception route when eligible', () => {
    const outcome = outcomeOf(school({ judgements: [judged('2023-12-01', 'inadequate')] }));
    expect(outcome.reasons).toHaveLength(3);
    expect(outcome.reasons.map((reason) => reason.slice(0, 2))).toEqual(['C1', 'C2', 'C3']);
    expect(outcome.reasons.join(' ')).not.toMatch(/by exception/);
  });

  it('an eligible school that also asks for help is eligible, not by exception', () => {
    const outcome = outcomeOf(
      school({ selfIdentifiesNeed: true, regionalDeliveryTeamJudgesNeed: true, regionalDirectorAssessedImmediateNeed: true }),
    );
    expect(outcome.status).toBe('eligible');
    expect(outcome.criteria).toEqual(['C3']);
  });
});

describe('assessEligibility: every judgement up to the end of the offer year counts, later inspections too', () => {
  const LATER = '2025-06-01';
  it.each<[string, Judgement[], EligibilityOutcome['status'], string[], string]>([
    ['RI 10 May 2021, RI 15 Nov 2023, Good 1 Mar 2025: C1 for 2023/24', [judged('2021-05-10', RI), judged('2023-11-15', RI), judged('2025-03-01', 'good')], 'eligible', ['C1'], 'consecutive'],
    ['the same history given only as its latest two is not enough', [judged('2023-11-15', RI), judged('2025-03-01', 'good')], 'not_eligible', [], 'C1 is not met'],
    ['inadequate 1 Feb 2024, then good 2025: C2 for 2023/24', [judged('2019-03-01', 'good'), judged('2024-02-01', 'inadequate'), judged('2025-05-01', 'good')], 'eligible', ['C2'], 'C2 is met'],
    ['RI 2021, RI 2022, RI Oct 2024 (after the offer year): the later pair does not count', [judged('2021-01-10', RI), judged('2022-06-10', RI), judged('2024-10-01', RI)], 'not_eligible', [], 'after the 2023/24 offer year ended'],
  ])('%s', (_case, judgements, status, criteria, reason) => {
    const outcome = outcomeOf(school({ judgements }), LATER);
    expect(outcome.status).toBe(status);
    expect(outcome.criteria).toEqual(criteria);
    expect(outcome.reasons.join(' ')).toContain(reason);
  });
});

describe('assessEligibility: an inspection with no overall grade (Ofsted, from September 2024)', () => {
  const LATER = '2025-06-01';
  it('is accepted, passed over between graded judgements, and said so on the result', () => {
    const outcome = outcomeOf(school({ judgements: [judged('2021-05-10', RI), judged('2023-11-15', RI), { date: '2024-11-20', grade: 'no_overall_grade' }] }), LATER);
    expect(outcome.criteria).toEqual(['C1']);
    expect(outcome.reasons.join(' ')).toMatch(/20 November 2024 carried no overall grade.*this check’s own reading/);
  });

  it('alone, it meets no criterion', () => {
    const outcome = outcomeOf(school({ judgements: [{ date: '2024-11-20', grade: 'no_overall_grade' }] }), LATER);
    expect(outcome.status).toBe('not_eligible');
  });
});

describe('needsEarlierJudgement: as many judgements as the rule needs', () => {
  it.each<[string, Judgement[], boolean]>([
    ['none given: nothing to go back from', [], false],
    ['the latest is before the offer year', [judged('2022-05-01', RI)], false],
    ['the latest is in the offer year: the one before it decides C1', [judged('2023-11-15', RI)], true],
    ['the earliest given is after the offer year', [judged('2025-03-01', 'good')], true],
    ['back to one before the offer year', [judged('2025-03-01', 'good'), judged('2023-11-15', RI), judged('2021-05-10', RI)], false],
    ['the earliest given has no overall grade', [{ date: '2022-11-20', grade: 'no_overall_grade' }], true],
  ])('%s', (_case, judgements, expected) => {
    expect(needsEarlierJudgement(judgements, DEFAULT_OFFER)).toBe(expected);
  });
});

describe('offerYearNotice: a check after the offer year ended says so', () => {
  it.each([
    ['during the offer year', '2024-03-01', undefined],
    ['on its last day', '2024-08-31', undefined],
    ['after it ended', '2024-09-01', 'This is the 2023/24 offer, which ended on 31 August 2024; the School Improvement Team has not loaded a later one.'],
  ])('%s', (_case, today, expected) => {
    expect(offerYearNotice(DEFAULT_OFFER, today)).toBe(expected);
  });
});

describe('assessEligibility: the nearest miss is explained', () => {
  it.each<[string, Judgement[], 'C1' | 'C2', string]>([
    [
      'requires improvement then good',
      [judged('2022-05-03', RI), judged('2023-10-10', 'good')],
      'C1',
      'your two most recent judgements are requires improvement (3 May 2022) and good (10 October 2023), and C1 needs 2 or more consecutive requires improvement judgements',
    ],
    [
      'requires improvement twice, but the later before the offer year',
      [judged('2021-05-03', RI), judged('2023-06-14', RI)],
      'C1',
      'your latest requires improvement judgement is dated 14 June 2023, in 2022/23, before the 2023/24 offer year',
    ],
    [
      'inadequate before the offer year',
      [judged('2023-06-14', 'inadequate')],
      'C2',
      'your latest inadequate judgement is dated 14 June 2023, in 2022/23, before the 2023/24 offer year',
    ],
    [
      'one requires improvement judgement only',
      [judged('2023-10-10', RI)],
      'C1',
      'your only judgement is requires improvement (10 October 2023)',
    ],
    [
      'requires improvement, good, requires improvement is not consecutive',
      [judged('2020-05-03', RI), judged('2022-10-10', 'good'), judged('2023-10-10', RI)],
      'C1',
      'your requires improvement judgements of 3 May 2020 and 10 October 2023 are not consecutive, as good (10 October 2022) came between them',
    ],
    [
      'an old requires improvement judgement followed by better ones',
      [judged('2015-05-03', RI), judged('2018-10-10', 'good'), judged('2022-10-10', 'good')],
      'C1',
      'your only requires improvement judgement (3 May 2015) was followed by good (10 October 2018)',
    ],
    [
      'good then requires improvement',
      [judged('2019-03-03', 'good'), judged('2023-10-10', RI)],
      'C1',
      'your two most recent judgements are good (3 March 2019) and requires improvement (10 October 2023)',
    ],
    ['no requires improvement judgement at all', [judged('2019-03-03', 'outstanding')], 'C1', 'none of your judgements is requires improvement'],
    ['no inadequate judgement at all', [judged('2019-03-03', 'good')], 'C2', 'none of your judgements is inadequate'],
    ['no judgements given', [], 'C1', 'no Ofsted judgements were given'],
  ])('%s', (_rule, judgements, criterion, nearestMiss) => {
    const outcome = outcomeOf(school({ judgements }));
    expect(outcome.status).toBe('not_eligible');
    expect(outcome.criteria).toEqual([]);
    expect(reasonFor(outcome, criterion).startsWith(`${criterion} is not met: `)).toBe(true);
    expect(reasonFor(outcome, criterion)).toContain(nearestMiss);
  });
});

describe('assessEligibility: academic-year boundaries (1 September starts the year, 31 August ends it)', () => {
  it.each<[string, Judgement[], string, string[], string]>([
    [
      'requires improvement twice, the later on 31 August 2023: still 2022/23',
      [judged('2021-05-03', RI), judged('2023-08-31', RI)],
      TODAY,
      [],
      'dated 31 August 2023, in 2022/23, before the 2023/24 offer year',
    ],
    [
      'requires improvement twice, the later on 1 September 2023: the first day of 2023/24',
      [judged('2021-05-03', RI), judged('2023-09-01', RI)],
      TODAY,
      ['C1'],
      'C1 is met',
    ],
    ['inadequate on 31 August 2023: 2022/23', [judged('2023-08-31', 'inadequate')], TODAY, [], 'in 2022/23, before the 2023/24 offer year'],
    ['inadequate on 1 September 2023: 2023/24', [judged('2023-09-01', 'inadequate')], TODAY, ['C2'], 'C2 is met'],
    ['inadequate on 31 August 2024: the last day of 2023/24', [judged('2024-08-31', 'inadequate')], '2024-12-01', ['C2'], 'C2 is met'],
    [
      'inadequate on 1 September 2024: 2024/25, too late for the 2023/24 offer',
      [judged('2024-09-01', 'inadequate')],
      '2024-12-01',
      [],
      'dated 1 September 2024, in 2024/25, after the 2023/24 offer year ended on 31 August 2024, so it does not count for that offer year',
    ],
    [
      'requires improvement twice, the later on 1 September 2024: too late for the 2023/24 offer',
      [judged('2021-05-03', RI), judged('2024-09-01', RI)],
      '2024-12-01',
      [],
      'in 2024/25, after the 2023/24 offer year ended on 31 August 2024, so it does not count for that offer year',
    ],
  ])('%s', (_rule, judgements, today, criteria, reason) => {
    const outcome = outcomeOf(school({ judgements }), today);
    expect(outcome.criteria).toEqual(criteria);
    expect(outcome.reasons.join('\n')).toContain(reason);
  });

  it("a judgement dated on today's date is not in the future", () => {
    expect(outcomeOf(school({ judgements: [judged(TODAY, 'inadequate')] })).criteria).toEqual(['C2']);
  });

  it('a later offer year counts its own judgements: the 1 September 2024 inadequate is C2 for 2024/25', () => {
    const next = parseOffer({ ...DEFAULT_OFFER, year: '2024/25', startDate: '2024-09-01', endDate: '2025-08-31' });
    if (!next.ok) expect.fail(next.errors.join(' | '));
    const result = assessEligibility(school({ judgements: [judged('2024-09-01', 'inadequate'), judged('2023-10-01', 'inadequate')] }), {
      today: '2024-12-01',
      offer: next.value,
    });
    expect(result.ok && result.value.criteria).toEqual(['C2']);
    expect(result.ok && reasonFor(result.value, 'C2')).toContain('1 September 2024, in the 2024/25 offer year');
  });

  it.each([
    ['2023-08-31', '2022/23'],
    ['2023-09-01', '2023/24'],
    ['2024-02-29', '2023/24'],
    ['2024-08-31', '2023/24'],
    ['2024-09-01', '2024/25'],
    ['1999-12-31', '1999/00'],
    ['2009-09-01', '2009/10'],
  ])('academicYearOf(%s) is %s', (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });
});

describe('assessEligibility: the order judgements are given in does not matter', () => {
  const history = [
    judged('2016-01-12', 'good'),
    judged('2019-11-05', RI),
    judged('2022-03-09', 'good'),
    judged('2023-06-14', RI),
    judged('2023-10-10', RI),
  ];

  it('the same judgements shuffled give the same answer', () => {
    const expected = outcomeOf(school({ judgements: history }));
    expect(expected.criteria).toEqual(['C1']);
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length }), (shuffled) => {
        expect(outcomeOf(school({ judgements: shuffled }))).toEqual(expected);
      }),
    );
  });

  it('requires improvement, good, requires improvement given newest first is still not consecutive', () => {
    const outcome = outcomeOf(
      school({ judgements: [judged('2023-10-10', RI), judged('2022-10-10', 'good'), judged('2021-10-10', RI)] }),
    );
    expect(outcome.status).toBe('not_eligible');
    expect(reasonFor(outcome, 'C1')).toContain('are not consecutive');
  });
});

describe('assessEligibility: by exception, through the Regional Delivery Partner', () => {
  it.each<[string, Partial<EligibilityInput>, string]>([
    ['the school self-identifies as needing help', { selfIdentifiesNeed: true }, 'but you self-identify as needing help, so'],
    [
      'the DfE regional delivery team judges that it needs help',
      { regionalDeliveryTeamJudgesNeed: true },
      'but the DfE regional delivery team judges that you need help, so',
    ],
    [
      'both',
      { selfIdentifiesNeed: true, regionalDeliveryTeamJudgesNeed: true },
      'but you self-identify as needing help and the DfE regional delivery team judges that you need help',
    ],
  ])('by exception when none of C1 to C3 holds and %s', (_rule, answers, ground) => {
    const outcome = outcomeOf(school({ region: 'North East', judgements: [judged('2023-06-14', 'inadequate')], ...answers }));
    expect(outcome.status).toBe('by_exception');
    expect(outcome.criteria).toEqual([]);
    expect(outcome.reasons).toHaveLength(4);
    expect(outcome.reasons[3]).toContain(ground);
    expect(outcome.reasons[3]).toContain(
      'you can ask for TSI by exception through your Regional Delivery Partner lead, John Hardy (Headteacher@sjvschool.co.uk)',
    );
  });

  it('not eligible when nothing holds and no one asks, with the exception route explained', () => {
    const outcome = outcomeOf(school({ region: 'South West', judgements: [judged('2022-01-01', 'good')] }));
    expect(outcome.status).toBe('not_eligible');
    expect(outcome.reasons[3]).toMatch(/^None of C1 to C3 holds; if you self-identify as needing help/);
    expect(outcome.reasons[3]).toContain('Andrew Earnshaw (Andrew.earnshaw@iaspire.net)');
  });
});

describe('assessEligibility: a trust as the recipient', () => {
  it('a trust is assessed by the same criteria: an inadequate judgement in 2023/24 makes it eligible', () => {
    const outcome = outcomeOf(school({ recipient: 'trust', judgements: [judged('2023-10-02', 'inadequate')] }));
    expect(outcome.status).toBe('eligible');
    expect(outcome.criteria).toEqual(['C2']);
  });

  it('a trust the regional delivery team judges in need can ask by exception', () => {
    const outcome = outcomeOf(school({ recipient: 'trust', regionalDeliveryTeamJudgesNeed: true }));
    expect(outcome.status).toBe('by_exception');
  });
});

/** The table in the guidance (source 002, "How will the offer be delivered?"). */
const RDP_LEADS = [
  ['East of England', 'Lesley Birch', 'LBirch@meridiantrust.co.uk'],
  ['East Midlands', 'Chris Wheatley', 'Ceo@flyinghightrust.co.uk'],
  ['London', 'Amanda Parry', 'A.parry@hispmat.org'],
  ['North East', 'John Hardy', 'Headteacher@sjvschool.co.uk'],
  ['North West', 'Amanda Bennett', 'A.bennett@greatheightstrust.org.uk'],
  ['South East', 'Amanda Parry', 'A.parry@hispmat.org'],
  ['South West', 'Andrew Earnshaw', 'Andrew.earnshaw@iaspire.net'],
  ['West Midlands', 'Mike Donoghue', 'M.donoghue@jtmat.co.uk'],
  ['Yorkshire and the Humber', 'Amanda Bennett', 'A.bennett@greatheightstrust.org.uk'],
] as const;

describe('assessEligibility: the RDP lead for each region', () => {
  it.each(RDP_LEADS)('%s: %s', (region, name, email) => {
    expect(outcomeOf(school({ region })).rdp).toEqual({ name, email });
  });

  it('the guidance table names every DfE region', () => {
    expect(RDP_LEADS.map(([region]) => region).sort()).toEqual([...REGIONS].sort());
  });
});

describe('assessEligibility: bad input gets a clear error naming the problem, and nothing is assumed', () => {
  it.each<[string, unknown, RegExp]>([
    [
      'a judgement dated in the future',
      school({ judgements: [judged('2024-05-05', 'inadequate')] }),
      /^Judgement 1 is dated 5 May 2024, after today \(1 March 2024\): a judgement cannot be in the future\.$/,
    ],
    [
      'two judgements on one date',
      school({ judgements: [judged('2023-06-14', RI), judged('2021-01-01', 'good'), judged('2023-06-14', 'inadequate')] }),
      /^Judgements 1 and 3 are both dated 14 June 2023/,
    ],
    [
      'an unknown grade',
      school({ judgements: [{ date: '2023-06-14', grade: 'satisfactory' } as never] }),
      /^Judgement 1: "satisfactory" is not an Ofsted grade/,
    ],
    ['an unknown region', school({ region: 'Wessex' as never }), /^The region must be one of the nine DfE regions \(.*\), not "Wessex"\.$/],
    [
      'a date not written as YYYY-MM-DD',
      school({ judgements: [judged('14/06/2023', RI)] }),
      /^Judgement 1: the date "14\/06\/2023" is not written as YYYY-MM-DD/,
    ],
    ['an impossible date, 30 February', school({ judgements: [judged('2023-02-30', RI)] }), /^Judgement 1: "2023-02-30" is not a real calendar date\.$/],
    ['29 February in a year that is not a leap year', school({ judgements: [judged('2023-02-29', RI)] }), /"2023-02-29" is not a real calendar date/],
    ['a judgement without a grade', school({ judgements: [{ date: '2023-06-14' } as never] }), /^Judgement 1: the grade is missing\.$/],
    ['a judgement that is not a date and a grade', school({ judgements: ['inadequate' as never] }), /^Judgement 1: it must have a date and a grade/],
    ['judgements that are not a list', school({ judgements: 'none' as never }), /^The Ofsted judgements must be a list, not "none"\.$/],
    [
      'a missing field',
      (({ region: _region, ...rest }) => rest)(school()),
      /^The DfE region \(region\) is missing\.$/,
    ],
    [
      'a missing yes/no answer',
      (({ selfIdentifiesNeed: _answer, ...rest }) => rest)(school()),
      /\(selfIdentifiesNeed\) is missing/,
    ],
    ['a yes/no answer given as text', school({ selfIdentifiesNeed: 'yes' as never }), /\(selfIdentifiesNeed\) must be yes or no \(true or false\), not "yes"/],
    ['a recipient that is neither a school nor a trust', school({ recipient: 'academy' as never }), /^The recipient must be "school" or "trust", not "academy"\.$/],
    ['null input', null, /^The eligibility details are missing\.$/],
    ['a number for input', 42, /^The eligibility details must be a set of answers, not 42\.$/],
    [
      'more judgements than any school has had',
      school({ judgements: Array.from({ length: MAX_JUDGEMENTS + 1 }, () => judged('2020-01-01', 'good')) }),
      /^There are more than 100 Ofsted judgements/,
    ],
  ])('refuses %s', (_rule, input, message) => {
    const errors = errorsOf(input);
    expect(errors.some((error) => message.test(error)), errors.join('\n')).toBe(true);
  });

  it('names every problem at once', () => {
    const errors = errorsOf({
      recipient: 'shop',
      region: 'Mars',
      judgements: [judged('2023-02-30', 'good'), judged('2025-01-01', RI), judged('2025-01-01', RI)],
      regionalDirectorAssessedImmediateNeed: 'no',
      selfIdentifiesNeed: false,
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('recipient must be'),
        expect.stringContaining('"Mars"'),
        expect.stringContaining('"2023-02-30" is not a real calendar date'),
        expect.stringContaining('Judgements 2 and 3 are both dated 1 January 2025'),
        expect.stringContaining('Judgement 2 is dated 1 January 2025, after today'),
        expect.stringContaining('Judgement 3 is dated 1 January 2025, after today'),
        expect.stringContaining('(regionalDirectorAssessedImmediateNeed) must be yes or no'),
        expect.stringContaining('(regionalDeliveryTeamJudgesNeed) is missing'),
      ]),
    );
    expect(errors).toHaveLength(8);
  });

  it("refuses a today that is not a real date, and says so", () => {
    expect(errorsOf(school(), '2024-02-30')).toEqual(['Today\'s date must be a real date written as YYYY-MM-DD, not "2024-02-30".']);
  });

  it('refuses an offer option that is not a valid offer, saying where', () => {
    const result = assessEligibility(school(), { today: TODAY, offer: { ...DEFAULT_OFFER, endDate: '2024-07-31' } });
    expect(result.ok ? [] : result.errors).toEqual(['The offer, at endDate: the 2023/24 offer year ends on 2024-08-31.']);
  });

  it('an input with a __proto__ key is read as data, not as a prototype', () => {
    const input = JSON.parse(
      '{"__proto__": {"region": "London", "polluted": true}, "recipient": "school", "judgements": [], "regionalDirectorAssessedImmediateNeed": false, "selfIdentifiesNeed": false, "regionalDeliveryTeamJudgesNeed": false}',
    ) as unknown;
    expect(errorsOf(input)).toEqual(['The DfE region (region) is missing.']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an input whose fields cannot even be read is refused, not thrown', () => {
    const hostile = {
      get region(): string {
        throw new Error('boom');
      },
    };
    expect(errorsOf(hostile)).toEqual(['The eligibility details could not be read: send plain answers.']);
  });
});

describe('assessEligibility: never throws, whatever it is given', () => {
  const hostileValue = fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'date', 'grade', 'judgements')),
  });
  const isoDate = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
  const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, hostileValue);
  const nearlyValidInput = fc.record(
    {
      recipient: maybe(fc.constantFrom('school', 'trust')),
      region: maybe(fc.constantFrom(...REGIONS)),
      judgements: maybe(fc.array(fc.record({ date: maybe(isoDate), grade: maybe(fc.constantFrom(...OFSTED_GRADES)) }), { maxLength: 8 })),
      regionalDirectorAssessedImmediateNeed: maybe(fc.boolean()),
      selfIdentifiesNeed: maybe(fc.boolean()),
      regionalDeliveryTeamJudgesNeed: maybe(fc.boolean()),
    },
    { requiredKeys: [] },
  );

  it('returns an outcome or a non-empty list of plain messages', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, nearlyValidInput), fc.oneof(isoDate, hostileValue), (input, today) => {
        const result = assessEligibility(input, { today } as { today: string });
        if (result.ok) {
          expect(['eligible', 'by_exception', 'not_eligible']).toContain(result.value.status);
        } else {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(error).toMatch(/\S/);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('for valid answers, eligible exactly when a criterion holds, and criteria come in the order C1, C2, C3', () => {
    const judgements = fc.uniqueArray(fc.record({ date: isoDate.filter((date) => date <= TODAY), grade: fc.constantFrom(...OFSTED_GRADES) }), {
      selector: (judgement) => judgement.date,
      maxLength: 8,
    });
    fc.assert(
      fc.property(judgements, fc.boolean(), fc.boolean(), fc.boolean(), (history, director, self, team) => {
        const outcome = outcomeOf(
          school({ judgements: history, regionalDirectorAssessedImmediateNeed: director, selfIdentifiesNeed: self, regionalDeliveryTeamJudgesNeed: team }),
        );
        expect(outcome.criteria).toEqual(['C1', 'C2', 'C3'].filter((criterion) => outcome.criteria.includes(criterion as never)));
        expect(outcome.status === 'eligible').toBe(outcome.criteria.length > 0);
        expect(outcome.criteria.includes('C3')).toBe(director);
        if (outcome.status !== 'eligible') expect(outcome.status).toBe(self || team ? 'by_exception' : 'not_eligible');
        expect(outcome.reasons).toHaveLength(outcome.status === 'eligible' ? 3 : 4);
      }),
    );
  });
});
