import { describe, expect, it } from 'vitest';
import {
  GIAS_COLUMNS,
  gradeOfRating,
  isoDateOfGias,
  latestInspectionOf,
  missingColumnsReport,
  phaseOf,
  readGiasHeader,
  readGiasRow,
  regionOfGor,
  type GiasRow,
} from '../../../domain/directory/gias.js';
import { REGIONS } from '../../../domain/directory/types.js';

const openRow: GiasRow = {
  urn: '900001',
  name: 'Fictional Oakfield Primary School (demo)',
  type: 'Community school',
  status: 'Open',
  phase: 'Primary',
  localAuthority: 'Buckinghamshire',
  region: 'South East',
  trust: '',
  pupils: '412',
  ofstedGrade: 'Requires improvement',
  ofstedDate: '14-06-2023',
  liaisonGroup: 'lg-01',
};

describe('the header of a GIAS establishment file', () => {
  const standardHeader = Object.values(GIAS_COLUMNS).filter((column) => column !== 'LiaisonGroup');

  it('reads the standard columns and ignores the ~260 others', () => {
    const header = ['LA (code)', ...standardHeader, 'SchoolWebsite', 'SEN1 (name)'];
    const read = readGiasHeader(header);
    expect(read.ok && read.value.missing).toEqual([]);
    expect(read.ok && read.value.fields).toEqual([undefined, 'urn', 'name', 'type', 'status', 'phase', 'localAuthority', 'region', 'trust', 'pupils', 'ofstedGrade', 'ofstedDate', undefined, undefined]);
  });

  it('does not need the LiaisonGroup column, which only the demo file has', () => {
    expect(readGiasHeader(standardHeader).ok).toBe(true);
    const withGroup = readGiasHeader([...standardHeader, 'LiaisonGroup']);
    expect(withGroup.ok && withGroup.value.fields.at(-1)).toBe('liaisonGroup');
  });

  it('matches headers re-saved loosely: a byte order mark, other case, extra spaces', () => {
    const loose = standardHeader.map((column, index) => (index === 0 ? `\uFEFF${column}` : ` ${column.toUpperCase().replace(' ', '  ')} `));
    expect(readGiasHeader(loose).ok).toBe(true);
  });

  it('refuses only a file without a URN or a name column, naming what is missing', () => {
    const read = readGiasHeader(['URN', 'SchoolName', 'Phase', 'LA (name)', 'OfstedRating (name)']);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toContain('"EstablishmentName"');
    expect(read.errors[0]).not.toContain('"URN"');
    expect(read.errors[0]).toMatch(/not a Get Information about Schools establishment file/);
  });

  it('imports a file with only the URN and the name, and says what each missing column costs users', () => {
    const read = readGiasHeader(['URN', 'EstablishmentName', 'OfstedLastInsp']);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.missing).toEqual(['type', 'status', 'phase', 'localAuthority', 'region', 'trust', 'pupils', 'ofstedGrade']);
    const report = missingColumnsReport(read.value.missing);
    expect(report).toHaveLength(8);
    expect(report.find((line) => line.includes('"OfstedRating (name)"'))).toMatch(/eligibility check cannot prefill the Ofsted judgement/);
    expect(report.find((line) => line.includes('"GOR (name)"'))).toMatch(/cannot prefill the DfE region/);
  });
});

describe('mapping GIAS values', () => {
  it.each([
    ['Primary', 'Community school', 'primary'],
    ['Secondary', 'Academy converter', 'secondary'],
    ['All-through', 'Free schools', 'all-through'],
    ['Nursery', 'Local authority nursery school', 'nursery'],
    ['Middle deemed primary', 'Community school', 'middle'],
    ['Middle deemed secondary', 'Academy converter', 'middle'],
    ['16 plus', 'Academy 16-19 converter', 'sixteen-plus'],
    ['Not applicable', 'Community special school', 'special'],
    ['Not applicable', 'Academy special converter', 'special'],
    ['Secondary', 'Foundation special school', 'special'],
    ['Not applicable', 'Pupil referral unit', 'alternative provision'],
    ['Not applicable', 'Academy alternative provision sponsor led', 'alternative provision'],
    ['Not applicable', 'Further education', 'sixteen-plus'],
    ['Not applicable', 'Other independent school', 'other'],
  ] as const)('phase "%s" with type "%s" is %s', (phase, type, expected) => {
    expect(phaseOf(phase, type)).toBe(expected);
  });

  it.each([
    ['North East', 'North East'],
    ['North West', 'North West'],
    ['Yorkshire and the Humber', 'Yorkshire and the Humber'],
    ['Yorkshire and The Humber', 'Yorkshire and the Humber'],
    ['East Midlands', 'East Midlands'],
    ['West Midlands', 'West Midlands'],
    ['East of England', 'East of England'],
    ['London', 'London'],
    ['South East', 'South East'],
    ['South West', 'South West'],
    ['Wales (pseudo)', undefined],
    ['Not Applicable', undefined],
    ['', undefined],
  ])('region "%s" is %s', (gor, region) => {
    expect(regionOfGor(gor)).toBe(region);
  });

  it('maps a GIAS region name to every one of our regions', () => {
    const mapped = new Set(['North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West'].map(regionOfGor));
    expect([...mapped].sort()).toEqual([...REGIONS].sort());
  });

  it.each([
    ['Outstanding', 'outstanding'],
    ['Good', 'good'],
    ['Requires improvement', 'requires_improvement'],
    ['Requires Improvement', 'requires_improvement'],
    ['Inadequate', 'inadequate'],
    ['Serious Weaknesses', 'inadequate'],
    ['Special Measures', 'inadequate'],
    ['Satisfactory', undefined],
    ['Insufficient evidence', undefined],
    ['', undefined],
  ])('Ofsted rating "%s" is %s', (rating, grade) => {
    expect(gradeOfRating(rating)).toBe(grade);
  });

  it.each([
    ['14-06-2023', '2023-06-14'],
    ['1-9-2023', '2023-09-01'],
    ['14/06/2023', '2023-06-14'],
    ['29-02-2024', '2024-02-29'],
  ])('the GIAS date %s is %s', (text, iso) => {
    expect(isoDateOfGias(text)).toEqual({ ok: true, value: iso });
  });

  it.each(['31-02-2023', '29-02-2023', '2023-06-14', '14-13-2023', 'June 2023', '14.06.2023'])('"%s" is not a GIAS date', (text) => {
    const read = isoDateOfGias(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors[0]).toContain(`"${text}" is not a date written day-month-year`);
  });
});

describe('a row of the establishment file', () => {
  it('becomes a school with every field mapped', () => {
    expect(readGiasRow(openRow)).toEqual({
      ok: true,
      value: {
        status: 'open',
        school: {
          urn: '900001',
          name: 'Fictional Oakfield Primary School (demo)',
          type: 'Community school',
          phase: 'primary',
          localAuthority: 'Buckinghamshire',
          region: 'South East',
          pupils: 412,
          ofstedGrade: 'requires_improvement',
          ofstedDate: '2023-06-14',
          liaisonGroupId: 'lg-01',
        },
      },
    });
  });

  it('leaves out what the row leaves empty, and keeps the trust when there is one', () => {
    const read = readGiasRow({ ...openRow, pupils: '', ofstedGrade: '', ofstedDate: '', region: 'Not Applicable', liaisonGroup: undefined, trust: 'Fictional Example Trust (demo)' });
    expect(read.ok && read.value.status === 'open' && read.value.school).toEqual({
      urn: '900001',
      name: 'Fictional Oakfield Primary School (demo)',
      type: 'Community school',
      phase: 'primary',
      localAuthority: 'Buckinghamshire',
      trust: 'Fictional Example Trust (demo)',
    });
  });

  it.each([
    ['an inspection from September 2024 with no overall grade', '', '2025-03-01', { ofstedGrade: 'no_overall_grade', ofstedDate: '2025-03-01' }],
    ['an inspection with a rating the bot does not read as a grade', 'Not judged', '2024-11-20', { ofstedGrade: 'no_overall_grade', ofstedDate: '2024-11-20' }],
    ['a graded inspection', 'Good', '2023-05-10', { ofstedGrade: 'good', ofstedDate: '2023-05-10' }],
    ['no inspection at all', '', undefined, {}],
  ] as const)('the latest inspection: %s', (_case, rating, date, expected) => {
    expect(latestInspectionOf(rating, date)).toEqual(expected);
  });

  it('a row whose latest inspection has a date but no rating is "inspected, no overall grade"', () => {
    const read = readGiasRow({ ...openRow, ofstedGrade: '', ofstedDate: '01-03-2025' });
    expect(read.ok && read.value.status === 'open' && read.value.school).toMatchObject({ ofstedGrade: 'no_overall_grade', ofstedDate: '2025-03-01' });
  });

  it('a row of a file with only the URN and the name is a school', () => {
    const read = readGiasRow({ urn: '110123', name: 'Fictional Beech Primary (demo)' });
    expect(read.ok && read.value.status === 'open' && read.value.school).toEqual({ urn: '110123', name: 'Fictional Beech Primary (demo)', type: '', phase: 'other', localAuthority: '' });
  });

  it('trims values and joins a name split over lines', () => {
    const read = readGiasRow({ ...openRow, urn: ' 900001 ', name: ' Fictional Oakfield\nPrimary  School (demo) ' });
    expect(read.ok && read.value.status === 'open' && read.value.school.name).toBe('Fictional Oakfield Primary School (demo)');
  });

  it('is skipped as closed whatever else it holds', () => {
    expect(readGiasRow({ ...openRow, status: 'Closed', pupils: 'n/a' })).toEqual({ ok: true, value: { status: 'closed', urn: '900001' } });
  });

  it('is kept when open but proposed to close', () => {
    const read = readGiasRow({ ...openRow, status: 'Open, but proposed to close' });
    expect(read.ok && read.value.status).toBe('open');
  });

  it.each([
    ['a missing URN', { urn: '' }, ['it has no URN']],
    ['a URN that is not six digits', { urn: '91009' }, ['its URN "91009" is not six digits']],
    ['a missing name', { name: '  ' }, ['it has no establishment name']],
    ['a number of pupils that is not a whole number', { pupils: 'about 300' }, ['the number of pupils "about 300" is not a whole number']],
    ['a negative number of pupils', { pupils: '-4' }, ['the number of pupils "-4" is not a whole number']],
    ['a date that does not exist', { ofstedDate: '31-02-2023' }, ['the Ofsted inspection date "31-02-2023" is not a date written day-month-year, like 14-06-2023']],
    ['a liaison group that is not a group id', { liaisonGroup: 'Group 1' }, ['the liaison group "Group 1" is not a group id like lg-01']],
    [
      'several problems at once',
      { pupils: 'x', ofstedDate: 'soon' },
      ['the number of pupils "x" is not a whole number', 'the Ofsted inspection date "soon" is not a date written day-month-year, like 14-06-2023'],
    ],
  ] as const)('is refused for %s', (_rule, change, errors) => {
    expect(readGiasRow({ ...openRow, ...change })).toEqual({ ok: false, errors });
  });
});
