import { afterEach, describe, expect, it } from 'vitest';
import { requestOf } from './directory/roles.js';
import { ATTENDANCE_VERBS } from '../../cards/attendanceCards.js';
import { DirectoryRepository, importMembership, importSchools } from '../../storage/directoryRepository.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import { cardOf, cardText, createTestBot, mentionMessage, replyText, say, type TestBot } from '../support/testBot.js';
import { execute, invokeCard, saveSection, shownIn } from './nomination/harness.js';

/*
 * A whole new programme year, from an empty store with the demo directory off, as a council
 * would run it: the real GIAS file (few columns), the SIT's membership file, sign-up, the new
 * year's calendar, a liaison group's nomination, and the register.
 */

const SIT = 'aad-sit-year';
const HEAD = 'aad-head-beech';
const OTHER_HEAD = 'aad-head-ash';
const GIAS = [
  'URN,EstablishmentName,EstablishmentStatus (name),OfstedRating (name),OfstedLastInsp\n',
  '110123,Fictional Beech Primary School (demo),Open,,01-03-2025\n',
  '110124,Fictional Ash Academy (demo),Open,Good,10-05-2022\n',
  '110125,Fictional Elm School (demo),Open,Good,12-01-2023\n',
  '110126,Fictional Closed School (demo),Closed,,\n',
];
const MEMBERSHIP = ['URN,liaison group\n', '110123,4\n', '110124,4\n', '110125,liaison group 5\n', '999999,4\n'];

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const texts = (replies: Parameters<typeof replyText>[0][]) => replies.map(replyText).join('\n');

describe('a new programme year from an empty store', () => {
  it('runs from the GIAS import to a nomination and a register, with no demo schools and no restart', async () => {
    let now = new Date('2022-09-05T09:00:00Z');
    testBot = await createTestBot({
      now: () => now,
      env: { DEMO_DIRECTORY: 'off', SIT_ADMIN_AAD_IDS: SIT, DIRECTORY_REFRESH_SECONDS: '0' },
    });
    const bot = testBot;
    const sit = bot.conversation({ userId: SIT, userName: 'Sandra SIT' });
    const head = bot.conversation({ userId: HEAD, userName: 'Bea Beech' });
    const otherHead = bot.conversation({ userId: OTHER_HEAD, userName: 'Ash Head' });
    expect(texts(await say(head, "I'm the head of 110123"))).toContain('I could not find a school');

    // The CLI imports, as another process would: the running bot sees them at its next turn.
    const cli = await DirectoryRepository.open(bot.store);
    const gias = await importSchools(GIAS, cli);
    expect(gias.ok && gias.value).toMatchObject({ imported: 3, skippedClosed: 1 });
    expect(gias.ok && gias.value.columnsMissing.join(' ')).toContain('the eligibility check cannot prefill the DfE region');
    const membership = await importMembership(MEMBERSHIP, cli);
    expect(membership.ok && membership.value).toMatchObject({ placed: 3, refused: [{ line: 5, urn: '999999' }] });

    expect(texts(await say(head, "I'm the head of 110123"))).toContain('Is it Fictional Beech Primary School (demo)');
    expect(texts(await say(head, 'yes'))).toContain('Liaison group 4 (placeholder name)');
    await say(otherHead, "I'm the head of 110124");
    await say(otherHead, 'yes');
    // The SIT verifies both headteachers' claims from its queue (issue 16): until then they can sign nothing up.
    expect(texts(await say(head, 'sign us up'))).toContain('not verified');
    for (const userId of [HEAD, OTHER_HEAD]) {
      await say(sit, { type: 'message', value: { verb: 'profile.approve', ...(await requestOf(bot, userId)) } });
    }
    expect(texts(await say(sit, 'which group is 110125 in'))).toBe('Fictional Elm School (demo) (URN 110125) is in Liaison group 5 (placeholder name).');
    expect(texts(await say(sit, 'move 110125 to liaison group 4'))).toBe('Done: Fictional Elm School (demo) has moved from Liaison group 5 (placeholder name) to Liaison group 4 (placeholder name).');
    expect(texts(await say(head, 'move 110125 to liaison group 5'))).toContain('Only the School Improvement Team decides which liaison group a school is in.');

    // The new year's calendar, copied forward from the last.
    const started = cardText(cardOf((await say(sit, 'start the 2022/23 programme'))[0]));
    expect(started).toContain('The 2022/23 programme has started');
    expect(started).toContain('30 September 2022 (time to be confirmed)');

    // Sign-up: one headteacher signs up; the SIT signs up another from the survey.
    expect(texts(await say(head, 'sign us up'))).toContain('is signed up to the universal offer');
    expect(texts(await say(sit, 'sign up 110125'))).toContain('Fictional Elm School (demo) (URN 110125) is signed up');

    // The liaison group's nomination, in its chat.
    const group = bot.conversation({ kind: 'groupChat', userId: HEAD, userName: 'Bea Beech' });
    expect(texts(await say(group, mentionMessage('this chat is the Liaison group 4 liaison group')))).toContain('Done: this chat now acts for Liaison group 4');
    const posted = cardOf((await say(group, mentionMessage('nominate')))[0])!;
    const first = { urn: '110123', championName: 'Priya Shah', championRole: 'pupil_premium_lead', notInadequate: 'yes', stableSlt: 'yes', gapEvidence: 'An 18-point gap in KS2 reading.' };
    const second = { urn: '110124', championName: 'Tom Reed', championRole: 'slt', notInadequate: 'yes', stableSlt: 'yes', gapEvidence: 'Half a grade in GCSE English.' };
    invokeCard(await say(group, execute('nomination.save', { ...saveSection('first', shownIn(posted, 'first'), first), groupId: 'lg-04' })));
    const filled = invokeCard(await say(group, execute('nomination.save', { ...saveSection('second', shownIn(posted, 'second'), second), groupId: 'lg-04' })));
    expect(cardText(filled)).toContain('Everything is answered');
    const submitted = invokeCard(await say(group, execute('nomination.submit', { groupId: 'lg-04', commitmentsSeen: 'true' })));
    expect(cardText(submitted)).toContain('Bea Beech submitted the nomination.');

    // The first session: its time is to be confirmed, so it can be logged from the start of its day.
    now = new Date('2022-09-30T08:00:00Z');
    const register = cardOf((await say(sit, 'register for T1'))[0]);
    const text = cardText(register);
    expect(text).toContain('2 schools signed up.');
    expect(text).not.toContain('Fictional Ash Academy');
    // Both schools are in liaison group 4: the register's one page.
    const [saved] = await say(sit, { type: 'message', value: { verb: ATTENDANCE_VERBS.registerSave, sessionId: 'T1', page: 'lg-04/1', 'status-110123': 'present', 'status-110125': 'apologies' } });
    expect(cardText(cardOf(saved))).toContain('1 present, 1 sent apologies, 0 absent.');
    expect((await new AttendanceRepository(bot.store).all()).map((record) => [record.urn, record.status]).sort()).toEqual([
      ['110123', 'present'],
      ['110125', 'apologies'],
    ]);
  });
});
