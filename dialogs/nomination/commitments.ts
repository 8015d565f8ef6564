import { type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import { championCommitmentsCard, NOMINATION_VERBS } from '../../cards/nominationCards.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { UrnSchema } from '../../domain/directory/types.js';
import { BENEFITS, COMMITMENTS } from '../../domain/nomination/commitments.js';
import { confirmCommitments, nominationNamingSchool } from '../../domain/nomination/commitmentsConfirmation.js';
import type { CardVerb, CardVerbResult, Command } from '../journey.js';
import { phrases, verb } from '../journey.js';
import { oneStepDialog, personOf, type NominationContext } from './services.js';
import { cardActivity } from '../cardActivity.js';

export const COMMITMENTS_DIALOG = 'nomination.commitments';

const ConfirmData = z.looseObject({ urn: UrnSchema });

const NOT_NAMED =
  'Your school is not named in a submitted champion school nomination yet, so there is nothing to confirm. Once your liaison group submits a nomination naming your school, you can confirm the commitments here. Meanwhile, here is what a champion school commits to.';

export function commitmentsParts(context: NominationContext): { dialogs: ReturnType<typeof oneStepDialog>[]; commands: Command[]; verbs: CardVerb[] } {
  const { repository, deps: { directory, now, logger } } = context;

  /** The school the actor leads, or why they cannot confirm for one. */
  function schoolOf(actor: Actor, urn?: string): { urn: string } | { refusal: string } {
    const own = actor.profile?.kind === 'school' ? actor.profile.urn : undefined;
    // Without a school profile the policy refuses whatever the URN, and says what to do instead.
    const decision = decide(actor, 'commitments.confirm', { urn: urn ?? own ?? '' });
    if (!decision.allowed) return { refusal: refusalText(decision) };
    return { urn: urn ?? own ?? '' };
  }

  async function commitmentsCard(urn: string, justConfirmed = false): Promise<CardVerbResult> {
    const [school, confirmation, records] = await Promise.all([directory.getSchool(urn), repository.commitmentsOf(urn), repository.all()]);
    const named = nominationNamingSchool(
      records.map((record) => record.nomination),
      urn,
    );
    const card = championCommitmentsCard({
      school,
      urn,
      confirmation,
      unavailable: named || confirmation ? undefined : NOT_NAMED,
      commitments: COMMITMENTS,
      benefits: BENEFITS,
      justConfirmed,
    });
    return { kind: 'card', card };
  }

  async function showCommitments(context: TurnContext): Promise<void> {
    const school = schoolOf(actorOf(context));
    if ('refusal' in school) {
      await context.sendActivity(school.refusal);
      return;
    }
    const result = await commitmentsCard(school.urn);
    if (result.kind === 'card') await context.sendActivity(cardActivity(result.card));
  }

  const confirm: CardVerb<typeof ConfirmData> = {
    verb: NOMINATION_VERBS.confirmCommitments,
    data: ConfirmData,
    async handle(_context, data, actor) {
      const school = schoolOf(actor, data.urn);
      if ('refusal' in school) return { kind: 'refused', text: school.refusal };
      const records = await repository.all();
      const confirmation = confirmCommitments(
        records.map((record) => record.nomination),
        school.urn,
        { by: personOf(actor), now: now(), commitmentIds: COMMITMENTS.map((point) => point.id) },
      );
      if (!confirmation.ok) return { kind: 'refused', text: confirmation.errors.join(' ') };
      await repository.saveCommitments(confirmation.value);
      logger.info({ verb: NOMINATION_VERBS.confirmCommitments }, 'champion commitments confirmed');
      return commitmentsCard(school.urn, true);
    },
  };

  const commands: Command[] = [
    {
      summary: {
        title: 'Champion commitments',
        description: 'For the headteacher of a nominated school: read what a Disadvantaged Champion School commits to, and confirm it for your school.',
        command: 'champion commitments',
        example: 'champion commitments',
      },
      scopes: ['personal'],
      match: phrases('champion commitments', 'confirm commitments', 'confirm champion commitments', 'champion school commitments'),
      dialogId: COMMITMENTS_DIALOG,
    },
  ];

  return { dialogs: [oneStepDialog(COMMITMENTS_DIALOG, showCommitments)], commands, verbs: [verb(confirm)] };
}
