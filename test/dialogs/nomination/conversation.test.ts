import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { UNLINKED_CHAT } from '../../../dialogs/nomination/services.js';
import { nominationExportRows, NOMINATION_EXPORT_COLUMNS } from '../../../domain/nomination/export.js';
import { NOMINATIONS_SHEET } from '../../../files/nominationsWorkbook.js';
import type { Nomination } from '../../../domain/nomination/nomination.js';
import type { NominationRecord } from '../../../storage/nominationRepository.js';
import { cardOf, cardText, createTestBot, mentionMessage, say, type TestBot } from '../../support/testBot.js';
import {
  COMPLETE_FIRST,
  COMPLETE_SECOND,
  execute,
  GROUP,
  GROUP_CHAT,
  GROUPS,
  HEADTEACHER,
  invokeBody,
  invokeCard,
  MEMBER_1,
  MEMBER_2,
  nominationJourneys,
  RecordingProactive,
  saveSection,
  SCHOOLS,
  shownIn,
  SIT_ADMIN,
  STAFF,
} from './harness.js';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const EMPTY_SHOWN = { urn: '', championName: '', championRole: '', championRoleNote: '', notInadequate: '', inspectionDate: '', inspectionGrade: '', stableSlt: '', gapEvidence: '' };

async function start(proactive = new RecordingProactive()) {
  testBot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: SIT_ADMIN }, journeys: nominationJourneys({}, proactive) });
  const member1 = testBot.conversation({ kind: 'groupChat', userId: MEMBER_1, userName: 'Alex Member' });
  const member2 = testBot.conversation({ kind: 'groupChat', userId: MEMBER_2, userName: 'Bea Member', conversationId: GROUP_CHAT });
  const sit = testBot.conversation({ userId: SIT_ADMIN, userName: 'Sam SIT' });
  return { testBot, member1, member2, sit, proactive };
}

/** The titles of a card's top-level buttons. */
function buttonTitles(card: Record<string, unknown>): string[] {
  return ((card.actions ?? []) as { title: string }[]).map((action) => action.title);
}

/** The data a card's top-level button sends, as Teams would send it on a tap. */
function buttonData(card: Record<string, unknown>, title: string): Record<string, unknown> {
  const button = ((card.actions ?? []) as { title: string; data?: Record<string, unknown> }[]).find((action) => action.title === title);
  if (!button) throw new Error(`No button "${title}" among ${buttonTitles(card).join(', ')}`);
  return button.data ?? {};
}

async function record(bot: TestBot): Promise<NominationRecord> {
  return (await bot.store.read<NominationRecord>(`nominations/${GROUP.id}`))!.value;
}

/** Fills both choices in, as two members would, and returns the last card. */
async function fillBoth(member1: ReturnType<TestBot['conversation']>, member2: ReturnType<TestBot['conversation']>) {
  const [posted] = await say(member1, mentionMessage('nominate'));
  const card = cardOf(posted)!;
  await say(member1, execute('nomination.save', saveSection('first', shownIn(card, 'first'), COMPLETE_FIRST)));
  return invokeCard(await say(member2, execute('nomination.save', saveSection('second', shownIn(card, 'second'), COMPLETE_SECOND))));
}

describe('the nomination in a liaison group’s chat', () => {
  it('"nominate" posts one shared card for the group, and asking again brings the same one back', async () => {
    const { member1, member2, testBot } = await start();
    const [posted] = await say(member1, mentionMessage('nominate'));
    const text = cardText(cardOf(posted));
    expect(text).toContain('Disadvantaged Champion School nomination: Test Group 01');
    expect(text).toContain('Draft: not submitted yet.');
    expect(text).toContain('• First choice: the school.');

    const [again] = await say(member2, mentionMessage('nominate'));
    expect(cardText(cardOf(again))).toContain("This is Test Group 01's one nomination, brought back to the bottom of the chat");
    const stored = await testBot.store.list(`nominations/`);
    expect(stored).toHaveLength(1);
    expect((await record(testBot)).conversationId).toBe(GROUP_CHAT);
    expect(cardOf(again)?.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'nomination.refresh', data: { groupId: GROUP.id } },
      userIds: [`29:${MEMBER_1}`, `29:${MEMBER_2}`],
    });
  });

  it('the help card in the chat offers the nomination', async () => {
    const { member1 } = await start();
    const [help] = await say(member1, mentionMessage('help'));
    expect(cardText(cardOf(help))).toContain('Nominate a champion school');
    expect(cardText(cardOf(help))).toContain('Nomination history');
  });

  it('an unlinked chat is told how to link it', async () => {
    const { testBot } = await start();
    const elsewhere = testBot.conversation({ kind: 'groupChat', userId: MEMBER_1, conversationId: '19:not-linked@thread.v2' });
    const [reply] = await say(elsewhere, mentionMessage('nominate'));
    expect(reply?.text).toBe(UNLINKED_CHAT);
    expect(reply?.text).toContain('"this chat is the <group name> liaison group"');
  });

  it('two members fill it in together: each save keeps only what that member changed, and the card shows both', async () => {
    const { member1, member2, testBot } = await start();
    const [posted] = await say(member1, mentionMessage('nominate'));
    const shownToBoth = cardOf(posted)!;

    const afterFirst = invokeCard(await say(member1, execute('nomination.save', saveSection('first', shownIn(shownToBoth, 'first'), COMPLETE_FIRST))));
    expect(cardText(afterFirst)).toContain("Alex Member saved the school, the champion's name, the champion's role, the Ofsted answer, the senior leadership answer and the note of the gap for the first choice.");

    // Bea's card is stale: it still shows an empty first choice. She changes only the gap note.
    const beaEdit = await say(member2, execute('nomination.save', saveSection('first', shownIn(shownToBoth, 'first'), { gapEvidence: 'Reading gap of a year.' })));
    const merged = invokeCard(beaEdit);
    const text = cardText(merged);
    expect(text).toContain('Bea Member saved the note of the gap for the first choice.');
    expect(text).toContain('Oakfield Primary (URN 900001)');
    expect(text).toContain('Priya Shah');
    expect(text).toContain('Reading gap of a year.');
    expect((await record(testBot)).nomination.first).toMatchObject({ urn: '900001', champion: { name: 'Priya Shah' }, criteria: { gapEvidence: 'Reading gap of a year.', stableSlt: true } });
  });

  it('the card shows what is missing, a problem with the choices, and a champion in another role as a warning', async () => {
    const { member1 } = await start();
    const [posted] = await say(member1, mentionMessage('nominate'));
    const card = cardOf(posted)!;
    const first = invokeCard(await say(member1, execute('nomination.save', saveSection('first', shownIn(card, 'first'), { ...COMPLETE_FIRST, championRole: 'other', championRoleNote: 'Year 6 teacher' }))));
    expect(cardText(first)).toContain('Still to answer:');
    expect(cardText(first)).toContain('• Second choice (reserve): the school.');
    expect(cardText(first)).toContain('Worth a second look (you can still submit):');
    expect(cardText(first)).toContain('the champion (Priya Shah, Year 6 teacher) is neither the Pupil Premium / Disadvantaged Pupil Lead nor a member of the senior leadership team');

    const inadequate = invokeCard(await say(member1, execute('nomination.save', saveSection('second', shownIn(first, 'second'), { ...COMPLETE_SECOND, urn: '900003' }))));
    expect(cardText(inadequate)).toContain('the directory shows Ashbrook Infants graded inadequate at its inspection on 10 January 2022');

    const same = invokeCard(await say(member1, execute('nomination.save', saveSection('second', shownIn(inadequate, 'second'), { urn: '900001' }))));
    expect(cardText(same)).toContain('The first and second choices are the same school (Oakfield Primary): choose two different schools.');
  });

  it('a school outside the group or an unusable answer saves nothing and says why', async () => {
    const { member1, testBot } = await start();
    const [posted] = await say(member1, mentionMessage('nominate'));
    const card = invokeCard(await say(member1, execute('nomination.save', saveSection('first', shownIn(cardOf(posted)!, 'first'), { urn: '900004', championName: 'Someone' }))));
    expect(cardText(card)).toContain('Nothing was saved:');
    expect(cardText(card)).toContain('First choice: There is no school with URN 900004 in the Test Group 01 liaison group.');
    expect((await record(testBot)).nomination.first).toEqual({ champion: {}, criteria: {} });
  });

  it('a bad payload is refused with a clear message and changes nothing', async () => {
    const { member1, testBot } = await start();
    await say(member1, mentionMessage('nominate'));
    const body = invokeBody(await say(member1, execute('nomination.save', { groupId: GROUP.id, choice: 'third' })));
    expect(body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { message: expect.stringContaining('not valid') } });
    expect((await record(testBot)).nomination.first).toEqual({ champion: {}, criteria: {} });
  });

  it('a chat acts only for its own group: a card edited for another group is refused', async () => {
    const { member1 } = await start();
    await say(member1, mentionMessage('nominate'));
    const body = invokeBody(await say(member1, execute('nomination.save', { ...saveSection('first', EMPTY_SHOWN, COMPLETE_FIRST), groupId: GROUPS[1]!.id })));
    expect(body.statusCode).toBe(400);
    expect((body.value as { message: string }).message).toContain('This chat is linked to liaison group lg-01, so it acts for that group only');
  });

  it('the Action.Submit fallback reaches the same verb and answers with the card', async () => {
    const { member1 } = await start();
    const [posted] = await say(member1, mentionMessage('nominate'));
    const [reply] = await say(member1, { type: 'message', value: { verb: 'nomination.save', ...saveSection('first', shownIn(cardOf(posted)!, 'first'), { urn: '900001' }) } });
    expect(cardText(cardOf(reply))).toContain('Alex Member saved the school for the first choice.');
  });

  it('submitting needs the commitments confirmed, records who and when, and a later submission replaces it with the history kept', async () => {
    const { member1, member2, testBot } = await start();
    const filled = await fillBoth(member1, member2);
    expect(cardText(filled)).toContain('Everything is answered: the nomination is ready to submit.');

    const unconfirmed = invokeCard(await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'false' })));
    expect(cardText(unconfirmed)).toContain('The nomination was not submitted:');
    expect(cardText(unconfirmed)).toContain("Please confirm the champion school's commitments before submitting");

    const submitted = invokeCard(await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'true' })));
    expect(cardText(submitted)).toContain('Alex Member submitted the nomination.');
    expect(cardText(submitted)).toContain('Submitted by Alex Member on 1 March 2024 at 10:00.');
    expect((await record(testBot)).nomination).toMatchObject({ status: 'submitted', submittedBy: { aadObjectId: MEMBER_1, name: 'Alex Member' }, submittedAt: '2024-03-01T10:00:00.000Z' });

    const changed = invokeCard(await say(member2, execute('nomination.save', saveSection('second', shownIn(submitted, 'second'), { championName: 'Tara Reed' }))));
    expect(cardText(changed)).toContain('it is a draft again now');
    const resubmitted = invokeCard(await say(member2, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'true' })));
    expect(cardText(resubmitted)).toContain('It replaces the submission of 1 March 2024, which is kept');

    const [history] = await say(member1, mentionMessage('nomination history'));
    const text = cardText(cardOf(history));
    expect(text).toContain('2 submissions, newest first.');
    expect(text).toContain('Current: submitted by Bea Member on 1 March 2024 at 10:00');
    expect(text).toContain('Replaced: submitted by Alex Member on 1 March 2024 at 10:00');
    expect(text).toContain('Willowmere Academy (URN 900002); champion Tara Reed');
    expect(text).toContain('Willowmere Academy (URN 900002); champion Tom Reed');
  });

  it('submitting too soon lists what is still to answer once, under "Still to answer", not again in the notice', async () => {
    const { member1 } = await start();
    const [posted] = await say(member1, mentionMessage('nominate'));
    const first = invokeCard(await say(member1, execute('nomination.save', saveSection('first', shownIn(cardOf(posted)!, 'first'), COMPLETE_FIRST))));
    const refused = cardText(invokeCard(await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'false' }))));
    expect(refused).toContain('The nomination was not submitted:');
    expect(refused).toContain("Please confirm the champion school's commitments before submitting");
    expect(refused).toContain('Put right and answer what the card lists below, then submit again.');
    expect(refused).toContain('Still to answer:');
    expect(refused.split('Second choice (reserve): the school.')).toHaveLength(2);
    expect(cardText(first).split('Second choice (reserve): the school.')).toHaveLength(2);
  });

  it('the refresh verb shows everyone the current state', async () => {
    const { member1, member2 } = await start();
    await fillBoth(member1, member2);
    const refreshed = invokeCard(await say(member1, execute('nomination.refresh', { groupId: GROUP.id })));
    expect(cardText(refreshed)).toContain('Tom Reed');
    expect(cardText(refreshed)).toContain('Priya Shah');
  });
});

describe('the School Improvement Team', () => {
  it('a non-administrator asking for "nominations" is refused, with what they may do instead', async () => {
    const { testBot } = await start();
    const [reply] = await say(testBot.conversation({ userId: MEMBER_1 }), 'nominations');
    expect(reply?.text).toBe('Only the School Improvement Team reviews every liaison group’s nomination. You can see your own group’s nomination in your liaison group’s chat.');
  });

  it('reviews coverage, selects, and the group’s chat is told', async () => {
    const { member1, member2, sit, proactive } = await start();
    await fillBoth(member1, member2);
    const [before] = await say(sit, 'nominations');
    expect(cardText(cardOf(before))).toContain('0 of 18 liaison groups have submitted a nomination.');
    expect(cardText(cardOf(before))).toContain('**Test Group 01**: draft, not submitted');

    await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'true' }));
    const [overview] = await say(sit, 'nominations');
    const text = cardText(cardOf(overview));
    expect(text).toContain('1 of 18 liaison groups have submitted a nomination.');
    expect(text).toContain('Still to submit: Test Group 02, Test Group 03');
    expect(text).toContain('First choices by phase');
    expect(text).toContain('Small (under 200)');

    const review = invokeCard(await say(sit, execute('nomination.review', { groupId: GROUP.id })));
    expect(cardText(review)).toContain('Submitted by Alex Member on 1 March 2024 at 10:00. Waiting for your decision.');

    // A decision is asked to be confirmed by tap before anything is changed or anyone told.
    const asked = invokeCard(await say(sit, execute('nomination.select', buttonData(review, 'Selected'))));
    expect(cardText(asked)).toContain('Mark this nomination “Selected”? Nothing is changed until you confirm; then I will tell the group in its chat: “Good news: the School Improvement Team has selected Oakfield Primary');
    expect(buttonTitles(asked)).toEqual(['Yes: Selected, tell the group', 'Not now', 'All nominations']);
    expect(proactive.sent).toEqual([]);
    expect((await record(testBot!)).nomination.decision).toBeUndefined();
    const notNow = invokeCard(await say(sit, execute('nomination.review', buttonData(asked, 'Not now'))));
    expect(buttonTitles(notNow)).toEqual(['Selected', 'Reserve selected', 'Not selected', 'All nominations']);
    expect(proactive.sent).toEqual([]);

    const selected = invokeCard(await say(sit, execute('nomination.select', buttonData(asked, 'Yes: Selected, tell the group'))));
    expect(cardText(selected)).toContain('Marked selected. I have told the group in its chat.');
    expect(proactive.sent).toEqual([{ conversationId: GROUP_CHAT, text: expect.stringContaining('has selected Oakfield Primary, your first choice') }]);

    const back = invokeCard(await say(sit, execute('nomination.overview', {})));
    expect(cardText(back)).toContain('Test Group 01**: selected');

    const twice = invokeCard(await say(sit, execute('nomination.select', { groupId: GROUP.id, decision: 'selected', confirmed: true })));
    expect(cardText(twice)).toContain('It was already marked selected, so the group has not been told again.');
    expect(proactive.sent).toHaveLength(1);

    const [card] = await say(member1, mentionMessage('nominate'));
    expect(cardText(cardOf(card))).toContain('The School Improvement Team has selected Oakfield Primary, your first choice');
    expect(cardOf(card)?.actions).toEqual([]);
  });

  it('a member cannot select, even by sending the button’s data', async () => {
    const { member1, member2 } = await start();
    await fillBoth(member1, member2);
    const body = invokeBody(await say(member1, execute('nomination.select', { groupId: GROUP.id, decision: 'selected' })));
    expect(body.statusCode).toBe(400);
    expect((body.value as { message: string }).message).toContain('personal chat');
  });

  it('"export nominations" gives a workbook and a CSV, for the administrator only, matching the records', async () => {
    const { member1, member2, sit, testBot } = await start();
    await fillBoth(member1, member2);
    await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'true' }));

    const [reply] = await say(sit, 'export nominations');
    const card = cardOf(reply)!;
    expect(cardText(card)).toContain('These links work only for you, and expire at 1 March 2024 at 10:15.');
    const [workbookLink, csvLink] = (card.actions as { url: string }[]).map((action) => new URL(action.url));
    const open = async (link: URL, who: string) => testBot.services.exports.open(link.pathname.split('/').at(-1)!, link.searchParams.get('sig')!, who);

    expect(await open(csvLink!, MEMBER_1)).toEqual({ ok: false, errors: ['This download link belongs to someone else.'] });

    const nominations: Nomination[] = [(await record(testBot)).nomination];
    const expected = nominationExportRows(nominations, GROUPS, new Map(SCHOOLS.map((school) => [school.urn, school])));

    const csv = await open(csvLink!, SIT_ADMIN);
    if (!csv.ok) throw new Error(csv.errors.join(' '));
    const parsed = parse(csv.value.bytes.toString('utf8'), { bom: true }) as string[][];
    expect(parsed).toHaveLength(19);
    expect(parsed.slice(1)).toEqual(expected.map((row) => NOMINATION_EXPORT_COLUMNS.map((column) => String(row[column.key] ?? ''))));

    const workbookFile = await open(workbookLink!, SIT_ADMIN);
    if (!workbookFile.ok) throw new Error(workbookFile.errors.join(' '));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(workbookFile.value.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet(NOMINATIONS_SHEET)!;
    const row2 = NOMINATION_EXPORT_COLUMNS.map((_column, index) => sheet.getRow(2).getCell(index + 1).value ?? '');
    expect(row2).toEqual(NOMINATION_EXPORT_COLUMNS.map((column) => expected[0]![column.key] ?? ''));
    expect(sheet.getRow(2).getCell(NOMINATION_EXPORT_COLUMNS.findIndex((column) => column.key === 'first.championName') + 1).value).toBe('Priya Shah');
  });

  it('a non-administrator asking for the export is refused', async () => {
    const { testBot } = await start();
    const [reply] = await say(testBot.conversation({ userId: MEMBER_1 }), 'export nominations');
    expect(reply?.text).toBe('Only the School Improvement Team exports records across schools. You can export your own school’s programme record.');
  });
});

describe('the nominated school’s headteacher', () => {
  it('confirms the champion commitments in their personal chat once the school is nominated', async () => {
    const { member1, member2, testBot } = await start();
    const head = testBot.conversation({ userId: HEADTEACHER, userName: 'Harriet Head' });
    const [early] = await say(head, 'champion commitments');
    expect(cardText(cardOf(early))).toContain('Your school is not named in a submitted champion school nomination yet');
    expect((cardOf(early)?.actions as unknown[]).length).toBe(0);

    await fillBoth(member1, member2);
    await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'true' }));
    const [shown] = await say(head, 'champion commitments');
    const text = cardText(cardOf(shown));
    expect(text).toContain('Oakfield Primary has been nominated as a Disadvantaged Champion School.');
    expect(text).toContain('A named Disadvantaged Pupil Champion');
    expect(text).toContain('Confirm for Oakfield Primary');

    const confirmed = invokeCard(await say(head, execute('commitments.confirm', { urn: '900001' })));
    expect(cardText(confirmed)).toContain('Thank you: you have confirmed the commitments for Oakfield Primary (1 March 2024 at 10:00).');
    const stored = await testBot.store.read(`nominations/commitments/900001`);
    expect(stored?.value).toMatchObject({ urn: '900001', groupId: GROUP.id, choice: 'first', confirmedBy: { aadObjectId: HEADTEACHER } });
  });

  it('a member of staff is told only the headteacher confirms, and a headteacher cannot confirm for another school', async () => {
    const { member1, member2, testBot } = await start();
    await fillBoth(member1, member2);
    await say(member1, execute('nomination.submit', { groupId: GROUP.id, commitmentsSeen: 'true' }));
    const [staff] = await say(testBot.conversation({ userId: STAFF }), 'champion commitments');
    expect(staff?.text).toBe('Only your headteacher can confirm the champion commitments for the school. Ask your headteacher to do it in their personal chat with me; you can see your school’s record.');

    const head = testBot.conversation({ userId: HEADTEACHER });
    const body = invokeBody(await say(head, execute('commitments.confirm', { urn: '900002' })));
    expect(body.statusCode).toBe(400);
    expect((body.value as { message: string }).message).toContain('You can see and change only your own school’s records (URN 900001)');
  });
});

describe('editing a section keeps what members said', () => {
  /** A press of a section's save button as Teams sends it: the shown values, and only the inputs that hold something. */
  function pressAsTeams(choice: 'first' | 'second', shown: Record<string, string>, inputs: Record<string, string>) {
    const held = Object.fromEntries(Object.entries({ ...shown, ...inputs }).filter(([, value]) => value !== ''));
    // The school comes from the card's one picker (`school_urn`), the other fields from the section's inputs.
    return { groupId: GROUP.id, choice, shown, ...Object.fromEntries(Object.entries(held).map(([field, value]) => [field === 'urn' ? 'school_urn' : `${choice}_${field}`, value])) };
  }

  it('answers saved before the school was chosen stay when a member then sets the school', async () => {
    const { member1, member2, testBot } = await start();
    const card = cardOf((await say(member1, mentionMessage('nominate')))[0])!;
    await say(member1, execute('nomination.save', pressAsTeams('first', shownIn(card, 'first'), { championName: 'Priya Shah', gapEvidence: 'A gap in reading.' })));
    const later = invokeCard(await say(member2, execute('nomination.refresh', { groupId: GROUP.id })));
    const saved = invokeCard(await say(member2, execute('nomination.save', pressAsTeams('first', shownIn(later, 'first'), { urn: '900001' }))));
    expect((await record(testBot)).nomination.first).toMatchObject({ urn: '900001', champion: { name: 'Priya Shah' }, criteria: { gapEvidence: 'A gap in reading.' } });
    expect(cardText(saved)).not.toContain('were cleared');
  });

  it('a new school clears the answers about the old one, and the card says so', async () => {
    const { member1, testBot } = await start();
    const card = cardOf((await say(member1, mentionMessage('nominate')))[0])!;
    const first = invokeCard(await say(member1, execute('nomination.save', pressAsTeams('first', shownIn(card, 'first'), { urn: '900001', championName: 'Priya Shah' }))));
    const moved = invokeCard(await say(member1, execute('nomination.save', pressAsTeams('first', shownIn(first, 'first'), { urn: '900002', championName: '' }))));
    expect(cardText(moved)).toContain('The champion and the answers given for Oakfield Primary were cleared');
    expect((await record(testBot)).nomination.first).toMatchObject({ urn: '900002', champion: {} });
  });

  it('a section saved with its own button keeps its school, whatever the shared school picker holds (Teams sends it too)', async () => {
    const { member1, testBot } = await start();
    const card = cardOf((await say(member1, mentionMessage('nominate')))[0])!;
    const chosen = invokeCard(await say(member1, execute('nomination.save', { groupId: GROUP.id, choice: 'first', part: 'school', shown: { urn: '' }, school_urn: '900001' })));
    // The member then picks another school for the second choice, and first saves the first choice's answers.
    const answers = pressAsTeams('first', shownIn(chosen, 'first'), { championName: 'Priya Shah' });
    await say(member1, execute('nomination.save', { ...answers, part: 'answers', school_urn: '900002' }));
    expect((await record(testBot)).nomination.first).toMatchObject({ urn: '900001', champion: { name: 'Priya Shah' } });
    // Pressed without the picker's value at all (as a client that sends only the section's inputs), the school stays too.
    const shown = shownIn(invokeCard(await say(member1, execute('nomination.refresh', { groupId: GROUP.id }))), 'first');
    await say(member1, execute('nomination.save', { groupId: GROUP.id, choice: 'first', part: 'answers', shown, first_championName: 'Priya Shah', first_gapEvidence: 'A gap.' }));
    expect((await record(testBot)).nomination.first).toMatchObject({ urn: '900001', criteria: { gapEvidence: 'A gap.' } });
    expect(card).toBeDefined();
  });

  it('a field a member empties is cleared, though Teams sends no value for it', async () => {
    const { member1, testBot } = await start();
    const card = cardOf((await say(member1, mentionMessage('nominate')))[0])!;
    const filled = invokeCard(await say(member1, execute('nomination.save', pressAsTeams('first', shownIn(card, 'first'), { urn: '900001', championName: 'Priya Shah', gapEvidence: 'A gap.' }))));
    const emptied = invokeCard(await say(member1, execute('nomination.save', pressAsTeams('first', shownIn(filled, 'first'), { gapEvidence: '' }))));
    expect(cardText(emptied)).toContain('saved the note of the gap');
    expect((await record(testBot)).nomination.first.criteria.gapEvidence).toBeUndefined();
    expect((await record(testBot)).nomination.first.champion.name).toBe('Priya Shah');
  });
});
