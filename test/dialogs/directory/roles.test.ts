import { marked } from 'marked';
import { afterEach, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { cardOf, cardText, mentionMessage, replyText, say, type TestBot } from '../../support/testBot.js';
import { execute, invokeCard } from '../nomination/harness.js';
import { claim, requestOf, rolesBot, SIT, verifiedAs, type RecordingMessenger } from './roles.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const texts = (replies: Parameters<typeof replyText>[0][]) => replies.map(replyText).join('\n');

async function start(): Promise<{ bot: TestBot; messenger: RecordingMessenger }> {
  const started = await rolesBot();
  testBot = started.bot;
  return started;
}

describe('a claim to a school role is pending until it is verified', () => {
  it('a self-declared headteacher logs attendance but sees no school record and confirms nothing until the SIT approves', async () => {
    const { bot, messenger } = await start();
    await claim(bot, 'aad-claimant', "I'm the head of 900001", 'Casey Claimant');
    const claimant = bot.conversation({ userId: 'aad-claimant', userName: 'Casey Claimant' });

    expect(texts(await say(claimant, 'my school’s attendance'))).toContain('Your role at your school is not verified yet.');
    expect(texts(await say(claimant, 'champion commitments'))).toContain('not verified yet');
    expect(cardText(cardOf((await say(claimant, 'my profile'))[0]))).toContain('Headteacher (not yet verified)');

    const sit = bot.conversation({ userId: SIT, userName: 'Sita Admin' });
    const queue = cardOf((await say(sit, 'profile requests'))[0]);
    expect(cardText(queue)).toContain('Casey Claimant');
    expect(cardText(queue)).toContain('Says they are the headteacher at Fictional Oakfield Primary School (demo) (URN 900001); not yet verified.');

    const answered = await say(sit, execute('profile.approve', await requestOf(bot, 'aad-claimant')));
    expect(cardText(invokeCard(answered))).toContain('Casey Claimant is verified as the headteacher at Fictional Oakfield Primary School (demo). I have told them.');
    expect(messenger.toPeople).toEqual([{ aadObjectId: 'aad-claimant', text: expect.stringContaining('is verified now') }]);
    expect(texts(await say(claimant, 'my school’s attendance'))).not.toContain('not verified');
  });

  it('a rejection sends the person the reason and takes the claim away', async () => {
    const { bot, messenger } = await start();
    await claim(bot, 'aad-claimant', "I'm the head of 900001");
    const sit = bot.conversation({ userId: SIT });
    const request = await requestOf(bot, 'aad-claimant');

    const noReason = await say(sit, execute('profile.reject', request));
    expect(cardText(invokeCard(noReason))).toContain('Say why you reject the request');
    expect(await new ProfileRepository(bot.store).get('aad-claimant')).toBeDefined();

    await say(sit, execute('profile.reject', { ...request, reason_0: 'Our records show **another** head.' }));
    expect(messenger.toPeople[0]?.text).toContain('was not approved. The reason given: “Our records show \\*\\*another\\*\\* head.”');
    expect(await new ProfileRepository(bot.store).get('aad-claimant')).toBeUndefined();
  });

  it('a verified headteacher approves their own school’s staff, but not a headteacher nor another school’s staff', async () => {
    const { bot } = await start();
    await verifiedAs(bot, 'aad-head', "I'm the head of 900001");
    await claim(bot, 'aad-staff', 'I work at 900001', 'Sam Staff');
    await claim(bot, 'aad-rival', "I'm the head of 900001", 'Rita Rival');
    await claim(bot, 'aad-elsewhere', 'I work at 900002', 'Eli Elsewhere');
    const head = bot.conversation({ userId: 'aad-head' });

    const queue = cardText(cardOf((await say(head, 'profile requests'))[0]));
    expect(queue).toContain('Sam Staff');
    expect(queue).not.toContain('Rita Rival');
    expect(queue).not.toContain('Eli Elsewhere');

    const rival = await say(head, execute('profile.approve', await requestOf(bot, 'aad-rival')));
    expect(texts(rival) + JSON.stringify(rival)).toContain('approved by the School Improvement Team');
    await say(head, execute('profile.approve', await requestOf(bot, 'aad-staff')));
    expect((await new ProfileRepository(bot.store).get('aad-staff'))).toMatchObject({ verification: { status: 'verified', by: 'aad-head' } });
    expect((await new ProfileRepository(bot.store).get('aad-rival'))).not.toHaveProperty('verification.by');
  });

  it('an approval pressed after the person changed their claim approves nothing', async () => {
    const { bot } = await start();
    await claim(bot, 'aad-claimant', 'I work at 900001');
    const shown = await requestOf(bot, 'aad-claimant');
    await claim(bot, 'aad-claimant', "I'm the head of 900002");
    const answered = await say(bot.conversation({ userId: SIT }), execute('profile.approve', shown));
    expect(cardText(invokeCard(answered))).toContain('answered already, or the person has changed it since');
    expect(await new ProfileRepository(bot.store).get('aad-claimant')).toMatchObject({ urn: '900002', verification: { status: 'pending' } });
  });

  it('someone who is neither the SIT nor a verified headteacher is told who approves claims', async () => {
    const { bot } = await start();
    await claim(bot, 'aad-claimant', "I'm the head of 900001");
    expect(texts(await say(bot.conversation({ userId: 'aad-claimant' }), 'profile requests'))).toContain('approved by the School Improvement Team');
  });
});

describe('one chat per liaison group', () => {
  // 900015 and 900016 are in Liaison group 3 (lg-03); 900001 is in Liaison group 1.
  const CHAT_A = '19:group-three@thread.v2';
  const CHAT_B = '19:takeover@thread.v2';
  const inChat = (bot: TestBot, conversationId: string, userId: string) => bot.conversation({ kind: 'groupChat', conversationId, userId });
  // A fresh activity each time: the TestAdapter fills in the sender of the one it is given.
  const link = () => mentionMessage('this chat is the Liaison group 3 (placeholder name) liaison group');

  it('a school outside the group, or a pending claim, cannot link a chat to it', async () => {
    const { bot } = await start();
    await verifiedAs(bot, 'aad-head-lg1', "I'm the head of 900001");
    const outsider = texts(await say(inChat(bot, CHAT_B, 'aad-head-lg1'), link()));
    expect(outsider).toContain('Your school (URN 900001) is not in this liaison group');
    await claim(bot, 'aad-pending', "I'm the head of 900015");
    expect(texts(await say(inChat(bot, CHAT_B, 'aad-pending'), link()))).toContain('not verified yet');
    expect(texts(await say(inChat(bot, CHAT_B, 'aad-pending'), mentionMessage('which liaison group is this')))).toContain('not linked');
  });

  it('a group that has its chat is moved only by the SIT, and its chat is told', async () => {
    const { bot, messenger } = await start();
    await verifiedAs(bot, 'aad-head-a', "I'm the head of 900015");
    await verifiedAs(bot, 'aad-head-b', "I'm the head of 900016");
    expect(texts(await say(inChat(bot, CHAT_A, 'aad-head-a'), link()))).toContain('Done: this chat now acts for Liaison group 3');

    const second = texts(await say(inChat(bot, CHAT_B, 'aad-head-b'), link()));
    expect(second).toContain('already has its chat');
    expect(second).toContain('ask a SIT administrator');
    expect(messenger.toChats).toEqual([]);

    expect(texts(await say(inChat(bot, CHAT_B, SIT), link()))).toContain('Done: this chat now acts for Liaison group 3');
    expect(messenger.toChats).toEqual([{ conversationId: CHAT_A, text: expect.stringContaining('moved Liaison group 3 (placeholder name) to another chat') }]);
    expect(texts(await say(inChat(bot, CHAT_A, 'aad-head-a'), mentionMessage('which liaison group is this')))).toContain('not linked');
  });

  it('in the group’s chat, someone with no verified role at one of its schools sees the nomination but cannot change or submit it', async () => {
    const { bot } = await start();
    await verifiedAs(bot, 'aad-head-a', "I'm the head of 900015");
    await verifiedAs(bot, 'aad-head-lg1', "I'm the head of 900001");
    await say(inChat(bot, CHAT_A, 'aad-head-a'), link());
    await say(inChat(bot, CHAT_A, 'aad-head-a'), mentionMessage('nominate'));

    const stranger = inChat(bot, CHAT_A, 'aad-stranger');
    expect(cardOf((await say(stranger, mentionMessage('nominate')))[0])).toBeDefined();
    const edit = { groupId: 'lg-03', choice: 'first', shown: {}, first_championName: 'Someone' };
    for (const [who, expected] of [
      ['aad-stranger', 'Tell me your school in a personal chat'],
      ['aad-head-lg1', 'is not in this liaison group'],
    ] as const) {
      const refused = await say(inChat(bot, CHAT_A, who), execute('nomination.save', edit));
      expect(JSON.stringify(refused)).toContain(expected);
      const notSubmitted = await say(inChat(bot, CHAT_A, who), execute('nomination.submit', { groupId: 'lg-03', commitmentsSeen: 'true' }));
      expect(JSON.stringify(notSubmitted)).toContain('verified headteachers and staff of the group’s schools');
    }
    const member = await say(inChat(bot, CHAT_A, 'aad-head-a'), execute('nomination.save', edit));
    expect(cardText(invokeCard(member))).toContain('saved the champion');
  });
});

describe('one person’s Markdown reaches another inert', () => {
  const CHAT = '19:group-three@thread.v2';
  // Each line would be a link, emphasis, a list or a heading if it were rendered as typed.
  // ZQX marks the typed text among the card's own words.
  const HOSTILE = ['[ZQX Sign in](https://evil.example/login)', '**ZQX urgent** _now_ ~~gone~~', '- ZQX one', '1. ZQX first', '# ZQX Heading', '> ZQX quoted', '<b>ZQX bold</b>', 'ZQX www.evil.example'];

  /** The texts a card renders as Markdown: text blocks and facts (an input shows its value as typed). */
  function renderedTexts(card: unknown): string[] {
    const found: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const element = node as Record<string, unknown>;
        if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element.text);
        if (element.type === 'FactSet' && Array.isArray(element.facts)) for (const fact of element.facts as { title: string; value: string }[]) found.push(fact.title, fact.value);
        Object.values(element).forEach(visit);
      }
    };
    visit(card);
    return found;
  }

  /** What Markdown makes of the text: none of it may be a link, emphasis, a list, a heading or a quote. */
  function expectInert(text: string): void {
    const html = marked.parse(text, { async: false });
    expect(html).not.toMatch(/<(a|em|strong|del|li|ol|ul|h[1-6]|blockquote|b)\b/);
  }

  it('a champion’s name, role note and gap note, and a member’s name, on the group’s card and the SIT’s review', async () => {
    const { bot } = await start();
    await verifiedAs(bot, 'aad-head-a', "I'm the head of 900015", '[Phish](https://evil.example)');
    await say(bot.conversation({ kind: 'groupChat', conversationId: CHAT, userId: 'aad-head-a' }), mentionMessage('this chat is liaison group 3'));
    const member = bot.conversation({ kind: 'groupChat', conversationId: CHAT, userId: 'aad-head-a', userName: '[Phish](https://evil.example)' });
    await say(member, mentionMessage('nominate'));
    for (const hostile of HOSTILE) {
      const saved = invokeCard(
        await say(
          member,
          execute('nomination.save', {
            groupId: 'lg-03',
            choice: 'first',
            shown: {},
            first_urn: '900015',
            first_championName: hostile,
            first_championRole: 'other',
            first_championRoleNote: hostile,
            first_gapEvidence: `${hostile}\n${HOSTILE.join('\n')}`,
          }),
        ),
      );
      await say(member, execute('nomination.submit', { groupId: 'lg-03', commitmentsSeen: 'true' }));
      const review = invokeCard(await say(bot.conversation({ userId: SIT }), execute('nomination.review', { groupId: 'lg-03' })));
      for (const card of [saved, review]) {
        const shown = renderedTexts(card).filter((text) => text.includes('ZQX'));
        expect(shown.length).toBeGreaterThan(0);
        for (const text of shown) expectInert(text);
      }
    }
  });

  it('a claimant’s name on the SIT’s profile requests', async () => {
    const { bot } = await start();
    await claim(bot, 'aad-claimant', "I'm the head of 900001", '[Phish](https://evil.example) **now**');
    const queue = cardText(cardOf((await say(bot.conversation({ userId: SIT }), 'profile requests'))[0]));
    const line = queue.split('\n').find((text) => text.includes('Phish'));
    expect(line).toBeDefined();
    expectInert(line!);
  });
});
