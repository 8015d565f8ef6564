import type { LiaisonGroup, School } from '../directory/types.js';
import { formatLongDate } from '../tsi/academicYear.js';
import { CHOICE_LABELS, GAP_EVIDENCE_MAX, type Choice, type ChoiceName, type Nomination, type SchoolsByUrn } from './nomination.js';

export interface NominationCheck {
  /** True when there are no problems and nothing missing; warnings do not stop a submission. */
  readonly canSubmit: boolean;
  /** Reasons the nomination cannot be submitted as it stands. */
  readonly problems: string[];
  /** Worth a second look, but allowed. */
  readonly warnings: string[];
  /** Questions not answered yet. */
  readonly missing: string[];
}

interface Findings {
  problems: string[];
  warnings: string[];
  missing: string[];
}

/**
 * The letter's criteria: not graded inadequate. The directory's grade stands unless the group
 * states an inspection after the directory's one, graded other than inadequate (the
 * directory lags behind Ofsted).
 */
function checkNotInadequate(choice: Choice, school: School, say: (text: string) => string, found: Findings): void {
  const answer = choice.criteria.notInadequate;
  if (!answer) {
    found.missing.push(say(`whether ${school.name} is graded inadequate`));
    return;
  }
  if (!answer.confirmed) {
    found.problems.push(say(`you said ${school.name} is graded inadequate, and a school graded inadequate cannot be a champion school`));
    return;
  }
  const newer = answer.newerInspection;
  if (newer) {
    if (school.ofstedDate !== undefined && newer.date <= school.ofstedDate) {
      found.problems.push(
        say(`the inspection you gave (${formatLongDate(newer.date)}) is not after the one in the directory (${formatLongDate(school.ofstedDate)}), so it cannot replace it`),
      );
      return;
    }
    if (newer.grade === 'inadequate') {
      found.problems.push(say(`${school.name} was graded inadequate at its inspection on ${formatLongDate(newer.date)}, so it cannot be a champion school`));
    }
    return;
  }
  if (school.ofstedGrade === 'inadequate') {
    const when = school.ofstedDate ? ` at its inspection on ${formatLongDate(school.ofstedDate)}` : '';
    found.problems.push(
      say(`the directory shows ${school.name} graded inadequate${when}; it can be nominated only if inspected since and not graded inadequate, so give the date and grade of that inspection`),
    );
  }
}

function checkChoice(name: ChoiceName, choice: Choice, context: { group: LiaisonGroup; schoolsByUrn: SchoolsByUrn }, found: Findings): void {
  const say = (text: string) => `${CHOICE_LABELS[name]}: ${text}.`;
  const school = choice.urn === undefined ? undefined : context.schoolsByUrn.get(choice.urn);
  if (choice.urn === undefined) found.missing.push(say('the school'));
  else if (!school) found.problems.push(say(`there is no school with URN ${choice.urn} in the directory`));
  else if (school.liaisonGroupId !== context.group.id) {
    found.problems.push(say(`${school.name} is not in the ${context.group.name} liaison group, so it cannot represent it`));
  }

  if (school) checkNotInadequate(choice, school, say, found);
  else if (!choice.criteria.notInadequate) found.missing.push(say('whether the school is graded inadequate'));

  const schoolName = school?.name ?? 'the school';
  const { stableSlt, gapEvidence } = choice.criteria;
  if (stableSlt === undefined) found.missing.push(say(`whether ${schoolName} has a stable senior leadership team`));
  else if (!stableSlt) found.problems.push(say(`a champion school needs a stable senior leadership team, and you said ${schoolName} does not have one`));

  if (gapEvidence === undefined || gapEvidence.trim() === '') {
    found.missing.push(say(`a short note of the gap between ${schoolName}'s disadvantaged pupils and their peers`));
  } else if (gapEvidence.length > GAP_EVIDENCE_MAX) {
    found.problems.push(say(`the note of the gap is longer than ${GAP_EVIDENCE_MAX} characters: keep it short`));
  }

  const { champion } = choice;
  if (champion.name === undefined) found.missing.push(say("the Disadvantaged Pupil Champion's name"));
  if (champion.role === undefined) found.missing.push(say("the Disadvantaged Pupil Champion's role"));
  else if (champion.role === 'other') {
    const who = [champion.name, champion.roleNote].filter((part) => part !== undefined).join(', ');
    found.warnings.push(
      say(
        `the champion${who ? ` (${who})` : ''} is neither the Pupil Premium / Disadvantaged Pupil Lead nor a member of the senior leadership team; the programme prefers one of those, but you can still submit`,
      ),
    );
  }
}

/** Everything that stands between a nomination and its submission, in plain words. */
export function checkNomination(nomination: Nomination, context: { group: LiaisonGroup; schoolsByUrn: SchoolsByUrn }): NominationCheck {
  const found: Findings = { problems: [], warnings: [], missing: [] };
  if (nomination.groupId !== context.group.id) {
    found.problems.push(`This nomination belongs to another liaison group, not ${context.group.name}.`);
  }
  const { first, second } = nomination;
  if (first.urn !== undefined && first.urn === second.urn) {
    const name = context.schoolsByUrn.get(first.urn)?.name ?? `URN ${first.urn}`;
    found.problems.push(`The first and second choices are the same school (${name}): choose two different schools.`);
  }
  checkChoice('first', first, context, found);
  checkChoice('second', second, context, found);
  return { canSubmit: found.problems.length === 0 && found.missing.length === 0, ...found };
}
