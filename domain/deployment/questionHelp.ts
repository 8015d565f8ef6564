/**
 * What the form's questions mean, for a system leader who answers "not sure": the question
 * explained and where each answer leads, from 002 ("The Deployment Form and its completion",
 * the enhanced strand) and DOMAIN.md §1 and §4. A question with nothing more in the sources
 * is named, its choices listed, and "skip" offered.
 */
import { DEPLOYMENT_PROGRAMME } from './programme.js';
import { fieldSpec, type SectionNumber } from './sections.js';

const { maxExtensionDays } = DEPLOYMENT_PROGRAMME;

const EXPLAINED: Readonly<Record<string, string>> = {
  recipientKind:
    'Choose who you were matched to support. Matched to a trust, you give trust-level support through the trust CEO: choose "A trust". Matched to a school, you work first with its headteacher: choose "A school", and I also ask for its URN, trust, phase and local authority.',
  systemLeaderRole:
    'A system leader is normally the CEO of a high-quality multi-academy trust (MAT CEO), or a National Leader of Education (NLE) where no suitable MAT CEO can be found. An NLE delivers all the support themselves unless DfE agrees otherwise through the RDP. Choose the one you are; either way, I ask next for your trust or organisation.',
  whyEligible:
    'This is the criterion the school or trust met for the offer year. C1: two "requires improvement" judgements in a row, the later one in the offer year. C2: an "inadequate" judgement in the offer year. C3: a regional director assessed it as needing immediate support. By exception: none of those, but it said it needed help, or the DfE regional delivery team judged it did, and it asked for TSI through its RDP. Whichever you choose, I ask next for any additional information. "check eligibility" checks a school against its Ofsted judgements.',
  areasOfFocus:
    'These are the areas your support intends to focus on, from the form\'s list: choose one or more. Choosing "Other" brings one more question: a brief note saying what that area is.',
  mechanismsOfSupport:
    'This is the form\'s menu of potential mechanisms of support: DfE programmes (Annex A) and additional support elements that could help the school or trust. Choose any that apply, or say "none"; either way that ends section 2.',
  allActivitiesCompleted:
    'At closure, the form asks whether all the activities you first planned have been completed. "Yes" takes you on to the next steps you have agreed. "No" first asks you, briefly, why some were not completed.',
  enhancedStrand: `The enhanced strand is for the most vulnerable schools and trusts, and gives one of two things, never both. A funded trust partnership: £10,000 of DfE grant towards a partnership with a high-quality trust, expected to last 12 months; it needs a separate written case sent to your RDP, so choosing it asks you to summarise that case. Up to ${maxExtensionDays} additional days: DfE aims to decide within 5 working days and pays for no extra day it did not formally agree; choosing it asks how many days you recommend. "No recommendation" ends the section.`,
};

/** What to say to "not sure" at one of the form's questions, before asking it again. */
export function questionHelp(section: SectionNumber, field: string): string {
  const spec = fieldSpec(section, field);
  if (spec === undefined) return 'Say "skip" to leave this question for now.';
  const later = `If you cannot answer yet, say "skip": it stays blank, and "go to section ${section}" brings you back to it.`;
  const explained = EXPLAINED[field];
  if (explained !== undefined) return `${explained} ${later}`;
  const choices = spec.kind === 'choice' && spec.choices !== undefined ? ` The choices are: ${spec.choices.map((choice) => choice.label).join('; ')}.` : '';
  return `This is "${spec.label}" on the form.${choices} ${later}`;
}
