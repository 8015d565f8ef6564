import type { Activity } from 'botbuilder';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { SELF_EVALUATION_VERBS as VERBS } from '../../../cards/selfEvaluationCards.js';
import { SelfEvaluationRepository } from '../../../storage/selfEvaluationRepository.js';
import { execute, inputsOf, submit } from '../attendance/support.js';
import { RecordingMessenger } from '../directory/roles.js';
import { cardOf, cardText, replyText, say, type TestBot } from '../../support/testBot.js';
import { chat, closeBots, executedCard, HEAD, OTHER_HEAD, PENDING, restart, SIT_ID, STAFF, startBot } from './support.js';

afterEach(closeBots);

const actionsOf = async (bot: TestBot, urn = '100001') => (await new SelfEvaluationRepository(bot.store).get(urn))?.actions ?? [];
const hostile = '[Sign in](https://evil.example) ${keyAction} # Urgent';

/** Fails the first message to each person, as a passing network fault would. */
class FlakyMessenger extends RecordingMessenger {
  readonly failed = new Set<string>();
  override async sendToPerson(aadObjectId: string, activity: Partial<Activity>) {
    if (!this.failed.has(aadObjectId)) {
      this.failed.add(aadObjectId);
      throw new Error('connection reset');
    }
    return super.sendToPerson(aadObjectId, activity);
  }
}

describe('the action plan from the self-evaluation’s next steps', () => {
  it('turns a next step into an action under Appendix 1’s columns, lists it for “our action plan”, and marks actions done by words and by tap', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    await say(head, 'self-evaluation');
    await say(head, execute(VERBS.save, { keyIssue: 2, move: 'stay', step: 'beginning', lead: 'AO', nextSteps: 'Ensure SIPs focus on NtG as part of regular dialogue with schools' }));

    const empty = cardOf((await say(head, 'our action plan')).at(-1));
    expect(cardText(empty)).toContain('No actions yet');
    // Appendix 1 is the LA team's own plan: that a school's plan takes its columns is said to be ours.
    expect(cardText(empty)).toContain("Using its columns for a school's action plan is the council's own choice.");
    expect(inputsOf(empty).keyIssue?.value).toBe('2');

    const form = executedCard(await say(head, execute(VERBS.actionNew, { keyIssue: '2' })));
    expect(inputsOf(form).keyAction?.value).toBe('Ensure SIPs focus on NtG as part of regular dialogue with schools');
    expect(inputsOf(form).lead?.value).toBe('AO');
    expect(Object.values(inputsOf(form)).map((input) => input.label)).toEqual(['Key Actions', 'Lead', 'Time scale', 'Outcome', 'Monitoring']);

    // A time scale the bot cannot read: the card comes back with the words as typed, and nothing is saved.
    const typed = { keyIssue: 2, keyAction: 'Ensure SIPs focus on NtG', lead: 'AO', outcome: 'NTG reported in Annual Report to Governors', monitoring: 'SIP QA' };
    const refused = executedCard(await say(head, execute(VERBS.actionAdd, { ...typed, timeScale: 'whenever' })));
    expect(cardText(refused)).toContain('I could not read the time scale “whenever”');
    expect(inputsOf(refused).outcome?.value).toBe(typed.outcome);
    expect(await actionsOf(bot)).toEqual([]);

    const added = executedCard(await say(head, execute(VERBS.actionAdd, { ...typed, timeScale: 'Autumn 2024' })));
    expect(cardText(added)).toContain('Added action 1.');
    expect(cardText(added)).toContain('Autumn 2024 (by 31 December 2024)');
    expect(cardText(added)).toContain('key issue 2’s next steps');
    // The key issue planned is no longer offered.
    expect(inputsOf(added).keyIssue).toBeUndefined();

    // A colleague adds a blank one, by the Action.Submit fallback, with words another person will read.
    const staff = chat(bot, STAFF);
    await say(staff, submit(VERBS.actionAdd, { keyAction: hostile, lead: 'SLT', timeScale: '2025', outcome: '', monitoring: 'Governors/SIP/LA' }));
    expect((await actionsOf(bot)).map((action) => [action.number, action.addedBy.name])).toEqual([[1, 'Hana Head'], [2, 'Sam Staff']]);

    const plan = cardText(cardOf((await say(head, 'our action plan')).at(-1)));
    expect(plan).toContain('2 actions, 2 still open.');
    expect(plan).toContain('\\[Sign in\\](https\\://evil.example) ${keyAction} # Urgent');

    const done = cardText(cardOf((await say(head, 'done with action 1')).at(-1)));
    expect(done).toContain('Action 1 marked completed today.');
    expect(done).toContain('1 March 2024, Hana Head');
    const tapped = executedCard(await say(staff, execute(VERBS.actionDone, { action: '2' })));
    expect(cardText(tapped)).toContain('2 actions, 0 still open.');
    expect(replyText((await say(head, 'done with action 2'))[0])).toContain('Action 2 was already marked completed on 1 March 2024 by Sam Staff.');
    expect(replyText((await say(head, 'Mark action 9 as done.'))[0])).toContain('There is no action 9 in your school’s action plan: its actions are numbered 1, 2.');
    expect((await actionsOf(bot)).map((action) => action.completed?.by.name)).toEqual(['Hana Head', 'Sam Staff']);

    // The SIT's workbook carries every school's plan under Appendix 1's columns.
    const sit = chat(bot, { aadObjectId: SIT_ID, name: 'Sita Admin' });
    const exported = cardOf((await say(sit, 'export self-evaluations')).at(-1));
    const url = new URL(((exported?.actions as { url: string }[] | undefined) ?? [])[0]?.url ?? '');
    const file = await bot.services.exports.open(url.pathname.split('/').at(-1) ?? '', url.searchParams.get('sig') ?? '', SIT_ID);
    if (!file.ok) throw new Error('the export link did not open for its owner');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.value.bytes as never);
    const sheet = workbook.getWorksheet('Action plans');
    expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual(['URN', 'School', 'No.', 'Key Actions', 'Lead', 'Time scale', 'By', 'Outcome', 'Monitoring', 'Completed', 'From key issue']);
    expect((sheet?.getRow(2).values as unknown[]).slice(1)).toEqual(['100001', 'Amersham Primary', 1, 'Ensure SIPs focus on NtG', 'AO', 'Autumn 2024', '31 December 2024', typed.outcome, 'SIP QA', '1 March 2024', 2]);
    expect(sheet?.getRow(3).getCell(4).value).toBe(hostile);
  });

  it('shows and changes only the person’s own school’s plan, and not for the SIT, a pending claim or a group chat', async () => {
    const bot = await startBot();
    await say(chat(bot, HEAD), execute(VERBS.actionAdd, { keyAction: 'Secret plan', lead: 'AO', timeScale: 'Spring 2025' }));
    const other = chat(bot, OTHER_HEAD);
    const theirs = cardText(cardOf((await say(other, 'our action plan')).at(-1)));
    expect(theirs).toContain('Beaconsfield High');
    expect(theirs).not.toContain('Secret plan');
    expect(replyText((await say(other, 'done with action 1'))[0])).toContain('Your school’s action plan has no actions yet.');
    expect((await actionsOf(bot))[0]?.completed).toBeUndefined();

    expect(replyText((await say(chat(bot, PENDING), 'our action plan'))[0])).toContain('not verified yet');
    expect(replyText((await say(chat(bot, { aadObjectId: SIT_ID, name: 'Sita Admin' }), 'our action plan'))[0])).toContain('say “self-evaluations”');
    const group = bot.conversation({ kind: 'groupChat', userId: HEAD.aadObjectId, userName: HEAD.name });
    const inGroup = JSON.stringify(await say(group, { type: 'message', value: { verb: VERBS.actionDone, action: 1 } }));
    expect(inGroup).toContain('personal chat');
    // A payload that is not an action number is refused before anything is looked at.
    expect(JSON.stringify(await say(chat(bot, HEAD), execute(VERBS.actionDone, { action: 'all' })))).toContain('not valid');
    expect((await actionsOf(bot))[0]?.completed).toBeUndefined();
  });

  it('changes an action by words and by tap, re-arms its reminder for a new date, keeps a colleague’s change, and reopens a done one', async () => {
    const messenger = new RecordingMessenger();
    const bot = await startBot(messenger);
    const head = chat(bot, HEAD);
    await say(head, execute(VERBS.actionAdd, { keyAction: 'Governors briefing on NtG Strategy', lead: 'AO/JC', timeScale: 'Spring 2024', outcome: 'Governors informed' }));
    await bot.runScheduled(new Date('2024-03-17T09:00:00Z'));
    expect(messenger.toPeople.map((message) => message.text)).toEqual([expect.stringContaining('is due by 31 March 2024')]);

    // By words: the card carries the action's words and the version it shows.
    const form = cardOf((await say(head, 'Edit action 1.')).at(-1));
    expect(cardText(form)).toContain('Action 1');
    expect(inputsOf(form).timeScale?.value).toBe('Spring 2024');
    const save = (JSON.stringify(form).match(/"verb":"selfEvaluation\.actions\.save","data":(\{[^}]*\})/) ?? [])[1] ?? '{}';
    expect(JSON.parse(save)).toEqual({ action: 1, version: '0' });

    // A colleague opens the same card by tap, from the plan's choice of action.
    const staff = chat(bot, STAFF);
    const plan = cardOf((await say(staff, 'our action plan')).at(-1));
    expect(inputsOf(plan).action?.value).toBe('1');
    expect(cardText(executedCard(await say(staff, execute(VERBS.actionEdit, { action: '1' }))))).toContain('Action 1');

    const moved = executedCard(await say(head, execute(VERBS.actionSave, { action: 1, version: '0', keyAction: 'Governors briefing on NtG Strategy', lead: 'AO/JC', timeScale: 'Summer 2024', outcome: 'Governors informed' })));
    expect(cardText(moved)).toContain('Saved action 1.');
    expect(cardText(moved)).toContain('Summer 2024 (by 31 August 2024)');
    expect((await actionsOf(bot))[0]?.remindedAt).toBeUndefined();

    // The colleague's card was shown before that change: nothing is saved, and the card says whose words are there now.
    const staleWords = { action: 1, version: '0', keyAction: 'Brief governors', lead: 'SLT', timeScale: 'Spring 2024' };
    const stale = executedCard(await say(staff, execute(VERBS.actionSave, staleWords)));
    expect(cardText(stale)).toContain('Hana Head changed action 1 after this card was shown, so nothing was saved.');
    expect(cardText(stale)).toContain('Time scale: “Summer 2024”');
    expect(inputsOf(stale).keyAction?.value).toBe('Brief governors');
    expect((await actionsOf(bot))[0]).toMatchObject({ keyAction: 'Governors briefing on NtG Strategy', timeScale: 'Summer 2024' });

    // The new date is reminded once, 14 days before 31 August.
    await bot.runScheduled(new Date('2024-08-17T09:00:00Z'));
    await bot.runScheduled(new Date('2024-08-18T09:00:00Z'));
    expect(messenger.toPeople.map((message) => message.text)).toEqual([expect.stringContaining('is due by 31 March 2024'), expect.stringContaining('is due by 31 August 2024')]);

    await say(head, 'done with action 1');
    const reopened = executedCard(await say(staff, execute(VERBS.actionReopen, { action: '1' })));
    expect(cardText(reopened)).toContain('Action 1 is open again.');
    expect(cardText(reopened)).toContain('1 action, 1 still open.');
    expect(replyText((await say(head, 'reopen action 1'))[0])).toContain('Action 1 is not marked completed, so there is nothing to reopen.');
    await say(head, 'action 1 is done');
    expect(cardText(cardOf((await say(head, 'Action 1 is not done yet')).at(-1)))).toContain('Action 1 is open again.');
    expect((await actionsOf(bot))[0]?.completed).toBeUndefined();
  });

  it('changes nothing for hostile or misplaced edits: another school, a pending claim, a group chat, bad words or payloads', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    await say(head, execute(VERBS.actionAdd, { keyAction: 'Secret plan', lead: 'AO', timeScale: 'Spring 2025' }));
    await say(head, 'done with action 1');
    const before = await actionsOf(bot);
    const words = { action: 1, version: '0', keyAction: hostile, lead: 'X', timeScale: '2025' };

    const other = chat(bot, OTHER_HEAD);
    expect(replyText((await say(other, 'edit action 1'))[0])).toContain('Your school’s action plan has no actions yet.');
    expect(JSON.stringify(await say(other, execute(VERBS.actionSave, words)))).toContain('Your school’s action plan has no actions yet.');
    expect(JSON.stringify(await say(other, execute(VERBS.actionReopen, { action: 1 })))).toContain('Your school’s action plan has no actions yet.');
    expect(JSON.stringify(await say(chat(bot, PENDING), execute(VERBS.actionSave, words)))).toContain('not verified yet');
    expect(replyText((await say(chat(bot, { aadObjectId: SIT_ID, name: 'Sita Admin' }), 'reopen action 1'))[0])).toContain('say “self-evaluations”');
    const group = bot.conversation({ kind: 'groupChat', userId: HEAD.aadObjectId, userName: HEAD.name });
    expect(JSON.stringify(await say(group, { type: 'message', value: { verb: VERBS.actionReopen, action: 1 } }))).toContain('personal chat');

    expect(replyText((await say(head, 'edit action 7'))[0])).toContain('There is no action 7 in your school’s action plan: its actions are numbered 1.');
    const unreadable = executedCard(await say(head, execute(VERBS.actionSave, { ...words, timeScale: 'whenever', lead: '' })));
    expect(cardText(unreadable)).toContain('Please fill in Lead.');
    expect(cardText(unreadable)).toContain('I could not read the time scale “whenever”');
    expect(cardText(executedCard(await say(head, execute(VERBS.actionSave, { ...words, outcome: 'x'.repeat(501) }))))).toContain('Outcome is 501 characters long');
    for (const payload of [{ ...words, action: 'all' }, { ...words, version: 'x'.repeat(13) }, { ...words, keyAction: { $set: 'x' } }]) {
      expect(JSON.stringify(await say(head, execute(VERBS.actionSave, payload)))).toContain('not valid');
    }
    expect(await actionsOf(bot)).toEqual(before);
  });

  it('reminds whoever added an action before its date, once, across a restart, and tries again after a passing failure', async () => {
    const messenger = new FlakyMessenger();
    const bot = await startBot(messenger);
    const head = chat(bot, HEAD);
    await say(head, execute(VERBS.actionAdd, { keyAction: 'Governors briefing on NtG Strategy', lead: 'AO/JC', timeScale: 'Spring 2024' }));
    await say(head, execute(VERBS.actionAdd, { keyAction: 'Done early', lead: 'SLT', timeScale: 'Spring 2024' }));
    await say(head, execute(VERBS.actionAdd, { keyAction: 'Carries on', lead: 'SLT', timeScale: 'Spring 2024 onwards' }));
    await say(head, 'done with action 2');

    await bot.runScheduled(new Date('2024-03-16T09:00:00Z'));
    expect(messenger.toPeople).toEqual([]);
    expect(messenger.failed.size).toBe(0);

    // 17 March is 14 days before the end of spring term (31 March): not at midnight, but from 09:00 London (the council's own hour);
    // the first try fails, the next run sends it.
    await bot.runScheduled(new Date('2024-03-17T00:05:00Z'));
    expect(messenger.failed.size).toBe(0);
    await bot.runScheduled(new Date('2024-03-17T09:00:00Z'));
    expect(messenger.failed.has(HEAD.aadObjectId)).toBe(true);
    expect(messenger.toPeople).toEqual([]);
    await bot.runScheduled(new Date('2024-03-17T09:01:00Z'));
    expect(messenger.toPeople).toEqual([
      {
        aadObjectId: HEAD.aadObjectId,
        text: 'A reminder: action 1 in Amersham Primary’s action plan is due by 31 March 2024 (Time scale: Spring 2024): “Governors briefing on NtG Strategy”. Say “our action plan” to see it, or “done with action 1” once it is done.',
      },
    ]);
    await bot.runScheduled(new Date('2024-03-18T09:00:00Z'));
    const restarted = await restart(bot, messenger);
    await restarted.runScheduled(new Date('2024-04-18T09:00:00Z'));
    expect(messenger.toPeople).toHaveLength(1);
  });
});
