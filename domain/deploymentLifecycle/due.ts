/**
 * What is due next in a deployment, and by when, worked out from what was recorded (never
 * stored): 002 §9's timings for the system leader, the checklists of the suggested model, the
 * report and claim, DfE's aim to decide an extension within 5 working days, and the partnership's
 * 12 months.
 */
import { DEPLOYMENT_PROGRAMME } from '../deployment/programme.js';
import { sectionDueAfterDay } from '../deployment/timeline.js';
import { addDays, addMonths, addWorkingDays } from './calendar.js';
import { LIFECYCLE_PROGRAMME, type LifecycleProgramme } from './programme.js';
import { recipientNoun } from './recipientNoun.js';
import { completedOn, dateOfDay, loggedDays, type DeploymentLifecycle } from './record.js';

export type DueKind =
  | 'confirm_ability'
  | 'contact_school'
  | 'first_visit'
  | 'pre_engagement_checklist'
  | 'mid_engagement_checklist'
  | 'mid_engagement_return'
  | 'chase_extension'
  | 'extension_window'
  | 'send_to_school'
  | 'submit_to_rdp'
  | 'partnership_end_report';

export interface DueStep {
  readonly kind: DueKind;
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly overdue: boolean;
  /** The form reminds of these itself (dialogs/deployment/reminders.ts): shown here, not reminded twice. */
  readonly remindedByForm: boolean;
}

/** What the deployment form says of its own report and claim, when there is a form for this deployment. */
export interface FormFacts {
  readonly sentToSchoolAt?: string | undefined;
  readonly submittedToRdpAt?: string | undefined;
}

export type Stage = 'engagement' | 'deployment' | 'report_and_claim' | 'enhanced_strand' | 'not_supporting' | 'done';

export const STAGE_TITLES: Record<Stage, string> = {
  engagement: 'Engagement',
  deployment: 'Deployment',
  report_and_claim: 'Report and claim',
  enhanced_strand: 'Enhanced strand',
  not_supporting: 'Not supporting',
  done: 'Done',
};

export function stageOf(record: DeploymentLifecycle, form?: FormFacts): Stage {
  if (record.engagement.ability?.canSupport === false) return 'not_supporting';
  if (record.days.length === 0) return 'engagement';
  if (completedOn(record) === undefined) return 'deployment';
  if (form?.submittedToRdpAt === undefined) return 'report_and_claim';
  const partnership = record.partnership.status;
  if (partnership !== 'none' && partnership !== 'declined' && partnership !== 'second_payment_due') return 'enhanced_strand';
  return 'done';
}

/**
 * Whether the system leader is supporting this school or trust: every deployment but one they said
 * no to. A step said without naming the deployment goes to the only one under way.
 */
export const isUnderWay = (record: DeploymentLifecycle): boolean => stageOf(record) !== 'not_supporting';

/** Every step due as of `today`, the earliest first. */
export function dueSteps(record: DeploymentLifecycle, today: string, form: FormFacts = {}, programme: LifecycleProgramme = LIFECYCLE_PROGRAMME): DueStep[] {
  const steps: DueStep[] = [];
  const due = (kind: DueKind, title: string, dueOn: string, remindedByForm = false) => steps.push({ kind, title, dueOn, overdue: dueOn < today, remindedByForm });
  const { engagement, checklists, extension, partnership } = record;
  const timings = programme.engagement;
  const recipient = recipientNoun(record.recipient);

  if (engagement.ability === undefined) due('confirm_ability', 'Confirm to the RDP whether you can support (yes or no)', addDays(engagement.rdpContactOn, timings.confirmAbilityWithinDays));
  if (engagement.ability?.canSupport !== true) return steps;

  if (engagement.schoolContactedOn === undefined) {
    due('contact_school', `Contact the ${recipient} to arrange the initial meeting`, addDays(engagement.deploymentInfoOn ?? engagement.ability.on, timings.contactSchoolWithinDays));
  } else if (engagement.firstVisitOn === undefined) {
    due('first_visit', 'First visit, initial scoping and diagnostic', addDays(engagement.schoolContactedOn, timings.firstVisitWithinWeeks * 7));
  }

  const dayOne = dateOfDay(record, 1);
  if (dayOne !== undefined && checklists.preEngagement === undefined) due('pre_engagement_checklist', 'Pre-engagement checklist (day 1)', dayOne);
  const midDay = sectionDueAfterDay(3, Math.floor(record.agreedDays));
  const midDate = dateOfDay(record, midDay);
  if (midDate !== undefined && checklists.midEngagement === undefined) due('mid_engagement_checklist', `Mid-engagement checklist (day ${midDay})`, midDate);
  if (checklists.midEngagement !== undefined && checklists.midEngagement.returnedToRdpOn === undefined) {
    due('mid_engagement_return', 'Send the mid-engagement return to the RDP', midDate ?? checklists.midEngagement.doneOn);
  }

  if (extension.status === 'sent') due('chase_extension', 'Chase the RDP: DfE aims to decide an extension within 5 working days', addWorkingDays(extension.sentOn, programme.extension.dfeDecisionWorkingDays));
  if (extension.status === 'approved' && loggedDays(record) < record.agreedDays) due('extension_window', `Deliver the ${extension.approvedDays} additional days DfE agreed`, extension.windowEndsOn);

  const completed = completedOn(record);
  if (completed !== undefined) {
    if (form.sentToSchoolAt === undefined) due('send_to_school', `Complete and sign the form; send it to the ${recipient} to sign`, addDays(completed, DEPLOYMENT_PROGRAMME.sendToSchoolWithinDays), true);
    if (form.submittedToRdpAt === undefined) due('submit_to_rdp', 'Submit the form to the RDP', addDays(completed, DEPLOYMENT_PROGRAMME.submitToRdpWithinDays), true);
  }

  if (partnership.status === 'first_payment_due') {
    due('partnership_end_report', 'The trust’s end report, with the school’s confirmation, for the second £5,000', addMonths(partnership.grantOfferSignedOn, programme.partnership.expectedMonths));
  }
  return steps.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The reminder date for a step: `daysBefore` its due date (the council's own setting). */
export function remindOn(step: Pick<DueStep, 'dueOn'>, programme: LifecycleProgramme = LIFECYCLE_PROGRAMME): string {
  return addDays(step.dueOn, -programme.reminders.daysBefore);
}

/** The steps to remind of today: not the form's own, and whose reminder date has come. */
export function remindersToSend(record: DeploymentLifecycle, today: string, form: FormFacts = {}, programme: LifecycleProgramme = LIFECYCLE_PROGRAMME): DueStep[] {
  return dueSteps(record, today, form, programme).filter((step) => !step.remindedByForm && remindOn(step, programme) <= today);
}
