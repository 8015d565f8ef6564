import { fail, ok, type Result } from '../result.js';
import { NO_OVERALL_GRADE, type OfstedGrade, type OfstedJudgement, type Phase, type Region, type School, type Urn } from './types.js';

/**
 * One row of the DfE "Get Information about Schools" (GIAS) establishment file, mapped to a
 * {@link School}. GIAS files carry about 270 columns; only these are read and the rest are
 * ignored. Only the URN and the name are essential: a real download may lack any other
 * column or leave it empty. `LiaisonGroup` is not a GIAS column: the demo file adds it, a real
 * GIAS file leaves it out, and the SIT's membership file supplies it (membership.ts).
 */
export const GIAS_COLUMNS = {
  urn: 'URN',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  status: 'EstablishmentStatus (name)',
  phase: 'PhaseOfEducation (name)',
  localAuthority: 'LA (name)',
  region: 'GOR (name)',
  trust: 'Trusts (name)',
  pupils: 'NumberOfPupils',
  ofstedGrade: 'OfstedRating (name)',
  ofstedDate: 'OfstedLastInsp',
  liaisonGroup: 'LiaisonGroup',
} as const;

export type GiasField = keyof typeof GIAS_COLUMNS;
/** A school cannot be stored without these; every other column may be absent or empty in a real download. */
const ESSENTIAL_FIELDS: readonly GiasField[] = ['urn', 'name'];

/** A row as the CSV reader gives it: the fields this file has, keyed by {@link GiasField}. */
export type GiasRow = Partial<Record<GiasField, string>>;

export type GiasRowOutcome = { readonly status: 'open'; readonly school: School } | { readonly status: 'closed'; readonly urn: Urn | undefined };

/** What users lose when a column is absent, said in the import's report. */
const MEANING_OF_MISSING: Partial<Record<GiasField, string>> = {
  status: 'closed establishments cannot be told apart, so every row is imported as open',
  type: 'special schools and alternative provision are recognised only from the phase',
  phase: 'phases are worked out from the establishment type alone, or shown as "other"',
  localAuthority: 'schools are shown without their local authority',
  region: 'the eligibility check cannot prefill the DfE region: users choose it',
  trust: 'the eligibility check and deployment form cannot prefill the trust',
  pupils: 'schools are shown without their size, so the SIT’s coverage view cannot show sizes',
  ofstedGrade: 'the eligibility check cannot prefill the Ofsted judgement, and nominations cannot be checked against an inadequate grade: users give the judgements',
  ofstedDate: 'the eligibility check cannot prefill the date of the latest inspection: users give it',
};

/** Which fields each column holds, and the fields the file lacks (none of them essential). */
export interface GiasHeader {
  readonly fields: (GiasField | undefined)[];
  readonly missing: GiasField[];
}

/** Headers are matched ignoring case, spacing and a byte order mark, since spreadsheets re-save them loosely. */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

const FIELD_OF_HEADER = new Map<string, GiasField>(
  (Object.entries(GIAS_COLUMNS) as [GiasField, string][]).map(([field, header]) => [headerKey(header), field]),
);

/**
 * For each column of the header, the field it holds (undefined for a column that is not read).
 * A file without a URN and a name column is not an establishment file and is refused whole;
 * any other column may be missing, and {@link missingColumnsReport} says what that costs.
 */
export function readGiasHeader(header: readonly string[]): Result<GiasHeader> {
  const fields = header.map((column) => FIELD_OF_HEADER.get(headerKey(column)));
  const present = new Set(fields);
  const essentialMissing = ESSENTIAL_FIELDS.filter((field) => !present.has(field));
  if (essentialMissing.length === 0) {
    return ok({ fields, missing: (Object.keys(GIAS_COLUMNS) as GiasField[]).filter((field) => field !== 'liaisonGroup' && !present.has(field)) });
  }
  const names = essentialMissing.map((field) => `"${GIAS_COLUMNS[field]}"`);
  return fail(
    `This file is not a Get Information about Schools establishment file: it has no ${names.length === 1 ? 'column' : 'columns'} ${joinWithAnd(names)}. ` +
      'Download the establishment fields CSV from Get Information about Schools and import that file as it is.',
  );
}

/** One line per missing column: its name and what users lose without it. */
export function missingColumnsReport(missing: readonly GiasField[]): string[] {
  return missing.map((field) => `No "${GIAS_COLUMNS[field]}" column: ${MEANING_OF_MISSING[field] ?? 'it is left empty'}.`);
}

function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const REGION_OF_GOR = new Map<string, Region>([
  ['north east', 'North East'],
  ['north west', 'North West'],
  ['yorkshire and the humber', 'Yorkshire and the Humber'],
  ['yorkshire and humber', 'Yorkshire and the Humber'],
  ['east midlands', 'East Midlands'],
  ['west midlands', 'West Midlands'],
  ['east of england', 'East of England'],
  ['eastern', 'East of England'],
  ['london', 'London'],
  ['south east', 'South East'],
  ['south west', 'South West'],
]);

/** The DfE region of a GIAS "GOR (name)"; Wales (pseudo) and "Not Applicable" have none. */
export function regionOfGor(gor: string): Region | undefined {
  return REGION_OF_GOR.get(gor.trim().replace(/\s+/g, ' ').toLowerCase());
}

const GRADE_OF_RATING = new Map<string, OfstedGrade>([
  ['outstanding', 'outstanding'],
  ['good', 'good'],
  ['requires improvement', 'requires_improvement'],
  ['inadequate', 'inadequate'],
  // Serious weaknesses and special measures are the two categories of an inadequate judgement.
  ['serious weaknesses', 'inadequate'],
  ['special measures', 'inadequate'],
]);

/**
 * The grade of a GIAS "OfstedRating (name)". Older or partial judgements ("Satisfactory",
 * "Insufficient evidence") and inspections without a single grade leave the grade empty
 * rather than refusing the school.
 */
export function gradeOfRating(rating: string): OfstedGrade | undefined {
  return GRADE_OF_RATING.get(rating.trim().replace(/\s+/g, ' ').toLowerCase());
}

/**
 * What the directory holds about a school's latest inspection. Ofsted gives no single overall
 * grade for inspections from September 2024, so a dated inspection with an empty rating (or
 * one the bot does not read as a grade) is "inspected, no overall grade"; earlier graded
 * judgements, which rules may still need, are asked of the user.
 */
export function latestInspectionOf(rating: string, date: string | undefined): { ofstedGrade?: OfstedJudgement; ofstedDate?: string } {
  const grade = gradeOfRating(rating);
  if (date === undefined) return grade === undefined ? {} : { ofstedGrade: grade };
  return { ofstedGrade: grade ?? NO_OVERALL_GRADE, ofstedDate: date };
}

/**
 * Our phase for a GIAS phase and establishment type. Special schools and alternative provision
 * are told apart by their type, because GIAS gives most of them the phase "Not applicable" and
 * some a primary or secondary phase.
 */
export function phaseOf(phaseName: string, typeName: string): Phase {
  const type = typeName.toLowerCase();
  if (type.includes('special')) return 'special';
  if (type.includes('pupil referral') || type.includes('alternative provision')) return 'alternative provision';
  switch (phaseName.trim().replace(/\s+/g, ' ').toLowerCase()) {
    case 'nursery':
      return 'nursery';
    case 'primary':
      return 'primary';
    case 'middle deemed primary':
    case 'middle deemed secondary':
      return 'middle';
    case 'secondary':
      return 'secondary';
    case 'all-through':
    case 'all through':
      return 'all-through';
    case '16 plus':
      return 'sixteen-plus';
  }
  if (type.includes('nursery')) return 'nursery';
  if (type.includes('sixth form') || type.includes('further education') || type.includes('16')) return 'sixteen-plus';
  return 'other';
}

/**
 * A GIAS date (day-month-year, like 14-06-2023) as YYYY-MM-DD. Slashes are read too, since a
 * spreadsheet re-saving the file in a UK locale writes 14/06/2023.
 */
export function isoDateOfGias(text: string): Result<string> {
  const match = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text.trim());
  const problem = `the Ofsted inspection date "${text}" is not a date written day-month-year, like 14-06-2023`;
  if (!match) return fail(problem);
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return fail(problem);
  return ok(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

const LIAISON_GROUP_ID = /^[a-z0-9-]+$/;

/**
 * Maps one row. A closed establishment is reported as closed whatever else the row holds; an
 * open one with a problem is refused with every problem found, in words an administrator can
 * fix in the file.
 */
export function readGiasRow(row: GiasRow): Result<GiasRowOutcome> {
  const field = (name: GiasField): string => (row[name] ?? '').trim();
  const urnText = field('urn');
  const urn = /^\d{6}$/.test(urnText) ? urnText : undefined;
  if (field('status').toLowerCase() === 'closed') return ok({ status: 'closed', urn });

  const problems: string[] = [];
  if (urnText === '') problems.push('it has no URN');
  else if (urn === undefined) problems.push(`its URN "${urnText}" is not six digits`);

  // A name split over lines in a spreadsheet cell is still one name.
  const name = field('name').replace(/\s+/g, ' ');
  if (name === '') problems.push('it has no establishment name');

  let pupils: number | undefined;
  const pupilsText = field('pupils');
  if (pupilsText !== '') {
    if (/^\d{1,7}$/.test(pupilsText)) pupils = Number(pupilsText);
    else problems.push(`the number of pupils "${pupilsText}" is not a whole number`);
  }

  let ofstedDate: string | undefined;
  const dateText = field('ofstedDate');
  if (dateText !== '') {
    const date = isoDateOfGias(dateText);
    if (date.ok) ofstedDate = date.value;
    else problems.push(...date.errors);
  }

  const liaisonGroupId = field('liaisonGroup').toLowerCase();
  if (liaisonGroupId !== '' && !LIAISON_GROUP_ID.test(liaisonGroupId)) {
    problems.push(`the liaison group "${field('liaisonGroup')}" is not a group id like lg-01`);
  }

  if (problems.length > 0 || urn === undefined) return fail(...problems);

  const type = field('type');
  const school: School = {
    urn,
    name,
    type,
    phase: phaseOf(field('phase'), type),
    localAuthority: field('localAuthority'),
    ...optional('region', regionOfGor(field('region'))),
    ...optional('trust', field('trust') || undefined),
    ...optional('pupils', pupils),
    ...latestInspectionOf(field('ofstedGrade'), ofstedDate),
    ...optional('liaisonGroupId', liaisonGroupId || undefined),
  };
  return ok({ status: 'open', school });
}

/** Leaves a field out rather than storing `undefined`, so stored records stay small and compare equal. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
