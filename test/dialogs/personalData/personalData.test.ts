import { afterEach, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { applyEdit } from '../../../domain/nomination/edit.js';
import { AttendanceRepository } from '../../../storage/attendanceRepository.js';
import { DirectoryRepository } from '../../../storage/directoryRepository.js';
import { EligibilityRepository } from '../../../storage/eligibilityRepository.js';
import { NominationRepository } from '../../../storage/nominationRepository.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { createTestBot, replyText, say, type TestBot } from '../../support/testBot.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const texts = (replies: Parameters<typeof replyText>[0][]) => replies.map(replyText).join('\n');

async function everyStoredFile(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true });
  const contents = await Promise.all(names.filter((name) => name.endsWith('.json')).map((name) => readFile(path.join(dir, name), 'utf8')));
  return contents.join('\n');
}

async function personWithData(bot: TestBot) {
  // A personal chat's id in Teams is opaque: it does not carry the user's id.
  const chat = bot.conversation({ userId: 'aad-pat', userName: 'Pat Head', conversationId: 'a:1opaque-personal-chat' });
  await say(chat, "I'm the head of 900001");
  await say(chat, 'yes');
  await new EligibilityRepository(bot.store).save({
    aadObjectId: 'aad-pat',
    checkedAt: '2024-03-01T10:00:00.000Z',
    via: 'form',
    subject: { name: 'Fictional Oakfield Primary School (demo)', urn: '900001' },
    input: { recipient: 'school', region: 'South East', judgements: [], regionalDirectorAssessedImmediateNeed: false, selfIdentifiesNeed: false, regionalDeliveryTeamJudgesNeed: false },
    offerYear: '2023/24',
    outcome: { status: 'not_eligible', criteria: [], reasons: ['None applies.'], rdp: { name: 'Amanda Parry', email: 'A.parry@hispmat.org' } },
  });
  // Through the repositories, as the journeys write them: they keep the index of where Pat appears.
  await new AttendanceRepository(bot.store).log({
    sessionId: 'T1',
    urn: '900001',
    attendeeName: 'Pat Head',
    attendeeRole: 'Headteacher',
    status: 'present',
    loggedBy: { aadObjectId: 'aad-pat', name: 'Pat Head' },
    loggedAt: '2021-10-01T15:00:00.000Z',
  });
  const nominations = new NominationRepository(bot.store);
  await nominations.openInChat('lg-01', '19:group@thread.v2', '29:aad-sam', { moveNotices: true, aadObjectId: 'aad-sam' });
  await nominations.openInChat('lg-01', '19:group@thread.v2', '29:aad-pat', { moveNotices: true, aadObjectId: 'aad-pat' });
  await nominations.change('lg-01', (nomination) =>
    applyEdit(nomination, { kind: 'set_champion_name', choice: 'first', name: 'Priya Shah' }, { schoolsByUrn: new Map(), group: { id: 'lg-01', name: 'Group 1' }, now: new Date('2024-03-01T10:00:00Z'), by: { aadObjectId: 'aad-pat', name: 'Pat Head' } }),
  );
  await (await DirectoryRepository.open(bot.store)).linkConversation('19:group@thread.v2', 'lg-01', 'aad-pat');
  return chat;
}

describe('a person’s own data', () => {
  it('"what do you hold about me" lists their profile, checks, and the shared records that name them', async () => {
    testBot = await createTestBot();
    const chat = await personWithData(testBot);
    const answer = texts(await say(chat, 'what do you hold about me'));
    expect(answer).toContain('Your profile: Pat Head, headteacher at the school with URN 900001 (not yet verified).');
    expect(answer).toContain('1 eligibility check you made.');
    expect(answer).toContain('1 attendance record that name you');
    expect(answer).toContain('1 liaison group nomination record (or commitments) that name you');
    expect(answer).toContain('1 group chat you linked to a liaison group');
    expect(answer).toContain('how to reach you in 1 chat');
  });

  it('"delete my data" asks first, and "no" deletes nothing', async () => {
    testBot = await createTestBot();
    const chat = await personWithData(testBot);
    expect(texts(await say(chat, 'delete my data'))).toContain('It cannot be undone');
    expect(texts(await say(chat, 'No, keep it'))).toContain('Nothing was deleted.');
    expect(await new ProfileRepository(testBot.store).get('aad-pat')).toBeDefined();
  });

  it('after confirmation erases the profile and checks and takes the name out of the school’s records, keeping their facts', async () => {
    testBot = await createTestBot();
    const chat = await personWithData(testBot);
    await say(chat, 'delete my data');
    expect(texts(await say(chat, 'Yes, delete my data'))).toContain('your data is deleted');
    expect(await new ProfileRepository(testBot.store).get('aad-pat')).toBeUndefined();
    expect(await new EligibilityRepository(testBot.store).recentFor('aad-pat', 10)).toEqual([]);
    // The line is kept (and counted), under a key that no longer holds the name.
    const attendance = await testBot.store.list<{ urn: string; status: string; attendeeName: string }>('attendance/records/T1/900001/');
    expect(attendance.map((record) => record.value)).toEqual([expect.objectContaining({ urn: '900001', status: 'present', attendeeName: 'Removed at their request' })]);
    expect(attendance[0]?.key).not.toContain('pat-head');
    const nomination = (await testBot.store.read<{ actedBy: string[] }>('nominations/lg-01'))?.value;
    expect(nomination?.actedBy).toEqual(['29:aad-sam']);
    const everything = await everyStoredFile(path.join(testBot.dataDir, 'store'));
    expect(everything).not.toContain('Pat Head');
    expect(everything).not.toContain('aad-pat');
  });
});
