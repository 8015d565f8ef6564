/**
 * The deployment form's card buttons: a section filled in on one card, a delivered day, and the
 * supported school's confirmation or query of section 7. Each finds the form from the ids the
 * card carries and asks the policy, whoever pressed it.
 */
import { recipientNoun } from '../../domain/deploymentLifecycle/recipientNoun.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import type { Actor } from '../actor.js';
import {
  BANK_DETAILS_KEY_MISSING,
  DEPLOYMENT_VERBS,
  progressCard,
  savedLine,
  schoolConfirmationCard,
  sectionFormCard,
  supportedName,
} from '../../cards/deploymentCards.js';
import { sealBankDetails } from '../../domain/deployment/draft.js';
import { fieldsOf, setField, type DeploymentDraft, type FieldValue, type SectionNumber } from '../../domain/deployment/form.js';
import { whoFillsIn } from '../../domain/deployment/navigation.js';
import { applySectionAnswers, readBankDetailsAnswers } from '../../domain/deployment/sectionAnswers.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { verb, type CardVerb, type CardVerbResult } from '../journey.js';
import { FormRefSchema, QuerySchema, SaveSectionSchema, SectionCardSchema, SendSchema, type FormRefData, type QueryData } from './cardData.js';
import { DEPLOYMENT_JOURNEY, londonDate, refOf, resourceOf, type DeploymentContext } from './context.js';
import { recordDay, sendToSchool } from './formActions.js';

const NOT_FOUND: CardVerbResult = { kind: 'refused', text: 'I cannot find that deployment form: it may have been deleted. Say "deployment form" to see your forms.' };

const refused = (text: string): CardVerbResult => ({ kind: 'refused', text });

/** What a card sent for each question, as text, to show again beside the problems. */
function typedValues(section: SectionNumber, data: Readonly<Record<string, unknown>>): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const field of fieldsOf(section)) {
    const value = data[field.name];
    if (typeof value === 'string' || typeof value === 'number') typed[field.name] = String(value);
  }
  return typed;
}

export function deploymentVerbs(context: DeploymentContext): CardVerb[] {
  const find = (data: FormRefData) => context.forms.get(data.ownerAadObjectId, data.draftId);
  const save = (record: DeploymentFormRecord, change: (current: DeploymentFormRecord) => DeploymentFormRecord | undefined) =>
    context.forms.update(record.draft.ownerAadObjectId, record.draft.id, context.deps.now(), change);

  /** The system leader's own form, or the reason they cannot change it. */
  const editable = async (data: FormRefData, actor: Actor, section?: SectionNumber): Promise<DeploymentFormRecord | CardVerbResult> => {
    const record = await find(data);
    if (record === undefined) return NOT_FOUND;
    const decision = decide(actor, 'deployment.edit', resourceOf(record));
    if (!decision.allowed) return refused(refusalText(decision));
    switch (section === undefined ? 'systemLeader' : whoFillsIn(section, context.bankDetailsKey !== undefined)) {
      case 'supportedSchool': {
        const school = decide(actor, 'deployment.confirmSection7', resourceOf(record));
        return refused(school.allowed ? 'Section 7 is confirmed on the card the school or trust was sent.' : refusalText(school));
      }
      case 'nobodyUntilBankDetailsKeySet':
        return refused(BANK_DETAILS_KEY_MISSING);
      case 'systemLeader':
        return record;
    }
  };
  const isRecord = (found: DeploymentFormRecord | CardVerbResult): found is DeploymentFormRecord => 'draft' in found;

  const saveSection: CardVerb<typeof SaveSectionSchema> = {
    verb: DEPLOYMENT_VERBS.saveSection,
    data: SaveSectionSchema,
    handle: async (_turn, data, actor) => {
      const { section } = data;
      const found = await editable(data, actor, section);
      if (!isRecord(found)) return found;
      const view = { ref: refOf(found), section, today: context.today() };

      if (section === 5) {
        const details = readBankDetailsAnswers(data);
        if (!details.ok) return { kind: 'card', card: sectionFormCard({ ...view, draft: found.draft, problems: details.errors }) };
        const key = context.bankDetailsKey as Buffer;
        const saved = await save(found, (current) => ({ ...current, draft: sealBankDetails(current.draft, details.value, key) }));
        if (saved === undefined) return NOT_FOUND;
        const masked = saved.draft.sections[5].masked;
        const line = masked === undefined ? 'Saved.' : `Saved, encrypted. I will only ever show them masked: sort code ${masked.sortCode}, account number ${masked.accountNumber}.`;
        return { kind: 'card', card: sectionFormCard({ ...view, draft: saved.draft, saved: line }), answers: DEPLOYMENT_JOURNEY };
      }

      let problems: string[] = [];
      const saved = await save(found, (current) => {
        const applied = applySectionAnswers(current.draft, section as Exclude<SectionNumber, 5 | 7>, data, context.today());
        problems = applied.ok ? [] : applied.errors;
        return applied.ok ? { ...current, draft: applied.value } : undefined;
      });
      if (saved === undefined) return NOT_FOUND;
      if (problems.length > 0) return { kind: 'card', card: sectionFormCard({ ...view, draft: saved.draft, typed: typedValues(section, data), problems }) };
      return { kind: 'card', card: sectionFormCard({ ...view, draft: saved.draft, saved: savedLine(saved.draft, section) }), answers: DEPLOYMENT_JOURNEY };
    },
  };

  const sectionCard: CardVerb<typeof SectionCardSchema> = {
    verb: DEPLOYMENT_VERBS.sectionCard,
    data: SectionCardSchema,
    handle: async (_turn, data, actor) => {
      const found = await editable(data, actor, data.section);
      if (!isRecord(found)) return found;
      return {
        kind: 'card',
        card: sectionFormCard({
          ref: refOf(found),
          draft: found.draft,
          section: data.section,
          today: context.today(),
          bankDetailsKeyMissing: context.bankDetailsKey === undefined,
        }),
      };
    },
  };

  const recordDayVerb: CardVerb<typeof FormRefSchema> = {
    verb: DEPLOYMENT_VERBS.recordDay,
    data: FormRefSchema,
    handle: async (_turn, data, actor) => {
      const found = await find(data);
      if (found === undefined) return NOT_FOUND;
      const recorded = await recordDay(context, actor, found, undefined);
      if (!recorded.ok) return refused(recorded.errors.join(' '));
      const { record, notice } = recorded.value;
      return { kind: 'card', card: progressCard({ ref: refOf(record), draft: record.draft, sentToSchool: record.schoolRequest !== undefined, notice }) };
    },
  };

  /** The school's answer to section 7: recorded on the form, and the system leader told. */
  const answerSection7 = async (data: QueryData, actor: Actor, outcome: 'confirmed' | 'queried'): Promise<CardVerbResult> => {
    const found = await find(data);
    if (found === undefined) return NOT_FOUND;
    const decision = decide(actor, 'deployment.confirmSection7', resourceOf(found));
    if (!decision.allowed) return refused(refusalText(decision));
    if (found.schoolRequest === undefined) return refused('This form has not been sent to you to confirm yet: the system leader sends it once the work is done.');
    const cardOf = (draft: DeploymentDraft, problems: readonly string[] = []) =>
      ({ kind: 'card', card: schoolConfirmationCard({ ref: refOf(found), draft, problems, londonDate }) }) as const;
    if (found.draft.sections[7].outcome !== undefined) return cardOf(found.draft);
    const queryText = (data.queryNote ?? '').trim();
    if (outcome === 'queried' && queryText === '') return cardOf(found.draft, ['Say briefly what you query in the box, then press "Query it" again.']);

    const now = context.deps.now();
    const role = found.draft.sections[1].recipientKind === 'trust' ? 'trust_ceo' : 'headteacher';
    // A SIT administrator answers only for the people it was sent to, and the form says so.
    const actingFor = actor.isSitAdmin && !found.schoolRequest.confirmerAadObjectIds.includes(actor.aadObjectId);
    const answers: [string, FieldValue][] = [
      ['confirmedByName', actingFor ? `${actor.name} (School Improvement Team, for the ${role === 'headteacher' ? 'headteacher' : 'trust CEO'})` : (actor.profile?.name ?? actor.name)],
      ['confirmedByRole', role],
      ['confirmedByAadObjectId', actor.aadObjectId],
      ['outcome', outcome],
      ...(outcome === 'queried' ? [['queryText', queryText] as [string, FieldValue]] : []),
      ['at', now.toISOString()],
    ];
    let alreadyAnswered = false;
    const saved = await save(found, (current) => {
      alreadyAnswered = current.draft.sections[7].outcome !== undefined;
      if (alreadyAnswered) return undefined;
      return { ...current, draft: answers.reduce((draft, [field, value]) => setField(draft, 7, field, value), current.draft) };
    });
    if (saved === undefined) return NOT_FOUND;
    if (alreadyAnswered) return cardOf(saved.draft);

    const noun = recipientNoun({ kind: saved.draft.sections[1].recipientKind });
    const who = escapeMarkdown(saved.draft.sections[7].confirmedByName ?? `The ${noun}`);
    const name = supportedName(saved.draft);
    const message =
      outcome === 'confirmed'
        ? `${who} has confirmed the work reported in your deployment form for ${name}, so section 7 is done. Say "go to section 8" to finish and submit the form.`
        : `${who} has queried the work reported in your deployment form for ${name}: "${escapeMarkdown(queryText)}". Please talk to them, correct the form if it needs it, then say "send to ${noun}" to send it again.`;
    try {
      const delivery = await context.deps.proactive.sendToPerson(saved.draft.ownerAadObjectId, { type: 'message', text: message });
      if (delivery !== 'sent') context.deps.logger.warn({ draftId: saved.draft.id, delivery }, 'could not tell the system leader about section 7');
    } catch (error) {
      context.deps.logger.error({ draftId: saved.draft.id, err: (error as Error).message }, 'could not tell the system leader about section 7');
    }
    return cardOf(saved.draft);
  };

  const confirm: CardVerb<typeof FormRefSchema> = {
    verb: DEPLOYMENT_VERBS.confirm,
    data: FormRefSchema,
    handle: (_turn, data, actor) => answerSection7(data, actor, 'confirmed'),
  };

  const query: CardVerb<typeof QuerySchema> = {
    verb: DEPLOYMENT_VERBS.query,
    data: QuerySchema,
    handle: (_turn, data, actor) => answerSection7(data, actor, 'queried'),
  };

  const send: CardVerb<typeof SendSchema> = {
    verb: DEPLOYMENT_VERBS.sendToSchool,
    data: SendSchema,
    handle: async (_turn, data, actor) => {
      const found = await editable(data, actor);
      if (!isRecord(found)) return found;
      const said = await sendToSchool(context, actor, found, data.daysSeen);
      return typeof said === 'string' ? { kind: 'message', text: said } : { kind: 'card', card: said };
    },
  };

  return [verb(saveSection), verb(sectionCard), verb(recordDayVerb), verb(confirm), verb(query), verb(send)];
}
