import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/deploymentLifecycle/calendar.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { adaptiveCardOf, answeredCard, cardText, messageSaying, PlaygroundSession, press, pressOn, said, sayAndRead, tapAndRead, wordsOf } from './journeyHelpers.js';

/**
 * The journeys end to end: the real bot process, with the demo directory of fictional
 * schools, spoken to through the Agents Playground as a Teams client. The tests run in order,
 * as the playground's one user: the profile set in the first is the one the next ones act
 * under. The bot reads the real clock, so every date typed is in the past.
 */

const OAKFIELD = 'Fictional Oakfield Primary School (demo)';
const WILLOWMERE = 'Fictional Willowmere Academy (demo)';
const LIAISON_GROUP_1 = 'Liaison group 1 (placeholder name)';
const USER_NAME = 'Alex Wilber';

describe('the journeys through the Agents Playground', () => {
  const session = new PlaygroundSession();
  const personal = (text: string, expected: string) => session.personal(text, expected);
  const loggedErrors = () => session.loggedErrors();
  const group = (text: string, expected: string) => sayAndRead(session.playground, session.turns, session.playground.config().groupChat.id, text, expected, { mentionBot: true });

  beforeAll(() => session.start('journeys-bot'));
  afterAll(() => session.stop());

  it('TSI eligibility: a headteacher sets their profile, fills in the form, and reads the outcome and whom to contact', async () => {
    const chat = session.playground.config().personalChatId;
    await personal("I'm the head of 900001", `Is it ${OAKFIELD} (URN 900001, Buckinghamshire)?`);
    expect(said(await personal('yes', LIAISON_GROUP_1))).toContain(`I have you as the headteacher at ${OAKFIELD}, not yet verified`);
    await session.approveClaimAsTheSit();

    await personal('check eligibility', 'Would you like to fill in a form, or answer questions one at a time?');
    const formMessage = messageSaying(await personal('Fill in a form', 'Check eligibility'), 'Check eligibility');
    const form = adaptiveCardOf(formMessage);
    expect(cardText(form)).toContain(`I have filled in what the school directory says about ${OAKFIELD}.`);

    const answer = await pressOn(session.playground, chat, formMessage.messageId, form, 'Check eligibility', {
      previousDate: '2014-05-01',
      previousGrade: 'requires_improvement',
      regionalDirectorAssessed: 'no',
      selfIdentifiesNeed: 'yes',
      deliveryTeamJudgesNeed: 'no',
    });
    const result = cardText(answeredCard(answer));
    expect(result).toContain(`${OAKFIELD} does not meet C1, C2 or C3, but can ask for TSI in 2023/24 by exception.`);
    expect(result).toContain(
      'To ask for TSI by exception, contact your Regional Delivery Partner (RDP) lead for South East, Amanda Parry: [A.parry@hispmat.org](mailto:A.parry@hispmat.org)',
    );
    expect(loggedErrors()).toEqual([]);
  });

  it("attendance: the headteacher logs T1 with the form's button, and the school's record counts it", async () => {
    const chat = session.playground.config().personalChatId;
    const formMessage = messageSaying(await personal('log attendance for T1', 'Log attendance'), 'Log attendance');
    const form = adaptiveCardOf(formMessage);
    expect(cardText(form)).toContain(`For ${OAKFIELD}.`);

    const logged = cardText(answeredCard(await pressOn(session.playground, chat, formMessage.messageId, form, 'Log attendance', { status: 'present' })));
    expect(logged).toContain('Attendance logged');
    expect(logged).toContain(`Thank you. I have logged ${USER_NAME} for ${OAKFIELD}.`);
    expect(logged).toContain('Training Session 1 (T1), 1 October 2021');

    const record = said(await personal("my school's attendance", 'Sessions attended'));
    expect(record).toContain(`${OAKFIELD}: attendance 2021/22`);
    expect(record).toContain('Sessions attended: 1 of 6');
    expect(record).toContain('1 October 2021: Present');
    expect(loggedErrors()).toEqual([]);
  });

  it('nomination: the group chat is linked to its liaison group, both choices are saved on the shared card, and it is submitted', async () => {
    const chat = session.playground.config().groupChat.id;
    await group('this chat is liaison group 1', `Done: this chat now acts for ${LIAISON_GROUP_1}.`);
    const cardMessage = messageSaying(await group('nominate', 'Save first choice'), `Disadvantaged Champion School nomination: ${LIAISON_GROUP_1}`);
    const posted = adaptiveCardOf(cardMessage);
    expect(cardText(posted)).toContain('Draft: not submitted yet.');
    // The card's own button sends what the nomination tests' saveSection builds: the section shown, and its inputs.
    expect(press(posted, 'Save first choice', { first_championName: 'Priya Shah' })).toMatchObject({
      verb: 'nomination.save',
      data: { groupId: 'lg-01', choice: 'first', part: 'answers', shown: { urn: '', championName: '', gapEvidence: '' }, first_championName: 'Priya Shah' },
    });
    // The group's schools are listed once, in one picker whose buttons make the school the first or second choice.
    expect(press(posted, 'Make it the first choice', { school_urn: '900001' })).toEqual({
      verb: 'nomination.save',
      data: { groupId: 'lg-01', choice: 'first', part: 'school', shown: { urn: '' }, school_urn: '900001' },
    });
    const firstSchool = answeredCard(await pressOn(session.playground, chat, cardMessage.messageId, posted, 'Make it the first choice', { school_urn: '900001' }));
    expect(cardText(firstSchool)).toContain(`${USER_NAME} saved the school`);

    const afterFirst = answeredCard(
      await pressOn(session.playground, chat, cardMessage.messageId, firstSchool, 'Save first choice', {
        first_championName: 'Priya Shah',
        first_championRole: 'pupil_premium_lead',
        first_notInadequate: 'yes',
        first_stableSlt: 'yes',
        first_gapEvidence: 'Disadvantaged pupils are 18 points behind their peers in KS2 reading.',
      }),
    );
    expect(cardText(afterFirst)).toContain(`${USER_NAME} saved the champion's name`);

    const secondSchool = answeredCard(await pressOn(session.playground, chat, cardMessage.messageId, afterFirst, 'Make it the second choice', { school_urn: '900003' }));
    const afterSecond = answeredCard(
      await pressOn(session.playground, chat, cardMessage.messageId, secondSchool, 'Save second choice', {
        second_championName: 'Tom Reed',
        second_championRole: 'slt',
        second_notInadequate: 'yes',
        second_stableSlt: 'yes',
        second_gapEvidence: 'A gap of half a grade in GCSE English.',
      }),
    );
    expect(cardText(afterSecond)).toContain('Everything is answered: the nomination is ready to submit.');

    const submitted = cardText(answeredCard(await pressOn(session.playground, chat, cardMessage.messageId, afterSecond, 'Submit the nomination', { commitmentsSeen: 'true' })));
    expect(submitted).toContain(`${USER_NAME} submitted the nomination.`);
    expect(submitted).toContain(`Submitted by ${USER_NAME} on`);
    expect(submitted).not.toContain('Draft: not submitted yet.');
    expect(loggedErrors()).toEqual([]);
  });

  it('deployment form: a system leader answers section 1 and part of section 2, reviews them, and carries on at the same question after the bot restarts', async () => {
    await personal('change my profile', 'Tell me who you are');
    // The headteacher of the earlier tests becomes a system leader: one role a person, so the bot asks first.
    await personal("I'm a system leader", 'Become a system leader instead?');
    await personal('Yes, I am a system leader now', 'Which organisation');
    await personal('Fictional Beechwood Learning Trust (demo)', 'MAT CEO or a National Leader of Education');
    await personal('MAT CEO', 'email');
    await personal('alex.wilber@example.org', 'I have you as a system leader.');

    const question = messageSaying(await personal('deployment form', 'Are you supporting a school or a trust?'), 'Are you supporting a school or a trust?');
    // A tapped answer is said back, and its card drawn again with the answer instead of blank buttons.
    const tapped = await tapAndRead(session.playground, session.turns, session.playground.config().personalChatId, question, 'A school', 'What is the name of the school or trust you are supporting?');
    expect(said(tapped)).toContain('Saved: A school.');
    const redrawn = tapped.find((message) => message.kind === 'updated' && message.messageId === question.messageId);
    expect(redrawn && wordsOf(redrawn)).toContain('Are you supporting a school or a trust?\nSaved: A school.');
    await personal(WILLOWMERE, "What is the school's URN");
    const sectionOne = wordsOf(messageSaying(await personal('review', "What is the school's URN"), `${WILLOWMERE}: section 1, School/Trust Details`));
    expect(sectionOne).toContain('Supporting a school or a trust\nA school\n');
    expect(sectionOne).toContain(`School or trust name\n${WILLOWMERE}\n`);
    expect(sectionOne).toContain(`System leader name\n${USER_NAME}\n`);

    const sectionOneDone = said(await personal('900004', 'Why did the school or trust become eligible for TSI support?'));
    expect(sectionOneDone).toContain('That is section 1 done.');
    await personal('C1', 'Is there anything DfE should know about why it became eligible?');
    await personal('New headteacher since September.', 'Which areas do you intend to focus on?');

    const sectionTwo = wordsOf(messageSaying(await personal('review', 'Which areas do you intend to focus on?'), `${WILLOWMERE}: section 2, Scope and diagnostics`));
    expect(sectionTwo).toContain('Why eligible\nC1: 2 or more consecutive "requires improvement" judgements, the latest in the offer year\n');
    expect(sectionTwo).toContain('Additional information\nNew headteacher since September.\n');
    expect(sectionTwo).toContain('Areas of focus\nNot answered yet\n');

    expect(loggedErrors()).toEqual([]);
    await session.restartBot();

    const next = said(await personal('Teaching & Learning, Behaviour', 'Which DfE programmes (Annex A) or additional support elements could support the school or trust?'));
    expect(next).not.toContain('Are you supporting a school or a trust?');
    expect(next).not.toContain('Sorry, I did not understand');
    const reviewed = await personal('review', 'Which DfE programmes (Annex A) or additional support elements could support the school or trust?');
    expect(wordsOf(messageSaying(reviewed, `${WILLOWMERE}: section 2`))).toContain('Areas of focus\nTeaching & Learning; Behaviour\n');
    expect(loggedErrors()).toEqual([]);
  });

  it('the whole deployment: engagement, days, checklists, an extension DfE approved, and a claim of 13 days accepted on the form', async () => {
    // The bot reads the real clock: every date is counted back from today.
    const today = londonDateOf(new Date());
    const daysAgo = (days: number) => formatLongDate(addDays(today, -days));
    await personal('cancel', 'Cancelled.');
    await personal(`The RDP asked me to support ${WILLOWMERE} on ${daysAgo(30)}`, `Recorded: your RDP asked you to support ${WILLOWMERE}`);
    await personal(`I can support ${WILLOWMERE} on ${daysAgo(29)}`, `Recorded: you can support ${WILLOWMERE}`);
    await personal(`contacted the school on ${daysAgo(28)}`, 'Recorded your contact with the school.');
    await personal(`met the school on ${daysAgo(27)}`, 'Recorded the first visit.');
    for (let day = 1; day <= 10; day++) await personal(`delivered day ${day} on ${daysAgo(27 - day)}`, `${daysAgo(27 - day)} is recorded`);
    await personal(`pre-engagement checklist done on ${daysAgo(26)}`, 'Recorded the pre-engagement checklist as done.');
    await personal(`mid-engagement checklist done on ${daysAgo(21)}`, 'Recorded the mid-engagement checklist as done.');
    await personal(`returned the mid-engagement return to the RDP on ${daysAgo(21)}`, 'Recorded the mid-engagement return to the RDP.');
    await personal('request an extension of 3 days because phonics needs another half term', 'Additional days requested: 3.');
    await personal('sent the extension request today', 'Recorded the request as sent.');
    const approval = said(await personal('DfE approved 3 days, reference TSI-E2E', 'Your deployment form now allows a claim of up to 13 days.'));
    expect(approval).toContain('13 days are now agreed');
    const mine = said(await personal('my deployments', 'Your deployments'));
    expect(mine).toContain('days 10 of 13');

    await personal('go to section 6', 'How many days of support did you deliver?');
    await personal('13', 'That is section 6 done.');
    expect(loggedErrors()).toEqual([]);
  }, 180_000);
});
