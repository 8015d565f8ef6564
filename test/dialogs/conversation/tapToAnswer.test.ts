import { afterEach, describe, expect, it } from 'vitest';
import { choiceCard } from '../../../cards/choiceCard.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { cardOf, createTestBot, replyText, say, tap, type TestBot } from '../../support/testBot.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

async function start(): Promise<TestBot> {
  testBot = await createTestBot();
  return testBot;
}

const texts = (replies: Parameters<typeof replyText>[0][]) => replies.map(replyText).join('\n');

/** Every attachment of every reply: none may be a hero card (its imBack buttons are refused by the Agents Playground). */
function contentTypes(replies: readonly { attachments?: { contentType: string }[] }[]): string[] {
  return replies.flatMap((reply) => (reply.attachments ?? []).map((attachment) => attachment.contentType));
}

describe('choices answered by tap', () => {
  it('confirms a new user’s school by tapping Yes, sent as Action.Submit data', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-new', userName: 'Nia New' });
    const asked = await say(chat, "I'm the head of 900001");
    expect(contentTypes(asked)).toEqual(['application/vnd.microsoft.card.adaptive']);
    expect(JSON.stringify(cardOf(asked[0]))).not.toContain('imBack');
    const confirmed = await say(chat, tap(asked, 'Yes'));
    expect(texts(confirmed)).toContain('Thank you. I have you as the headteacher at');
    expect((await new ProfileRepository(bot.store).get('aad-new'))?.kind).toBe('school');
  });

  it('"not sure" to "Is it this school?" says what the directory has and what each answer does, then asks again', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-new', userName: 'Nia New' });
    await say(chat, "I'm the head of 900001");
    const explained = await say(chat, 'not sure');
    expect(texts(explained)).toContain('The school directory has Fictional Oakfield Primary School (demo), URN 900001 (');
    expect(texts(explained)).toContain('If it is not, say “no”: nothing is saved, and you can tell me its URN or more of its name.');
    expect(texts(explained)).toContain('Is it Fictional Oakfield Primary School (demo) (URN 900001, Buckinghamshire)?');
    expect(await new ProfileRepository(bot.store).get('aad-new')).toBeUndefined();
    expect(texts(await say(chat, tap(explained, 'Yes')))).toContain('Thank you. I have you as the headteacher at');
  });

  it('"I don\'t know" to "Delete your data?" says nothing is deleted unless they choose to, and deletes nothing', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-new' });
    await say(chat, "I'm the head of 900001");
    await say(chat, 'yes');
    await say(chat, 'delete my data');
    const explained = await say(chat, "I don't know");
    expect(texts(explained)).toContain('Nothing is deleted unless you choose “Yes, delete my data”.');
    expect(await new ProfileRepository(bot.store).get('aad-new')).toBeDefined();
    expect(texts(await say(chat, tap(explained, 'No, keep it')))).toContain('Nothing was deleted.');
  });

  it('still takes the answer typed', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-new', userName: 'Nia New' });
    await say(chat, "I'm the head of 900001");
    expect(texts(await say(chat, 'yes'))).toContain('Thank you. I have you as the headteacher at');
  });

  it('picks a MAT CEO or NLE by tap', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-leader', userName: 'Lee Leader' });
    await say(chat, "I'm a system leader");
    const role = await say(chat, 'Oak Learning Trust');
    const email = await say(chat, tap(role, 'National Leader of Education'));
    expect(texts(email)).toMatch(/email/i);
  });

  it('asks a mistyped email again instead of dropping it', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-leader', userName: 'Lee Leader' });
    await say(chat, "I'm a system leader");
    await say(chat, 'Oak Learning Trust');
    await say(chat, 'MAT CEO');
    expect(texts(await say(chat, 'lee@oaklearning'))).toContain('That does not look like an email address. Please type it again');
    expect(texts(await say(chat, 'lee@oaklearning.org.uk'))).toContain('Thank you. I have you as a system leader.');
    expect(await new ProfileRepository(bot.store).get('aad-leader')).toMatchObject({ email: 'lee@oaklearning.org.uk' });
  });

  it('chooses how to answer the eligibility check by tap', async () => {
    const bot = await start();
    const chat = bot.conversation();
    const asked = await say(chat, 'check eligibility');
    const next = await say(chat, tap(asked, 'Answer questions one at a time'));
    expect(texts(next)).not.toContain('Please choose');
    expect(contentTypes(next)).not.toContain('application/vnd.microsoft.card.hero');
  });

  it('answers "Delete your data?" by tap, and No deletes nothing', async () => {
    const bot = await start();
    const chat = bot.conversation({ userId: 'aad-new' });
    await say(chat, "I'm the head of 900001");
    await say(chat, 'yes');
    const asked = await say(chat, 'delete my data');
    expect(texts(await say(chat, tap(asked, 'No, keep it')))).toContain('Nothing was deleted.');
    expect(await new ProfileRepository(bot.store).get('aad-new')).toBeDefined();
  });

  it('an old tap with no question open is not taken as a command', async () => {
    const bot = await start();
    const chat = bot.conversation();
    expect(texts(await say(chat, { type: 'message', value: { answer: 'Yes' } }))).toContain('I can help with');
  });
});

describe('the choice card', () => {
  const actions = (card: ReturnType<typeof choiceCard>) => card.actions as { type: string; title: string; data?: Record<string, string> }[];

  it('puts up to six short choices on buttons, each carrying its answer', () => {
    const card = choiceCard('Pick one', ['A', 'B', 'C', 'D', 'E', 'F']);
    expect(actions(card).map((action) => [action.type, action.title, action.data?.answer])).toEqual(['A', 'B', 'C', 'D', 'E', 'F'].map((choice) => ['Action.Submit', choice, choice]));
  });

  it('lists a seventh choice, or a long one, in full with one Choose button, never cut short', () => {
    const long = 'The Blessed Cardinal John Henry Newman Primary (URN 900123, Buckinghamshire)';
    for (const choices of [['1', '2', '3', '4', '5', '6', '7'], [long, 'None of these']]) {
      const card = choiceCard('Which one?', choices);
      expect(actions(card)).toHaveLength(1);
      const list = (card.body as { type: string; id?: string; choices?: { title: string; value: string }[] }[]).find((element) => element.type === 'Input.ChoiceSet');
      expect(list?.id).toBe('answer');
      expect(list?.choices?.map((choice) => choice.title)).toEqual(choices);
    }
  });
});
