import type { Activity, TestAdapter } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { createJourneys } from '../../../bot/journeys.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { cardOf, cardText, createTestBot, say, tap, type TestBot } from '../../support/testBot.js';
import { deploymentJourneys, executeAction, LEADER, LEADER_ANSWERS, NOW, PROFILES, readForm, said, seedForm, SIX_DAYS } from './support.js';

/**
 * The promises the deployment form makes in conversation, kept: "review" after a section ends,
 * one form resumed without asking which, a finished section not walked again, the form's own
 * help and "start over", dates that cannot be, "complete" only when nothing reads as missing,
 * and a button's answer said back and left on its card.
 */

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const startBot = async (journeys = deploymentJourneys()) => {
  testBot = await createTestBot({ journeys, now: NOW });
  return testBot;
};
const chatWith = (bot: TestBot) => bot.conversation({ userId: LEADER.aadObjectId, userName: LEADER.name });
const answersOf = (...sections: number[]) => LEADER_ANSWERS.filter(([section]) => sections.includes(section));

describe('"review" once a section has ended', () => {
  it('shows the section just finished, even with another journey that answers to "review" (self-evaluation)', async () => {
    const bot = await startBot(async (services) => {
      for (const profile of PROFILES) await new ProfileRepository(services.store).put(profile);
      return createJourneys(services);
    });
    await seedForm(bot.store, { answers: answersOf(1, 2).filter(([, field]) => field !== 'mechanismsOfSupport'), position: { section: 2, field: 'mechanismsOfSupport' } });
    const chat = chatWith(bot);
    expect(said(await say(chat, 'deployment form'))).toContain('Which DfE programmes (Annex A)');
    const ended = said(await say(chat, 'none'));
    expect(ended).toContain('That is section 2 done.');
    expect(ended).toContain('so that is all for now');

    const review = said(await say(chat, 'review'));
    expect(review).toContain('Millbrook Primary School: section 2, Scope and diagnostics');
    expect(review).toContain('This section is complete.');
    expect(review).not.toContain('did not understand');
    expect(said(await say(chat, 'go to section 1'))).toContain('Section 1 of 8: School/Trust Details');
  });
});

describe('resuming', () => {
  it('with one form, carries on with it at once, says where the deployment stands, and offers a new form', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersOf(1, 2).filter(([, field]) => field !== 'areasOfFocus'), position: { section: 3 }, days: ['2024-03-05', '2024-03-07'] });
    const chat = chatWith(bot);
    const resumed = said(await say(chat, 'deployment form'));
    expect(resumed).toContain('Welcome back to the deployment form for Millbrook Primary School.');
    expect(resumed).not.toContain('Which form would you like');
    expect(resumed).not.toContain('that is all for now');
    expect(resumed).toContain('Section 3 (Mid engagement) is next, due after day 6 of support; you have told me of 2 days so far.');
    expect(resumed).toContain('Still to answer in section 2: Areas of focus (say "go to section 2").');
    expect(resumed).toContain('To start another form instead, say "new deployment form".');

    expect(said(await say(chat, 'new deployment form'))).toContain('Are you supporting a school or a trust?');
    expect(await bot.store.list(`deployment/drafts/${LEADER.aadObjectId}/`)).toHaveLength(2);
  });
});

describe('moving on after a section', () => {
  it('skips a section already complete: after section 1, section 2 done on its card is not asked again', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersOf(1, 2).filter(([, field]) => field !== 'systemLeaderEmail'), position: { section: 1, field: 'systemLeaderEmail' }, days: SIX_DAYS });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const next = said(await say(chat, 'jo.patel@oaklearning.org.uk'));
    expect(next).toContain('That is section 1 done.');
    expect(next).not.toContain('Why did the school or trust become eligible');
    expect(next).toContain('Section 3 of 8: Mid engagement');
    expect(next).toContain('On what date did you hold the mid-engagement review?');
    expect((await readForm(bot.store)).position).toEqual({ section: 3, field: 'reviewDate' });
  });
});

describe('"help" and "start over" inside the form', () => {
  it('"help" gives the form’s own words, then asks the question again', async () => {
    const bot = await startBot();
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const help = await say(chat, 'help');
    const text = said(help);
    for (const words of ['"back"', '"skip"', '"review"', '"go to section 3"', '"start over"', '"cancel"']) expect(text).toContain(words);
    expect(text).not.toContain('We are still in the middle of something');
    expect(said(help.slice(-1))).toContain('Are you supporting a school or a trust?');
    expect(said(await say(chat, '?'))).toBe(text);
  });

  it('"start over" goes through the section again from its first question, with the answers kept, and says so', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [[3, 'reviewDate', '2024-03-12'], [3, 'progressSoFar', 'Phonics lead appointed.']], position: { section: 3, field: 'amendments' }, days: SIX_DAYS });
    const chat = chatWith(bot);
    expect(said(await say(chat, 'deployment form'))).toContain('What changes, if any, has the review led you to make');

    expect(said(await say(chat, 'go to section 3'))).toContain('"start over"');
    const restarted = said(await say(chat, 'start over'));
    expect(restarted).toContain('Starting section 3 (Mid engagement) again from its first question. Your answers are kept');
    expect(restarted).not.toContain('from the beginning');
    expect(restarted).toContain('On what date did you hold the mid-engagement review?');
    expect(restarted).toContain('Saved answer: 12 March 2024.');

    const second = said(await say(chat, 'skip'));
    expect(second).toContain('Briefly, what progress has been made so far?');
    expect(second).toContain('Saved answer: Phonics lead appointed..');
    expect(said(await say(chat, 'Reading audit done.'))).toContain('What changes, if any');
    expect((await readForm(bot.store)).draft.sections[3]).toEqual({ reviewDate: '2024-03-12', progressSoFar: 'Reading audit done.' });
  });
});

describe('the review date and what "complete" means', () => {
  it('refuses a review date that has not come yet, or before the deployment began, in chat and on the card, saving nothing', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersOf(1, 2), position: { section: 3, field: 'reviewDate' }, days: SIX_DAYS });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');

    const future = await say(chat, '1 January 2030');
    expect(future[0]?.text).toBe('1 January 2030 has not come yet: the form records what has been done, so give the date it happened.');
    expect(said(future.slice(1))).toContain('On what date did you hold the mid-engagement review?');
    const early = await say(chat, '1 March 2024');
    expect(early[0]?.text).toContain('cannot be before the first day of support you told me about, 5 March 2024');
    expect((await readForm(bot.store)).draft.sections[3]).toEqual({});

    const card = cardText(
      (await say(chat, executeAction('deployment.saveSection', { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1', section: 3, reviewDate: '2030-01-01', progressSoFar: 'Good' })))
        .map((reply) => reply.value)
        .find((value) => value !== undefined),
    );
    expect(card).toContain('Nothing was saved.');
    expect(card).toContain('Review date: 1 January 2030 has not come yet');
    expect((await readForm(bot.store)).draft.sections[3]).toEqual({});

    await say(chat, '12 March 2024');
    expect((await readForm(bot.store)).draft.sections[3]).toEqual({ reviewDate: '2024-03-12' });
  });

  it('a section complete with an optional question skipped says it was left blank, and its review does not call it unanswered', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersOf(1, 2), position: { section: 3, field: 'reviewDate' }, days: SIX_DAYS });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    await say(chat, '12 March 2024');
    await say(chat, 'Reading audit done.');
    const done = said(await say(chat, 'skip'));
    expect(done).toContain('That is section 3 done. You left Amendments to the programme of support blank, which is optional: say "go to section 3" to add it.');

    await say(chat, 'go to section 3');
    const review = cardText(cardOf((await say(chat, 'review'))[0]));
    expect(review).toContain('This section is complete.');
    expect(review).toContain('Left blank (optional)');
    expect(review).not.toContain('Not answered yet');
  });
});

describe('a button’s answer', () => {
  it('is said back ("Saved: …") and its question card is drawn again with the answer on it', async () => {
    const bot = await startBot();
    const chat: TestAdapter = chatWith(bot);
    const updates: Partial<Activity>[] = [];
    const update = chat.updateActivity.bind(chat);
    chat.updateActivity = async (context, activity) => {
      updates.push(activity);
      return update(context, activity);
    };

    const asked = await say(chat, 'deployment form');
    const questionCard = asked.find((reply) => cardText(cardOf(reply)).includes('Are you supporting a school or a trust?'));
    const reply = await say(chat, { ...tap(asked, 'A school'), replyToId: questionCard?.id });
    expect(reply[0]?.text).toContain('Saved: A school.');
    expect(said(reply)).toContain('What is the name of the school or trust you are supporting?');

    expect(updates).toHaveLength(1);
    expect(updates[0]?.id).toBe(questionCard?.id);
    const redrawn = cardText(cardOf(updates[0]));
    expect(redrawn).toContain('Are you supporting a school or a trust?');
    expect(redrawn).toContain('Saved: A school.');
    expect((await readForm(bot.store, (await bot.store.list<{ draft: { id: string } }>(`deployment/drafts/${LEADER.aadObjectId}/`))[0]!.value.draft.id)).draft.sections[1].recipientKind).toBe('school');
  });
});
