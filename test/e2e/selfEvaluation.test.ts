import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../../devtools/botProcess.js';
import { startPlayground, type Playground } from '../../devtools/playground.js';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { TempDirs } from '../support/tempDir.js';
import { adaptiveCardOf, answeredCard, approveClaimAsTheSit, BotTurns, cardText, messageSaying, pressOn, said, sayAndRead } from './journeyHelpers.js';

/**
 * The self-evaluation end to end: the real bot process with the demo directory, spoken to through
 * the Agents Playground as a Teams client, as a verified headteacher: a key issue answered on its
 * card, resumed after the bot restarts, a next step turned into an action and marked done.
 */

const OAKFIELD = 'Fictional Oakfield Primary School (demo)';
const question = (number: number) => SHIPPED_QUESTIONS.keyIssues[number - 1]?.question ?? '';

describe('the self-evaluation through the Agents Playground', () => {
  const dirs = new TempDirs();
  let dataDir: string;
  let bot: BotProcess;
  let playground: Playground;
  let turns: BotTurns;

  const startBot = (port = 0) => startBotProcess({ BOT_AUTH: 'off', DATA_DIR: dataDir, SCHEDULER_INTERVAL_SECONDS: '0', PORT: String(port) });
  const personal = (text: string, expected: string) => sayAndRead(playground, turns, playground.config().personalChatId, text, expected);
  const loggedErrors = () => bot.logs.filter((entry) => typeof entry.level === 'number' && entry.level >= 50);

  beforeAll(async () => {
    dataDir = await dirs.make('self-evaluation-bot');
    bot = await startBot();
    playground = await startPlayground({ botEndpoint: `${bot.url}/api/messages` });
    turns = await BotTurns.open(playground);
  });

  afterAll(async () => {
    turns?.close();
    await playground?.stop();
    await bot?.stop();
    await dirs.removeAll();
  });

  it('a headteacher answers key issue 1 on its card, resumes at key issue 2 after a restart, and turns its next steps into an action marked done', async () => {
    const chat = playground.config().personalChatId;
    await personal("I'm the head of 900001", `Is it ${OAKFIELD} (URN 900001, Buckinghamshire)?`);
    await personal('yes', 'not yet verified');
    bot = await approveClaimAsTheSit(bot, dataDir, playground.config().currentUser.aadObjectId, startBot);

    const first = messageSaying(await personal('self-evaluation', question(1)), question(1));
    expect(cardText(adaptiveCardOf(first))).toContain("is the council's choice");
    const typed = { step: 'developing', whereAreWe: 'Governors ask each term.', lead: 'Deputy head', evidence: 'SEF', nextSteps: 'Brief governors on the NtG strategy', impact: 'Gap down 4 points' };
    const second = cardText(answeredCard(await pressOn(playground, chat, first.messageId, adaptiveCardOf(first), 'Next', typed)));
    expect(second).toContain('Saved key issue 1.');
    expect(second).toContain(question(2));

    const { port } = bot;
    expect(await bot.stop('SIGTERM')).toBe(0);
    bot = await startBot(port);
    expect(said(await personal('self-evaluation', question(2)))).toContain('Welcome back: you were on key issue 2.');

    const planMessage = messageSaying(await personal('our action plan', 'Action plan'), 'Action plan');
    const form = answeredCard(await pressOn(playground, chat, planMessage.messageId, adaptiveCardOf(planMessage), 'Turn into an action', { keyIssue: '1' }));
    expect(cardText(form)).toContain('Brief governors on the NtG strategy');
    const added = cardText(answeredCard(await pressOn(playground, chat, planMessage.messageId, form, 'Add to the action plan', { timeScale: 'Spring 2020', monitoring: 'Governors/SIP/LA' })));
    expect(added).toContain('Added action 1.');
    expect(added).toContain('Spring 2020 (by 31 March 2020)');
    expect(said(await personal('done with action 1', 'marked completed today'))).toContain('Action 1 marked completed today.');
    expect(loggedErrors()).toEqual([]);
  });
});
