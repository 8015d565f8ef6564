import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestAdapter } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { EligibilityRepository } from '../../../storage/eligibilityRepository.js';
import { cardOf, cardText, createTestBot, say, type TestBot } from '../../support/testBot.js';
import {
  ACCOUNT_NUMBER,
  BANK_KEY,
  deploymentJourneys,
  elementsOf,
  executeAction,
  HEAD,
  invokeBody,
  invokeCard,
  LEADER,
  LEADER_ANSWERS,
  OTHER_LEADER,
  readForm,
  said,
  seedForm,
  SORT_CODE,
} from './support.js';

/** 20 March 2024, 10:00 in London: after the days of support the tests report. */
const NOW = () => new Date('2024-03-20T10:00:00Z');

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

async function startBot(env: Record<string, string> = {}, dataDir?: string): Promise<TestBot> {
  testBot = await createTestBot({ journeys: deploymentJourneys(), now: NOW, env, ...(dataDir ? { dataDir } : {}) });
  return testBot;
}

const chatWith = (bot: TestBot, who = LEADER) => bot.conversation({ userId: who.aadObjectId, userName: who.name });

/** Says each line in turn; returns what the bot said to the last. */
async function answer(chat: TestAdapter, ...lines: string[]) {
  let replies: Awaited<ReturnType<typeof say>> = [];
  for (const line of lines) replies = await say(chat, line);
  return replies;
}

const onlyForm = async (bot: TestBot) => {
  const records = await bot.store.list<{ draft: { id: string } }>(`deployment/drafts/${LEADER.aadObjectId}/`);
  expect(records).toHaveLength(1);
  return readForm(bot.store, records[0]!.value.draft.id);
};

describe('starting a deployment form', () => {
  it.each([
    [HEAD, 'Deployment forms are drafted by the system leader', 'your headteacher confirms section 7'],
    [{ ...HEAD, aadObjectId: 'aad-stranger', name: 'Pat Nobody' }, 'Deployment forms are drafted by the system leader', 'tell me your name, role (MAT CEO or NLE)'],
  ])('refuses anyone but a system leader, saying what they can do instead (%#)', async (who, reason, instead) => {
    const bot = await startBot();
    const text = said(await say(chatWith(bot, who), 'deployment form'));
    expect(text).toContain(reason);
    expect(text).toContain(instead);
    expect(await bot.store.list('deployment/drafts/')).toHaveLength(0);
  });

  it('starts at section 1 with the system leader’s own details filled in from their profile, saved at once', async () => {
    const bot = await startBot();
    const replies = await say(chatWith(bot), 'deployment form');
    const text = said(replies);
    expect(text).toContain('Section 1 of 8: School/Trust Details');
    expect(text).toContain('I have filled in what I already know from your profile');
    expect(text).toContain('Are you supporting a school or a trust?');
    const form = await onlyForm(bot);
    expect(form.draft.sections[1]).toMatchObject({ systemLeaderName: 'Jo Patel', systemLeaderRole: 'mat_ceo', systemLeaderOrganisation: 'Oak Learning Trust' });
    expect(form.position).toEqual({ section: 1, field: 'recipientKind' });
  });

  it('from the button on a TSI result, fills section 1 and why eligible from the saved check and the directory', async () => {
    const bot = await startBot();
    const check = await new EligibilityRepository(bot.store).save({
      aadObjectId: LEADER.aadObjectId,
      checkedAt: '2024-03-19T09:00:00.000Z',
      via: 'form',
      subject: { name: 'Millbrook Primary School', urn: '123456' },
      input: { recipient: 'school', region: 'South East', judgements: [], regionalDirectorAssessedImmediateNeed: false, selfIdentifiesNeed: true, regionalDeliveryTeamJudgesNeed: false },
      offerYear: '2023/24',
      outcome: { status: 'eligible', criteria: ['C1'], reasons: ['Two consecutive requires improvement judgements.'], rdp: { name: 'Amanda Parry', email: 'A.parry@hispmat.org' } },
    });
    const text = said(await say(chatWith(bot), { type: 'message', value: { command: 'deployment form', eligibilityCheckId: check.id } }));
    expect(text).toContain('from your profile, your eligibility check and the school directory');
    expect(text).toContain('Section 2 of 8: Scope and diagnostics');
    expect(text).toContain('Is there anything DfE should know about why it became eligible?');
    const form = await onlyForm(bot);
    expect(form.draft.sections[1]).toMatchObject({
      recipientKind: 'school',
      recipientName: 'Millbrook Primary School',
      urn: '123456',
      trust: 'Chiltern Learning Trust',
      phase: 'primary',
      localAuthority: 'Buckinghamshire',
      region: 'South East',
    });
    expect(form.draft.sections[2].whyEligible).toBe('C1');
  });

  it('lists the system leader’s drafts to carry on with, or starts a new one', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { position: { section: 3, field: 'progressSoFar' }, answers: [[1, 'recipientKind', 'school'], [1, 'recipientName', 'Millbrook Primary School']] });
    await seedForm(bot.store, { id: 'form-2', answers: [[1, 'recipientKind', 'trust'], [1, 'recipientName', 'Elm Trust']], position: { section: 1, field: 'region' } });
    const chat = chatWith(bot);
    const list = said(await say(chat, 'deployment form'));
    expect(list).toContain('Your deployment forms');
    expect(list).toContain('Millbrook Primary School');
    expect(list).toContain('Next: section 3, Progress so far');
    expect(said(await say(chat, 'start over'))).toContain('Your deployment forms');
    const resumed = said(await say(chat, { type: 'message', value: { command: 'deployment form', draftId: 'form-1' } }));
    expect(resumed).toContain('Welcome back to the deployment form for Millbrook Primary School.');
    expect(resumed).toContain('Briefly, what progress has been made so far?');

    const fresh = said(await answer(chat, 'deployment form', 'new'));
    expect(fresh).toContain('Are you supporting a school or a trust?');
    expect(await bot.store.list(`deployment/drafts/${LEADER.aadObjectId}/`)).toHaveLength(3);
  });
});

describe('answering one question at a time', () => {
  it('saves every answer, re-asks a bad one with the reason, and fills the school from the directory after its URN', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    await say(chat, { type: 'message', value: { deploymentField: 'recipientKind', deploymentAnswer: 'school' } });
    expect((await onlyForm(bot)).draft.sections[1].recipientKind).toBe('school');
    await say(chat, 'Millbrook Primary School');

    const refused = await say(chat, '12345');
    expect(refused[0]?.text).toBe('A URN is six digits.');
    expect(said(refused.slice(1))).toContain("What is the school's URN");
    expect((await onlyForm(bot)).draft.sections[1].urn).toBeUndefined();

    const next = said(await say(chat, '123456'));
    expect(next).toContain('I have filled in the trust, phase, local authority and region from what I know about URN 123456.');
    expect(next).toContain('That is section 1 done.');
    expect(next).toContain('Why did the school or trust become eligible for TSI support?');
    const form = await onlyForm(bot);
    expect(form.draft.sections[1]).toMatchObject({ urn: '123456', phase: 'primary', region: 'South East' });
    expect(form.position).toEqual({ section: 2, field: 'whyEligible' });
  });

  it('offers a dropdown’s choices as buttons, or as a choice set when there are many', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [], position: { section: 2, field: 'whyEligible' } });
    const chat = chatWith(bot);
    const buttons = cardOf((await say(chat, 'deployment form')).at(-1));
    expect(elementsOf(buttons, 'Action.Submit').map((action) => action.title)).toContain('C2: an "inadequate" judgement in the offer year');

    await say(chat, { type: 'message', value: { deploymentField: 'whyEligible', deploymentAnswer: 'C2' } });
    const areas = cardOf((await say(chat, 'none')).at(-1));
    const [choiceSet] = elementsOf(areas, 'Input.ChoiceSet');
    expect(choiceSet).toMatchObject({ id: 'deploymentAnswer', label: 'Areas of focus', isMultiSelect: true });

    const other = said(await say(chat, { type: 'message', value: { deploymentField: 'areasOfFocus', deploymentAnswer: 'behaviour,other' } }));
    expect(other).toContain('You chose "Other": briefly, what is that area of focus?');
    expect((await readForm(bot.store)).draft.sections[2].areasOfFocus).toEqual(['behaviour', 'other']);
  });

  it('"back" goes to the question before, showing the saved answer; "skip" leaves a question and moves on', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await answer(chat, 'deployment form', 'school', 'Millbrook Primary School');
    const back = said(await say(chat, 'back'));
    expect(back).toContain('What is the name of the school or trust you are supporting?');
    expect(back).toContain('Saved answer: Millbrook Primary School. Give a new answer, or say "skip" to keep it.');

    expect(said(await say(chat, 'skip'))).toContain("What is the school's URN");
    expect(said(await say(chat, 'skip'))).toContain('Which trust is the school in?');
    const form = await onlyForm(bot);
    expect(form.draft.sections[1].recipientName).toBe('Millbrook Primary School');
    expect(form.draft.sections[1].urn).toBeUndefined();
    expect(form.position).toEqual({ section: 1, field: 'trust' });
  });

  it('"review" shows the section so far as a card, then asks the question again', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await answer(chat, 'deployment form', 'school', 'Millbrook Primary School');
    const replies = await say(chat, 'review');
    const card = cardText(cardOf(replies[0]));
    expect(card).toContain('Millbrook Primary School: section 1, School/Trust Details');
    expect(card).toContain('Supporting a school or a trust');
    expect(card).toContain('A school');
    expect(card).toContain('Not answered yet');
    expect(said(replies.slice(1))).toContain("What is the school's URN");
  });

  it('"go to section 3" jumps there, saying when it falls due', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const text = said(await say(chat, 'go to section 3'));
    expect(text).toContain('Section 3 of 8: Mid engagement');
    expect(text).toContain('Section 3 is due after day 6 of support; you can fill it in now if you are ready.');
    expect(text).toContain('On what date did you hold the mid-engagement review?');
    await answer(chat, '12 March 2024', 'Reading audit done', 'none');
    expect((await onlyForm(bot)).draft.sections[3]).toEqual({ reviewDate: '2024-03-12', progressSoFar: 'Reading audit done', amendments: '' });
  });

  it('stops at a section that is not due yet, and "go to section N" works from outside the form too', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [], position: { section: 2, field: 'mechanismsOfSupport' } });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const paused = said(await say(chat, 'none'));
    expect(paused).toContain('That is the end of section 2. Still to answer: Why eligible, Areas of focus.');
    expect(paused).toContain('Section 3 (Mid engagement) is due after day 6 of support, so that is all for now');
    expect((await readForm(bot.store)).position).toEqual({ section: 3 });
    expect(said(await say(chat, 'go to section 4'))).toContain('Were all the activities you planned completed?');
  });

  it('a claim beyond 10 days without an agreed extension is refused with the reason at the end of section 6', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    await say(chat, 'go to section 6');
    expect(said(await say(chat, '12'))).toContain('You delivered more than 10 days. How many extra days did DfE formally approve?');
    const text = said(await say(chat, '0'));
    expect(text).toContain('That is the end of section 6, but please check it: You can claim at most 10 days unless DfE formally agreed an extension: DfE pays for no day it did not agree.');
  });

  it('refuses section 7 to the system leader, with the reason', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const replies = await say(chat, 'go to section 7');
    expect(replies[0]?.text).toBe(
      'Section 7 is completed by the supported school’s headteacher (or the supported trust’s CEO), confirming the work reported. Send the form to the school for its headteacher to confirm.',
    );
    expect(said(replies.slice(1))).toContain('Are you supporting a school or a trust?');
  });

  it('keeps the draft on "cancel", and carries on at the same question afterwards', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await answer(chat, 'deployment form', 'school');
    expect(said(await say(chat, 'cancel'))).toContain('Anything you had already saved is kept.');
    const resumed = said(await say(chat, 'deployment form'));
    expect(resumed).toContain('What is the name of the school or trust you are supporting?');
  });
});

describe('the section card', () => {
  it('saves a whole section through Action.Execute and answers with the updated card; the chat sees the same draft', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const id = (await onlyForm(bot)).draft.id;
    const ref = { ownerAadObjectId: LEADER.aadObjectId, draftId: id };

    const opened = invokeCard(await say(chat, executeAction('deployment.sectionCard', { ...ref, section: 2 })));
    expect(elementsOf(opened, 'Action.Execute')[0]).toMatchObject({ verb: 'deployment.saveSection', fallback: { type: 'Action.Submit' } });

    const saved = invokeCard(
      await say(chat, executeAction('deployment.saveSection', { ...ref, section: 2, whyEligible: 'C3', additionalInformation: '', areasOfFocus: 'behaviour', mechanismsOfSupport: 'behaviour_hubs' })),
    );
    expect(cardText(saved)).toContain('Saved: section 2 is complete.');
    expect(elementsOf(saved, 'Input.ChoiceSet').find((input) => input.id === 'whyEligible')?.value).toBe('C3');
    expect((await onlyForm(bot)).draft.sections[2]).toEqual({ whyEligible: 'C3', additionalInformation: '', areasOfFocus: ['behaviour'], mechanismsOfSupport: ['behaviour_hubs'] });

    await say(chat, 'go to section 2');
    expect(cardText(cardOf((await say(chat, 'review'))[0]))).toContain('C3: assessed by a regional director as needing immediate support');
  });

  it('shows the problems and saves nothing when an answer does not fit', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [] });
    const replies = await say(chatWith(bot), executeAction('deployment.saveSection', { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1', section: 6, daysDelivered: '9.3' }));
    const card = invokeCard(replies);
    expect(cardText(card)).toContain('Nothing was saved.');
    expect(cardText(card)).toContain('Days delivered: Days are counted in half-day steps (for example 9 or 9.5; a local rule of this bot, not DfE\'s).');
    expect((await readForm(bot.store)).draft.sections[6]).toEqual({});
  });

  it('works through the Action.Submit fallback too', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [] });
    const replies = await say(chatWith(bot), {
      type: 'message',
      value: { verb: 'deployment.saveSection', ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1', section: '3', reviewDate: '2024-03-12', progressSoFar: 'Good start', amendments: '' },
    });
    expect(cardText(cardOf(replies[0]))).toContain('Saved: section 3 is complete.');
  });

  it('refuses another system leader: a draft belongs to its system leader', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [] });
    const other = chatWith(bot, OTHER_LEADER);
    const body = invokeBody(await say(other, executeAction('deployment.saveSection', { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1', section: 3, progressSoFar: 'Mine now' })));
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.value)).toContain('You can see only your own deployment forms');
    expect((await readForm(bot.store)).draft.sections[3]).toEqual({});
    expect(said(await say(other, 'deployment form'))).not.toContain('Millbrook');
  });

  it('refuses a payload that does not parse, changing nothing', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [] });
    const body = invokeBody(await say(chatWith(bot), executeAction('deployment.saveSection', { draftId: 'form-1', section: 'nine' })));
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.value)).toContain('Some of what the card sent is not valid');
  });
});

describe('the 10-day model', () => {
  it('records "delivered day 3 on 12 March" and says which sections are due', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [[1, 'recipientKind', 'school'], [1, 'recipientName', 'Millbrook Primary School']], days: ['2024-03-05', '2024-03-07'] });
    const card = cardText(cardOf((await say(chatWith(bot), 'delivered day 3 on 12 March'))[0]));
    expect(card).toContain('Thank you: a day of support delivered on 12 March 2024 is recorded. That makes 3 days so far.');
    expect(card).toContain('Due now: section 1 (School/Trust Details), section 2 (Scope and diagnostics).');
    expect(card).toContain('Due after day 6');
    expect((await readForm(bot.store)).draft.daysDeliveredLog).toEqual(['2024-03-05', '2024-03-07', '2024-03-12']);
  });

  it('records today’s day from the button', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [] });
    const card = invokeCard(await say(chatWith(bot), executeAction('deployment.recordDay', { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1' })));
    expect(cardText(card)).toContain('a day of support delivered today is recorded. That makes 1 day so far.');
    expect((await readForm(bot.store)).draft.daysDeliveredLog).toEqual(['2024-03-20']);
  });

  it('refuses a day in the future, inside the form too, and asks the question again', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const replies = await say(chat, 'delivered day 1 on 21/03/2024');
    expect(replies[0]?.text).toBe('That date has not come yet: tell me about a day once you have delivered it.');
    expect(said(replies.slice(1))).toContain('Are you supporting a school or a trust?');
  });
});

describe('bank details', () => {
  const neitherNumber = (text: string) => {
    for (const secret of [SORT_CODE, ACCOUNT_NUMBER, '40-12-76', '40 12 76']) expect(text).not.toContain(secret);
  };

  async function rawStore(dataDir: string): Promise<string> {
    const contents: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else contents.push(await readFile(full, 'latin1'));
      }
    };
    await walk(dataDir);
    return contents.join('\n');
  }

  it('takes them one at a time, checks each, seals them, and shows them only masked: never in a card, a log line or the store', async () => {
    const bot = await startBot({ BANK_DETAILS_KEY: BANK_KEY });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const asked = said(await say(chat, 'go to section 5'));
    expect(asked).toContain('I keep bank details encrypted and only ever show them masked.');
    expect(asked).toContain('What is the name on the bank account DfE should pay?');

    expect(said(await say(chat, 'Oak Learning Trust'))).toContain('What is the sort code?');
    const refused = await say(chat, '40-12');
    expect(refused[0]?.text).toBe('Give the sort code as six digits, like 12-34-56.');
    await say(chat, '40-12-76');
    const done = said(await say(chat, ACCOUNT_NUMBER));
    expect(done).toContain('your bank details are saved, encrypted. I only ever show them masked: Oak Learning Trust, sort code ••-••-76, account number ••••••19.');
    neitherNumber(done);

    const form = await onlyForm(bot);
    expect(form.draft.sections[5].masked).toEqual({ accountName: 'Oak Learning Trust', sortCode: '••-••-76', accountNumber: '••••••19' });
    const ref = { ownerAadObjectId: LEADER.aadObjectId, draftId: form.draft.id };

    await say(chat, 'go to section 5');
    const review = cardText(cardOf((await say(chat, 'review'))[0]));
    expect(review).toContain('••-••-76');
    neitherNumber(review);
    const sectionCard = invokeCard(await say(chat, executeAction('deployment.sectionCard', { ...ref, section: 5 })));
    expect(cardText(sectionCard)).toContain('Saved: ••-••-76');
    neitherNumber(JSON.stringify(sectionCard));

    const resaved = invokeCard(await say(chat, executeAction('deployment.saveSection', { ...ref, section: 5, accountName: 'Oak Learning Trust', sortCode: '40 12 76', accountNumber: '3192-6819' })));
    expect(cardText(resaved)).toContain('Saved, encrypted.');
    neitherNumber(JSON.stringify(resaved));
    const badCard = invokeCard(await say(chat, executeAction('deployment.saveSection', { ...ref, section: 5, accountName: 'Oak', sortCode: SORT_CODE, accountNumber: '123' })));
    expect(cardText(badCard)).toContain('Account number: Give the account number as eight digits.');
    neitherNumber(JSON.stringify(badCard));

    neitherNumber(JSON.stringify(bot.logs));
    await bot.store.close();
    neitherNumber(await rawStore(bot.dataDir));
  });

  it('saved on the card, they close the chat question: the next message is not taken as the account name', async () => {
    const bot = await startBot({ BANK_DETAILS_KEY: BANK_KEY });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    expect(said(await say(chat, 'go to section 5'))).toContain('What is the name on the bank account DfE should pay?');
    const ref = { ownerAadObjectId: LEADER.aadObjectId, draftId: (await onlyForm(bot)).draft.id };
    const saved = invokeCard(await say(chat, executeAction('deployment.saveSection', { ...ref, section: 5, accountName: 'Oak Learning Trust', sortCode: SORT_CODE, accountNumber: ACCOUNT_NUMBER })));
    expect(cardText(saved)).toContain('Saved, encrypted.');

    expect(said(await say(chat, 'nominations'))).not.toContain('What is the sort code?');
    expect((await onlyForm(bot)).draft.sections[5].masked?.accountName).toBe('Oak Learning Trust');
  });

  it('without BANK_DETAILS_KEY, takes no bank details and says the key is not set up, naming the setting only in the log', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [[4, 'allActivitiesCompleted', true], [4, 'nextSteps', 'More'], [4, 'enhancedStrand', 'none']], position: { section: 4, field: 'enhancedStrand' }, days: Array.from({ length: 10 }, (_, day) => `2024-03-${String(day + 1).padStart(2, '0')}`) });
    const chat = chatWith(bot);
    const moved = said(await say(chat, 'deployment form'));
    expect(moved).toContain('the key for that has not been set up on this bot. Please ask the School Improvement Team');
    expect(moved).not.toContain('BANK_DETAILS');
    expect(bot.logs.some((line) => String(line.msg).startsWith('BANK_DETAILS_KEY is not set'))).toBe(true);
    expect(moved).toContain('Section 6 of 8: Payment claim');
    expect(said(await say(chat, 'go to section 5'))).toContain('the key for that has not been set up on this bot');

    const body = invokeBody(await say(chat, executeAction('deployment.saveSection', { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1', section: 5, accountName: 'Oak', sortCode: SORT_CODE, accountNumber: ACCOUNT_NUMBER })));
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.value)).toContain('the key for that has not been set up on this bot');
    expect((await readForm(bot.store)).draft.sections[5]).toEqual({});
  });
});

describe('after a restart', () => {
  it('carries on at the same question: nothing is lost', async () => {
    const first = await startBot();
    const dataDir = first.dataDir;
    await answer(chatWith(first), 'deployment form', 'school', 'Millbrook Primary School');
    await first.close({ keepData: true });

    const second = await startBot({}, dataDir);
    const chat = chatWith(second);
    const next = said(await say(chat, '123456'));
    expect(next).toContain('from what I know about URN 123456');
    expect((await onlyForm(second)).draft.sections[1]).toMatchObject({ recipientKind: 'school', recipientName: 'Millbrook Primary School', urn: '123456' });
  });

  it('and on another device, "deployment form" picks the form up at the question it was on', async () => {
    const first = await startBot();
    const dataDir = first.dataDir;
    await answer(chatWith(first), 'deployment form', 'school');
    await first.close({ keepData: true });

    const second = await startBot({}, dataDir);
    const chat = second.conversation({ userId: LEADER.aadObjectId, conversationId: 'a:another-device-chat' });
    const resumed = said(await say(chat, 'deployment form'));
    expect(resumed).toContain('Welcome back');
    expect(resumed).toContain('What is the name of the school or trust you are supporting?');
  });
});

describe('section 7 and section 8 from the system leader’s side', () => {
  it('will not send the form to the school until the work reported is complete', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [[1, 'recipientKind', 'school'], [1, 'recipientName', 'Millbrook Primary School']] });
    const text = said(await say(chatWith(bot), 'send to school'));
    expect(text).toContain('Before the school or trust can confirm the work, please finish section 1');
  });

  it('tells the system leader when the headteacher has not added the bot', async () => {
    const bot = await startBot();
    await seedForm(bot.store);
    const text = said(await say(chatWith(bot), 'send to school'));
    expect(text).toContain('Sam Green has not added me in Teams yet, so I could not send them the form.');
    expect((await readForm(bot.store)).schoolRequest).toBeUndefined();
  });

  it('for a trust, speaks of the trust and its chief executive, and says "send to trust"', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [...LEADER_ANSWERS, [1, 'recipientKind', 'trust'], [1, 'recipientName', 'Elm Trust']], position: { section: 6, field: 'daysDelivered' } });
    const chat = chatWith(bot);
    expect(said(await say(chat, 'go to section 8'))).toContain('Section 7 is for the trust: when you are ready, say "send to trust" and I will send their chief executive the work reported to confirm.');
    await say(chat, 'cancel');
    // Elm Trust's chief executive is known to the bot but has not added it in Teams.
    expect(said(await say(chat, 'send to trust'))).toContain('Kim Other has not added me in Teams yet, so I could not send them the form. Ask them to open a chat with me (search for me in Teams apps and say hello), then say "send to trust" again.');
  });

  it('refuses the system leader’s own press of the school’s confirm button', async () => {
    const bot = await startBot();
    await seedForm(bot.store);
    const body = invokeBody(await say(chatWith(bot), executeAction('deployment.confirm', { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1' })));
    expect(body.statusCode).toBe(400);
    expect(JSON.stringify(body.value)).toContain('Section 7 is completed by the supported school’s headteacher');
  });

  it('section 8 says the form goes via the system leader’s RDP (the address on the form’s final page), with a download link', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { position: { section: 6, field: 'daysDelivered' } });
    const chat = chatWith(bot);
    const replies = await say(chat, 'go to section 8');
    const submission = replies.map((reply) => cardOf(reply)).find((card) => cardText(card).includes('Submit the completed form via your Regional Delivery Partner'));
    expect(cardText(submission)).toContain('final page of DfE’s deployment form');
    expect(cardText(submission)).not.toContain('Amanda Parry');
    const urls = elementsOf(submission, 'Action.OpenUrl').map((action) => String(action.url));
    expect(urls.some((url) => url.includes('/exports/'))).toBe(true);
    expect(said(replies)).toContain('On what date did you sign the completed form?');
  });
});
