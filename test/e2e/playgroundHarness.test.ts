import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNKNOWN_BUTTON } from '../../bot/teamsBot.js';
import { startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { startPlayground, type BotMessage, type Playground } from '../../devtools/playground.js';
import { TempDirs } from '../support/tempDir.js';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Everything a card says, as one string, to look for words in it. */
function cardWords(message: BotMessage): string {
  return message.attachments.map((attachment) => JSON.stringify(attachment.content)).join('\n');
}

function isCardIn(conversationId: string) {
  return (message: BotMessage) => message.conversationId === conversationId && message.attachments.some((a) => a.contentType === ADAPTIVE_CARD);
}

describe('the Agents Playground as a Teams client for the bot', () => {
  const dirs = new TempDirs();
  let bot: BotProcess;
  let playground: Playground;

  beforeAll(async () => {
    bot = await startBotProcess({ BOT_AUTH: 'off', DATA_DIR: await dirs.make('playground-bot'), SCHEDULER_INTERVAL_SECONDS: '0' });
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages` });
  });

  afterAll(async () => {
    await playground?.stop();
    await bot?.stop();
    await dirs.removeAll();
  });

  it('a message in the personal chat reaches the bot and its reply comes back on the stream', async () => {
    const { personalChatId } = playground.config();
    await playground.send(personalChatId, 'purple elephants dance quietly');
    const reply = await playground.nextBotMessage(isCardIn(personalChatId));
    expect(cardWords(reply)).toContain('Sorry, I did not understand that');
  });

  it('opening a conversation installs the bot, which greets with its welcome card', async () => {
    const { personalChatId } = playground.config();
    await playground.install(personalChatId);
    const welcome = await playground.nextBotMessage(isCardIn(personalChatId));
    expect(cardWords(welcome)).toContain('Hello! I am the school improvement assistant.');
  });

  it('in the group chat only a message that mentions the bot reaches it', async () => {
    const { groupChat } = playground.config();
    await playground.send(groupChat.id, 'help');
    await playground.send(groupChat.id, 'purple elephants dance quietly', { mentionBot: true });
    const first = await playground.nextBotMessage(isCardIn(groupChat.id));
    expect(cardWords(first)).toContain('Sorry, I did not understand that');
    expect(cardWords(first)).toContain('In this group chat');
  });

  it('another member of the group chat can speak to the bot', async () => {
    const { groupChat, currentUser } = playground.config();
    const someoneElse = groupChat.memberIds.find((id) => id !== currentUser.id)!;
    await playground.send(groupChat.id, 'help', { fromUserId: someoneElse, mentionBot: true });
    const reply = await playground.nextBotMessage(isCardIn(groupChat.id));
    expect(cardWords(reply)).toContain('In this group chat');
  });

  it("a card's Action.Execute button reaches the bot and its answer comes back to the presser", async () => {
    const { groupChat, currentUser } = playground.config();
    await playground.send(groupChat.id, 'help', { mentionBot: true });
    const card = await playground.nextBotMessage(isCardIn(groupChat.id));
    const presser = groupChat.memberIds.find((id) => id !== currentUser.id)!;
    const answer = await playground.invoke(groupChat.id, { cardMessageId: card.messageId, verb: 'no-such-button' }, { fromUserId: presser });
    expect(answer).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: UNKNOWN_BUTTON } });
  });

  it('a channel post that mentions the bot starts a thread the bot replies in', async () => {
    const { team } = playground.config();
    const post = await playground.send(team.id, 'help', { mentionBot: true });
    expect(post.conversationId).toBe(`${team.id};messageid=${post.messageId}`);
    const reply = await playground.nextBotMessage(isCardIn(post.conversationId));
    expect(cardWords(reply)).toContain('In this channel');
  });
});
