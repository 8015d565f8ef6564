import { afterEach, describe, expect, it } from 'vitest';
import { ATTENDANCE_VERBS } from '../../../cards/attendanceCards.js';
import { cardOf, cardText, mentionMessage, say, type TestBot } from '../../support/testBot.js';
import {
  AFTER_W2,
  chatAs,
  CHESHAM_HEAD,
  choicesOf,
  clockAt,
  execute,
  HEAD,
  inputsOf,
  invokeBody,
  SIT,
  STAFF,
  startAttendanceBot,
  storedRecords,
  submit,
} from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const logAs = (fields: Record<string, unknown>, id?: string) =>
  submit(ATTENDANCE_VERBS.log, { sessionId: 'W2', attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status: 'present', ...fields }, id);

describe('logging attendance', () => {
  it('offers the sessions that have started, most recent first, with the user as the attendee', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const [reply] = await say(chatAs(bot, HEAD), 'log attendance');
    const card = cardOf(reply);
    expect(cardText(card)).toContain('For Amersham Primary.');
    expect(choicesOf(card, 'sessionId')).toEqual([
      'Workshop Meeting 2 (W2), 11 February 2022',
      'Training Session 2 (T2), 31 January 2022',
      'Workshop Meeting 1 (W1), 1 November 2021',
      'Training Session 1 (T1), 1 October 2021',
    ]);
    const inputs = inputsOf(card);
    expect([inputs.sessionId?.value, inputs.attendeeName?.value, inputs.attendeeRole?.value]).toEqual(['W2', 'Hana Head', 'Headteacher']);
    expect(choicesOf(card, 'status')).toEqual(['Present', 'Sent apologies', 'Absent']);
  });

  it('a member of staff is offered their own name and role', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const card = cardOf((await say(chatAs(bot, STAFF), 'log attendance for T2'))[0]);
    expect(cardText(card)).toContain('For Beaconsfield High.');
    expect([inputsOf(card).sessionId?.value, inputsOf(card).attendeeName?.value, inputsOf(card).attendeeRole?.value]).toEqual(['T2', 'Sam Staff', 'Member of staff']);
  });

  it('opens the log with the session and the status a sentence names', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    for (const [words, session, status] of [
      ['log me present at T1', 'T1', 'present'],
      ['I went to T2 yesterday, log me as present', 'T2', 'present'],
      ['we sent apologies for W1', 'W1', 'apologies'],
    ] as const) {
      const card = cardOf((await say(chatAs(bot, HEAD), words))[0]);
      expect([inputsOf(card).sessionId?.value, inputsOf(card).status?.value], words).toEqual([session, status]);
    }
  });

  it('logs the attendance and says so', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const [reply] = await say(chatAs(bot, HEAD), logAs({}));
    expect(cardText(cardOf(reply))).toContain('Attendance logged');
    expect(cardText(cardOf(reply))).toContain('Thank you. I have logged Hana Head for Amersham Primary.');
    expect(await storedRecords(bot.store)).toEqual([
      {
        sessionId: 'W2',
        urn: '100001',
        attendeeName: 'Hana Head',
        attendeeRole: 'Headteacher',
        status: 'present',
        loggedBy: { aadObjectId: HEAD.aadObjectId, name: HEAD.name },
        loggedAt: AFTER_W2.toISOString(),
      },
    ]);
  });

  it('logging again for the same session, school and attendee corrects the record, never duplicates it', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const chat = chatAs(bot, HEAD);
    await say(chat, logAs({}));
    const [reply] = await say(chat, logAs({ attendeeName: 'hana  HEAD', status: 'apologies' }));
    expect(cardText(cardOf(reply))).toContain('Attendance corrected');
    const records = await storedRecords(bot.store);
    expect(records.map((record) => [record.sessionId, record.attendeeName, record.status])).toEqual([['W2', 'hana  HEAD', 'apologies']]);
  });

  it('another attendee from the same school is a second record', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const chat = chatAs(bot, HEAD);
    await say(chat, logAs({}));
    await say(chat, logAs({ attendeeName: 'Jane Doe', attendeeRole: 'Pupil Premium Lead' }));
    expect((await storedRecords(bot.store)).map((record) => record.attendeeName).sort()).toEqual(['Hana Head', 'Jane Doe']);
  });

  it('the button works as a Universal Action too, answered in place', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const body = invokeBody(await say(chatAs(bot, HEAD), execute(ATTENDANCE_VERBS.log, { sessionId: 'T2', attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status: 'absent' })));
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain('Attendance logged');
    expect((await storedRecords(bot.store)).map((record) => [record.sessionId, record.status])).toEqual([['T2', 'absent']]);
  });

  it.each([
    ['a session that has not started', 'log attendance for T3', 'Training Session 3 (T3) has not started yet: it is on 20 May 2022 (time to be confirmed). Say “log attendance” to choose from the sessions that have started.'],
    ['a session that does not exist', 'log attendance for X9', 'There is no session X9 in the 2021/22 programme. Say “log attendance” to choose from the sessions that have started.'],
    ['the task, which is handed in rather than attended', 'log attendance for IT', 'Intersessional task (IT) is handed in, not attended: record it as submitted instead.'],
  ])('refuses %s with the reason', async (_rule, text, answer) => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const replies = await say(chatAs(bot, HEAD), text);
    expect(replies.map((reply) => reply.text)).toEqual([answer]);
    expect(await storedRecords(bot.store)).toEqual([]);
  });

  it('a card sent for a session that has not started shows the reason on the form and saves nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const card = cardOf((await say(chatAs(bot, HEAD), logAs({ sessionId: 'T3', attendeeName: '' })))[0]);
    const text = cardText(card);
    expect(text).toContain('Training Session 3 (T3) has not started yet');
    expect(text).toContain('The attendee\'s name is empty.');
    expect(await storedRecords(bot.store)).toEqual([]);
  });

  it('before the first session there is nothing to log', async () => {
    bot = await startAttendanceBot(clockAt(new Date('2021-09-20T09:00:00Z')).now);
    const replies = await say(chatAs(bot, HEAD), 'log attendance');
    expect(replies.map((reply) => reply.text)).toEqual(['No session has started yet, so there is nothing to log. The first is Training Session 1 (T1) on 1 October 2021 at 14:00.']);
  });

  it('tells someone with no school profile how to set one', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const replies = await say(chatAs(bot, { aadObjectId: 'aad-stranger', name: 'Pat Stranger' }), 'log attendance');
    expect(replies.map((reply) => reply.text)).toEqual([
      'I do not know yet which school you work at. Tell me, for example “I’m the head of Oakfield Primary” or “I work at 900123”, and then ask me again.',
    ]);
  });

  it('a card pressed by someone with no school profile changes nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const replies = await say(chatAs(bot, { aadObjectId: 'aad-stranger', name: 'Pat Stranger' }), logAs({}));
    expect(replies.map((reply) => reply.text)[0]).toContain('I do not know yet which school you work at.');
    expect(await storedRecords(bot.store)).toEqual([]);
  });

  it('points an administrator without a school to the register', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const replies = await say(chatAs(bot, SIT), 'log attendance');
    expect(replies.map((reply) => reply.text)).toEqual([
      'You do not have a school of your own in my records. To record attendance across schools, say “register for T2” (or any session’s id).',
    ]);
  });

  it('is done in a personal chat, not a group chat', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const replies = await say(bot.conversation({ kind: 'groupChat', userId: HEAD.aadObjectId }), mentionMessage('log attendance'));
    expect(replies.map((reply) => reply.text)).toEqual(['That is something to do in a personal chat with me: open a chat with me and ask there.']);
  });

  it('the same activity delivered twice logs once', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const chat = chatAs(bot, HEAD);
    const first = await say(chat, logAs({}, 'activity-log-1'));
    const second = await say(chat, logAs({ status: 'absent' }, 'activity-log-1'));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
    expect((await storedRecords(bot.store)).map((record) => [record.sessionId, record.urn, record.status])).toEqual([['W2', '100001', 'present']]);
  });
});

describe('the intersessional task', () => {
  it('cannot be handed in before the session that sets it', async () => {
    bot = await startAttendanceBot(clockAt(new Date('2022-01-20T09:00:00Z')).now);
    const replies = await say(chatAs(bot, HEAD), 'Mark the intersessional task as submitted');
    expect(replies.map((reply) => reply.text)).toEqual([
      'Intersessional task (IT) is set at Training Session 2 (T2), on 31 January 2022 (time to be confirmed): it can be handed in after that.',
    ]);
  });

  it('is recorded once; saying it again changes nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const chat = chatAs(bot, HEAD);
    expect((await say(chat, 'Mark the intersessional task as submitted')).map((reply) => reply.text)).toEqual([
      'Thank you. I have recorded Amersham Primary’s intersessional task as submitted today. The School Improvement Team will send individual feedback on your strategy plan.',
    ]);
    expect((await say(chat, 'we have submitted the intersessional task')).map((reply) => reply.text)).toEqual([
      'Amersham Primary’s intersessional task was already recorded as submitted on 11 February 2022, so there is nothing more to do.',
    ]);
    const stored = await bot.store.list('attendance/tasks/');
    expect(stored.map((record) => record.key)).toEqual(['attendance/tasks/IT/100001']);
  });
});

describe("a school's record", () => {
  it('shows sessions attended out of six and the task', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const chat = chatAs(bot, HEAD);
    await say(chat, logAs({ sessionId: 'T1' }));
    await say(chat, logAs({ sessionId: 'W1', status: 'apologies' }));
    const text = cardText(cardOf((await say(chat, "my school's attendance"))[0]));
    expect(text).toContain('Amersham Primary: attendance 2021/22');
    expect(text).toContain('Sessions attended: 1 of 6');
    expect(text).toContain('Intersessional task: not submitted yet');
    expect(text).toContain('1 November 2021: Sent apologies');
    expect(text).toContain('20 May 2022: Coming up');
    expect(text).toContain('Mark the intersessional task as submitted');
    expect(text).not.toContain('Missed so far');
  });

  it('for a champion school, flags every missed session', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    // As the nomination journey stores it: the nomination with its chat and who acted on its card.
    const nomination = { groupId: 'lg-01', status: 'selected', first: { urn: '100001', champion: {}, criteria: {} }, second: { champion: {}, criteria: {} }, commitmentsConfirmed: true, history: [] };
    await bot.store.write('nominations/lg-01', { nomination, conversationId: '19:lg-01@thread.v2', actedBy: [] }, null);
    await bot.store.write('nominations/commitments/100002', { status: 'selected', first: { urn: '100002' } }, null);
    const chat = chatAs(bot, HEAD);
    await say(chat, logAs({ sessionId: 'T1' }));
    await say(chat, logAs({ sessionId: 'W1', status: 'apologies' }));
    const text = cardText(cardOf((await say(chat, 'our attendance'))[0]));
    expect(text).toContain('As a champion school, Amersham Primary is asked to attend every session. Missed so far:');
    expect(text).toContain('• Workshop Meeting 1 (W1), 1 November 2021: sent apologies');
    expect(text).toContain('• Training Session 2 (T2), 31 January 2022: not logged');
    expect(text).toContain('• Workshop Meeting 2 (W2), 11 February 2022: not logged');
    expect(text).not.toContain('• Training Session 1');
    const other = cardText(cardOf((await say(chatAs(bot, STAFF), 'our attendance'))[0]));
    expect(other).not.toContain('Missed so far');
  });

  it('a nomination of an unexpected shape does not stop the record', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await bot.store.write('nominations/lg-01', { half: 'written' }, null);
    const text = cardText(cardOf((await say(chatAs(bot, HEAD), "my school's attendance"))[0]));
    expect(text).toContain('Sessions attended: 0 of 6');
  });

  it('the SIT may see any school’s record; a headteacher only their own', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect(cardText(cardOf((await say(chatAs(bot, SIT), 'attendance for 100003'))[0]))).toContain('Chesham Special: attendance 2021/22');
    expect((await say(chatAs(bot, HEAD), 'attendance for 100003')).map((reply) => reply.text)).toEqual([
      'You can see and change only your own school’s records (URN 100001), and this is URN 100003. Ask about your own school, or ask the School Improvement Team about another school.',
    ]);
  });

  it('a school cancelled from the calendar keeps its records, and the count is out of the sessions still running', async () => {
    const clock = clockAt(AFTER_W2);
    bot = await startAttendanceBot(clock.now);
    await say(chatAs(bot, CHESHAM_HEAD), submit(ATTENDANCE_VERBS.log, { sessionId: 'W2', attendeeName: 'Chris Chesham', attendeeRole: 'Headteacher', status: 'present' }));
    const sit = chatAs(bot, SIT);
    await say(sit, 'cancel session W2');
    expect((await say(sit, 'yes')).map((reply) => reply.text)).toEqual([
      'Cancelled W2. Attendance already recorded for it is kept, and schools get no reminders for it.',
    ]);
    expect((await storedRecords(bot.store)).map((record) => record.sessionId)).toEqual(['W2']);
    const text = cardText(cardOf((await say(chatAs(bot, CHESHAM_HEAD), "my school's attendance"))[0]));
    expect(text).toContain('Sessions attended: 0 of 5');
    expect(text).toContain('11 February 2022: Cancelled');
    expect((await say(chatAs(bot, CHESHAM_HEAD), 'log attendance for W2')).map((reply) => reply.text)[0]).toContain(
      'Workshop Meeting 2 (W2) was cancelled, so there is no attendance to log for it.',
    );
  });
});
