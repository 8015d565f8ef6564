import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTENDANCE_VERBS } from '../../../cards/attendanceCards.js';
import { findSession, loadProgramme, type Programme } from '../../../domain/attendance/programme.js';
import { cardOf, cardText, say, type TestBot } from '../../support/testBot.js';
import { AFTER_W2, chatAs, clockAt, execute, HEAD, inputsOf, invokeBody, SIT, startAttendanceBot, submit } from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function storedProgramme(testBot: TestBot): Promise<Programme> {
  const record = await testBot.store.read('programme/current');
  const loaded = loadProgramme(record?.value);
  if (!loaded.ok) throw new Error(loaded.errors.join(' '));
  return loaded.value;
}

type CardNode = { type: string; text?: string; id?: string; data?: Record<string, unknown> };

/** The question on a choice card (its buttons carry `answer`), or undefined for any other card. */
function choiceQuestion(card: Record<string, unknown> | undefined): string | undefined {
  const body = (card?.body ?? []) as CardNode[];
  const actions = (card?.actions ?? []) as CardNode[];
  const isChoice = actions.some((action) => action.data?.answer !== undefined) || body.some((element) => element.type === 'Input.ChoiceSet' && element.id === 'answer');
  return isChoice ? body[0]?.text : undefined;
}

/** What the bot said: a message's text, or the question on the choice card carrying a prompt's buttons, or a card's text. */
const said = (replies: Partial<Activity>[]) => replies.map((reply) => reply.text ?? choiceQuestion(cardOf(reply)) ?? cardText(cardOf(reply)));

async function conversation(chat: ReturnType<TestBot['conversation']>, ...lines: string[]): Promise<string[][]> {
  const answers: string[][] = [];
  for (const line of lines) answers.push(said(await say(chat, line)));
  return answers;
}

describe('the session calendar', () => {
  it('is stored on first use, once, as programme/current', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect(await bot.store.read('programme/current')).toBeUndefined();
    await say(chatAs(bot, HEAD), 'calendar');
    const first = await bot.store.read('programme/current');
    await say(chatAs(bot, HEAD), 'calendar');
    expect((await bot.store.read('programme/current'))?.eTag).toBe(first?.eTag);
    expect((await storedProgramme(bot)).sessions.map((session) => session.id)).toEqual(['T1', 'W1', 'T2', 'W2', 'IT', 'T3', 'W3']);
  });

  it('shows everyone the sessions; only an administrator gets the buttons to change them', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const forHead = cardText(cardOf((await say(chatAs(bot, HEAD), 'when are the sessions'))[0]));
    expect(forHead).toContain('Session calendar 2021/22');
    expect(forHead).toContain('Training session, 1 October 2021, 14:00 to 16:00');
    expect(forHead).toContain('Training session, 31 January 2022 (time to be confirmed)');
    expect(forHead).toContain('Set at T2, due before T3');
    expect(forHead).not.toContain('Add a session');
    expect(forHead).not.toContain('Cancel T2');
    const forSit = cardText(cardOf((await say(chatAs(bot, SIT), 'calendar'))[0]));
    expect(forSit).toContain('Add a session');
    expect(forSit).toContain('Cancel T2');
  });

  it('an administrator adds a network group conversationally', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const answers = await conversation(
      chatAs(bot, SIT),
      'add a session',
      'Network group',
      'Disadvantaged Network Group, spring term',
      '2 March 2022',
      '3:30pm',
      '15:00',
      '17:00',
      'https://teams.example/meet/n1',
    );
    expect(answers).toEqual([
      ['What kind of session is it?'],
      ['What is it called? For example “Disadvantaged Network Group, summer term”.'],
      ['What date is it on? For example 14 March 2022.'],
      ['What time does it start (UK time)? For example 14:00.'],
      ['And what time does it end?'],
      ['It must end after it starts (15:30). What time does it end?'],
      ['Paste the online meeting link, or say “none” if you do not have it yet.'],
      ['Added Disadvantaged Network Group, spring term (N1): 2 March 2022, 15:30 to 17:00. Champion schools will get a reminder the day before.'],
    ]);
    expect(findSession(await storedProgramme(bot), 'N1')).toMatchObject({ kind: 'network', date: '2022-03-02', start: '15:30', end: '17:00', onlineLink: 'https://teams.example/meet/n1' });
  });

  it('asks again, with the reason, for an answer it cannot read', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const answers = await conversation(chatAs(bot, SIT), 'add a session', 'Training session', 'Training Session 4', 'next Tuesday', '31/02/2022', '2022-06-30', '2', '2pm', '4pm', 'www.example.org');
    expect(answers.slice(3)).toEqual([
      ['I could not read "next Tuesday" as a date. Write it like 14/06/2023, 14 June 2023 or 2023-06-14.'],
      ['"31/02/2022" is not a real date: February 2022 has 28 days.'],
      ['What time does it start (UK time)? For example 14:00.'],
      ['Is that in the morning or the afternoon? Write it like 14:00 or 2pm.'],
      ['And what time does it end?'],
      ['Paste the online meeting link, or say “none” if you do not have it yet.'],
      ['That is not a web address starting with https://. Paste the Teams meeting link, or say “none”.'],
    ]);
    expect((await conversation(chatAs(bot, SIT), 'none'))[0]).toEqual([
      'Added Training Session 4 (T4): 30 June 2022, 14:00 to 16:00. Every signed-up school will get a reminder the day before.',
    ]);
  });

  it('an administrator moves a session; its times become confirmed', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const answers = await conversation(chatAs(bot, SIT), 'move session T3', '27 May 2022', '13:30', '15:30');
    expect(answers).toEqual([
      ['Training Session 3 (T3) is on 20 May 2022 (time to be confirmed). What is the new date?'],
      ['What time does it start (UK time)?'],
      ['And what time does it end?'],
      ['Moved Training Session 3 (T3) to 27 May 2022, 13:30 to 15:30. Attendance already recorded for it is kept.'],
    ]);
    expect(findSession(await storedProgramme(bot), 'T3')).toMatchObject({ date: '2022-05-27', start: '13:30', end: '15:30', timesConfirmed: true });
  });

  it('refuses a move the calendar cannot take, with the reason', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const answers = await conversation(chatAs(bot, SIT), 'move session T3', '1 January 2022', '14:00', '16:00');
    expect(answers[3]?.[0]).toContain('I could not move it: Intersessional task (IT) is set at T2 but due before T3, which comes no later.');
    expect(findSession(await storedProgramme(bot), 'T3')).toMatchObject({ date: '2022-05-20' });
  });

  it.each([
    ['a session that does not exist', 'move session X9', 'There is no session X9 in the 2021/22 calendar. Say “calendar” to see the sessions.'],
    ['the task', 'move session IT', 'Intersessional task (IT) has no date of its own: it is set at T2 and due before T3.'],
  ])('refuses to move %s', async (_rule, text, answer) => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect(said(await say(chatAs(bot, SIT), text))).toEqual([answer]);
  });

  it('an administrator cancels a session after confirming; saying no keeps it', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    expect(await conversation(sit, 'cancel session W3', 'no')).toEqual([
      ['Cancel Workshop Meeting 3 (W3) on 10 June 2022 (time to be confirmed)? It stays in the calendar marked as cancelled, and any attendance already recorded for it is kept.'],
      ['I have left W3 as it is.'],
    ]);
    expect(findSession(await storedProgramme(bot), 'W3')?.cancelled).toBe(false);
    await conversation(sit, 'cancel session W3', 'yes');
    expect(findSession(await storedProgramme(bot), 'W3')?.cancelled).toBe(true);
    expect(said(await say(sit, 'cancel session W3'))).toEqual(['Workshop Meeting 3 (W3) is already cancelled.']);
    expect(cardText(cardOf((await say(sit, 'calendar'))[0]))).toContain('Workshop Meeting 3 (W3): cancelled');
  });

  it.each(['add a session', 'move session T2', 'cancel session W3'])('a non-administrator saying “%s” is refused with what they may do', async (text) => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect(said(await say(chatAs(bot, HEAD), text))).toEqual([
      'Only the School Improvement Team keeps the session calendar. You can see the session dates and log your school’s attendance.',
    ]);
  });
});

describe('the calendar by card', () => {
  it('Change opens the form filled in; Save moves the session and shows the calendar', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    const form = invokeBody(await say(sit, execute(ATTENDANCE_VERBS.calendarEdit, { sessionId: 'T3' }))).value;
    expect(cardText(form)).toContain('Change Training Session 3 (T3)');
    const inputs = inputsOf(form);
    expect([inputs.title?.value, inputs.kind?.value, inputs.date?.value, inputs.start?.value, inputs.end?.value]).toEqual(['Training Session 3', 'training', '2022-05-20', '14:00', '16:00']);
    const saved = invokeBody(
      await say(sit, execute(ATTENDANCE_VERBS.calendarSave, { sessionId: 'T3', title: 'Training Session 3', kind: 'training', date: '2022-05-27', start: '09:30', end: '11:30', onlineLink: 'https://teams.example/t3' })),
    ).value;
    expect(cardText(saved)).toContain('Saved Training Session 3 (T3): 27 May 2022, 09:30 to 11:30.');
    expect(findSession(await storedProgramme(bot), 'T3')).toMatchObject({ date: '2022-05-27', start: '09:30', onlineLink: 'https://teams.example/t3', timesConfirmed: true });
  });

  it('Add a session opens an empty form; a bad form comes back with the reasons and saves nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    expect(cardText(cardOf((await say(sit, submit(ATTENDANCE_VERBS.calendarEdit, {})))[0]))).toContain('Add a session');
    const back = cardText(cardOf((await say(sit, submit(ATTENDANCE_VERBS.calendarSave, { title: 'Network Group', kind: 'network', date: '2022-03-02', start: '17:00', end: '15:30', onlineLink: 'ftp://x' })))[0]));
    expect(back).toContain('Please check this, then press **Save** again:');
    expect(back).toContain('The online link must be an https web address, such as a Teams meeting link.');
    await say(sit, 'calendar');
    expect((await storedProgramme(bot)).sessions).toHaveLength(7);
    const added = cardText(cardOf((await say(sit, submit(ATTENDANCE_VERBS.calendarSave, { title: 'Network Group', kind: 'network', date: '2022-03-02', start: '15:30', end: '17:00', onlineLink: '' })))[0]));
    expect(added).toContain('Added Network Group (N1): 2 March 2022, 15:30 to 17:00.');
  });

  it('Cancel asks first, then cancels', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    const confirm = invokeBody(await say(sit, execute(ATTENDANCE_VERBS.calendarCancel, { sessionId: 'W3' }))).value;
    expect(cardText(confirm)).toContain('Cancel Workshop Meeting 3 (W3)?');
    expect(findSession(await storedProgramme(bot), 'W3')?.cancelled).toBe(false);
    const done = invokeBody(await say(sit, execute(ATTENDANCE_VERBS.calendarCancel, { sessionId: 'W3', confirmed: true }))).value;
    expect(cardText(done)).toContain('Cancelled Workshop Meeting 3 (W3). Attendance already recorded for it is kept.');
    expect(findSession(await storedProgramme(bot), 'W3')?.cancelled).toBe(true);
  });

  it('refuses a non-administrator’s card and changes nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const body = invokeBody(await say(chatAs(bot, HEAD), execute(ATTENDANCE_VERBS.calendarCancel, { sessionId: 'W3', confirmed: true })));
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.value)).toContain('Only the School Improvement Team keeps the session calendar.');
    expect(await bot.store.read('programme/current')).toBeUndefined();
  });

  it('refuses card data it cannot read', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const body = invokeBody(await say(chatAs(bot, SIT), execute(ATTENDANCE_VERBS.calendarCancel, { sessionId: 42 })));
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.value)).toContain('Some of what the card sent is not valid.');
  });
});
