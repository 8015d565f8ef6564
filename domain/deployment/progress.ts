/**
 * Where a deployment stands against the 10-day model: how many days have been delivered, and
 * for each section whether it is due and complete. What the system leader sees when they record
 * a day, so they know which sections to fill in now.
 */
import { sectionCompleteness } from './completeness.js';
import type { DeploymentDraft } from './draft.js';
import { SECTION_NUMBERS, sectionTitle, type SectionNumber } from './sections.js';
import { agreedDaysOf, dueSections, sectionDueAfterDay } from './timeline.js';

export interface SectionProgress {
  readonly section: SectionNumber;
  readonly title: string;
  readonly complete: boolean;
  readonly due: boolean;
  readonly dueAfterDay: number;
  /** Plain names of the questions still to answer. */
  readonly missing: string[];
}

export interface FormProgress {
  readonly daysDelivered: number;
  /** YYYY-MM-DD of the latest day delivered. */
  readonly latestDay?: string;
  readonly sections: readonly SectionProgress[];
  /** The sections due by now and not yet complete, in order. */
  readonly dueAndIncomplete: SectionNumber[];
}

export function formProgress(draft: DeploymentDraft): FormProgress {
  const daysDelivered = draft.daysDeliveredLog.length;
  const agreedDays = agreedDaysOf(draft);
  const due = dueSections(daysDelivered, agreedDays);
  const sections = SECTION_NUMBERS.map((section) => {
    const { complete, missing } = sectionCompleteness(draft, section);
    return { section, title: sectionTitle(section), complete, due: due.includes(section), dueAfterDay: sectionDueAfterDay(section, agreedDays), missing };
  });
  const latestDay = draft.daysDeliveredLog.at(-1);
  return {
    daysDelivered,
    ...(latestDay === undefined ? {} : { latestDay }),
    sections,
    dueAndIncomplete: sections.filter((progress) => progress.due && !progress.complete).map((progress) => progress.section),
  };
}
