import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { SELF_EVALUATION_VERBS as VERBS } from '../../../cards/selfEvaluationCards.js';
import { SHIPPED_QUESTIONS } from '../../../domain/selfEvaluation/questions.js';
import { execute, inputsOf, invokeBody, submit } from '../attendance/support.js';
import { RecordingMessenger } from '../directory/roles.js';
import { cardOf, cardText, replyText, say } from '../../support/testBot.js';
import { answerOf, chat, closeBots, executedCard, HEAD, OTHER_HEAD, PENDING, question, restart, SIT_ID, STAFF, startBot } from './support.js';

const words = { whereAreWe: 'Governors ask about it each term.', lead: 'Deputy head', evidence: 'SEF section 3', nextSteps: 'Report to governors', impact: 'Gap down 4 points' };

afterEach(closeBots);

describe('the self-evaluation conversation', () => {
  it('starts at key issue 1 saying the questions are the council’s choice, saves and moves on, and resumes after a restart', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    const started = await say(head, 'self-evaluation');
    const card = cardOf(started.at(-1));
    expect(cardText(card)).toContain('is the council\'s choice');
    expect(cardText(card)).toContain(question(1));
    expect(Object.keys(inputsOf(card))).toEqual(['step', 'whereAreWe', 'lead', 'evidence', 'nextSteps', 'impact']);

    const next = executedCard(await say(head, execute(VERBS.save, { keyIssue: 1, move: 'next', step: 'developing', ...words })));
    expect(cardText(next)).toContain(question(2));
    expect(cardText(next)).toContain('Saved key issue 1.');
    expect(await answerOf(bot, 1)).toMatchObject({ step: 'developing', texts: words, editedBy: { aadObjectId: 'aad-head', name: 'Hana Head' } });

    const restarted = await restart(bot);
    const again = chat(restarted, HEAD);
    const resumed = await say(again, 'self-evaluation');
    expect(resumed[0]?.text).toBe('Welcome back: you were on key issue 2.');
    expect(cardText(cardOf(resumed.at(-1)))).toContain(question(2));
    const first = cardOf((await say(again, 'go to key issue 1')).at(-1));
    expect(inputsOf(first).lead?.value).toBe('Deputy head');
    expect(inputsOf(first).step?.value).toBe('developing');
  });

  it('two colleagues at the same school editing different key issues at once both keep their words', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    const staff = chat(bot, STAFF);
    await say(head, 'self-evaluation');
    await Promise.all([
      say(head, execute(VERBS.save, { keyIssue: 3, move: 'stay', step: 'beginning', lead: 'Hana' })),
      say(staff, execute(VERBS.save, { keyIssue: 9, move: 'stay', step: 'embedded', lead: 'Sam' })),
    ]);
    expect((await answerOf(bot, 3))?.texts.lead).toBe('Hana');
    expect((await answerOf(bot, 9))?.texts.lead).toBe('Sam');
    // The colleague's words are on the card, with who wrote them.
    const seen = cardOf((await say(head, 'go to key issue 9')).at(-1));
    expect(inputsOf(seen).lead?.value).toBe('Sam');
    expect(cardText(seen)).toContain('last edited by Sam Staff');
  });

  it('refuses bad input and changes nothing; another school, a pending claim and a group chat see nothing', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    await say(head, 'self-evaluation');
    const refused = executedCard(await say(head, execute(VERBS.save, { keyIssue: 2, move: 'next', step: 'excellent', lead: 'Kept on the card' })));
    expect(cardText(refused)).toContain('must be one of: Not started, Beginning, Developing, Embedded');
    expect(inputsOf(refused).lead?.value).toBe('Kept on the card');
    expect(await answerOf(bot, 2)).toBeUndefined();
    expect(replyText((await say(head, 'go to key issue 19'))[0])).toContain('There is no key issue 19');

    await say(head, execute(VERBS.save, { keyIssue: 1, move: 'stay', step: 'beginning', lead: 'Secret plan' }));
    const other = chat(bot, OTHER_HEAD);
    const theirs = cardOf((await say(other, 'self-evaluation')).at(-1));
    expect(cardText(theirs)).toContain('Beaconsfield High');
    expect(cardText(theirs)).not.toContain('Secret plan');
    const peek = JSON.stringify(await say(other, execute(VERBS.adviserOpen, { urn: '100001', keyIssue: 1 })));
    expect(peek).not.toContain('Secret plan');
    expect(peek).toContain('Only the School Improvement Team');
    expect(replyText((await say(chat(bot, PENDING), 'self-evaluation'))[0])).toContain('not verified yet');
    const group = bot.conversation({ kind: 'groupChat', userId: HEAD.aadObjectId, userName: HEAD.name });
    const inGroup = JSON.stringify(await say(group, { type: 'message', value: { verb: VERBS.open, keyIssue: 1 } }));
    expect(inGroup).not.toContain('Secret plan');
    expect(inGroup).toContain('personal chat');
  });

  it('submits a snapshot once every key issue has a step; the SIT comments and marks it reviewed; the school is told and sees the comment', async () => {
    const messenger = new RecordingMessenger();
    const bot = await startBot(messenger);
    const head = chat(bot, HEAD);
    await say(head, 'self-evaluation');
    const early = cardText(cardOf((await say(head, 'submit self-evaluation')).at(-1)));
    expect(early).toContain('Still to do: 1, 2, 3');

    const hostile = '[Sign in](https://evil.example) ${question} # Urgent';
    for (const issue of SHIPPED_QUESTIONS.keyIssues) {
      // The Action.Submit fallback, as a client without Action.Execute sends it.
      await say(head, submit(VERBS.save, { keyIssue: issue.number, move: 'next', step: 'developing', evidence: issue.number === 4 ? hostile : 'Minutes' }));
    }
    const review = cardText(cardOf((await say(head, 'review')).at(-1)));
    expect(review).toContain('0 of 18 key issues complete');
    expect(review).toContain('Developing · Partly done');
    const confirm = cardOf((await say(head, 'submit self-evaluation')).at(-1));
    expect(cardText(confirm)).toContain('spring 2024 self-evaluation');
    const submitted = executedCard(await say(head, execute(VERBS.confirmSubmit, {})));
    expect(cardText(submitted)).toContain('Submitted as your spring 2024 self-evaluation');
    // A card left open from before is not a way to change what was submitted.
    const stale = invokeBody(await say(head, execute(VERBS.save, { keyIssue: 2, move: 'stay', step: 'embedded' })));
    expect(JSON.stringify(stale.value)).toContain('has been submitted since this card was shown');

    const sit = chat(bot, { aadObjectId: SIT_ID, name: 'Sita Admin' });
    const list = cardOf((await say(sit, 'self-evaluations')).at(-1));
    expect(cardText(list)).toContain('1 submitted and waiting for review');
    expect(cardText(list)).toContain('Amersham Primary (100001)');
    const fourth = executedCard(await say(sit, execute(VERBS.adviserOpen, { urn: '100001', keyIssue: 4 })));
    // The school's words reach the adviser inert: no link, no heading, no template expression expanded.
    expect(cardText(fourth)).toContain('\\[Sign in\\](https\\://evil.example) ${question} # Urgent');
    await say(sit, execute(VERBS.comment, { urn: '100001', keyIssue: 4, move: 'next', comment: 'Share the **report** with [governors](https://x.example)' }));
    const reviewed = executedCard(await say(sit, execute(VERBS.markReviewed, { urn: '100001' })));
    expect(cardText(reviewed)).toContain('Marked reviewed');
    expect(messenger.toPeople.map((message) => message.aadObjectId)).toEqual(['aad-head']);
    expect(messenger.toPeople[0]?.text).toContain('reviewed Amersham Primary’s spring 2024 self-evaluation, with comments on 1 key issue');
    expect(JSON.stringify(await say(sit, execute(VERBS.markReviewed, { urn: '100001' })))).toContain('already marked reviewed');

    const after = cardText(cardOf((await say(head, 'review')).at(-1)));
    expect(after).toContain('reviewed by the adviser');
    expect(after).toContain('adviser commented');
    const withComment = cardText(executedCard(await say(head, execute(VERBS.open, { keyIssue: '4' }))));
    expect(withComment).toContain('Share the \\*\\*report\\*\\* with \\[governors\\](https\\://x.example)');

    // The SIT's workbook, read back: the summary, and the school's sheet shaped like Appendix 3 with its words as typed.
    const exported = cardOf((await say(sit, 'export self-evaluations')).at(-1));
    const url = new URL(((exported?.actions as { url: string }[] | undefined) ?? [])[0]?.url ?? '');
    const file = await bot.services.exports.open(url.pathname.split('/').at(-1) ?? '', url.searchParams.get('sig') ?? '', SIT_ID);
    if (!file.ok) throw new Error('the export link did not open for its owner');
    expect(file.value.filename).toBe('self-evaluations-2024-03-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.value.bytes as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', '100001 Amersham Primary', 'Action plans', 'By liaison group', 'By strand']);
    const summaryRow = (workbook.getWorksheet('Summary')?.getRow(2).values as unknown[]).slice(1);
    expect(summaryRow.slice(0, 5)).toEqual(['100001', 'Amersham Primary', 'reviewed', 'spring 2024', 'Sita Admin']);
    expect(summaryRow.slice(5)).toEqual([0, 0, 18, 0, 0, 'Amersham', '', '']);
    const sheet = workbook.getWorksheet('100001 Amersham Primary');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(['Key Issue', 'Strand', 'Where are we? (step)', 'Where are we?', 'Lead', 'Evidence', 'Next steps', 'Impact', 'Adviser’s comment']);
    expect(sheet?.getRow(5).getCell(1).value).toBe(question(4));
    expect(sheet?.getRow(5).getCell(6).value).toBe(hostile);
    expect(sheet?.getRow(5).getCell(9).value).toBe('Share the **report** with [governors](https://x.example)');
    expect(replyText((await say(head, 'export self-evaluations'))[0])).toContain('Only the School Improvement Team');

    // The next one starts from the snapshot, with last term's step and the comment beside it.
    const next = cardOf((await say(head, 'start the next self-evaluation')).at(-1));
    expect(cardText(next)).toContain('starts from your spring 2024 answers');
    const four = cardOf((await say(head, 'go to key issue 4')).at(-1));
    expect(inputsOf(four).evidence?.value).toBe(hostile);
    expect(cardText(four)).toContain('In spring 2024 you said: Developing.');
    expect(cardText(four)).toContain('Adviser’s comment (spring 2024)');
  });

  it('only the SIT reviews, and a school never comments on its own', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    expect(replyText((await say(head, 'self-evaluations'))[0])).toContain('Only the School Improvement Team');
    const refused = invokeBody(await say(head, execute(VERBS.comment, { urn: '100001', keyIssue: 1, move: 'stay', comment: 'Fine' })));
    expect(JSON.stringify(refused.value)).toContain('Only the School Improvement Team');
    const sit = chat(bot, { aadObjectId: SIT_ID, name: 'Sita Admin' });
    expect(cardText(cardOf((await say(sit, 'self-evaluations')).at(-1)))).toContain('No school has started a self-evaluation yet.');
    expect(replyText((await say(sit, 'self-evaluation'))[0])).toContain('say “self-evaluations”');
  });
});
