import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { createTsiJourney } from '../../../dialogs/tsi/index.js';
import type { Profile } from '../../../domain/directory/types.js';
import { EligibilityRepository } from '../../../storage/eligibilityRepository.js';
import { OfferRepository } from '../../../storage/offerRepository.js';
import { DEFAULT_OFFER } from '../../../domain/tsi/offer.js';
import { cardOf, cardText, createTestBot, FIXED_NOW, mentionMessage, say, type TestBot } from '../../support/testBot.js';
import { fakeDirectory } from './fakeDirectory.js';

const HEADTEACHER: Profile = {
  kind: 'school',
  aadObjectId: 'aad-head',
  name: 'Alex Head',
  urn: '100001',
  role: 'headteacher',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
const SYSTEM_LEADER: Profile = {
  kind: 'system_leader',
  aadObjectId: 'aad-leader',
  name: 'Sam Leader',
  organisation: 'Northern Star Trust',
  role: 'mat_ceo',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
const PROFILES: Record<string, Profile> = { 'aad-head': HEADTEACHER, 'aad-leader': SYSTEM_LEADER };

const HOW_TO_ANSWER = 'Would you like to fill in a form, or answer questions one at a time?';

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

interface Setup {
  readonly deploymentFormAvailable?: boolean;
  readonly now?: () => Date;
}

async function startBot(setup: Setup = {}): Promise<TestBot> {
  testBot = await createTestBot({
    now: setup.now ?? FIXED_NOW,
    journeys: async (services) => ({
      journeys: [
        createTsiJourney({
          store: services.store,
          now: services.now,
          directory: fakeDirectory(),
          deploymentFormAvailable: () => setup.deploymentFormAvailable ?? false,
        }),
      ],
      actorSources: {
        profileOf: async (aadObjectId) => PROFILES[aadObjectId],
        liaisonGroupOfConversation: async () => undefined,
      },
    }),
  });
  return testBot;
}

/** What a reply says: its text, or the question on the choice card that carries its buttons. */
function said(reply: Partial<Activity> | undefined): string {
  const card = cardOf(reply) as { body?: { type: string; text?: string }[] } | undefined;
  return reply?.text ?? card?.body?.find((element) => element.type === 'TextBlock')?.text ?? '';
}

/** The choices a reply offers by tap: its buttons, or its list's items. */
function buttonsOf(reply: Partial<Activity> | undefined): string[] {
  const card = cardOf(reply) as { body?: { type: string; choices?: { title: string }[] }[]; actions?: { type: string; title: string; data?: object }[] } | undefined;
  const list = card?.body?.find((element) => element.type === 'Input.ChoiceSet');
  if (list) return (list.choices ?? []).map((choice) => choice.title);
  return (card?.actions ?? []).filter((action) => action.type === 'Action.Submit' && action.data).map((action) => action.title);
}

/** Says each answer in turn; returns what the bot said to the last one. */
async function answer(chat: ReturnType<TestBot['conversation']>, ...answers: string[]): Promise<Partial<Activity>[]> {
  let replies: Partial<Activity>[] = [];
  for (const text of answers) replies = await say(chat, text);
  return replies;
}

function executeAction(data: Record<string, unknown>): Partial<Activity> {
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'tsi.assess', data } } };
}

/** The card an Action.Execute invoke was answered with (replacing the card in place). */
function invokeCard(replies: Partial<Activity>[]): Record<string, unknown> {
  const response = replies.find((reply) => reply.type === 'invokeResponse');
  const body = (response?.value as { status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } } | undefined)?.body;
  expect(body?.statusCode).toBe(200);
  expect(body?.type).toBe('application/vnd.microsoft.card.adaptive');
  return body?.value ?? {};
}

/** The value of each input on a form card, as Teams would send them back. */
function formValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      // The type-ahead box only finds a school; it is not one of the form's answers.
      if (String(element.type).startsWith('Input.') && typeof element.id === 'string' && element.id !== 'schoolLookup') values[element.id] = String(element.value ?? '');
      Object.values(element).forEach(visit);
    }
  };
  visit(card);
  return values;
}

const savedChecks = (aadObjectId: string) => new EligibilityRepository((testBot as TestBot).store).recentFor(aadObjectId, 10);

const OAKFIELD_FORM = {
  recipient: 'school',
  name: 'Oakfield Primary School',
  urn: '100001',
  trust: 'Chiltern Learning Trust',
  region: 'South East',
  latestDate: '2023-10-10',
  latestGrade: 'requires_improvement',
  previousDate: '2021-05-03',
  previousGrade: 'requires_improvement',
  thirdDate: '',
  thirdGrade: '',
  fourthDate: '',
  fourthGrade: '',
  regionalDirectorAssessed: 'no',
  selfIdentifiesNeed: 'no',
  deliveryTeamJudgesNeed: 'no',
};

describe('starting an eligibility check', () => {
  it.each(['check eligibility', 'Is my school eligible?', 'TSI'])('"%s" offers a form or questions one at a time', async (words) => {
    const chat = (await startBot()).conversation();
    const [reply] = await say(chat, words);
    expect(said(reply)).toContain(HOW_TO_ANSWER);
    expect(buttonsOf(reply)).toEqual(['Fill in a form', 'Answer questions one at a time']);
  });

  it('the help card lists the journey, and its button starts it', async () => {
    const chat = (await startBot()).conversation();
    const [help] = await say(chat, 'help');
    expect(cardText(cardOf(help))).toContain('**Check TSI eligibility**');
    expect(cardText(cardOf(help))).toContain('**My eligibility checks**');
    const [reply] = await say(chat, { type: 'message', value: { command: 'check eligibility' } });
    expect(said(reply)).toContain(HOW_TO_ANSWER);
  });

  it('names the user\'s own school when their profile has one', async () => {
    const chat = (await startBot()).conversation({ userId: 'aad-head' });
    const [reply] = await say(chat, 'check eligibility');
    expect(said(reply)).toBe(`Let's see whether Oakfield Primary School can get trust and school improvement support (TSI) under the 2023/24 offer. ${HOW_TO_ANSWER}`);
  });

  it('an answer that is neither choice is asked again', async () => {
    const chat = (await startBot()).conversation();
    await say(chat, 'check eligibility');
    const [reply] = await say(chat, 'perhaps');
    expect(said(reply)).toBe('Please choose "Fill in a form" or "Answer questions one at a time".');
  });

  it('in a group chat, points to the personal chat', async () => {
    const chat = (await startBot()).conversation({ kind: 'groupChat' });
    const [reply] = await say(chat, mentionMessage('check eligibility'));
    expect(reply?.text).toContain('personal chat');
  });
});

describe('the form (Action.Execute)', () => {
  it('is prefilled from the directory for a headteacher, and pressing Check eligibility replaces it with the result', async () => {
    const chat = (await startBot()).conversation({ userId: 'aad-head' });
    await say(chat, 'check eligibility');
    const [formReply] = await say(chat, 'Fill in a form');
    const form = cardOf(formReply);
    expect(form?.version).toBe('1.5');
    expect(cardText(form)).toContain('I have filled in what the school directory says about Oakfield Primary School.');
    expect(formValues(form)).toMatchObject({
      recipient: 'school',
      name: 'Oakfield Primary School',
      urn: '100001',
      trust: 'Chiltern Learning Trust',
      region: 'South East',
      latestDate: '2023-10-10',
      latestGrade: 'requires_improvement',
      previousDate: '',
    });

    const replies = await say(
      chat,
      executeAction({ ...formValues(form), previousDate: '2021-05-03', previousGrade: 'requires_improvement', regionalDirectorAssessed: 'no', selfIdentifiesNeed: 'no', deliveryTeamJudgesNeed: 'no' }),
    );
    const result = cardText(invokeCard(replies));
    expect(result).toContain('Oakfield Primary School is eligible for TSI in 2023/24: it meets the offer’s criterion C1, explained below.');
    expect(result).toContain('C1 is met: your requires improvement judgements of 3 May 2021 and 10 October 2023 are consecutive');
    expect(result).toContain('10 days of support and advice from a system leader');
    expect(result).toContain('[A.parry@hispmat.org](mailto:A.parry@hispmat.org)');

    const [saved] = await savedChecks('aad-head');
    expect(saved).toMatchObject({
      via: 'form',
      checkedAt: '2024-03-01T10:00:00.000Z',
      subject: { name: 'Oakfield Primary School', urn: '100001', trust: 'Chiltern Learning Trust' },
      input: { recipient: 'school', region: 'South East' },
      outcome: { status: 'eligible', criteria: ['C1'] },
    });
  });

  it('is empty for a user without a profile', async () => {
    const chat = (await startBot()).conversation();
    await say(chat, 'check eligibility');
    const [formReply] = await say(chat, 'form');
    expect(cardText(cardOf(formReply))).not.toContain('school directory');
    expect(Object.values(formValues(cardOf(formReply))).every((value) => value === '')).toBe(true);
  });
});

describe('the form (Action.Submit fallback)', () => {
  it('routes to the same rule and answers with the result card as a message', async () => {
    const chat = (await startBot()).conversation();
    await say(chat, 'check eligibility');
    await say(chat, 'Fill in a form');
    const [reply] = await say(chat, {
      type: 'message',
      value: {
        verb: 'tsi.assess',
        recipient: 'trust',
        name: 'Northern Lights Trust',
        urn: '',
        trust: '',
        region: 'North West',
        latestDate: '',
        latestGrade: '',
        previousDate: '',
        previousGrade: '',
        regionalDirectorAssessed: 'no',
        selfIdentifiesNeed: 'yes',
        deliveryTeamJudgesNeed: 'no',
      },
    });
    const result = cardText(cardOf(reply));
    expect(result).toContain('Northern Lights Trust does not meet C1, C2 or C3, but can ask for TSI in 2023/24 by exception.');
    expect(result).toContain('you self-identify as needing help');
    expect(result).toContain("Support for a trust is given through the trust's CEO.");
    expect(result).toContain('your Regional Delivery Partner (RDP) lead for North West, Amanda Bennett');
    expect((await savedChecks('aad-user-1')).map((check) => check.outcome.status)).toEqual(['by_exception']);
  });

  it('a bad submission gets the form back with the problem stated and what was typed kept', async () => {
    const chat = (await startBot()).conversation();
    const [reply] = await say(chat, { type: 'message', value: { verb: 'tsi.assess', ...OAKFIELD_FORM, urn: '12345' } });
    const form = cardOf(reply);
    expect(cardText(form)).toContain('The URN "12345" is not six digits: a URN looks like 100001.');
    expect(formValues(form)).toEqual({ ...OAKFIELD_FORM, urn: '12345' });
    expect(await savedChecks('aad-user-1')).toEqual([]);
  });
});

describe('a bad card submission gets the form back, with the problem stated and nothing typed lost', () => {
  it.each([
    ['a judgement dated in the future', { latestDate: '2024-05-01' }, 'Latest judgement: 1 May 2024 is after today (1 March 2024): the date cannot be in the future.'],
    ['two judgements on one date', { previousDate: '2023-10-10' }, 'Latest judgement and judgement before it are both dated 10 October 2023: each row is an earlier inspection than the one above it.'],
    ['a missing answer', { deliveryTeamJudgesNeed: '' }, 'Answer yes or no to "Does the DfE regional delivery team judge that it needs help?"'],
    ['a missing region', { region: '' }, 'Choose the DfE region.'],
  ])('%s', async (_rule, change, problem) => {
    const chat = (await startBot()).conversation();
    const form = invokeCard(await say(chat, executeAction({ ...OAKFIELD_FORM, ...change })));
    expect(cardText(form)).toContain('Please check this, then press **Check eligibility** again:');
    expect(cardText(form)).toContain(problem);
    expect(formValues(form)).toEqual({ ...OAKFIELD_FORM, ...change });
    expect(await savedChecks('aad-user-1')).toEqual([]);
  });

  it('values of the wrong type are named, and the text values kept', async () => {
    const chat = (await startBot()).conversation();
    const form = invokeCard(await say(chat, executeAction({ ...OAKFIELD_FORM, name: 42, region: ['London'], regionalDirectorAssessed: { yes: true }, latestGrade: null })));
    const text = cardText(form);
    expect(text).toContain('The name of the school or trust was not sent as text: please fill it in again.');
    expect(text).toContain('The DfE region was not sent as text: please fill it in again.');
    expect(text).toContain('The answer about the regional director was not sent as text: please fill it in again.');
    expect(text).toContain('The grade of the latest judgement was not sent as text: please fill it in again.');
    expect(formValues(form)).toEqual({ ...OAKFIELD_FORM, name: '', region: '', regionalDirectorAssessed: '', latestGrade: '' });
    expect(await savedChecks('aad-user-1')).toEqual([]);
  });

  it('data that is not a set of fields at all is refused as a broken button, changing nothing', async () => {
    const chat = (await startBot()).conversation();
    const replies = await say(chat, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'tsi.assess', data: 'hello' } } });
    const body = (replies.find((reply) => reply.type === 'invokeResponse')?.value as { body: { statusCode: number } }).body;
    expect(body.statusCode).toBe(400);
    expect(await savedChecks('aad-user-1')).toEqual([]);
  });
});

describe('a check made after the offer year has ended', () => {
  const LATER = () => new Date('2025-06-02T09:00:00Z');

  it('asks for every judgement back to one before the offer year (RI 2021, RI November 2023, Good 2025 is eligible under C1), and says the offer is 2023/24', async () => {
    const chat = (await startBot({ now: LATER })).conversation();
    await answer(chat, 'check eligibility', 'questions', 'a trust', 'Northern Lights Trust', 'Yorkshire', 'Northern Lights Primary');
    expect(said((await say(chat, '1 March 2025'))[0])).toBe('What was the grade on 1 March 2025?');
    expect(said((await say(chat, 'good'))[0])).toContain('And the judgement before the one on 1 March 2025');
    await answer(chat, '15 November 2023', 'requires improvement');
    const [third] = await say(chat, '10 May 2021');
    expect(said(third)).toBe('What was the grade on 10 May 2021?');
    expect(said((await say(chat, 'RI'))[0])).toContain('Has a DfE regional director assessed');
    const [result] = await answer(chat, 'no', 'no', 'no');
    const text = cardText(cardOf(result));
    expect(text).toContain('eligible for TSI in 2023/24: it meets the offer’s criterion C1');
    expect(text).toContain('This is the 2023/24 offer, which ended on 31 August 2024; the School Improvement Team has not loaded a later one.');
  });

  it('an inspection with no overall grade is taken, and the graded judgements before it asked for', async () => {
    const chat = (await startBot({ now: LATER })).conversation();
    await answer(chat, 'check eligibility', 'questions', 'a trust', 'Northern Lights Trust', 'Yorkshire', 'Northern Lights Primary', '20 November 2024');
    expect(said((await say(chat, 'no overall grade'))[0])).toContain('The inspection on 20 November 2024 has no overall grade, so I need the graded judgements before it.');
  });

  it('a loaded later offer is used without a restart, and a malformed one is refused with the reason', async () => {
    const bot = await startBot({ now: LATER });
    const offers = new OfferRepository(bot.store);
    const refused = await offers.load({ ...DEFAULT_OFFER, year: '2024/25', startDate: '2024-09-01', endDate: '2025-08-30' });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.join(' ')).toContain('the 2024/25 offer year ends on 2025-08-31');
    expect((await offers.load({ ...DEFAULT_OFFER, year: '2024/25', startDate: '2024-09-01', endDate: '2025-08-31' })).ok).toBe(true);
    const [reply] = await answer(bot.conversation(), 'check eligibility');
    expect(said(reply)).toContain('under the 2024/25 offer. Would you like');
  });
});

describe('answering questions one at a time', () => {
  it('without a profile: finds the school by name after refusing a bad URN, re-asks bad answers with the reason, and ends in the rule', async () => {
    const chat = (await startBot()).conversation();
    await say(chat, 'check eligibility');
    expect(said((await say(chat, 'Answer questions one at a time'))[0])).toBe('Is the support for a school or a trust?');
    expect(said((await say(chat, 'A school'))[0])).toBe('Which school is it? Type its name or its six-digit URN.');

    const [badUrn] = await say(chat, '12345');
    expect(said(badUrn)).toBe(
      'A URN is six digits, like 100001, and "12345" has 5. Please type the URN again, or the school\'s name.\n\nWhich school is it? Type its name or its six-digit URN.',
    );

    expect(said((await say(chat, 'Oakfeld'))[0])).toBe('I could not find a school matching "Oakfeld". Try part of its name, or its URN. Which school is it? Type its name or its six-digit URN.');

    const [matches] = await say(chat, 'oakfield');
    expect(said(matches)).toBe('Which of these is it?');
    expect(buttonsOf(matches)).toEqual([
      'Oakfield Primary School (URN 100001, Buckinghamshire)',
      'Oakfield Church of England Junior School (URN 100003, Leicestershire)',
      'None of these',
    ]);

    const [found, earlier] = await say(chat, '2');
    expect(said(found)).toBe(
      'Found it: **Oakfield Church of England Junior School** (URN 100003), East Midlands; latest Ofsted judgement inadequate, 20 November 2023. If any of that is wrong, say "change" and I will ask you instead.',
    );
    expect(said(earlier)).toBe('And the judgement before the one on 20 November 2023: what was its date? Say "none" if 20 November 2023 was the first.');

    expect(said((await say(chat, '31/02/2023'))[0])).toContain('"31/02/2023" is not a real date: February 2023 has 28 days.');
    const [grade] = await say(chat, '14 June 2021');
    expect(said(grade)).toBe('What was the grade on 14 June 2021?');
    expect(buttonsOf(grade)).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Inspected, no overall grade']);

    expect(said((await say(chat, 'Good'))[0])).toBe('Has a DfE regional director assessed Oakfield Church of England Junior School as needing immediate support?');
    expect(said((await say(chat, 'sometimes'))[0])).toBe(
      'Please answer yes or no.\n\nHas a DfE regional director assessed Oakfield Church of England Junior School as needing immediate support?',
    );
    expect(said((await say(chat, 'no'))[0])).toBe('Does Oakfield Church of England Junior School see itself as needing help?');
    expect(said((await say(chat, 'no'))[0])).toBe('Does the DfE regional delivery team judge that Oakfield Church of England Junior School needs help?');

    const [result] = await say(chat, 'no');
    const text = cardText(cardOf(result));
    expect(text).toContain('Oakfield Church of England Junior School is eligible for TSI in 2023/24: it meets the offer’s criterion C2, explained below.');
    expect(text).toContain('C2 is met: you have an inadequate judgement dated 20 November 2023, in the 2023/24 offer year.');
    expect(text).toContain('your Regional Delivery Partner (RDP) lead for East Midlands, Chris Wheatley');

    const [saved] = await savedChecks('aad-user-1');
    expect(saved).toMatchObject({
      via: 'questions',
      subject: { name: 'Oakfield Church of England Junior School', urn: '100003' },
      input: {
        judgements: [
          { date: '2023-11-20', grade: 'inadequate' },
          { date: '2021-06-14', grade: 'good' },
        ],
      },
    });
  });

  it('looks a school up by URN, lets the user refuse the matches, asks the region only when the directory does not know it, and accepts "none" for judgements', async () => {
    const chat = (await startBot()).conversation();
    await answer(chat, 'check eligibility', 'questions', 'school');
    expect(said((await say(chat, '999999'))[0])).toBe('I could not find a school with URN 999999. Which school is it? Type its name or its six-digit URN.');
    await say(chat, 'Riverside');
    expect(said((await say(chat, 'None of these'))[0])).toBe('No problem. Which school is it? Type its name or its six-digit URN.');
    const [found, region] = await say(chat, '100004');
    expect(said(found)).toContain('Found it: **Riverside Special School** (URN 100004); no Ofsted judgement on record.');
    expect(said(region)).toBe('Which DfE region is Riverside Special School in?');
    expect(said((await say(chat, 'the north west'))[0])).toContain("When was Riverside Special School's latest Ofsted judgement?");
    expect(said((await say(chat, 'none'))[0])).toBe('Has a DfE regional director assessed Riverside Special School as needing immediate support?');
    const [result] = await answer(chat, 'no', 'no', 'no');
    expect(cardText(cardOf(result))).toContain('Riverside Special School is not eligible for TSI in 2023/24.');
  });

  it('"I don\'t know it" for the URN offers a search by name; "the first one" picks from the list; "not sure" to a yes/no question explains it and says where each answer leads', async () => {
    const chat = (await startBot()).conversation();
    await answer(chat, 'check eligibility', 'questions', 'school');
    const [noUrn] = await say(chat, "I don't know it");
    expect(said(noUrn)).toBe(
      "No problem: you do not need the URN. Type the school's name, or part of it, and I will look it up in the school directory.\n\nWhich school is it? Type its name or its six-digit URN.",
    );
    const [matches] = await say(chat, 'oakfield');
    expect(buttonsOf(matches)[0]).toBe('Oakfield Primary School (URN 100001, Buckinghamshire)');
    // No numbers are shown, so none is asked for.
    const [unknown] = await say(chat, 'the blue one');
    expect(said(unknown)).toBe('"the blue one" is not one of these. Please tap one, or say which, like "the first".\n\nWhich of these is it?');
    const [found] = await say(chat, 'the first one');
    expect(said(found)).toContain('Found it: **Oakfield Primary School** (URN 100001)');

    await answer(chat, 'none');
    const [explained] = await say(chat, 'not sure');
    expect(said(explained)).toBe(
      '"Yes" means a DfE regional director has assessed Oakfield Primary School as needing immediate support: that alone makes it eligible. ' +
        'If you do not know of such an assessment, say "no": I will check the other criteria, and the result names the Regional Delivery Partner to ask.' +
        '\n\nHas a DfE regional director assessed Oakfield Primary School as needing immediate support?',
    );
    expect(buttonsOf(explained)).toEqual(['Yes', 'No']);
    expect(said((await say(chat, 'no'))[0])).toBe('Does Oakfield Primary School see itself as needing help?');
    expect(said((await say(chat, "I don't know"))[0])).toContain("This asks whether Oakfield Primary School's own leaders feel it needs help. It matters only when no other criterion holds");
    expect(said((await say(chat, 'no'))[0])).toBe('Does the DfE regional delivery team judge that Oakfield Primary School needs help?');
    expect(said((await say(chat, 'no idea'))[0])).toContain('If you have not heard that they have, say "no": the result names the Regional Delivery Partner to ask.');
    const [result] = await say(chat, 'no');
    expect(cardText(cardOf(result))).toContain('Regional Delivery Partner (RDP) lead for South East');
  });

  it('for a trust: asks its name and region, then which of its schools, since a trust qualifies through its schools’ judgements', async () => {
    const chat = (await startBot()).conversation();
    await answer(chat, 'check eligibility', 'questions');
    expect(said((await say(chat, 'a trust'))[0])).toBe("What is the trust's name?");
    expect(said((await say(chat, 'Northern Lights Trust'))[0])).toBe('Which DfE region is Northern Lights Trust in?');
    const which = said((await say(chat, 'Yorkshire'))[0]);
    expect(which).toContain('A trust qualifies through the Ofsted judgements of its schools');
    expect(which).not.toContain('Northern Lights Trust\'s latest Ofsted judgement');
    expect(said((await say(chat, 'Northern Lights Primary'))[0])).toContain("When was Northern Lights Primary's latest Ofsted judgement?");
    const [result] = await answer(chat, '2023-09-14', 'inadequate', 'none', 'no', 'no', 'no');
    const text = cardText(cardOf(result));
    expect(text).toContain('Northern Lights Trust is eligible for TSI in 2023/24: it meets the offer’s criterion C2, explained below.');
    expect(text).toContain('Yorkshire and the Humber, Amanda Bennett');
  });

  it('with a prefilled profile: says what the directory gave, and asks only what is missing', async () => {
    const chat = (await startBot()).conversation({ userId: 'aad-head' });
    await say(chat, 'check eligibility');
    const [summary, first] = await say(chat, 'Answer questions one at a time');
    expect(said(summary)).toBe(
      'From the school directory, your school is **Oakfield Primary School** (URN 100001), South East, in Chiltern Learning Trust; latest Ofsted judgement requires improvement, 10 October 2023. If any of that is wrong, say "change" and I will ask you instead.',
    );
    expect(said(first)).toBe('And the judgement before the one on 10 October 2023: what was its date? Say "none" if 10 October 2023 was the first.');
    expect(said((await say(chat, '10/10/2023'))[0])).toContain('That is the date of the latest judgement (10 October 2023).');
    const asked = [];
    for (const text of ['3 May 2021', 'RI', 'no', 'yes']) asked.push(said((await say(chat, text))[0]));
    expect(asked).toEqual([
      'What was the grade on 3 May 2021?',
      'Has a DfE regional director assessed Oakfield Primary School as needing immediate support?',
      'Does Oakfield Primary School see itself as needing help?',
      'Does the DfE regional delivery team judge that Oakfield Primary School needs help?',
    ]);
    const [result] = await say(chat, 'no');
    expect(cardText(cardOf(result))).toContain('Oakfield Primary School is eligible for TSI in 2023/24: it meets the offer’s criterion C1, explained below.');
  });

  it('"change" after a prefill asks for every detail instead of taking the directory\'s', async () => {
    const chat = (await startBot()).conversation({ userId: 'aad-head' });
    await answer(chat, 'check eligibility', 'questions');
    const [ok, first] = await say(chat, 'change');
    expect(said(ok)).toBe('All right: I will ask you for each detail instead.');
    expect(said(first)).toBe('Is the support for a school or a trust?');
    await say(chat, 'school');
    const [found, region] = await say(chat, '100001');
    expect(said(found)).toBe('Found it: **Oakfield Primary School** (URN 100001), in Chiltern Learning Trust.');
    expect(said(region)).toBe('Which DfE region is Oakfield Primary School in?');
    expect(said((await say(chat, 'London'))[0])).toContain("When was Oakfield Primary School's latest Ofsted judgement?");
    expect(said((await say(chat, 'change'))[0])).toContain('I could not read "change" as a date.');
    const [result] = await answer(chat, '14/06/2023', 'good', 'none', 'no', 'no', 'no');
    const text = cardText(cardOf(result));
    expect(text).toContain('Oakfield Primary School is not eligible for TSI in 2023/24.');
    expect(text).toContain('your Regional Delivery Partner (RDP) lead for London, Amanda Parry');
  });

  it('help inside the questions shows the help card and keeps the question waiting', async () => {
    const chat = (await startBot()).conversation();
    await answer(chat, 'check eligibility', 'questions');
    const [help] = await say(chat, 'help');
    expect(cardText(cardOf(help))).toContain('We are still in the middle of something');
    expect(said((await say(chat, 'a school'))[0])).toBe('Which school is it? Type its name or its six-digit URN.');
  });

  it('cancel inside the questions stops them, and the next answer is not taken as one', async () => {
    const chat = (await startBot()).conversation();
    await answer(chat, 'check eligibility', 'questions', 'school');
    expect((await say(chat, 'cancel'))[0]?.text).toContain('Cancelled');
    const [after] = await say(chat, '100001');
    expect(cardText(cardOf(after))).toContain('Sorry, I did not understand that.');
    expect(await savedChecks('aad-user-1')).toEqual([]);
  });

  it('start over begins the check again', async () => {
    const chat = (await startBot()).conversation();
    await answer(chat, 'check eligibility', 'questions', 'trust');
    const replies = await say(chat, 'start over');
    expect(replies.map(said)).toEqual(['Starting again from the beginning.', expect.stringContaining(HOW_TO_ANSWER)]);
  });
});

describe('starting a deployment form from the result', () => {
  it.each([
    ['a system leader sees the button once the deployment form exists', 'aad-leader', true, true],
    ['a system leader sees no button while it does not exist', 'aad-leader', false, false],
    ['a headteacher sees no button', 'aad-head', true, false],
  ])('%s', async (_rule, userId, deploymentFormAvailable, shown) => {
    const chat = (await startBot({ deploymentFormAvailable })).conversation({ userId });
    const card = invokeCard(await say(chat, executeAction(OAKFIELD_FORM)));
    const button = ((card.actions ?? []) as Record<string, unknown>[]).find((action) => action.type === 'Action.Submit');
    if (!shown) {
      expect(button).toBeUndefined();
      return;
    }
    const [saved] = await savedChecks(userId);
    expect(button).toEqual({
      type: 'Action.Submit',
      title: 'Start a deployment form',
      data: { command: 'deployment form', eligibilityCheckId: saved?.id },
    });
  });
});

describe('my eligibility checks', () => {
  it('lists the user\'s checks, newest first', async () => {
    let now = new Date('2024-03-01T10:00:00Z');
    const chat = (await startBot({ now: () => now })).conversation();
    await say(chat, executeAction(OAKFIELD_FORM));
    now = new Date('2024-03-04T15:30:00Z');
    await say(chat, executeAction({ ...OAKFIELD_FORM, recipient: 'trust', name: 'Northern Lights Trust', urn: '', region: 'North West', latestGrade: 'good' }));

    const [reply] = await say(chat, 'my eligibility checks');
    const text = cardText(cardOf(reply));
    expect(text).toContain('Your recent eligibility checks');
    expect(text).toContain('**Northern Lights Trust**');
    expect(text).toContain('The trust is not eligible for TSI in 2023/24.');
    expect(text).toContain('Checked on 4 March 2024 at 15:30');
    expect(text).toContain('**Oakfield Primary School (URN 100001)**');
    expect(text).toContain('The school is eligible for TSI in 2023/24: it meets the offer’s criterion C1, explained below.');
    expect(text).toContain('Checked on 1 March 2024 at 10:00');
    expect(text.indexOf('Northern Lights Trust')).toBeLessThan(text.indexOf('Oakfield Primary School'));
  });

  it('shows at most the ten most recent', async () => {
    let minute = 0;
    const chat = (await startBot({ now: () => new Date(Date.UTC(2024, 2, 1, 9, minute)) })).conversation();
    for (minute = 0; minute < 12; minute++) await say(chat, executeAction({ ...OAKFIELD_FORM, name: `School ${minute}` }));
    const text = cardText(cardOf((await say(chat, 'my eligibility checks'))[0]));
    expect(text).toContain('School 11');
    expect(text).toContain('School 2 ');
    expect(text).not.toContain('School 1 ');
    expect(text).not.toContain('School 0 ');
    expect(text).toContain('These are your 10 most recent checks, newest first.');
  });

  it('says so when there are none yet', async () => {
    const chat = (await startBot()).conversation();
    expect((await say(chat, 'my eligibility checks'))[0]?.text).toBe('You have not checked eligibility yet. Say "check eligibility" to start.');
  });
});

describe('finding the school with type-ahead on the form', () => {
  const lookup = (data: Record<string, unknown>): Partial<Activity> => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: 'tsi.fillFromDirectory', data } },
  });

  it('offers a type-ahead box answered from the directory when nothing is prefilled', async () => {
    const bot = await startBot();
    const chat = bot.conversation({ userId: 'aad-nobody-known' });
    await say(chat, 'check eligibility');
    const [form] = await say(chat, 'form');
    expect(JSON.stringify(cardOf(form))).toContain('"choices.data":{"type":"Data.Query","dataset":"schools"}');
  });

  it('fills the form from the school picked, keeping what the user had typed', async () => {
    const bot = await startBot();
    const chat = bot.conversation({ userId: 'aad-nobody-known' });
    const card = invokeCard(await say(chat, lookup({ schoolLookup: '100001', previousDate: '2021-05-03', previousGrade: 'requires_improvement' })));
    const values = formValues(card);
    expect(values).toMatchObject({ urn: '100001', recipient: 'school', previousDate: '2021-05-03', previousGrade: 'requires_improvement' });
    expect(values.name).not.toBe('');
    expect(cardText(card)).toContain('I have filled in what the school directory says about');
  });

  it('asks the user to pick a school first when none was picked', async () => {
    const bot = await startBot();
    const card = invokeCard(await say(bot.conversation({ userId: 'aad-nobody-known' }), lookup({ name: 'Typed by hand' })));
    expect(cardText(card)).toContain('Pick a school in the “Find the school” box first');
    expect(formValues(card).name).toBe('Typed by hand');
  });
});
