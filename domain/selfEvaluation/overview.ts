import type { Urn } from '../directory/types.js';
import { fail, ok, type Result } from '../result.js';
import type { QuestionSet } from './questions.js';
import { latestSnapshot, statusOf, type Person, type SelfEvaluation, type Status } from './record.js';

/**
 * What the SIT sees across schools: how far each liaison group's schools have gone, where
 * schools stand on each strand, and the Disadvantaged Strategy Review visits. Source 000 says the
 * self-evaluation is "to be complete prior to the visit"; the visit's date is the SIT's to set,
 * and what counts as overdue is the council's own reading (below).
 */

export interface GroupCounts {
  /** undefined for schools in no liaison group. */
  readonly liaisonGroupId: string | undefined;
  readonly started: number;
  readonly submitted: number;
  readonly reviewed: number;
}

/**
 * Per liaison group, how many of its schools' self-evaluations are started (a draft under way),
 * submitted and waiting, and reviewed; every group listed, in the order given, those with none too.
 */
export function countsByGroup(records: readonly SelfEvaluation[], groupOf: (urn: Urn) => string | undefined, groupIds: readonly string[]): GroupCounts[] {
  const counts = new Map<string | undefined, Record<Status, number>>(groupIds.map((id) => [id, { 'not started': 0, started: 0, submitted: 0, reviewed: 0 }]));
  for (const record of records) {
    const group = groupOf(record.urn);
    const known = group !== undefined && counts.has(group) ? group : undefined;
    const row = counts.get(known) ?? { 'not started': 0, started: 0, submitted: 0, reviewed: 0 };
    row[statusOf(record)] += 1;
    counts.set(known, row);
  }
  return [...counts].map(([liaisonGroupId, row]) => ({ liaisonGroupId, started: row.started, submitted: row.submitted, reviewed: row.reviewed }));
}

export interface StrandCounts {
  readonly strand: string;
  /** By step id: how many answers (a school's key issue in the strand) are at that step. */
  readonly steps: Readonly<Record<string, number>>;
  /** How many schools' latest self-evaluations are counted. */
  readonly schools: number;
}

/** For each strand, where the schools' latest submitted self-evaluations put its key issues, step by step. */
export function countsByStrand(set: QuestionSet, records: readonly SelfEvaluation[]): StrandCounts[] {
  const latest = records.flatMap((record) => latestSnapshot(record) ?? []);
  return set.strands.map((strand) => {
    const issues = set.keyIssues.filter((issue) => issue.strand === strand.id);
    const steps = Object.fromEntries(set.scale.steps.map((step) => [step.id, 0]));
    for (const snapshot of latest) {
      for (const issue of issues) {
        const step = snapshot.answers[String(issue.number)]?.step;
        if (step !== undefined && step in steps) steps[step] = (steps[step] ?? 0) + 1;
      }
    }
    return { strand: strand.id, steps, schools: latest.length };
  });
}

/**
 * A review visit's state (the council's own reading): overdue once its date has passed without
 * the adviser marking a self-evaluation reviewed since the visit was set; done once they have;
 * coming otherwise (with the school's status, so the SIT sees who has not submitted yet).
 */
export type VisitState = 'overdue' | 'coming' | 'done';

export interface ReviewVisit {
  readonly urn: Urn;
  readonly date: string;
  readonly state: VisitState;
  readonly status: Status;
}

const VISIT_ORDER: Record<VisitState, number> = { overdue: 0, coming: 1, done: 2 };

/** Every school's review visit: overdue first (longest overdue first), then those coming (soonest first), then those done. */
export function reviewVisits(records: readonly SelfEvaluation[], today: string): ReviewVisit[] {
  return records
    .flatMap((record) => {
      if (!record.reviewVisit) return [];
      const { date, setAt } = record.reviewVisit;
      const reviewedAt = latestSnapshot(record)?.reviewed?.at;
      const state: VisitState = date >= today ? 'coming' : reviewedAt !== undefined && reviewedAt >= setAt ? 'done' : 'overdue';
      return [{ urn: record.urn, date, state, status: statusOf(record) }];
    })
    .sort((a, b) => VISIT_ORDER[a.state] - VISIT_ORDER[b.state] || (a.state === 'done' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)) || a.urn.localeCompare(b.urn));
}

/** Sets (or moves) a school's review visit. */
export function setReviewVisit(record: SelfEvaluation, date: string, by: Person, now: Date): SelfEvaluation {
  if (record.reviewVisit?.date === date) return record;
  return { ...record, reviewVisit: { date, setBy: by, setAt: now.toISOString() } };
}

/** Takes away a school's review visit, for one called off or set by mistake. */
export function clearReviewVisit(record: SelfEvaluation): Result<SelfEvaluation> {
  if (!record.reviewVisit) return fail('That school has no review visit set, so there is nothing to clear.');
  return ok({ ...record, reviewVisit: undefined });
}

/** A school's latest self-evaluation, as the SIT's "submitted since you last looked" lists it. */
export interface Submission {
  readonly urn: Urn;
  readonly term: string;
  readonly submittedAt: string;
  readonly submittedBy: Person;
  readonly reviewed: boolean;
}

/**
 * What the SIT has not seen yet (the council's own reading, as the SIT has no channel of its own
 * to be told in): the latest self-evaluations submitted after the person last looked, oldest
 * first; on their first look, those waiting for review.
 */
export function submittedSince(records: readonly SelfEvaluation[], since: string | undefined): Submission[] {
  return records
    .flatMap((record) => {
      const latest = latestSnapshot(record);
      if (!latest || (since === undefined ? latest.reviewed !== undefined : latest.submittedAt <= since)) return [];
      return [{ urn: record.urn, term: latest.term, submittedAt: latest.submittedAt, submittedBy: latest.submittedBy, reviewed: latest.reviewed !== undefined }];
    })
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.urn.localeCompare(b.urn));
}
