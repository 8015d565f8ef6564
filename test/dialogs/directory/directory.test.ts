import { afterEach, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { cardOf, cardText, createTestBot, mentionMessage, replyText, say, tap, type TestBot } from '../../support/testBot.js';
import { rolesBot, SIT, verifiedAs } from './roles.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const texts = (replies: Parameters<typeof replyText>[0][]) => replies.map(replyText).join('\n');

describe('a person tells the bot who they are', () => {
  it('a headteacher names their school, confirms it, and sees their profile', async () => {
    testBot = await createTestBot();
    const chat = testBot.conversation({ userId: 'aad-head-1', userName: 'Pat Head' });
    const [question] = await say(chat, "I'm the head of 900001");
    expect(texts([question!])).toContain('Is it Fictional Oakfield Primary School (demo) (URN 900001, Buckinghamshire)?');
    const saved = await say(chat, 'yes');
    expect(texts(saved)).toContain('I have you as the headteacher at Fictional Oakfield Primary School (demo), not yet verified');
    expect(texts(saved)).toContain('Liaison group 1 (placeholder name)');
    expect(await new ProfileRepository(testBot.store).get('aad-head-1')).toMatchObject({ kind: 'school', urn: '900001', role: 'headteacher', name: 'Pat Head' });

    const [profile] = await say(chat, 'my profile');
    expect(cardText(cardOf(profile))).toContain('Fictional Oakfield Primary School (demo) (URN 900001)');
  });

  it('a member of staff picks their school from the best matches, typos and all', async () => {
    testBot = await createTestBot();
    const chat = testBot.conversation({ userId: 'aad-staff-1' });
    const [choices] = await say(chat, 'I work at Oakfeild');
    expect(texts([choices!])).toContain('Fictional Oakfield Primary School (demo)');
    await say(chat, 'Fictional Oakfield Primary School (demo) (URN 900001, Buckinghamshire)');
    expect(await new ProfileRepository(testBot.store).get('aad-staff-1')).toMatchObject({ urn: '900001', role: 'staff' });
  });

  it('a school is picked from the list by its place in it: "the second one"', async () => {
    testBot = await createTestBot();
    const chat = testBot.conversation({ userId: 'aad-staff-2' });
    const [choices] = await say(chat, 'I work at Oakfield');
    const listed = cardText(cardOf(choices));
    expect(listed).not.toMatch(/\b1\./);
    await say(chat, 'the second one');
    const second = (cardOf(choices) as { body: { type: string; choices?: { value: string }[] }[] }).body.find((element) => element.type === 'Input.ChoiceSet')!.choices![1]!.value;
    expect(await new ProfileRepository(testBot.store).get('aad-staff-2')).toMatchObject({ urn: /URN (\d{6})/.exec(second)![1], role: 'staff' });
  });

  it('says plainly when no school matches, and saves nothing', async () => {
    testBot = await createTestBot();
    const chat = testBot.conversation({ userId: 'aad-nobody' });
    expect(texts(await say(chat, "I'm the head of Zzyzx Qwerty"))).toContain('I could not find a school matching “Zzyzx Qwerty”');
    expect(await new ProfileRepository(testBot.store).get('aad-nobody')).toBeUndefined();
  });

  it('a system leader changes their profile step by step', async () => {
    testBot = await createTestBot();
    const chat = testBot.conversation({ userId: 'aad-leader-1', userName: 'Sam Leader' });
    expect(texts(await say(chat, 'change my profile'))).toContain('Tell me who you are');
    expect(texts(await say(chat, "I'm a system leader"))).toContain('Which organisation');
    expect(texts(await say(chat, 'Fictional Riverside Trust'))).toContain('MAT CEO or a National Leader of Education');
    expect(texts(await say(chat, 'MAT CEO'))).toContain('email');
    const saved = await say(chat, 'sam.leader@example.org');
    expect(texts(saved)).toContain('I have you as a system leader.');
    expect(await new ProfileRepository(testBot.store).get('aad-leader-1')).toMatchObject({ kind: 'system_leader', organisation: 'Fictional Riverside Trust', role: 'mat_ceo', email: 'sam.leader@example.org' });
  });

  it('a verified headteacher who says they are a system leader is asked first, and "keep my school role" changes nothing', async () => {
    const { bot } = await rolesBot();
    testBot = bot;
    await verifiedAs(bot, 'aad-head-1', "I'm the head of 900001");
    const chat = bot.conversation({ userId: 'aad-head-1', userName: 'Pat Head' });
    const asked = await say(chat, "I'm a system leader");
    expect(texts(asked)).toContain(
      'I have you as the headteacher at Fictional Oakfield Primary School (demo). I hold one role for each person, so as a system leader I would no longer have you as the headteacher at Fictional Oakfield Primary School (demo)',
    );
    expect(texts(await say(chat, tap(asked, 'No, keep my school role')))).toContain('nothing has changed, and your school role stays as it was');
    expect(await new ProfileRepository(bot.store).get('aad-head-1')).toMatchObject({ kind: 'school', urn: '900001', verification: { status: 'verified' } });

    const again = await say(chat, "I'm a system leader");
    expect(texts(await say(chat, tap(again, 'Yes, I am a system leader now')))).toContain('Which organisation');
    await say(chat, 'Fictional Riverside Trust');
    await say(chat, 'MAT CEO');
    expect(texts(await say(chat, 'skip'))).toContain('I have you as a system leader.');
    expect(await new ProfileRepository(bot.store).get('aad-head-1')).toMatchObject({ kind: 'system_leader' });
  });

  it('nobody becomes a SIT administrator by saying so', async () => {
    testBot = await createTestBot();
    const chat = testBot.conversation({ userId: 'aad-claimant' });
    await say(chat, "I'm the head of 900001");
    await say(chat, 'yes');
    expect(cardText(cardOf((await say(chat, 'my profile'))[0]))).not.toContain('School Improvement Team administrator');
  });

  it('shows an administrator named in configuration as one', async () => {
    testBot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: 'aad-sit-1' } });
    const chat = testBot.conversation({ userId: 'aad-sit-1' });
    await say(chat, "I'm the head of 900001");
    await say(chat, 'yes');
    expect(cardText(cardOf((await say(chat, 'my profile'))[0]))).toContain('School Improvement Team administrator');
  });
});

describe('linking a group chat to its liaison group', () => {
  const CHAT = '19:liaison-chat@thread.v2';

  // 900015 is in Liaison group 3, 900008 in Liaison group 2, 900001 in Liaison group 1.
  async function headInChat(bot: TestBot, userId: string, urn: string) {
    await verifiedAs(bot, userId, `I'm the head of ${urn}`);
    return bot.conversation({ kind: 'groupChat', conversationId: CHAT, userId });
  }

  it('a member links the chat once; the link is shown; only an administrator can change it', async () => {
    testBot = (await rolesBot()).bot;
    const member = await headInChat(testBot, 'aad-head-1', '900015');
    expect(texts(await say(member, mentionMessage('which liaison group is this')))).toContain('not linked to a liaison group yet');
    expect(texts(await say(member, mentionMessage('this chat is the Liaison group 3 (placeholder name) liaison group')))).toContain(
      'Done: this chat now acts for Liaison group 3 (placeholder name).',
    );
    expect(texts(await say(member, mentionMessage('which liaison group is this')))).toContain('This chat acts for Liaison group 3 (placeholder name).');

    const refused = texts(await say(member, mentionMessage('link this chat to liaison group 4')));
    expect(refused).toContain('Only the School Improvement Team can change the liaison group');

    const admin = testBot.conversation({ kind: 'groupChat', conversationId: CHAT, userId: SIT });
    expect(texts(await say(admin, mentionMessage('link this chat to liaison group 4')))).toContain('Done: this chat now acts for Liaison group 4 (placeholder name).');
  });

  it('a channel is linked as a whole, not thread by thread', async () => {
    testBot = (await rolesBot()).bot;
    await verifiedAs(testBot, 'aad-head-1', "I'm the head of 900008");
    const firstThread = testBot.conversation({ kind: 'channel', conversationId: '19:liaison@thread.tacv2;messageid=1001', userId: 'aad-head-1' });
    await say(firstThread, mentionMessage('this chat is liaison group 2'));
    const laterThread = testBot.conversation({ kind: 'channel', conversationId: '19:liaison@thread.tacv2;messageid=2002', userId: 'aad-head-1' });
    expect(texts(await say(laterThread, mentionMessage('which liaison group is this')))).toContain('This chat acts for Liaison group 2 (placeholder name).');
  });

  it('someone the bot does not know cannot link a chat', async () => {
    testBot = await createTestBot();
    const stranger = testBot.conversation({ kind: 'groupChat', conversationId: CHAT, userId: 'aad-stranger' });
    const reply = texts(await say(stranger, mentionMessage('this chat is liaison group 3')));
    expect(reply).not.toContain('Done');
  });
});

describe('type-ahead in cards', () => {
  const search = (queryText: string, dataset = 'schools') => ({
    type: 'invoke',
    name: 'application/search',
    value: { kind: 'search', queryText, dataset, queryOptions: { skip: 0, top: 5 } },
  });
  const resultsOf = (replies: { type?: string; value?: unknown }[]) =>
    ((replies.find((reply) => reply.type === 'invokeResponse')?.value as { body: { value: { results: { title: string; value: string }[] } } }).body.value.results);

  it('offers schools by name as the user types, forgiving a typo', async () => {
    testBot = await createTestBot();
    const results = resultsOf(await say(testBot.conversation(), search('oakfeild')));
    expect(results[0]).toEqual({ title: 'Fictional Oakfield Primary School (demo) (URN 900001)', value: '900001' });
  });

  it('in a liaison group chat offers only that group’s schools', async () => {
    testBot = (await rolesBot()).bot;
    await verifiedAs(testBot, 'aad-head-1', "I'm the head of 900001");
    const chat = testBot.conversation({ kind: 'groupChat', conversationId: '19:lg1@thread.v2', userId: 'aad-head-1' });
    await say(chat, mentionMessage('this chat is liaison group 1'));
    const results = resultsOf(await say(chat, search('fictional', 'liaisonGroupSchools')));
    expect(results.length).toBeGreaterThan(0);
    const groupOne = testBot.services.store;
    for (const result of results) {
      const school = (await groupOne.read<{ liaisonGroupId?: string }>(`directory/schools/${result.value}`))?.value;
      expect(school?.liaisonGroupId).toBe('lg-01');
    }
  });

  it('refuses a dataset it does not know', async () => {
    testBot = await createTestBot();
    const replies = await say(testBot.conversation(), search('x', 'bank-accounts'));
    expect((replies.find((reply) => reply.type === 'invokeResponse')?.value as { body: { statusCode: number } }).body.statusCode).toBe(400);
  });
});
