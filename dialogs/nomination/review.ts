import { type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import { DECISION_TITLES, nominationReviewCard, nominationsExportCard, nominationsOverviewCard, NOMINATION_VERBS } from '../../cards/nominationCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { LiaisonGroupSchema } from '../../domain/directory/types.js';
import { checkNomination } from '../../domain/nomination/check.js';
import { CHOICES, DecisionSchema, type Decision, type Nomination, type SchoolsByUrn } from '../../domain/nomination/nomination.js';
import { selectNomination } from '../../domain/nomination/submit.js';
import { ok } from '../../domain/result.js';
import type { CardVerb, CardVerbResult, Command } from '../journey.js';
import { phrases, verb } from '../journey.js';
import { GROUP_GONE, oneStepDialog, personOf, schoolsNamedBy, type NominationContext } from './services.js';
import { cardActivity } from '../cardActivity.js';

export const OVERVIEW_DIALOG = 'nomination.overview';
export const EXPORT_DIALOG = 'nomination.export';

const GroupIdSchema = LiaisonGroupSchema.shape.id;
const OverviewData = z.looseObject({});
const ReviewData = z.looseObject({ groupId: GroupIdSchema });
// `confirmed` is absent or false on the first press: the card then asks to confirm before anything is done or anyone told.
const SelectData = z.looseObject({ groupId: GroupIdSchema, decision: DecisionSchema, confirmed: z.boolean().optional() });

/** What the group's chat is told of the SIT's decision. */
function decisionNotice(decision: Decision, nomination: Nomination, schoolsByUrn: SchoolsByUrn): string {
  const name = (urn: string | undefined) => (urn === undefined ? 'the school' : (schoolsByUrn.get(urn)?.name ?? `URN ${urn}`));
  switch (decision) {
    case 'selected':
      return `Good news: the School Improvement Team has selected ${name(nomination.first.urn)}, your first choice, as your liaison group’s Disadvantaged Champion School. Its headteacher can confirm the champion commitments by saying "champion commitments" in a personal chat with me.`;
    case 'reserve_selected':
      return `The School Improvement Team has selected ${name(nomination.second.urn)}, your second choice (reserve), as your liaison group’s Disadvantaged Champion School. Its headteacher can confirm the champion commitments by saying "champion commitments" in a personal chat with me.`;
    case 'not_selected':
      return 'The School Improvement Team has reviewed your Disadvantaged Champion School nomination and has not selected a champion school from it this time. Thank you for taking part: the team will be in touch about what happens next.';
  }
}

export function reviewParts(context: NominationContext): { dialogs: ReturnType<typeof oneStepDialog>[]; commands: Command[]; verbs: CardVerb[] } {
  const { repository, queries, deps: { directory, now, proactive, exports, logger } } = context;

  async function overviewCard(): Promise<AdaptiveCard> {
    const { groups, nominations, schoolsByUrn, coverage } = await queries.overview();
    const byGroup = new Map(nominations.map((nomination) => [nomination.groupId, nomination]));
    return nominationsOverviewCard({ coverage, schoolsByUrn, groups: groups.map((group) => ({ group, nomination: byGroup.get(group.id) })) });
  }

  async function reviewCard(groupId: string, notice?: { text: string; style: 'good' | 'attention' | 'default' }, confirming?: Decision): Promise<CardVerbResult> {
    const found = await queries.ofGroup(groupId);
    if (!found) return { kind: 'refused', text: GROUP_GONE };
    const { group, record, schoolsByUrn } = found;
    if (!record) return { kind: 'message', text: `${group.name} has not started a nomination yet.` };
    const { nomination } = record;
    const urns = CHOICES.map((choice) => nomination[choice].urn).filter((urn): urn is string => urn !== undefined);
    const confirmations = new Map((await Promise.all(urns.map((urn) => repository.commitmentsOf(urn)))).flatMap((found) => (found ? [[found.urn, found] as const] : [])));
    const card = nominationReviewCard({ group, nomination, schoolsByUrn, check: checkNomination(nomination, { group, schoolsByUrn }), confirmations, notice, confirming });
    return { kind: 'card', card };
  }

  function mayReview(actor: Actor): string | undefined {
    const decision = decide(actor, 'nomination.review', {});
    return decision.allowed ? undefined : refusalText(decision);
  }

  async function showOverview(context: TurnContext): Promise<void> {
    const refusal = mayReview(actorOf(context));
    if (refusal !== undefined) {
      await context.sendActivity(refusal);
      return;
    }
    await context.sendActivity(cardActivity(await overviewCard()));
  }

  async function exportNominations(context: TurnContext): Promise<void> {
    const actor = actorOf(context);
    const decision = decide(actor, 'export.acrossSchools', {});
    if (!decision.allowed) {
      await context.sendActivity(refusalText(decision));
      return;
    }
    const {
      files,
      overview: { groups, nominations, coverage },
    } = await queries.exportFiles(now());
    const [workbook, csv] = await Promise.all(files.map((file) => exports.create(actor.aadObjectId, file)));
    if (!workbook || !csv) throw new Error('The nominations export has no files');
    logger.info({ nominations: nominations.length }, 'nominations exported');
    const card = nominationsExportCard({ groups: groups.length, nominated: coverage.nominated, workbookUrl: workbook.url, csvUrl: csv.url, expiresAt: workbook.expiresAt });
    await context.sendActivity(cardActivity(card));
  }

  const overview: CardVerb<typeof OverviewData> = {
    verb: NOMINATION_VERBS.overview,
    data: OverviewData,
    async handle(_context, _data, actor) {
      const refusal = mayReview(actor);
      if (refusal !== undefined) return { kind: 'refused', text: refusal };
      return { kind: 'card', card: await overviewCard() };
    },
  };

  const review: CardVerb<typeof ReviewData> = {
    verb: NOMINATION_VERBS.review,
    data: ReviewData,
    async handle(_context, data, actor) {
      const refusal = mayReview(actor);
      if (refusal !== undefined) return { kind: 'refused', text: refusal };
      return reviewCard(data.groupId);
    },
  };

  const select: CardVerb<typeof SelectData> = {
    verb: NOMINATION_VERBS.select,
    data: SelectData,
    async handle(_context, data, actor) {
      const decision = decide(actor, 'nomination.select', { liaisonGroupId: data.groupId });
      if (!decision.allowed) return { kind: 'refused', text: refusalText(decision) };
      if (data.confirmed !== true) {
        const record = await repository.get(data.groupId);
        if (record && record.nomination.status !== 'draft' && record.nomination.decision?.decision !== data.decision) {
          const schoolsByUrn = await schoolsNamedBy(directory, [record.nomination]);
          const text = `Mark this nomination “${DECISION_TITLES[data.decision]}”? Nothing is changed until you confirm; then I will tell the group in its chat: “${decisionNotice(data.decision, record.nomination, schoolsByUrn)}”`;
          return reviewCard(data.groupId, { text, style: 'default' }, data.decision);
        }
      }
      const context = { by: personOf(actor), now: now() };
      const saved = await repository.change(data.groupId, (nomination) =>
        // Pressing the same decision twice changes nothing and tells the group nothing twice.
        nomination.decision?.decision === data.decision ? ok(nomination) : selectNomination(nomination, data.decision, context),
      );
      if (!saved.ok) return reviewCard(data.groupId, { text: `Nothing was changed: ${saved.errors.join(' ')}`, style: 'attention' });
      const title = DECISION_TITLES[data.decision].toLowerCase();
      if (!saved.value.changed) return reviewCard(data.groupId, { text: `It was already marked ${title}, so the group has not been told again.`, style: 'default' });

      const { record } = saved.value;
      const schoolsByUrn = await schoolsNamedBy(directory, [record.nomination]);
      let told: string;
      if (record.conversationId === undefined) {
        told = 'I could not tell the group: I do not know its chat. Please let the group know.';
      } else {
        try {
          const outcome = await proactive.sendToConversation(record.conversationId, { type: 'message', text: decisionNotice(data.decision, record.nomination, schoolsByUrn) });
          told =
            outcome === 'sent'
              ? 'I have told the group in its chat.'
              : 'I could not tell the group: I am no longer in its chat, or cannot reach it. Please let the group know another way.';
        } catch (error) {
          logger.error({ err: (error as Error).message, verb: NOMINATION_VERBS.select }, 'telling a liaison group of the decision failed');
          told = 'I could not reach the group’s chat just now. The decision is saved; please let the group know another way.';
        }
      }
      return reviewCard(data.groupId, { text: `Marked ${title}. ${told}`, style: 'good' });
    },
  };

  const commands: Command[] = [
    {
      summary: {
        title: 'Review nominations (School Improvement Team)',
        description: 'See which liaison groups have nominated a champion school, the mix of phases and sizes, and select the champions.',
        command: 'nominations',
        example: 'nominations',
      },
      forSitAdmins: true,
      scopes: ['personal'],
      match: phrases('nominations', 'review nominations', 'show nominations', 'all nominations', 'champion nominations'),
      dialogId: OVERVIEW_DIALOG,
    },
    {
      summary: {
        title: 'Export nominations',
        description: 'A spreadsheet of every liaison group’s nomination: both choices, their champions and the criteria.',
        command: 'export nominations',
        example: 'export nominations',
      },
      forSitAdmins: true,
      scopes: ['personal'],
      match: phrases('export nominations', 'export the nominations', 'download nominations', 'nominations export'),
      dialogId: EXPORT_DIALOG,
    },
  ];

  return {
    dialogs: [oneStepDialog(OVERVIEW_DIALOG, showOverview), oneStepDialog(EXPORT_DIALOG, exportNominations)],
    commands,
    verbs: [verb(overview), verb(review), verb(select)],
  };
}
