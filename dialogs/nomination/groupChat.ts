import { type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import { nominationHistoryCard, NOMINATION_VERBS, sharedNominationCard, type NominationNotice } from '../../cards/nominationCards.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { LiaisonGroupSchema } from '../../domain/directory/types.js';
import { checkNomination } from '../../domain/nomination/check.js';
import { BENEFITS, COMMITMENTS } from '../../domain/nomination/commitments.js';
import { applyEdit, type NominationEdit } from '../../domain/nomination/edit.js';
import { CHOICE_LABELS, CHOICES, type Choice, type ChoiceName, type Nomination } from '../../domain/nomination/nomination.js';
import { editsFromSection, LONGEST_SECTION_ANSWER, SECTION_FIELDS, SectionAnswersSchema, type SectionAnswers } from '../../domain/nomination/sectionEdits.js';
import { notReadyReasons, submitNomination } from '../../domain/nomination/submit.js';
import { ok, type Result } from '../../domain/result.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { NO_NOMINATION, type NominationRecord } from '../../storage/nominationRepository.js';
import type { CardVerb, CardVerbResult, Command } from '../journey.js';
import { phrases, verb } from '../journey.js';
import { GROUP_GONE, groupSchools, oneStepDialog, personOf, schoolsNamedBy, teamsUserIdOf, UNLINKED_CHAT, type GroupSchools, type NominationContext } from './services.js';
import { listed } from '../../domain/text.js';
import { cardActivity } from '../cardActivity.js';

export const POST_DIALOG = 'nomination.post';
export const HISTORY_DIALOG = 'nomination.history';

const GroupIdSchema = LiaisonGroupSchema.shape.id;

/**
 * The fields a section's inputs send, by input id (`first_championName`, `second_gapEvidence`, …),
 * and `school_urn`: the card lists the group's schools once, in one picker for both choices.
 */
const SECTION_INPUTS = {
  ...Object.fromEntries(
    CHOICES.flatMap((choice) =>
      SECTION_FIELDS.filter((field) => field !== 'urn').map((field) => [`${choice}_${field}`, z.string().max(LONGEST_SECTION_ANSWER).optional()]),
    ),
  ),
  school_urn: z.string().max(LONGEST_SECTION_ANSWER).optional(),
};

const RefreshData = z.looseObject({ groupId: GroupIdSchema });
/**
 * `part` says which button was pressed: a "Make it the … choice" button sets the school only, a
 * section's save button its answers only. Teams sends every input of the card with either (the
 * school picker too), so the other part's inputs must not count. Without `part`, both count.
 */
const SaveData = z.looseObject({ groupId: GroupIdSchema, choice: z.enum(CHOICES), part: z.enum(['school', 'answers']).optional(), shown: SectionAnswersSchema.optional(), ...SECTION_INPUTS });
const SubmitData = z.looseObject({ groupId: GroupIdSchema, commitmentsSeen: z.string().max(10).optional() });

/** What one section's inputs hold, from a save button's data: the pressed button's part only (the other part as the card showed it). */
function sentSection(data: Record<string, unknown> & { part?: 'school' | 'answers' | undefined; shown?: Partial<SectionAnswers> | undefined }, choice: ChoiceName): Partial<SectionAnswers> {
  const sent: Partial<Record<keyof SectionAnswers, string>> = {};
  for (const field of SECTION_FIELDS) {
    const counts = data.part === undefined || (data.part === 'school') === (field === 'urn');
    const value = counts ? data[field === 'urn' ? 'school_urn' : `${choice}_${field}`] : data.shown?.[field];
    if (typeof value === 'string') sent[field] = value;
  }
  return sent;
}

/** Applies a member's edits in order; the first refused refuses them all. */
function applyEdits(nomination: Nomination, edits: readonly NominationEdit[], context: Parameters<typeof applyEdit>[2]): Result<Nomination> {
  let current = nomination;
  for (const edit of edits) {
    const result = applyEdit(current, edit, context);
    if (!result.ok) return result;
    current = result.value;
  }
  return ok(current);
}

/** The school whose champion and answers a change of school cleared, if it cleared any. */
function answersClearedFor(before: Choice, after: Choice): string | undefined {
  if (before.urn === undefined || before.urn === after.urn) return undefined;
  const answered = (choice: Choice) => Object.values(choice.champion).some((value) => value !== undefined) || Object.values(choice.criteria).some((value) => value !== undefined);
  return answered(before) && !answered(after) ? before.urn : undefined;
}

const FIELD_WORDS: Record<NominationEdit['kind'], string> = {
  set_school: 'the school',
  set_champion_name: "the champion's name",
  set_champion_role: "the champion's role",
  set_champion_role_note: "the champion's role",
  set_not_inadequate: 'the Ofsted answer',
  set_newer_inspection: 'the newer inspection',
  set_stable_slt: 'the senior leadership answer',
  set_gap_evidence: 'the note of the gap',
};

export function groupChatParts(context: NominationContext): { dialogs: ReturnType<typeof oneStepDialog>[]; commands: Command[]; verbs: CardVerb[] } {
  const { repository, deps: { directory, now, logger } } = context;

  async function sharedCard(record: NominationRecord, schools: GroupSchools, notice?: NominationNotice): Promise<AdaptiveCard> {
    const schoolsByUrn = await schoolsNamedBy(directory, [record.nomination], schools.schools);
    return sharedNominationCard({
      group: schools.group,
      nomination: record.nomination,
      groupSchools: schools.schools,
      schoolsByUrn,
      check: checkNomination(record.nomination, { group: schools.group, schoolsByUrn }),
      commitments: COMMITMENTS,
      benefits: BENEFITS,
      today: londonDateOf(now()),
      actedBy: record.actedBy,
      notice,
    });
  }

  /** The group's card as it stands, with a notice; for a change that was refused or did nothing. */
  async function currentCard(groupId: string, schools: GroupSchools, notice: NominationNotice): Promise<CardVerbResult> {
    const record = await repository.get(groupId);
    if (!record) return { kind: 'refused', text: NO_NOMINATION };
    return { kind: 'card', card: await sharedCard(record, schools, notice) };
  }

  /** What the group's card lists as keeping the nomination from being submitted (the card shows the check). */
  async function notReadyOnCard(groupId: string, schools: GroupSchools): Promise<string[]> {
    const record = await repository.get(groupId);
    if (!record) return [];
    const schoolsByUrn = await schoolsNamedBy(directory, [record.nomination], schools.schools);
    return notReadyReasons(checkNomination(record.nomination, { group: schools.group, schoolsByUrn }));
  }

  /** Who may act on the group's card, and the group with its schools. */
  async function allowed(actor: Actor, action: 'nomination.view' | 'nomination.edit' | 'nomination.submit', groupId: string): Promise<GroupSchools | string> {
    const where = decide(actor, 'nomination.view', { liaisonGroupId: groupId });
    if (!where.allowed) return refusalText(where);
    const record = await repository.get(groupId);
    const schools = await groupSchools(directory, groupId, record?.nomination);
    if (!schools) return GROUP_GONE;
    if (action !== 'nomination.view') {
      const decision = decide(actor, action, { liaisonGroupId: groupId, schoolUrns: schools.schools.map((school) => school.urn) });
      if (!decision.allowed) return refusalText(decision);
    }
    return schools;
  }

  /** The chat's liaison group with its schools, or undefined after telling the chat why not. */
  async function viewableGroup(context: TurnContext, actor: Actor): Promise<GroupSchools | undefined> {
    const groupId = actor.conversation.liaisonGroupId;
    if (groupId === undefined) {
      await context.sendActivity(UNLINKED_CHAT);
      return undefined;
    }
    const schools = await allowed(actor, 'nomination.view', groupId);
    if (typeof schools === 'string') {
      await context.sendActivity(schools);
      return undefined;
    }
    return schools;
  }

  async function postCard(context: TurnContext): Promise<void> {
    const actor = actorOf(context);
    const schools = await viewableGroup(context, actor);
    if (!schools) return;
    const groupId = schools.group.id;
    // Where the SIT's decision is announced moves only with the group's link (which only the SIT changes once set).
    const noticesTo = (await repository.get(groupId))?.conversationId;
    const earlierChatStillLinked = noticesTo !== undefined && noticesTo !== actor.conversation.id && (await directory.groupOfConversation(noticesTo)) === groupId;
    const { record, created, noticesElsewhere } = await repository.openInChat(groupId, actor.conversation.id, teamsUserIdOf(context), {
      moveNotices: !earlierChatStillLinked || decide(actor, 'chatLink.change', { liaisonGroupId: groupId }).allowed,
      aadObjectId: actor.aadObjectId,
    });
    const lines = [
      ...(created ? [] : [`This is ${schools.group.name}'s one nomination, brought back to the bottom of the chat: carry on where you left off.`]),
      ...(noticesElsewhere
        ? [`${schools.group.name}'s notices (the School Improvement Team's decision) still go to the group's earlier chat: only the School Improvement Team can move them here.`]
        : []),
    ];
    const notice: NominationNotice | undefined = lines.length === 0 ? undefined : { lines, style: 'default' };
    await context.sendActivity(cardActivity(await sharedCard(record, schools, notice)));
  }

  async function showHistory(context: TurnContext): Promise<void> {
    const actor = actorOf(context);
    const schools = await viewableGroup(context, actor);
    if (!schools) return;
    const groupId = schools.group.id;
    const record = await repository.get(groupId);
    const card = nominationHistoryCard({ group: schools.group, nomination: record?.nomination, schoolsByUrn: schools.schoolsByUrn });
    await context.sendActivity(cardActivity(card));
  }

  const refresh: CardVerb<typeof RefreshData> = {
    verb: NOMINATION_VERBS.refresh,
    data: RefreshData,
    async handle(_context, data, actor) {
      const schools = await allowed(actor, 'nomination.view', data.groupId);
      if (typeof schools === 'string') return { kind: 'refused', text: schools };
      const record = await repository.get(data.groupId);
      if (!record) return { kind: 'refused', text: NO_NOMINATION };
      return { kind: 'card', card: await sharedCard(record, schools) };
    },
  };

  const save: CardVerb<typeof SaveData> = {
    verb: NOMINATION_VERBS.save,
    data: SaveData,
    async handle(context, data, actor) {
      const schools = await allowed(actor, 'nomination.edit', data.groupId);
      if (typeof schools === 'string') return { kind: 'refused', text: schools };
      const label = CHOICE_LABELS[data.choice];
      const edits = editsFromSection(data.choice, data.shown ?? {}, sentSection(data, data.choice), { name: schools.group.name, schools: schools.schools });
      if (!edits.ok) return currentCard(data.groupId, schools, { lines: ['Nothing was saved:', ...edits.errors], style: 'attention' });
      if (edits.value.length === 0) {
        return currentCard(data.groupId, schools, { lines: [`Nothing had changed in the ${label.toLowerCase()}, so there was nothing to save.`], style: 'default' });
      }
      const editContext = { schoolsByUrn: schools.schoolsByUrn, group: schools.group, now: now(), by: personOf(actor) };
      let wasSubmitted = false;
      let clearedFor: string | undefined;
      const saved = await repository.change(
        data.groupId,
        (nomination) => {
          wasSubmitted = nomination.status === 'submitted';
          const result = applyEdits(nomination, edits.value, editContext);
          clearedFor = result.ok ? answersClearedFor(nomination[data.choice], result.value[data.choice]) : undefined;
          return result;
        },
        teamsUserIdOf(context),
      );
      if (!saved.ok) return currentCard(data.groupId, schools, { lines: ['Nothing was saved:', ...saved.errors], style: 'attention' });
      const { record, retried, changed } = saved.value;
      logger.info({ verb: NOMINATION_VERBS.save, edits: edits.value.length, retried }, 'nomination edited');
      const lines = [
        changed
          ? `${escapeMarkdown(actor.name)} saved ${listed([...new Set(edits.value.map((edit) => FIELD_WORDS[edit.kind]))])} for the ${label.toLowerCase()}.`
          : `Nothing had changed in the ${label.toLowerCase()}, so there was nothing to save.`,
      ];
      if (retried) lines.push('Someone else saved a change at the same moment: both changes are kept, as shown below.');
      if (clearedFor !== undefined) {
        const earlier = schools.schoolsByUrn.get(clearedFor)?.name ?? `URN ${clearedFor}`;
        lines.push(`The champion and the answers given for ${earlier} were cleared, because they were about that school: give them again for the school chosen now.`);
      }
      if (changed && wasSubmitted && record.nomination.status === 'draft') {
        lines.push('The nomination had been submitted, so it is a draft again now: submit it again when it is ready. The earlier submission is kept in the history.');
      }
      return { kind: 'card', card: await sharedCard(record, schools, { lines, style: 'good' }) };
    },
  };

  const submit: CardVerb<typeof SubmitData> = {
    verb: NOMINATION_VERBS.submit,
    data: SubmitData,
    async handle(context, data, actor) {
      const schools = await allowed(actor, 'nomination.submit', data.groupId);
      if (typeof schools === 'string') return { kind: 'refused', text: schools };
      const submitContext = {
        by: personOf(actor),
        now: now(),
        commitmentsConfirmed: data.commitmentsSeen === 'true',
        group: schools.group,
        schoolsByUrn: schools.schoolsByUrn,
      };
      let replaced: string | undefined;
      const saved = await repository.change(
        data.groupId,
        (nomination) => {
          replaced = nomination.status === 'submitted' ? nomination.submittedAt : nomination.history.at(-1)?.submittedAt;
          return submitNomination(nomination, submitContext);
        },
        teamsUserIdOf(context),
      );
      if (!saved.ok) {
        // The card lists what to put right and what is still to answer: the notice says so once, rather than list them again.
        const onCard = new Set(await notReadyOnCard(data.groupId, schools));
        const elsewhere = saved.errors.filter((error) => !onCard.has(error));
        const lines = ['The nomination was not submitted:', ...elsewhere];
        if (elsewhere.length < saved.errors.length) lines.push('Put right and answer what the card lists below, then submit again.');
        return currentCard(data.groupId, schools, { lines, style: 'attention' });
      }
      const lines = [`${escapeMarkdown(actor.name)} submitted the nomination. Thank you: the School Improvement Team will review it and tell this chat its decision.`];
      if (replaced !== undefined) {
        lines.push(`It replaces the submission of ${formatLongDate(londonDateOf(new Date(replaced)))}, which is kept: mention me with "nomination history" to see it.`);
      }
      logger.info({ verb: NOMINATION_VERBS.submit, replaced: replaced !== undefined }, 'nomination submitted');
      return { kind: 'card', card: await sharedCard(saved.value.record, schools, { lines, style: 'good' }) };
    },
  };

  const groupScopes = ['groupChat', 'channel'] as const;
  const commands: Command[] = [
    {
      summary: {
        title: 'Nominate a champion school',
        description: 'Post your liaison group’s Disadvantaged Champion School nomination, for everyone here to fill in together.',
        command: 'nominate',
        example: 'nominate',
      },
      scopes: groupScopes,
      match: phrases('nominate', 'nomination', 'champion nomination', 'champion school nomination', 'nominate a champion school', 'show nomination', 'show the nomination'),
      dialogId: POST_DIALOG,
    },
    {
      summary: {
        title: 'Nomination history',
        description: 'See every nomination your group has submitted, newest first.',
        command: 'nomination history',
        example: 'nomination history',
      },
      scopes: groupScopes,
      match: phrases('nomination history', 'show nomination history', 'earlier nominations'),
      dialogId: HISTORY_DIALOG,
      examples: ['past nominations', 'previous nominations', 'who did we nominate before'],
    },
  ];

  return {
    dialogs: [oneStepDialog(POST_DIALOG, postCard), oneStepDialog(HISTORY_DIALOG, showHistory)],
    commands,
    verbs: [verb(refresh), verb(save), verb(submit)],
  };
}
