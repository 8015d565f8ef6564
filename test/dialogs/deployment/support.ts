import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import type { JourneySet } from '../../../bot/journeys.js';
import type { BotServices } from '../../../bot/services.js';
import { createLifecycleQueries } from '../../../dialogs/deploymentLifecycle/queries.js';
import { createDeploymentJourney } from '../../../dialogs/deployment/index.js';
import { newDeploymentDraft } from '../../../domain/deployment/form.js';
import type { Profile, School } from '../../../domain/directory/types.js';
import { DeploymentRepository, type DeploymentFormRecord } from '../../../storage/deploymentRepository.js';
import type { Store } from '../../../storage/store.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { cardOf, cardText } from '../../support/testBot.js';
import { answerAll, type Answers } from '../../domain/deployment/sampleDraft.js';

/** 32 bytes as 64 hex digits: the key bank details are sealed with in these tests. */
export const BANK_KEY = '0f'.repeat(32);

export const SORT_CODE = '401276';
export const ACCOUNT_NUMBER = '31926819';

const updatedAt = '2024-01-01T00:00:00.000Z';

export const LEADER: Profile = {
  kind: 'system_leader',
  aadObjectId: 'aad-leader',
  name: 'Jo Patel',
  organisation: 'Oak Learning Trust',
  role: 'mat_ceo',
  email: 'jo.patel@oaklearning.org.uk',
  updatedAt,
};
export const OTHER_LEADER: Profile = { ...LEADER, aadObjectId: 'aad-other-leader', name: 'Kim Other', organisation: 'Elm Trust' };
export const HEAD: Profile = { kind: 'school', aadObjectId: 'aad-head', name: 'Sam Green', urn: '123456', role: 'headteacher', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt };
export const STAFF: Profile = { kind: 'school', aadObjectId: 'aad-staff', name: 'Lee Staff', urn: '123456', role: 'staff', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt };

export const MILLBROOK: School = {
  urn: '123456',
  name: 'Millbrook Primary School',
  type: 'Community school',
  phase: 'primary',
  localAuthority: 'Buckinghamshire',
  region: 'South East',
  trust: 'Chiltern Learning Trust',
};

export const PROFILES: readonly Profile[] = [LEADER, OTHER_LEADER, HEAD, STAFF];

/** The deployment journey alone, with the test profiles stored where the bot finds them. */
export function deploymentJourneys(profiles: readonly Profile[] = PROFILES) {
  return async (services: BotServices): Promise<JourneySet> => {
    const repository = new ProfileRepository(services.store);
    for (const profile of profiles) await repository.put(profile);
    return {
      journeys: [
        createDeploymentJourney({
          store: services.store,
          now: services.now,
          config: services.config,
          directory: { getSchool: async (urn) => (urn === MILLBROOK.urn ? MILLBROOK : undefined) },
          proactive: services.proactive,
          exports: services.exports,
          logger: services.logger,
          days: createLifecycleQueries(services.store, services.now),
        }),
      ],
      actorSources: {
        profileOf: (aadObjectId) => repository.get(aadObjectId),
        liaisonGroupOfConversation: async () => undefined,
      },
    };
  };
}

/** Everything the replies say, text and cards alike, in order. */
export function said(replies: readonly Partial<Activity>[]): string {
  return replies.map((reply) => [reply.text ?? '', cardText(cardOf(reply))].filter((part) => part !== '').join('\n')).join('\n');
}

/** The card an Action.Execute invoke was answered with (it replaces the card in place). */
export function invokeCard(replies: readonly Partial<Activity>[]): Record<string, unknown> {
  const body = invokeBody(replies);
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value as Record<string, unknown>;
}

export function invokeBody(replies: readonly Partial<Activity>[]): { statusCode: number; type: string; value: unknown } {
  const response = replies.find((reply) => reply.type === 'invokeResponse');
  return (response?.value as { body: { statusCode: number; type: string; value: unknown } }).body;
}

export function executeAction(verb: string, data: Record<string, unknown>): Partial<Activity> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } };
}

/** Every card element of a type, depth first. */
export function elementsOf(card: unknown, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === type) found.push(element);
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return found;
}

/** 20 March 2024, 10:00 in London: the day the deployment tests are run on. */
export const NOW = () => new Date('2024-03-20T10:00:00Z');
/** Six days of support delivered by 20 March, so section 3 (due after day 6 of 10) is open. */
export const SIX_DAYS: readonly string[] = ['2024-03-05', '2024-03-06', '2024-03-07', '2024-03-11', '2024-03-12', '2024-03-13'];

/** The system leader's part of the form (sections 1 to 4 and 6), filled in, for the test school. */
export const LEADER_ANSWERS: Answers = [
  [1, 'recipientKind', 'school'],
  [1, 'recipientName', 'Millbrook Primary School'],
  [1, 'urn', '123456'],
  [1, 'trust', ''],
  [1, 'phase', 'primary'],
  [1, 'localAuthority', 'Buckinghamshire'],
  [1, 'region', 'South East'],
  [1, 'systemLeaderName', 'Jo Patel'],
  [1, 'systemLeaderRole', 'mat_ceo'],
  [1, 'systemLeaderOrganisation', 'Oak Learning Trust'],
  [1, 'systemLeaderEmail', 'jo.patel@oaklearning.org.uk'],
  [2, 'whyEligible', 'C1'],
  [2, 'additionalInformation', 'New headteacher since September.'],
  [2, 'areasOfFocus', ['teaching_and_learning']],
  [2, 'mechanismsOfSupport', ['english_hubs']],
  [3, 'reviewDate', '2024-03-12'],
  [3, 'progressSoFar', 'Phonics lead appointed; reading audit done.'],
  [3, 'amendments', ''],
  [4, 'allActivitiesCompleted', true],
  [4, 'nextSteps', 'Join the English Hub programme.'],
  [4, 'enhancedStrand', 'none'],
  [6, 'daysDelivered', 10],
];

/** Stores a form for a system leader, as if drafted earlier. */
export async function seedForm(
  store: Store,
  options: { owner?: string; id?: string; answers?: Answers; days?: readonly string[]; position?: DeploymentFormRecord['position'] } = {},
): Promise<DeploymentFormRecord> {
  const draft = answerAll(newDeploymentDraft(options.id ?? 'form-1', options.owner ?? LEADER.aadObjectId, '2024-03-01T09:00:00.000Z'), options.answers ?? LEADER_ANSWERS);
  const record: DeploymentFormRecord = { draft: { ...draft, daysDeliveredLog: [...(options.days ?? [])] }, position: options.position ?? { section: 8, field: 'signedBySystemLeaderAt' } };
  await new DeploymentRepository(store).create(record);
  return record;
}

export const readForm = async (store: Store, id = 'form-1', owner = LEADER.aadObjectId) => (await new DeploymentRepository(store).get(owner, id)) as DeploymentFormRecord;
