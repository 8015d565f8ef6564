import { afterEach, describe, expect, it } from 'vitest';
import { createTestBot, say, type TestBot } from '../../support/testBot.js';
import { deploymentJourneys, LEADER, LEADER_ANSWERS, NOW, readForm, said, seedForm, SIX_DAYS } from './support.js';

/**
 * The deployment form's choices said in words ("the first one", "the second") and its "not sure":
 * the question explained with where each answer leads, then asked again.
 */

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

const startBot = async () => {
  testBot = await createTestBot({ journeys: deploymentJourneys(), now: NOW });
  return testBot;
};
const chatWith = (bot: TestBot) => bot.conversation({ userId: LEADER.aadObjectId, userName: LEADER.name });
const answersBefore = (section: number, field: string) => {
  const at = LEADER_ANSWERS.findIndex(([s, f]) => s === section && f === field);
  return LEADER_ANSWERS.slice(0, at);
};

describe('choosing by order', () => {
  it('"the first one" and "the second" pick from the choices the question shows', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [], position: { section: 1, field: 'recipientKind' } });
    const chat = chatWith(bot);
    expect(said(await say(chat, 'deployment form'))).toContain('Are you supporting a school or a trust?');
    expect(said(await say(chat, 'the second one'))).toContain('What is the name of the school or trust you are supporting?');
    expect((await readForm(bot.store)).draft.sections[1].recipientKind).toBe('trust');
  });

  it('picks several by order from a list ("the first, the third")', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersBefore(2, 'areasOfFocus'), position: { section: 2, field: 'areasOfFocus' } });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    await say(chat, 'the first, the third');
    expect((await readForm(bot.store)).draft.sections[2].areasOfFocus).toEqual(['teaching_and_learning', 'behaviour']);
  });

  it('picks a form to carry on with by order, and says how when the answer names none', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: [[1, 'recipientKind', 'school'], [1, 'recipientName', 'Millbrook Primary School']], position: { section: 1, field: 'urn' } });
    await seedForm(bot.store, { id: 'form-2', answers: [[1, 'recipientKind', 'trust'], [1, 'recipientName', 'Elm Trust']], position: { section: 1, field: 'region' } });
    const chat = chatWith(bot);
    const list = said(await say(chat, 'deployment form'));
    expect(list).not.toContain('its number');
    const second = list.indexOf('Elm Trust') > list.indexOf('Millbrook Primary School') ? 'Elm Trust' : 'Millbrook Primary School';
    const unclear = said(await say(chat, 'the fifth'));
    expect(unclear).toContain('There are 2 forms');
    expect(unclear).toContain('"the first"');
    expect(said(await say(chat, 'the second'))).toContain(`Welcome back to the deployment form for ${second}.`);
  });
});

describe('"not sure"', () => {
  it('explains the enhanced strand and where each answer leads, asks again, and saves nothing', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersBefore(4, 'enhancedStrand'), position: { section: 4, field: 'enhancedStrand' }, days: SIX_DAYS });
    const chat = chatWith(bot);
    await say(chat, 'go to section 4');
    await say(chat, 'yes');
    await say(chat, 'Join the English Hub programme.');
    const help = said(await say(chat, "I'm not sure"));
    expect(help).toContain('never both');
    expect(help).toContain('written case');
    expect(help).toContain('asks how many days you recommend');
    expect(help).toContain('"No recommendation" ends the section');
    expect(help).toContain('Do you recommend the enhanced strand');
    expect((await readForm(bot.store)).draft.sections[4].enhancedStrand).toBeUndefined();
    expect(said(await say(chat, 'the third'))).toContain('How many additional days do you recommend');
  });

  it('at a yes-or-no question, says what yes and no lead to', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersBefore(4, 'allActivitiesCompleted'), position: { section: 4, field: 'allActivitiesCompleted' }, days: SIX_DAYS });
    const chat = chatWith(bot);
    await say(chat, 'go to section 4');
    const help = said(await say(chat, 'not sure'));
    expect(help).toContain('"No" first asks you, briefly, why some were not completed');
    expect(help).toContain('Were all the activities you planned completed?');
    expect((await readForm(bot.store)).draft.sections[4].allActivitiesCompleted).toBeUndefined();
  });

  it('at a question with nothing more to explain, names it and offers "skip" instead of refusing the words', async () => {
    const bot = await startBot();
    await seedForm(bot.store, { answers: answersBefore(1, 'urn'), position: { section: 1, field: 'urn' } });
    const chat = chatWith(bot);
    await say(chat, 'deployment form');
    const help = said(await say(chat, "I don't know it"));
    expect(help).toContain('"URN" on the form');
    expect(help).toContain('say "skip"');
    expect(help).toContain("What is the school's URN");
  });
});
