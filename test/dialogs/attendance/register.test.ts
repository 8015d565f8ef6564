import { afterEach, describe, expect, it } from 'vitest';
import { ATTENDANCE_VERBS } from '../../../cards/attendanceCards.js';
import { REGISTER_ATTENDEE, type AttendanceRecord } from '../../../domain/attendance/record.js';
import { registerChanges } from '../../../domain/attendance/register.js';
import { schoolStatusAt } from '../../../domain/attendance/summary.js';
import { AttendanceRepository } from '../../../storage/attendanceRepository.js';
import { cardOf, cardText, say, type TestBot } from '../../support/testBot.js';
import { AFTER_W2, chatAs, choicesOf, clockAt, execute, HEAD, inputsOf, invokeBody, SIT, STAFF, startAttendanceBot, storedRecords, submit } from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const saveRegister = (present: string, apologies: string, sessionId = 'W2') => submit(ATTENDANCE_VERBS.registerSave, { sessionId, present, apologies });
const headLog = (status: string, sessionId = 'W2') =>
  submit(ATTENDANCE_VERBS.log, { sessionId, attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status });

const lines = (records: AttendanceRecord[]) =>
  records.map((record) => [record.sessionId, record.urn, record.attendeeName, record.status]).sort((a, b) => a.join().localeCompare(b.join()));

describe("the SIT's register", () => {
  it('lists every school in a liaison group, with what schools logged themselves', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await say(chatAs(bot, HEAD), headLog('present'));
    const card = cardOf((await say(chatAs(bot, SIT), 'register for W2'))[0]);
    const text = cardText(card);
    expect(text).toContain('Register: Workshop Meeting 2 (W2)');
    expect(text).toContain('3 schools signed up.');
    expect(choicesOf(card, 'present')).toEqual(['Amersham Primary (URN 100001)', 'Beaconsfield High (URN 100002)', 'Chesham Special (URN 100003)']);
    expect(choicesOf(card, 'apologies')).toEqual(choicesOf(card, 'present'));
    expect(text).toContain('Amersham Primary: Hana Head (Headteacher), present');
    expect(inputsOf(card).present?.isMultiSelect).toBe(true);
  });

  it('saving writes every school’s line in one go', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const [reply] = await say(chatAs(bot, SIT), saveRegister('100001,100002', '100003'));
    expect(cardText(cardOf(reply))).toContain('Saved: 2 present, 1 sent apologies.');
    expect(lines(await storedRecords(bot.store))).toEqual([
      ['W2', '100001', REGISTER_ATTENDEE.name, 'present'],
      ['W2', '100002', REGISTER_ATTENDEE.name, 'present'],
      ['W2', '100003', REGISTER_ATTENDEE.name, 'apologies'],
    ]);
  });

  it('shows what was saved when opened again, and a school unticked becomes absent', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    await say(sit, saveRegister('100001,100002', '100003'));
    const card = cardOf((await say(sit, 'register for W2'))[0]);
    expect([inputsOf(card).present?.value, inputsOf(card).apologies?.value]).toEqual(['100001,100002', '100003']);
    const [reply] = await say(sit, saveRegister('100001', '100003'));
    expect(cardText(cardOf(reply))).toContain('Saved: 1 present, 1 sent apologies, 1 now marked absent.');
    expect(lines(await storedRecords(bot.store))).toContainEqual(['W2', '100002', REGISTER_ATTENDEE.name, 'absent']);
  });

  it('the same register saved again writes nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    await say(sit, saveRegister('100001', ''));
    const before = await bot.store.list('attendance/records/');
    const [reply] = await say(sit, saveRegister('100001', ''));
    expect(cardText(cardOf(reply))).toContain('Nothing had changed since the register was last saved.');
    expect((await bot.store.list('attendance/records/')).map((record) => record.eTag)).toEqual(before.map((record) => record.eTag));
  });

  it.each([
    ['a school ticked as both present and sending apologies', saveRegister('100001', '100001'), 'The school with URN 100001 is marked both present and sending apologies: choose one.'],
    ['a school that is not signed up', saveRegister('100004', ''), 'The school with URN 100004 is not on this session’s register.'],
  ])('refuses %s and saves nothing', async (_rule, activity, problem) => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const text = cardText(cardOf((await say(chatAs(bot, SIT), activity))[0]));
    expect(text).toContain('The register was not saved:');
    expect(text).toContain(problem);
    expect(await storedRecords(bot.store)).toEqual([]);
  });

  it('refuses the register of a session that has not started', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    expect((await say(sit, 'register for T3')).map((reply) => reply.text)).toEqual([
      'Training Session 3 (T3) has not started yet: it is on 20 May 2022 (time to be confirmed).',
    ]);
    const body = invokeBody(await say(sit, execute(ATTENDANCE_VERBS.registerSave, { sessionId: 'T3', present: '100001' })));
    expect(body.statusCode).toBe(400);
    expect(await storedRecords(bot.store)).toEqual([]);
  });

  it('asks which session when none is named', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    const [question] = await say(sit, 'register');
    expect((cardOf(question)?.body as { text?: string }[] | undefined)?.[0]?.text).toBe('Which session’s register?');
    const [card] = await say(sit, 'Training Session 2 (T2)');
    expect(cardText(cardOf(card))).toContain('Register: Training Session 2 (T2)');
  });

  it('a non-administrator is refused the register, by words and by card', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const head = chatAs(bot, HEAD);
    const refusal = 'Only the School Improvement Team keeps the register across schools. You can log and see your own school’s attendance.';
    expect((await say(head, 'register for W2')).map((reply) => reply.text)).toEqual([refusal]);
    expect((await say(head, saveRegister('100001,100002', ''))).map((reply) => reply.text)).toEqual([refusal]);
    expect(await storedRecords(bot.store)).toEqual([]);
  });
});

describe('the register and a headteacher at the same moment', () => {
  it('interleaved, each keeps one correct record: nothing lost, nothing duplicated', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    const head = chatAs(bot, HEAD);
    const staff = chatAs(bot, STAFF);
    await Promise.all([
      say(sit, saveRegister('100001', '100002')),
      say(head, headLog('apologies')),
      say(staff, submit(ATTENDANCE_VERBS.log, { sessionId: 'W2', attendeeName: 'Sam Staff', attendeeRole: 'Member of staff', status: 'present' })),
    ]);
    const records = await storedRecords(bot.store);
    expect(lines(records)).toEqual([
      ['W2', '100001', 'Hana Head', 'apologies'],
      ['W2', '100001', REGISTER_ATTENDEE.name, 'present'],
      ['W2', '100002', 'Sam Staff', 'present'],
      ['W2', '100002', REGISTER_ATTENDEE.name, 'apologies'],
    ]);
    expect(schoolStatusAt('W2', '100001', records)).toBe('present');
  });

  it('many saves and corrections racing on one store leave exactly one record per session, school and attendee', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const repository = new AttendanceRepository(bot.store);
    const urns = Array.from({ length: 20 }, (_, index) => String(200000 + index));
    const by = { aadObjectId: SIT.aadObjectId, name: SIT.name };
    const register = registerChanges('W2', urns, [], [], { by, now: AFTER_W2 });
    if (!register.ok) throw new Error(register.errors.join(' '));
    const own = (urn: string, status: 'present' | 'absent'): AttendanceRecord => ({
      sessionId: 'W2',
      urn,
      attendeeName: 'Head Teacher',
      attendeeRole: 'Headteacher',
      status,
      loggedBy: { aadObjectId: `aad-${urn}`, name: 'Head Teacher' },
      loggedAt: AFTER_W2.toISOString(),
    });
    await Promise.all([
      repository.saveRegister(register.value),
      ...urns.map((urn) => repository.log(own(urn, 'absent'))),
      ...urns.map((urn) => repository.log(own(urn, 'present'))),
      repository.saveRegister(register.value),
    ]);
    const records = await storedRecords(bot.store);
    expect(records).toHaveLength(40);
    for (const urn of urns) {
      const ofSchool = records.filter((record) => record.urn === urn);
      expect(ofSchool.map((record) => record.attendeeName).sort()).toEqual(['Head Teacher', REGISTER_ATTENDEE.name]);
      expect(ofSchool.find((record) => record.attendeeName === REGISTER_ATTENDEE.name)?.status).toBe('present');
    }
  });
});
