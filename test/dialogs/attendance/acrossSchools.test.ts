import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ATTENDANCE_VERBS } from '../../../cards/attendanceCards.js';
import { ATTENDANCE_SHEET } from '../../../files/attendanceWorkbook.js';
import { TabApi } from '../../../bot/http/tabApi.js';
import { createJourneyQueries } from '../../../dialogs/queries.js';
import { DirectoryRepository } from '../../../storage/directoryRepository.js';
import { cardOf, cardText, say, type TestBot } from '../../support/testBot.js';
import { AFTER_W2, chatAs, CHESHAM_HEAD, clockAt, HEAD, SIT, STAFF, startAttendanceBot, storedRecords, submit } from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const log = (sessionId: string, attendeeName: string, status: string) =>
  submit(ATTENDANCE_VERBS.log, { sessionId, attendeeName, attendeeRole: 'Pupil Premium Lead', status });

/** T1: Amersham present, Beaconsfield apologies. W2: Chesham present, the register has Beaconsfield present and Amersham absent. Task: Amersham. */
async function someAttendance(testBot: TestBot): Promise<void> {
  await say(chatAs(testBot, HEAD), log('T1', 'Jane Doe', 'present'));
  await say(chatAs(testBot, HEAD), 'mark the intersessional task as submitted');
  await say(chatAs(testBot, STAFF), log('T1', 'Sam Staff', 'apologies'));
  await say(chatAs(testBot, CHESHAM_HEAD), log('W2', 'Chris Chesham', 'present'));
  await say(chatAs(testBot, SIT), submit(ATTENDANCE_VERBS.registerSave, { sessionId: 'W2', page: 'lg-01/1', 'status-100001': 'absent', 'status-100002': 'present' }));
}

describe('attendance across schools', () => {
  it('summarises each session, each liaison group, and the schools with no attendance at the last session', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await someAttendance(bot);
    const text = cardText(cardOf((await say(chatAs(bot, SIT), 'attendance summary'))[0]));
    expect(text).toContain('3 schools signed up to the universal offer.');
    expect(text).toContain('Training Session 1 (T1)\n1 present, 1 sent apologies, 0 absent, 1 no record');
    expect(text).toContain('Workshop Meeting 1 (W1)\n0 present, 0 sent apologies, 0 absent, 3 no record');
    expect(text).toContain('Workshop Meeting 2 (W2)\n2 present, 0 sent apologies, 1 absent, 0 no record');
    expect(text).toContain('By liaison group, Workshop Meeting 2 (W2)');
    expect(text).toContain('Amersham and Chesham\n1 present, 0 sent apologies, 1 absent, 0 no record');
    expect(text).toContain('Wycombe North\n1 present, 0 sent apologies, 0 absent, 0 no record');
    expect(text).toContain('No attendance at the last session, Workshop Meeting 2 (W2) (1 school):');
    expect(text).toContain('• Amersham Primary (URN 100001): absent');
  });

  it('gives the liaison groups for a session asked for', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await someAttendance(bot);
    const text = cardText(cardOf((await say(chatAs(bot, SIT), 'attendance summary for T1'))[0]));
    expect(text).toContain('By liaison group, Training Session 1 (T1)');
    expect(text).toContain('Amersham and Chesham\n1 present, 1 sent apologies, 0 absent, 0 no record');
  });

  it('is for the SIT only', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect((await say(chatAs(bot, HEAD), 'attendance summary')).map((reply) => reply.text)).toEqual([
      'Only the School Improvement Team keeps the register across schools. You can log and see your own school’s attendance.',
    ]);
    expect((await say(chatAs(bot, HEAD), 'export attendance')).map((reply) => reply.text)).toEqual([
      'Only the School Improvement Team exports records across schools. You can export your own school’s programme record.',
    ]);
  });
});

describe('the attendance export', () => {
  async function download(url: string, who: string) {
    const link = new URL(url);
    const id = link.pathname.split('/').at(-1) ?? '';
    return bot!.services.exports.open(id, link.searchParams.get('sig') ?? '', who);
  }

  it('gives an .xlsx and a CSV, one row per school and a column per session, matching the records', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await someAttendance(bot);
    const card = cardOf((await say(chatAs(bot, SIT), 'export attendance'))[0]);
    expect(cardText(card)).toContain('One row per school (3 schools) and a column per session (6 sessions)');
    expect(cardText(card)).toContain('The links open only for you and stop working at 15:15 (UK time).');
    const [xlsxUrl, csvUrl] = ((card?.actions as { url: string }[] | undefined) ?? []).map((action) => action.url);

    const csvFile = await download(csvUrl ?? '', SIT.aadObjectId);
    const xlsxFile = await download(xlsxUrl ?? '', SIT.aadObjectId);
    if (!csvFile.ok || !xlsxFile.ok) throw new Error('the export links did not open for their owner');
    expect(csvFile.value.filename).toBe('attendance-2021-22-2022-02-11.csv');
    expect(xlsxFile.value.filename).toBe('attendance-2021-22-2022-02-11.xlsx');

    const csv = parse(csvFile.value.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxFile.value.bytes as never);
    const sheet = workbook.getWorksheet(ATTENDANCE_SHEET);
    const header = (sheet?.getRow(1).values as unknown[]).slice(1).map(String);
    const xlsx: Record<string, string>[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) xlsx.push(Object.fromEntries(header.map((title, index) => [title, String(row.getCell(index + 1).value ?? '')])));
    });
    expect(xlsx).toEqual(csv);

    const records = await storedRecords(bot.store);
    const column = (sessionId: string) => header.find((title) => title.startsWith(`${sessionId} `)) ?? '';
    for (const row of csv) {
      for (const sessionId of ['T1', 'W1', 'T2', 'W2', 'T3', 'W3']) {
        const statuses = records.filter((record) => record.urn === row.URN && record.sessionId === sessionId).map((record) => record.status);
        const expected = statuses.includes('present') ? 'present' : statuses.includes('apologies') ? 'apologies' : statuses.includes('absent') ? 'absent' : '';
        expect([row.URN, sessionId, row[column(sessionId)]]).toEqual([row.URN, sessionId, expected]);
      }
    }
    expect(csv.map((row) => [row.URN, row.School, row['Liaison group'], row['Sessions attended'], row['Out of'], row['IT Intersessional task']])).toEqual([
      ['100001', 'Amersham Primary', 'Amersham and Chesham', '1', '6', 'submitted'],
      ['100002', 'Beaconsfield High', 'Amersham and Chesham', '1', '6', ''],
      ['100003', 'Chesham Special', 'Wycombe North', '1', '6', ''],
    ]);
  });

  it('and the tab’s matrix, asking the same query, shows the SIT the same register, school by school and session by session', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    await someAttendance(bot);
    const card = cardOf((await say(chatAs(bot, SIT), 'export attendance'))[0]);
    const csvUrl = ((card?.actions as { url: string }[] | undefined) ?? [])[1]?.url ?? '';
    const csvFile = await download(csvUrl, SIT.aadObjectId);
    if (!csvFile.ok) throw new Error('the export link did not open for its owner');
    const csv = parse(csvFile.value.bytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];

    const queries = createJourneyQueries(bot.store, await DirectoryRepository.open(bot.store), bot.services.now);
    const tab = new TabApi({ queries, now: bot.services.now, sitAdminIds: [SIT.aadObjectId], createExport: (owner, file) => bot!.services.exports.create(owner, file) });
    const reply = await tab.sitAttendance(SIT.aadObjectId, undefined);
    if (reply.status !== 200) throw new Error(reply.error);
    const { columns, rows } = reply.body;
    const fromTab = rows.map((row) => [row.urn, row.name, String(row.attended), String(row.outOf), ...columns.map((column) => row.cells[column.sessionId] ?? '')]);
    const fromChat = csv.map((row) => {
      const cells = columns.map((column) => row[Object.keys(row).find((title) => title.startsWith(`${column.sessionId} `)) ?? ''] ?? '');
      return [row.URN, row.School, row['Sessions attended'], row['Out of'], ...cells];
    });
    expect(fromTab).toEqual(fromChat);
    // Something was recorded, so the two agree on more than empty rows.
    expect(fromTab.flat()).toEqual(expect.arrayContaining(['present', 'apologies', 'absent']));
  });

  it('the links open only for the person who asked', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    const card = cardOf((await say(chatAs(bot, SIT), 'export attendance'))[0]);
    const [xlsxUrl] = ((card?.actions as { url: string }[] | undefined) ?? []).map((action) => action.url);
    expect(await download(xlsxUrl ?? '', HEAD.aadObjectId)).toEqual({ ok: false, errors: ['This download link belongs to someone else.'] });
  });
});
