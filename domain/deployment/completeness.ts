import type { DeploymentDraft } from './draft.js';
import { applicableSpecs, CompleteSectionSchemas, fieldsOf, SECTION_NUMBERS, type SectionNumber, type SectionValues } from './sections.js';

export interface SectionCompleteness {
  readonly complete: boolean;
  /** Plain names of the questions still to answer. */
  readonly missing: string[];
  /** Answers that are all there but do not fit together, in plain words. */
  readonly problems: string[];
}

const sectionValues = (draft: DeploymentDraft, section: SectionNumber): SectionValues => draft.sections[section] as SectionValues;

export function sectionCompleteness(draft: DeploymentDraft, section: SectionNumber): SectionCompleteness {
  const values = sectionValues(draft, section);
  const missing =
    section === 5
      ? values['sealed'] === undefined
        ? fieldsOf(5).map((field) => field.label)
        : []
      : applicableSpecs(section, values)
          .filter((field) => !field.optional && values[field.name] === undefined)
          .map((field) => field.label);
  if (missing.length > 0) return { complete: false, missing, problems: [] };

  const parsed = CompleteSectionSchemas[section].safeParse(values);
  const problems = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => issue.message))];
  if (section === 7 && values['outcome'] === 'queried') {
    problems.push(`The school or trust queried the work reported: "${String(values['queryText'] ?? '')}". Resolve it with them before submitting.`);
  }
  return { complete: problems.length === 0, missing, problems };
}

/** The optional questions of a section that have no answer, by their plain names: a section can be complete without them. */
export function optionalLeftBlank(draft: DeploymentDraft, section: SectionNumber): string[] {
  const values = sectionValues(draft, section);
  return applicableSpecs(section, values)
    .filter((field) => field.optional && field.fillableBySystemLeader && values[field.name] === undefined)
    .map((field) => field.label);
}

export interface FormReadiness {
  readonly ready: boolean;
  /** Only sections with something missing appear. */
  readonly missingBySection: Partial<Record<SectionNumber, string[]>>;
  readonly problemsBySection: Partial<Record<SectionNumber, string[]>>;
}

function readinessOf(draft: DeploymentDraft, sections: readonly SectionNumber[], submission: readonly string[]): FormReadiness {
  const missingBySection: Partial<Record<SectionNumber, string[]>> = {};
  const problemsBySection: Partial<Record<SectionNumber, string[]>> = {};
  for (const section of sections) {
    const { missing, problems } = sectionCompleteness(draft, section);
    if (missing.length > 0) missingBySection[section] = missing;
    if (problems.length > 0) problemsBySection[section] = problems;
  }
  const submissionValues = sectionValues(draft, 8);
  const submissionMissing = fieldsOf(8)
    .filter((field) => submission.includes(field.name) && submissionValues[field.name] === undefined)
    .map((field) => field.label);
  if (submissionMissing.length > 0) missingBySection[8] = submissionMissing;
  const { signedBySystemLeaderAt: signed, sentToSchoolAt: sent } = draft.sections[8];
  if (signed !== undefined && sent !== undefined && sent < signed) {
    problemsBySection[8] = ['The form was sent to the school before you signed it: check the dates.'];
  }
  return {
    ready: Object.keys(missingBySection).length === 0 && Object.keys(problemsBySection).length === 0,
    missingBySection,
    problemsBySection,
  };
}

/** Whether the system leader can sign: sections 1 to 6, their part of the report and claim, are complete. */
export function signingReadiness(draft: DeploymentDraft): FormReadiness {
  return readinessOf(draft, [1, 2, 3, 4, 5, 6], []);
}

/**
 * Whether the form can go to the RDP: sections 1 to 7 complete (the school or trust has confirmed),
 * and the system leader has signed it and sent it to the school. The RDP submission date is what
 * submitting records, so it is not asked for here.
 */
export function formReadiness(draft: DeploymentDraft): FormReadiness {
  return readinessOf(
    draft,
    SECTION_NUMBERS.filter((section) => section !== 8),
    ['signedBySystemLeaderAt', 'sentToSchoolAt'],
  );
}
