import { z } from 'zod';
import { UrnSchema, type LiaisonGroup } from '../directory/types.js';
import { isValidInstant, londonDateOf } from '../time/londonTime.js';
import { issueMessages, PersonSchema, SchoolUrnSchema, type Person } from '../attendance/userInput.js';
import { fail, ok, type Result } from '../result.js';
import { formatLongDate } from '../tsi/academicYear.js';
import {
  ChampionNameSchema,
  ChampionRoleNoteSchema,
  ChampionRoleSchema,
  CHOICE_LABELS,
  CHOICES,
  backToDraft,
  GapEvidenceSchema,
  isDecided,
  NewerInspectionSchema,
  type Choice,
  type Criteria,
  type Nomination,
  type SchoolsByUrn,
} from './nomination.js';

/*
 * Members of a liaison group edit the nomination together, often at the same moment. Each
 * edit changes ONE field, so a handler that loses an eTag race re-reads the record and
 * re-applies just that edit (updateRecord does this): two members changing different
 * fields both keep their change. `null` clears a field.
 *
 * `forUrn` (optional) is the school a member was looking at when answering: if someone
 * else has changed that choice's school meanwhile, the answer is refused rather than
 * landing on a school it was not given for.
 */

const ChoiceNameSchema = z.enum(CHOICES, { error: 'say which choice the change is for: first or second' });
const aboutChoice = { choice: ChoiceNameSchema, forUrn: UrnSchema.optional() };

export const NominationEditSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('set_school'), choice: ChoiceNameSchema, urn: SchoolUrnSchema.nullable() }),
    z.object({ kind: z.literal('set_champion_name'), ...aboutChoice, name: ChampionNameSchema.nullable() }),
    z.object({ kind: z.literal('set_champion_role'), ...aboutChoice, role: ChampionRoleSchema.nullable() }),
    z.object({ kind: z.literal('set_champion_role_note'), ...aboutChoice, note: ChampionRoleNoteSchema.nullable() }),
    z.object({ kind: z.literal('set_not_inadequate'), ...aboutChoice, confirmed: z.boolean({ error: 'answer yes or no' }).nullable() }),
    z.object({ kind: z.literal('set_newer_inspection'), ...aboutChoice, inspection: NewerInspectionSchema.nullable() }),
    z.object({ kind: z.literal('set_stable_slt'), ...aboutChoice, stableSlt: z.boolean({ error: 'answer yes or no' }).nullable() }),
    z.object({ kind: z.literal('set_gap_evidence'), ...aboutChoice, text: GapEvidenceSchema.nullable() }),
  ],
  { error: 'the change to the nomination was not understood' },
);
export type NominationEdit = z.infer<typeof NominationEditSchema>;

export interface EditContext {
  readonly schoolsByUrn: SchoolsByUrn;
  readonly group: LiaisonGroup;
  readonly now: Date;
  readonly by: Person;
}

type Change = { ok: true; choice: Choice; field: string } | { ok: false; errors: string[] };

function withCriteria(choice: Choice, criteria: Criteria): Choice {
  return { ...choice, criteria };
}

function changeChoice(choice: Choice, edit: NominationEdit, context: EditContext): Change {
  const field = (path: string) => `${edit.choice}.${path}`;
  switch (edit.kind) {
    case 'set_school': {
      if (edit.urn === null) return { ok: true, choice: { champion: {}, criteria: {} }, field: field('urn') };
      const school = context.schoolsByUrn.get(edit.urn);
      if (!school) return { ok: false, errors: [`There is no school with URN ${edit.urn} in the directory.`] };
      if (school.liaisonGroupId !== context.group.id) {
        return { ok: false, errors: [`${school.name} is not in the ${context.group.name} liaison group, so it cannot represent it.`] };
      }
      if (edit.urn === choice.urn) return { ok: true, choice, field: field('urn') };
      // Answers given before any school was chosen are for the school chosen now, so they stay.
      if (choice.urn === undefined) return { ok: true, choice: { ...choice, urn: edit.urn }, field: field('urn') };
      // The champion and the answers were about the previous school, so they go with it (the card says so).
      return { ok: true, choice: { urn: edit.urn, champion: {}, criteria: {} }, field: field('urn') };
    }
    case 'set_champion_name':
      return { ok: true, choice: { ...choice, champion: { ...choice.champion, name: edit.name ?? undefined } }, field: field('champion.name') };
    case 'set_champion_role':
      return { ok: true, choice: { ...choice, champion: { ...choice.champion, role: edit.role ?? undefined } }, field: field('champion.role') };
    case 'set_champion_role_note':
      return { ok: true, choice: { ...choice, champion: { ...choice.champion, roleNote: edit.note ?? undefined } }, field: field('champion.roleNote') };
    case 'set_not_inadequate': {
      const current = choice.criteria.notInadequate;
      const notInadequate =
        edit.confirmed === null ? undefined : edit.confirmed ? { confirmed: true, newerInspection: current?.newerInspection } : { confirmed: false };
      return { ok: true, choice: withCriteria(choice, { ...choice.criteria, notInadequate }), field: field('criteria.notInadequate') };
    }
    case 'set_newer_inspection': {
      const inspection = edit.inspection;
      if (inspection && inspection.date > londonDateOf(context.now)) {
        return { ok: false, errors: [`The inspection date ${formatLongDate(inspection.date)} is in the future.`] };
      }
      const current = choice.criteria.notInadequate;
      // Stating a newer inspection answers the question: not inadequate unless it says so.
      const notInadequate = inspection
        ? { confirmed: inspection.grade !== 'inadequate', newerInspection: inspection }
        : current && { confirmed: current.confirmed };
      return { ok: true, choice: withCriteria(choice, { ...choice.criteria, notInadequate }), field: field('criteria.notInadequate.newerInspection') };
    }
    case 'set_stable_slt':
      return { ok: true, choice: withCriteria(choice, { ...choice.criteria, stableSlt: edit.stableSlt ?? undefined }), field: field('criteria.stableSlt') };
    case 'set_gap_evidence':
      return { ok: true, choice: withCriteria(choice, { ...choice.criteria, gapEvidence: edit.text ?? undefined }), field: field('criteria.gapEvidence') };
  }
}

/** Whether two values hold the same answers; fields set to undefined count as absent, as they are once stored. */
function sameAnswers(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies one member's change to the nomination. Pure, and a function of the nomination it
 * is given only, so it can be re-applied to a freshly read record after a conflict. A change
 * that changes nothing returns the nomination as it was (a submitted one stays submitted).
 */
export function applyEdit(nomination: Nomination, edit: unknown, context: EditContext): Result<Nomination> {
  if (!isValidInstant(context.now)) return fail('The time now is not known, so nothing was changed. Please try again.');
  const by = PersonSchema.safeParse(context.by);
  if (!by.success) return fail(...issueMessages(by.error));
  const parsed = NominationEditSchema.safeParse(edit);
  if (!parsed.success) return fail(...issueMessages(parsed.error));
  if (nomination.groupId !== context.group.id) return fail(`This nomination belongs to another liaison group, not ${context.group.name}.`);
  if (isDecided(nomination)) {
    return fail('The School Improvement Team has already decided on this nomination, so it can no longer be changed.');
  }

  const change = parsed.data;
  const choice = nomination[change.choice];
  if (change.kind !== 'set_school' && change.forUrn !== undefined && change.forUrn !== choice.urn) {
    const now = choice.urn === undefined ? 'no school' : (context.schoolsByUrn.get(choice.urn)?.name ?? `URN ${choice.urn}`);
    return fail(`${CHOICE_LABELS[change.choice]} was changed to ${now} by someone else while you were answering, so your answer was not saved. Please check it and answer again.`);
  }
  const changed = changeChoice(choice, change, context);
  if (!changed.ok) return fail(...changed.errors);
  if (sameAnswers(changed.choice, choice)) return ok(nomination);

  let editedFields = { ...nomination.editedFields, [changed.field]: { by: by.data, at: context.now.toISOString() } };
  if (change.kind === 'set_school') {
    const cleared = [`${change.choice}.champion.`, `${change.choice}.criteria.`];
    editedFields = Object.fromEntries(Object.entries(editedFields).filter(([path]) => !cleared.some((prefix) => path.startsWith(prefix))));
  }
  const edited: Nomination = { ...nomination, [change.choice]: changed.choice, editedFields };
  if (nomination.status !== 'submitted') return ok(edited);

  return ok(backToDraft(edited, nomination));
}
