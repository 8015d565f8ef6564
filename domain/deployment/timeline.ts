/**
 * The deployment's timeline: the suggested 10-day model, which form sections fall due after
 * which delivered day, and the reminders a system leader gets. Days are calendar days (the
 * guidance says "3 days" and "10 days" without saying working days).
 *
 * 002 §10: the model "can be used irrespective of the agreed number of days of deployment", so
 * the due points scale with the days agreed. 002 gives only the 10-day model; how it stretches
 * or shrinks (first day and last day fixed, the others in proportion) is the bot's own reading.
 */
import { sectionCompleteness } from './completeness.js';
import type { DeploymentDraft } from './draft.js';
import { DEPLOYMENT_PROGRAMME } from './programme.js';
import { SECTION_NUMBERS, type SectionNumber } from './sections.js';

export type DeploymentStage = 'start_up' | 'scoping' | 'explore' | 'delivery' | 'sustained_improvement' | 'closure';

export interface ModelDay {
  readonly day: number;
  readonly stage: DeploymentStage;
  readonly title: string;
  /** Only the first and last days are fixed; the rest may be moved to fit the school. */
  readonly fixed: boolean;
}

/** The guidance's suggested structure for the 10 days. */
export const TEN_DAY_MODEL: readonly ModelDay[] = [
  { day: 1, stage: 'start_up', title: 'Start-up: pre-engagement agreements', fixed: true },
  { day: 2, stage: 'scoping', title: 'Scoping: identify causes and barriers together', fixed: false },
  { day: 3, stage: 'explore', title: 'Explore: the climate for change and the evidence', fixed: false },
  { day: 4, stage: 'delivery', title: 'Delivery', fixed: false },
  { day: 5, stage: 'delivery', title: 'Delivery', fixed: false },
  { day: 6, stage: 'delivery', title: 'Delivery, with the mid-engagement review', fixed: false },
  { day: 7, stage: 'delivery', title: 'Delivery', fixed: false },
  { day: 8, stage: 'delivery', title: 'Delivery', fixed: false },
  { day: 9, stage: 'sustained_improvement', title: 'Sustained improvement: capacity and capability', fixed: false },
  { day: 10, stage: 'closure', title: 'Closure: quality assurance, reporting and next steps', fixed: true },
];

/** The delivered day after which each section of the form is due, in the 10-day model. */
export const SECTION_DUE_AFTER_DAY: Readonly<Record<SectionNumber, number>> = { 1: 1, 2: 2, 3: 6, 4: 9, 5: 10, 6: 10, 7: 10, 8: 10 };
const MODEL_DAYS = 10;

/** The days agreed for a deployment: as the system leader said, else the offer's days plus any extension DfE agreed. */
export function agreedDaysOf(draft: DeploymentDraft): number {
  return draft.agreedDays ?? DEPLOYMENT_PROGRAMME.maxDays + Math.floor(draft.sections[6].extensionApprovedDays ?? 0);
}

/** The delivered day after which a section is due in a deployment of `agreedDays`: day 1 and the last day fixed, the rest in proportion. */
export function sectionDueAfterDay(section: SectionNumber, agreedDays: number = MODEL_DAYS): number {
  const modelDay = SECTION_DUE_AFTER_DAY[section];
  if (modelDay === 1) return 1;
  if (modelDay === MODEL_DAYS) return agreedDays;
  return Math.min(Math.max(2, Math.round((modelDay * agreedDays) / MODEL_DAYS)), Math.max(agreedDays - 1, 1));
}

/** The sections due once this many days have been delivered (half days count only when a whole day is reached). */
export function dueSections(daysDelivered: number, agreedDays: number = MODEL_DAYS): SectionNumber[] {
  if (!Number.isFinite(daysDelivered)) return [];
  return SECTION_NUMBERS.filter((section) => sectionDueAfterDay(section, agreedDays) <= daysDelivered);
}

/** The date the deployment was completed: the day the last agreed day was delivered, once it has been. */
export function completedOn(draft: DeploymentDraft, today: string): string | undefined {
  const delivered = draft.daysDeliveredLog.filter((date) => date <= today).sort();
  return delivered[agreedDaysOf(draft) - 1];
}

export type ReminderKind = 'section3_due' | 'send_to_school' | 'submit_to_rdp';

/** Whether the system leader is reminded when a section falls due: only the mid-engagement section is (the rest fall due with the report and claim, which has its own reminders). */
export const isReminded = (section: SectionNumber): boolean => section === 3;

export interface Reminder {
  readonly kind: ReminderKind;
  /** YYYY-MM-DD. */
  readonly dueDate: string;
  readonly overdue: boolean;
}

const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * What the system leader still has to do as of `today` (YYYY-MM-DD), each with its due date:
 * the mid-engagement section once its day has been delivered; then, from the day the deployment
 * is completed (002's "Report & Claim" stage), the form signed and sent to the school within 3
 * days and submitted to the RDP within 10. 002's table does not say where the 10 days start;
 * counting both from completion is the bot's reading.
 */
export function remindersDue(draft: DeploymentDraft, today: string): Reminder[] {
  const reminders: Reminder[] = [];
  const remind = (kind: ReminderKind, dueDate: string) => reminders.push({ kind, dueDate, overdue: dueDate < today });

  const delivered = draft.daysDeliveredLog.filter((date) => date <= today).sort();
  const midReviewDay = delivered[sectionDueAfterDay(3, agreedDaysOf(draft)) - 1];
  if (midReviewDay !== undefined && !sectionCompleteness(draft, 3).complete) remind('section3_due', midReviewDay);

  const completed = completedOn(draft, today);
  const { sentToSchoolAt: sent, submittedToRdpAt: submitted } = draft.sections[8];
  if (completed !== undefined) {
    if (sent === undefined) remind('send_to_school', addDays(completed, DEPLOYMENT_PROGRAMME.sendToSchoolWithinDays));
    if (submitted === undefined) remind('submit_to_rdp', addDays(completed, DEPLOYMENT_PROGRAMME.submitToRdpWithinDays));
  }
  return reminders;
}
