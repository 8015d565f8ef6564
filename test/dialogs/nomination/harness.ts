import type { Activity } from 'botbuilder';
import type { JourneySet } from '../../../bot/journeys.js';
import type { ProactiveMessenger } from '../../../bot/proactive.js';
import type { BotServices } from '../../../bot/services.js';
import { createNominationJourney } from '../../../dialogs/nomination/index.js';
import type { LiaisonGroup, Profile, School } from '../../../domain/directory/types.js';
import { DirectoryRepository } from '../../../storage/directoryRepository.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';

export const SIT_ADMIN = 'aad-sit-1';
export const MEMBER_1 = 'aad-member-1';
export const MEMBER_2 = 'aad-member-2';
export const HEADTEACHER = 'aad-head-1';
export const STAFF = 'aad-staff-1';

/** The conversation id createTestBot gives every group chat unless told otherwise. */
export const GROUP_CHAT = '19:groupChat-chat@thread.v2';

export const GROUPS: LiaisonGroup[] = Array.from({ length: 18 }, (_, index) => {
  const number = String(index + 1).padStart(2, '0');
  return { id: `lg-${number}`, name: `Test Group ${number}` };
});
export const GROUP = GROUPS[0]!;

function school(urn: string, name: string, extra: Partial<School> = {}): School {
  return {
    urn,
    name,
    type: 'Community school',
    phase: 'primary',
    localAuthority: 'Buckinghamshire',
    liaisonGroupId: GROUP.id,
    ofstedGrade: 'good',
    ofstedDate: '2019-05-01',
    pupils: 150,
    ...extra,
  };
}

export const SCHOOLS: School[] = [
  school('900001', 'Oakfield Primary'),
  school('900002', 'Willowmere Academy', { phase: 'secondary', pupils: 830 }),
  school('900003', 'Ashbrook Infants', { ofstedGrade: 'inadequate', ofstedDate: '2022-01-10', pupils: 120 }),
  school('900004', 'Elsewhere Junior', { liaisonGroupId: GROUPS[1]!.id }),
];

export const HEADTEACHER_PROFILE: Profile = { kind: 'school', aadObjectId: HEADTEACHER, name: 'Harriet Head', urn: '900001', role: 'headteacher', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt: '2024-01-01T00:00:00.000Z' };
export const STAFF_PROFILE: Profile = { kind: 'school', aadObjectId: STAFF, name: 'Sam Staff', urn: '900001', role: 'staff', verification: { status: 'verified', by: 'aad-sit-1', at: '2024-01-01T00:00:00.000Z' }, updatedAt: '2024-01-01T00:00:00.000Z' };
/** The members who fill the group's card in together: verified staff of two of the group's schools. */
export const MEMBER_PROFILES: Profile[] = [
  { ...STAFF_PROFILE, aadObjectId: MEMBER_1, name: 'Mo Member', urn: '900001' },
  { ...STAFF_PROFILE, aadObjectId: MEMBER_2, name: 'Mia Member', urn: '900002' },
];

/** What the proactive messenger was asked to send, for TestAdapter runs (which cannot send proactively). */
export class RecordingProactive implements Pick<ProactiveMessenger, 'sendToConversation'> {
  readonly sent: { conversationId: string; text: string | undefined }[] = [];
  async sendToConversation(conversationId: string, activity: Partial<Activity>) {
    this.sent.push({ conversationId, text: activity.text });
    return 'sent' as const;
  }
}

export interface Seeded {
  directory?: DirectoryRepository;
}

/**
 * The bot with only the nomination journey, over a directory of 18 groups and a few schools,
 * with the test group chat linked to the first group. `proactive` replaces the real messenger
 * in TestAdapter runs.
 */
export function nominationJourneys(seeded: Seeded = {}, proactive?: RecordingProactive, linkedConversation = GROUP_CHAT) {
  return async (services: BotServices): Promise<JourneySet> => {
    const directory = await DirectoryRepository.open(services.store);
    await directory.addLiaisonGroupsIfMissing(GROUPS);
    await directory.putSchools(SCHOOLS);
    const linked = await directory.linkConversation(linkedConversation, GROUP.id, MEMBER_1, { now: services.now() });
    if (!linked.ok) throw new Error(linked.errors.join(' '));
    const profiles = new ProfileRepository(services.store);
    await profiles.put(HEADTEACHER_PROFILE);
    await profiles.put(STAFF_PROFILE);
    for (const member of MEMBER_PROFILES) await profiles.put(member);
    seeded.directory = directory;
    return {
      journeys: [
        createNominationJourney({
          store: services.store,
          now: services.now,
          directory,
          proactive: proactive ?? services.proactive,
          exports: services.exports,
          logger: services.logger,
        }),
      ],
      actorSources: {
        profileOf: (aadObjectId) => profiles.get(aadObjectId),
        liaisonGroupOfConversation: (conversationId) => directory.groupOfConversation(conversationId),
      },
    };
  };
}

/** An Action.Execute press, as the TestAdapter delivers it. */
export function execute(verb: string, data: Record<string, unknown>): Partial<Activity> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } };
}

interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: unknown;
}

/** The invoke response among a turn's replies. */
export function invokeBody(replies: Partial<Activity>[]): InvokeBody {
  const response = replies.find((reply) => reply.type === 'invokeResponse');
  if (!response) throw new Error(`No invoke response among: ${JSON.stringify(replies.map((reply) => reply.type))}`);
  return (response.value as { body: InvokeBody }).body;
}

/** The card an Action.Execute answered with; fails the test if it answered otherwise. */
export function invokeCard(replies: Partial<Activity>[]): Record<string, unknown> {
  const body = invokeBody(replies);
  if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`Expected a card, got ${body.type}: ${JSON.stringify(body.value)}`);
  return body.value as Record<string, unknown>;
}

/** The data a section's save button sends: what it showed, and what its inputs now hold. */
export function saveSection(choice: 'first' | 'second', shown: Record<string, string>, inputs: Record<string, string>): Record<string, unknown> {
  return {
    groupId: GROUP.id,
    choice,
    shown,
    // The school comes from the card's one picker (`school_urn`); the other fields from the section's inputs.
    ...Object.fromEntries(Object.entries({ ...shown, ...inputs }).map(([field, value]) => [field === 'urn' ? 'school_urn' : `${choice}_${field}`, value])),
  };
}

/** The `shown` values of a section in a card: what its save button would send. */
export function shownIn(card: Record<string, unknown>, choice: 'first' | 'second'): Record<string, string> {
  const actions = card.actions as { title: string; card?: { actions: { data: { shown: Record<string, string> } }[] } }[];
  const section = actions.find((action) => action.title === `Edit ${choice} choice`);
  if (!section?.card) throw new Error(`The card has no ${choice} choice section`);
  return section.card.actions[0]!.data.shown;
}

export const COMPLETE_FIRST = {
  urn: '900001',
  championName: 'Priya Shah',
  championRole: 'pupil_premium_lead',
  notInadequate: 'yes',
  stableSlt: 'yes',
  gapEvidence: 'Disadvantaged pupils are 18 points behind their peers in KS2 reading.',
};

export const COMPLETE_SECOND = {
  urn: '900002',
  championName: 'Tom Reed',
  championRole: 'slt',
  notInadequate: 'yes',
  stableSlt: 'yes',
  gapEvidence: 'A gap of half a grade in GCSE English.',
};
