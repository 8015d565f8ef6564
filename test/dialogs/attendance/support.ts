import type { Activity, TestAdapter } from 'botbuilder';
import { expect } from 'vitest';
import { createAttendanceJourney } from '../../../dialogs/attendance/index.js';
import type { Profile, School } from '../../../domain/directory/types.js';
import type { AttendanceRecord } from '../../../domain/attendance/record.js';
import { DirectoryRepository } from '../../../storage/directoryRepository.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { SignUpRepository } from '../../../storage/signUpRepository.js';
import type { Store } from '../../../storage/store.js';
import type { BotServices } from '../../../bot/services.js';
import type { JourneySet } from '../../../bot/journeys.js';
import { createTestBot, type TestBot } from '../../support/testBot.js';

export const SIT_ID = 'aad-sit';

export const GROUPS = [
  { id: 'lg-01', name: 'Amersham and Chesham' },
  { id: 'lg-02', name: 'Wycombe North' },
];

function school(urn: string, name: string, liaisonGroupId?: string): School {
  return { urn, name, type: 'Community school', phase: 'primary', localAuthority: 'Buckinghamshire', ...(liaisonGroupId ? { liaisonGroupId } : {}) };
}

/** Three schools in liaison groups, signed up to the universal offer, and one outside every group, not signed up. */
export const SCHOOLS: School[] = [
  school('100001', 'Amersham Primary', 'lg-01'),
  school('100002', 'Beaconsfield High', 'lg-01'),
  school('100003', 'Chesham Special', 'lg-02'),
  school('100004', 'Denham Junior'),
];

function profile(aadObjectId: string, name: string, urn: string, role: 'headteacher' | 'staff'): Profile {
  return { kind: 'school', aadObjectId, name, urn, role, verification: { status: 'verified', by: 'aad-sit', at: '2021-09-01T00:00:00.000Z' }, updatedAt: '2021-09-01T00:00:00.000Z' };
}

export const HEAD = profile('aad-head', 'Hana Head', '100001', 'headteacher');
export const STAFF = profile('aad-staff', 'Sam Staff', '100002', 'staff');
export const CHESHAM_HEAD = profile('aad-chesham', 'Chris Chesham', '100003', 'headteacher');

/** Just after Workshop Meeting 2 (11 February 2022, 11:00 to 13:00): T1, W1, T2 and W2 have started. */
export const AFTER_W2 = new Date('2022-02-11T15:00:00Z');

/** A clock a test moves on. */
export function clockAt(start: Date): { now: () => Date; set(at: Date | string): void } {
  let current = start;
  return {
    now: () => current,
    set(at) {
      current = typeof at === 'string' ? new Date(at) : at;
    },
  };
}

/** The journey set the tests run: the attendance journey over a small directory with profiles. */
export async function attendanceJourneys(services: BotServices): Promise<JourneySet> {
  const directory = await DirectoryRepository.open(services.store);
  const profiles = new ProfileRepository(services.store);
  return {
    journeys: [
      createAttendanceJourney({
        store: services.store,
        now: services.now,
        directory,
        proactive: services.proactive,
        exports: services.exports,
        logger: services.logger,
      }),
    ],
    actorSources: {
      profileOf: (aadObjectId) => profiles.get(aadObjectId),
      liaisonGroupOfConversation: (conversationId) => directory.groupOfConversation(conversationId),
    },
    async start() {
      await directory.addLiaisonGroupsIfMissing(GROUPS);
      if (directory.schoolCount === 0) {
        await directory.putSchools(SCHOOLS);
        const signUps = new SignUpRepository(services.store);
        for (const { urn } of SCHOOLS.filter((candidate) => candidate.liaisonGroupId !== undefined)) {
          await signUps.set({ urn, signedUp: true, by: SIT_ID, at: '2021-09-10T09:00:00.000Z', via: 'sit' });
        }
      }
      for (const person of [HEAD, STAFF, CHESHAM_HEAD]) await profiles.put(person);
    },
  };
}

export async function startAttendanceBot(now: () => Date, dataDir?: string): Promise<TestBot> {
  return createTestBot({ now, env: { SIT_ADMIN_AAD_IDS: SIT_ID }, journeys: attendanceJourneys, ...(dataDir ? { dataDir } : {}) });
}

export const chatAs = (bot: TestBot, who: { aadObjectId: string; name: string }): TestAdapter =>
  bot.conversation({ userId: who.aadObjectId, userName: who.name });

export const SIT = { aadObjectId: SIT_ID, name: 'Sandra SIT' };

/** An Action.Submit fallback press: a message carrying the verb and the card's inputs. */
export function submit(verb: string, data: Record<string, unknown>, id?: string): Partial<Activity> {
  return { type: 'message', ...(id ? { id } : {}), value: { verb, ...data } };
}

/** An Action.Execute press: an invoke the bot answers in place. */
export function execute(verb: string, data: Record<string, unknown>): Partial<Activity> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } };
}

/** The body of the bot's answer to an Action.Execute invoke. */
export function invokeBody(replies: Partial<Activity>[]): { statusCode: number; type: string; value: unknown } {
  const response = replies.find((reply) => reply.type === 'invokeResponse');
  const body = (response?.value as { body: { statusCode: number; type: string; value: unknown } } | undefined)?.body;
  expect(body).toBeDefined();
  return body as { statusCode: number; type: string; value: unknown };
}

export async function storedRecords(store: Store): Promise<AttendanceRecord[]> {
  return (await store.list<AttendanceRecord>('attendance/records/')).map((record) => record.value);
}

/** Every input on a card, by id, with the value it shows. */
export function inputsOf(card: unknown): Record<string, Record<string, unknown>> {
  const inputs: Record<string, Record<string, unknown>> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (String(element.type).startsWith('Input.') && typeof element.id === 'string') inputs[element.id] = element;
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return inputs;
}

/** The titles of a card's choices for one input. */
export function choicesOf(card: unknown, inputId: string): string[] {
  return ((inputsOf(card)[inputId]?.choices as { title: string }[] | undefined) ?? []).map((choice) => choice.title);
}
