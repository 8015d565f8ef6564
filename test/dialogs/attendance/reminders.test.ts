import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { createLogger } from '../../../bot/logger.js';
import { ATTENDANCE_VERBS } from '../../../cards/attendanceCards.js';
import { editSession } from '../../../domain/attendance/sessionEdit.js';
import { ProgrammeRepository } from '../../../storage/programmeRepository.js';
import { ConnectorStub } from '../../../devtools/connectorStub.js';
import { teamsMessage } from '../../../devtools/teamsActivities.js';
import { attendanceJourneys, CHESHAM_HEAD, clockAt, HEAD, SIT_ID, STAFF } from './support.js';

let app: App | undefined;
let connector: ConnectorStub | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await app?.close();
  await connector?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  app = connector = dataDir = undefined;
});

/** The day before Training Session 3 (20 May 2022), mid-morning. */
const DAY_BEFORE_T3 = '2022-05-19T09:30:00Z';
/** An hour after Training Session 3 ends (15:30 to 17:30 UK time once moved). */
const AFTER_T3 = '2022-05-20T17:30:00Z';

const clock = clockAt(new Date(DAY_BEFORE_T3));

async function startApp(): Promise<string> {
  app = await createApp(
    loadConfig({ BOT_AUTH: 'off', DATA_DIR: dataDir!, PORT: '0', HOST: '127.0.0.1', SIT_ADMIN_AAD_IDS: SIT_ID, SCHEDULER_INTERVAL_SECONDS: '0' }),
    { logger: createLogger('silent'), now: clock.now, journeys: attendanceJourneys },
  );
  return `http://127.0.0.1:${await app.listen()}`;
}

async function restartApp(): Promise<string> {
  await app?.close();
  return startApp();
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Proactive attendance messages the connector received, as [conversation, text]. */
function remindersSent(): [string, string][] {
  return (connector?.calls ?? [])
    .filter((call) => call.method === 'POST' && typeof call.body?.text === 'string' && /A reminder for|took place on/.test(call.body.text as string))
    .map((call) => [call.conversationId ?? '', call.body?.text as string]);
}

describe('attendance reminders, over HTTP', () => {
  it('the day before a session, and a prompt after it: each sent once, and not again after a restart', async () => {
    connector = await new ConnectorStub().start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'sib-reminders-'));
    clock.set(DAY_BEFORE_T3);
    const base = await startApp();

    // Two headteachers have the bot installed (they have talked to it); the member of staff has not.
    for (const person of [HEAD, CHESHAM_HEAD]) {
      expect((await post(`${base}/api/messages`, teamsMessage({ serviceUrl: connector.url, userId: person.aadObjectId, userName: person.name, text: 'help' }))).status).toBe(200);
    }
    const moved = await new ProgrammeRepository(app!.services.store).change((programme) =>
      editSession(programme, 'T3', { title: 'Training Session 3', kind: 'training', date: '2022-05-20', start: '15:30', end: '17:30', onlineLink: 'https://teams.example/t3' }),
    );
    expect(moved.ok).toBe(true);

    await app!.scheduler.runOnce();
    expect(remindersSent()).toEqual([
      ['a:personal-aad-head', 'A reminder for Amersham Primary: Training Session 3 (T3) is tomorrow, 20 May 2022, 15:30 to 17:30 (UK time). Join online: https://teams.example/t3'],
      ['a:personal-aad-chesham', 'A reminder for Chesham Special: Training Session 3 (T3) is tomorrow, 20 May 2022, 15:30 to 17:30 (UK time). Join online: https://teams.example/t3'],
    ]);
    expect((await app!.services.store.list('reminders/attendance/day_before/T3/')).map((record) => record.key).sort()).toEqual([
      'reminders/attendance/day_before/T3/aad-chesham',
      'reminders/attendance/day_before/T3/aad-head',
      `reminders/attendance/day_before/T3/${STAFF.aadObjectId}`,
    ]);

    await app!.scheduler.runOnce();
    await restartApp();
    await app!.scheduler.runOnce();
    expect(remindersSent()).toHaveLength(2);

    // After the session Amersham logs its attendance; Chesham has logged nothing, so only it is prompted.
    clock.set(AFTER_T3);
    const restarted = await restartApp();
    await post(
      `${restarted}/api/messages`,
      teamsMessage({
        serviceUrl: connector.url,
        userId: HEAD.aadObjectId,
        userName: HEAD.name,
        value: { verb: ATTENDANCE_VERBS.log, sessionId: 'T3', attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status: 'present' },
      }),
    );
    await app!.scheduler.runOnce();
    await app!.scheduler.runOnce();
    const prompts = remindersSent().slice(2);
    expect(prompts).toEqual([
      ['a:personal-aad-chesham', 'Training Session 3 (T3) took place on 20 May 2022, and I have no attendance for Chesham Special yet. Say “log attendance for T3” to record who went, or that you sent apologies.'],
    ]);
    await restartApp();
    await app!.scheduler.runOnce();
    expect(remindersSent().slice(2)).toEqual(prompts);
  });

  it('a reminder that fails to send for a passing reason is tried again on the next run', async () => {
    connector = await new ConnectorStub().start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'sib-reminders-'));
    clock.set(DAY_BEFORE_T3);
    const base = await startApp();
    await post(`${base}/api/messages`, teamsMessage({ serviceUrl: connector.url, userId: HEAD.aadObjectId, userName: HEAD.name, text: 'help' }));
    // The connector client itself retries a 500 three times before giving up.
    connector.failNext({ status: 500, times: 4 });
    await app!.scheduler.runOnce();
    expect(remindersSent()).toEqual([]);
    await app!.scheduler.runOnce();
    expect(remindersSent().map(([conversation]) => conversation)).toEqual(['a:personal-aad-head']);
    await app!.scheduler.runOnce();
    expect(remindersSent()).toHaveLength(1);
  });
});
