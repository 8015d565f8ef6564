import { afterEach, describe, expect, it } from 'vitest';
import { ATTENDANCE_VERBS } from '../../../cards/attendanceCards.js';
import { REGISTER_ATTENDEE, type AttendanceRecord } from '../../../domain/attendance/record.js';
import { registerChanges } from '../../../domain/attendance/register.js';
import { statusesFrom } from '../../../domain/attendance/summary.js';
import { AttendanceRepository } from '../../../storage/attendanceRepository.js';
import { cardOf, cardText, say, type TestBot } from '../../support/testBot.js';
import { AFTER_W2, chatAs, choicesOf, clockAt, execute, HEAD, inputsOf, invokeBody, SIT, STAFF, startAttendanceBot, storedRecords, submit } from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

/** A press of a page's save button: the page and each school's status, as the card sends them. */
const saveRegister = (page: string, statuses: Record<string, string>, sessionId = 'W2') =>
  submit(ATTENDANCE_VERBS.registerSave, { sessionId, page, ...Object.fromEntries(Object.entries(statuses).map(([urn, status]) => [`status-${urn}`, status])) });
const GROUP_1 = 'lg-01/1'; // Amersham Primary 100001 and Beaconsfield High 100002
const GROUP_2 = 'lg-02/1'; // Chesham Special 100003
const statusesOf = (card: unknown) =>
  Object.fromEntries(Object.entries(inputsOf(card)).flatMap(([id, input]) => (id.startsWith('status-') ? [[id.slice('status-'.length), input.value]] : [])));
const headLog = (status: string, sessionId = 'W2') =>
  submit(ATTENDANCE_VERBS.log, { sessionId, attendeeName: 'Hana Head', attendeeRole: 'Headteacher', status });

const lines = (records: AttendanceRecord[]) =>
  records.map((record) => [record.sessionId, record.urn, record.attendeeName, record.status]).sort((a, b) => a.join().localeCompare(b.join()));

describe("the SIT's register", () => {
  it('shows one liaison group at a time, each school once, with what the page’s schools logged themselves', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await say(chatAs(bot, HEAD), headLog('present'));
    const card = cardOf((await say(chatAs(bot, SIT), 'register for W2'))[0]);
    const text = cardText(card);
    expect(text).toContain('Register: Workshop Meeting 2 (W2)');
    expect(text).toContain('3 schools signed up, in 2 groups');
    expect(inputsOf(card).showPage?.value).toBe(GROUP_1);
    expect(choicesOf(card, 'showPage')).toHaveLength(2);
    expect(Object.values(inputsOf(card)).filter((input) => input.id !== 'showPage').map((input) => input.label)).toEqual([
      'Amersham Primary (URN 100001)',
      'Beaconsfield High (URN 100002)',
    ]);
    expect(choicesOf(card, 'status-100001')).toEqual(['Present', 'Sent apologies', 'Absent']);
    expect(statusesOf(card)).toEqual({ 100001: 'absent', 100002: 'absent' });
    expect(text).toContain('Amersham Primary: Hana Head (Headteacher), present');
  });

  it('the group picker shows another group’s page, by tap', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    await say(sit, headLog('present'));
    const [reply] = await say(sit, submit(ATTENDANCE_VERBS.registerShow, { sessionId: 'W2', showPage: GROUP_2 }));
    const card = cardOf(reply);
    expect(Object.keys(statusesOf(card))).toEqual(['100003']);
    expect(cardText(card)).not.toContain('Hana Head');
  });

  it('saving a page writes each of its schools, and an unset school is recorded absent as the card says', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    const [reply] = await say(sit, saveRegister(GROUP_1, { 100001: 'present', 100002: 'absent' }));
    expect(cardText(cardOf(reply))).toContain('Saved Amersham');
    expect(cardText(cardOf(reply))).toContain('1 present, 0 sent apologies, 1 absent.');
    expect(lines(await storedRecords(bot.store))).toEqual([
      ['W2', '100001', REGISTER_ATTENDEE.name, 'present'],
      ['W2', '100002', REGISTER_ATTENDEE.name, 'absent'],
    ]);
    const summary = cardText(cardOf((await say(sit, 'attendance summary'))[0]));
    expect(summary).toContain('1 present, 0 sent apologies, 1 absent, 1 no record');
  });

  it('saving one group’s page leaves the other groups’ records untouched', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    await say(sit, saveRegister(GROUP_2, { 100003: 'apologies' }));
    const before = (await bot.store.list('attendance/records/')).filter((record) => record.key.includes('100003'));
    await say(sit, saveRegister(GROUP_1, { 100001: 'present', 100002: 'present' }));
    expect(lines(await storedRecords(bot.store))).toEqual([
      ['W2', '100001', REGISTER_ATTENDEE.name, 'present'],
      ['W2', '100002', REGISTER_ATTENDEE.name, 'present'],
      ['W2', '100003', REGISTER_ATTENDEE.name, 'apologies'],
    ]);
    expect((await bot.store.list('attendance/records/')).filter((record) => record.key.includes('100003'))).toEqual(before);
  });

  it('shows what was saved when opened again, and a school set back becomes absent', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    await say(sit, saveRegister(GROUP_1, { 100001: 'present', 100002: 'apologies' }));
    const card = cardOf((await say(sit, 'register for W2'))[0]);
    expect(statusesOf(card)).toEqual({ 100001: 'present', 100002: 'apologies' });
    const [reply] = await say(sit, saveRegister(GROUP_1, { 100001: 'present', 100002: 'absent' }));
    expect(cardText(cardOf(reply))).toContain('1 present, 0 sent apologies, 1 absent.');
    expect(lines(await storedRecords(bot.store))).toContainEqual(['W2', '100002', REGISTER_ATTENDEE.name, 'absent']);
  });

  it('the same page saved again writes nothing', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const sit = chatAs(bot, SIT);
    await say(sit, saveRegister(GROUP_1, { 100001: 'present' }));
    const before = await bot.store.list('attendance/records/');
    const [reply] = await say(sit, saveRegister(GROUP_1, { 100001: 'present' }));
    expect(cardText(cardOf(reply))).toContain('Nothing had changed in Amersham');
    expect((await bot.store.list('attendance/records/')).map((record) => record.eTag)).toEqual(before.map((record) => record.eTag));
  });

  it.each([
    ['a school from another page', saveRegister(GROUP_1, { 100003: 'present' }), 'The school with URN 100003 is not on this page of the register.'],
    ['a school that is not signed up', saveRegister(GROUP_1, { 100004: 'present' }), 'The school with URN 100004 is not on this page of the register.'],
    ['a status that is not one of the choices', saveRegister(GROUP_1, { 100001: 'late' }), '“late” is not a register status for the school with URN 100001'],
    ['a group that is not on the register', saveRegister('lg-99/1', { 100001: 'present' }), 'That group is not on this session’s register any more'],
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
    const body = invokeBody(await say(sit, execute(ATTENDANCE_VERBS.registerSave, { sessionId: 'T3', page: GROUP_1, 'status-100001': 'present' })));
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
    expect((await say(head, saveRegister(GROUP_1, { 100001: 'present', 100002: 'present' }))).map((reply) => reply.text)).toEqual([refusal]);
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
      say(sit, saveRegister(GROUP_1, { 100001: 'present', 100002: 'apologies' })),
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
    expect(statusesFrom(records)('W2', '100001')).toBe('present');
  });

  it('many saves and corrections racing on one store leave exactly one record per session, school and attendee', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const repository = new AttendanceRepository(bot.store);
    const urns = Array.from({ length: 20 }, (_, index) => String(200000 + index));
    const by = { aadObjectId: SIT.aadObjectId, name: SIT.name };
    const register = registerChanges('W2', urns, urns, [], [], { by, now: AFTER_W2 });
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
