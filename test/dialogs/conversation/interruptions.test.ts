import { afterEach, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { createTestBot, replyText, say, tap, type TestBot } from '../../support/testBot.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const texts = (replies: Parameters<typeof replyText>[0][]) => replies.map(replyText).join('\n');

/** A system leader asked which organisation they lead: a question open, answered in words. */
async function organisationAsked() {
  testBot = await createTestBot();
  const chat = testBot.conversation({ userId: 'aad-leader', userName: 'Lee Leader' });
  expect(texts(await say(chat, "I'm a system leader"))).toContain('Which organisation do you lead');
  return { bot: testBot, chat };
}

describe('another journey’s command while a question is open', () => {
  it('asks whether to leave the question, and leaving starts that journey', async () => {
    const { chat } = await organisationAsked();
    const asked = await say(chat, 'check eligibility');
    expect(texts(asked)).toContain('Do you want to leave this question and go to “Check TSI eligibility”, or is that your answer?');
    const left = await say(chat, tap(asked, 'Leave this question'));
    expect(texts(left)).toContain('Would you like to fill in a form, or answer questions one at a time?');
  });

  it('takes the words as the answer when the user says so', async () => {
    const { bot, chat } = await organisationAsked();
    const asked = await say(chat, 'my data');
    expect(texts(asked)).toContain('or is that your answer?');
    expect(texts(await say(chat, tap(asked, 'That is my answer')))).toContain('Are you a MAT CEO or a National Leader of Education?');
    await say(chat, 'MAT CEO');
    await say(chat, 'lee@example.org');
    expect(await new ProfileRepository(bot.store).get('aad-leader')).toMatchObject({ kind: 'system_leader', organisation: 'my data' });
  });

  it('takes a different reply to the question as the answer to the open question', async () => {
    const { chat } = await organisationAsked();
    await say(chat, 'check eligibility');
    expect(texts(await say(chat, 'Oak Learning Trust'))).toContain('Are you a MAT CEO or a National Leader of Education?');
  });

  it('answers as before when the words are no command', async () => {
    const { chat } = await organisationAsked();
    expect(texts(await say(chat, 'Oak Learning Trust'))).toContain('Are you a MAT CEO or a National Leader of Education?');
  });
});

describe('words that start no journey', () => {
  async function chat() {
    testBot = await createTestBot();
    return testBot.conversation();
  }

  it('answers a greeting and thanks kindly, with the help to tap, not "did not understand"', async () => {
    const conversation = await chat();
    for (const [words, line] of [
      ['hello', 'Hello! Here is what I can do'],
      ['Good morning!', 'Hello! Here is what I can do'],
      ['thank you', 'You are welcome.'],
      ['cheers', 'You are welcome.'],
    ] as const) {
      const reply = texts(await say(conversation, words));
      expect(reply).toContain(line);
      expect(reply).not.toContain('did not understand');
    }
  });

  it('suggests the closest journeys as buttons, and a tap starts one', async () => {
    const conversation = await chat();
    const suggested = await say(conversation, 'is my skool eligable for help');
    expect(texts(suggested)).toContain('Did you mean “Check TSI eligibility”');
    expect(texts(await say(conversation, tap(suggested, 'Check TSI eligibility')))).toContain('Would you like to fill in a form, or answer questions one at a time?');
  });

  it('still says it did not understand words near no journey', async () => {
    const conversation = await chat();
    expect(texts(await say(conversation, 'purple elephants dance quietly'))).toContain('Sorry, I did not understand that.');
  });
});

describe('a school named in a question', () => {
  it('"is Oakfield Primary eligible?" starts the check for that school, found in the directory', async () => {
    testBot = await createTestBot();
    const reply = texts(await say(testBot.conversation(), 'is Oakfield Primary eligible?'));
    expect(reply).toContain('Let\'s see whether Fictional Oakfield Primary School (demo) (URN 900001) can get trust and school improvement support');
  });

  it('says so when the directory has no such school, and asks as usual', async () => {
    testBot = await createTestBot();
    const reply = texts(await say(testBot.conversation(), 'is Nowhere Academy eligible?'));
    expect(reply).toContain('I could not find a school called “nowhere academy” in the directory');
    expect(reply).toContain('Let\'s see whether a school or trust can get');
  });
});

describe('"?" on its own', () => {
  it('is a call for help while a question is open, and the question stays open', async () => {
    const { bot, chat } = await organisationAsked();
    const help = texts(await say(chat, '?'));
    expect(help).toContain('We are still in the middle of something');
    expect(help).not.toContain('Are you a MAT CEO');
    expect(texts(await say(chat, 'Oak Learning Trust'))).toContain('Are you a MAT CEO or a National Leader of Education?');
    expect(await new ProfileRepository(bot.store).get('aad-leader')).toBeUndefined();
  });

  it('gives the help with no question open, not "did not understand"', async () => {
    testBot = await createTestBot();
    const conversation = testBot.conversation();
    const help = texts(await say(conversation, ' ? '));
    expect(help).toBe(texts(await say(conversation, 'help')));
    expect(help).not.toContain('did not understand');
  });
});
