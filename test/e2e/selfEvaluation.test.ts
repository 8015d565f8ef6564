import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_QUESTIONS } from '../../domain/selfEvaluation/questions.js';
import { adaptiveCardOf, answeredCard, cardText, messageSaying, PlaygroundSession, pressOn, said } from './journeyHelpers.js';

/**
 * The self-evaluation end to end: the real bot process with the demo directory, spoken to through
 * the Agents Playground as a Teams client, as a verified headteacher: a key issue answered on its
 * card, resumed after the bot restarts, a next step turned into an action and marked done.
 */

const OAKFIELD = 'Fictional Oakfield Primary School (demo)';
const question = (number: number) => SHIPPED_QUESTIONS.keyIssues[number - 1]?.question ?? '';

describe('the self-evaluation through the Agents Playground', () => {
  const session = new PlaygroundSession();
  const personal = (text: string, expected: string) => session.personal(text, expected);

  beforeAll(() => session.start('self-evaluation-bot'));
  afterAll(() => session.stop());

  it('a headteacher answers key issue 1 on its card, resumes at key issue 2 after a restart, and turns its next steps into an action marked done', async () => {
    const chat = session.playground.config().personalChatId;
    await personal("I'm the head of 900001", `Is it ${OAKFIELD} (URN 900001, Buckinghamshire)?`);
    await personal('yes', 'not yet verified');
    await session.approveClaimAsTheSit();

    const first = messageSaying(await personal('self-evaluation', question(1)), question(1));
    expect(cardText(adaptiveCardOf(first))).toContain("is the council's choice");
    const typed = { step: 'developing', whereAreWe: 'Governors ask each term.', lead: 'Deputy head', evidence: 'SEF', nextSteps: 'Brief governors on the NtG strategy', impact: 'Gap down 4 points' };
    const second = cardText(answeredCard(await pressOn(session.playground, chat, first.messageId, adaptiveCardOf(first), 'Next', typed)));
    expect(second).toContain('Saved key issue 1.');
    expect(second).toContain(question(2));

    await session.restartBot();
    expect(said(await personal('self-evaluation', question(2)))).toContain('Welcome back: you were on key issue 2.');

    const planMessage = messageSaying(await personal('our action plan', 'Action plan'), 'Action plan');
    const form = answeredCard(await pressOn(session.playground, chat, planMessage.messageId, adaptiveCardOf(planMessage), 'Turn into an action', { keyIssue: '1' }));
    expect(cardText(form)).toContain('Brief governors on the NtG strategy');
    const added = cardText(answeredCard(await pressOn(session.playground, chat, planMessage.messageId, form, 'Add to the action plan', { timeScale: 'Spring 2020', monitoring: 'Governors/SIP/LA' })));
    expect(added).toContain('Added action 1.');
    expect(added).toContain('Spring 2020 (by 31 March 2020)');
    expect(said(await personal('done with action 1', 'marked completed today'))).toContain('Action 1 marked completed today.');
    expect(session.loggedErrors()).toEqual([]);
  });
});
