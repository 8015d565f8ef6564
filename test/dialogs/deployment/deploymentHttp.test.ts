import { afterEach, describe, expect, it } from 'vitest';
import { parseBankDetailsKey, type BankDetails } from '../../../domain/deployment/bankDetails.js';
import { sealBankDetails } from '../../../domain/deployment/draft.js';
import { SECTION_NUMBERS } from '../../../domain/deployment/form.js';
import { sectionRows, sheetName, sheetTitle } from '../../../domain/deployment/workbook.js';
import { readDeploymentWorkbook } from '../../../files/deploymentWorkbook.js';
import { DeploymentRepository } from '../../../storage/deploymentRepository.js';
import { TestApps, type RunningApp } from '../../support/testApp.js';
import { teamsCardAction, teamsMessage } from '../../../devtools/teamsActivities.js';
import { cardText } from '../../support/testBot.js';
import { ACCOUNT_NUMBER, BANK_KEY, deploymentJourneys, elementsOf, HEAD, LEADER, LEADER_ANSWERS, OTHER_LEADER, readForm, seedForm, SORT_CODE, STAFF } from './support.js';

const apps = new TestApps();
afterEach(() => apps.closeAll());

type Running = RunningApp;

/** 20 March 2024, 10:00 in London, unless a test moves the clock. */
let clock = new Date('2024-03-20T10:00:00Z');

async function start(): Promise<Running> {
  clock = new Date('2024-03-20T10:00:00Z');
  return apps.start({ env: { SCHEDULER_INTERVAL_SECONDS: '0', BANK_DETAILS_KEY: BANK_KEY }, now: () => clock, journeys: deploymentJourneys() });
}

const chatOf = (aadObjectId: string) => `a:personal-${aadObjectId}`;

/** Sends words to the bot as a person, in their personal chat. */
async function tell(running: Running, who: { aadObjectId: string; name: string }, text: string): Promise<void> {
  const response = await running.post(teamsMessage({ serviceUrl: running.connector.url, text, userId: who.aadObjectId, userName: who.name }));
  expect(response.status).toBe(200);
}

/** Presses an Action.Execute button as a person; resolves with the invoke response's body. */
async function press(running: Running, who: { aadObjectId: string; name: string }, verb: string, data: Record<string, unknown>) {
  const response = await running.post(teamsCardAction({ serviceUrl: running.connector.url, userId: who.aadObjectId, userName: who.name, verb, data }));
  const body = (await response.clone().json()) as { statusCode: number };
  // The HTTP status is the invoke response's own: 200 for a card, 400 for a refusal.
  expect(response.status).toBe(body.statusCode);
  return (await response.json()) as { statusCode: number; type: string; value: Record<string, unknown> & { message?: string } };
}

/** Everything the bot has said in a person's chat, text and cards. */
function chatText(running: Running, aadObjectId: string): string {
  return running.connector
    .sentActivities(chatOf(aadObjectId))
    .map((activity) => [String(activity.text ?? ''), cardText((activity.attachments as { content: unknown }[] | undefined)?.map((attachment) => attachment.content))].join('\n'))
    .join('\n');
}

const BANK_DETAILS: BankDetails = { accountName: 'Oak Learning Trust', sortCode: SORT_CODE, accountNumber: ACCOUNT_NUMBER };
const key = () => {
  const parsed = parseBankDetailsKey(BANK_KEY);
  if (!parsed.ok) throw new Error('the test key is not valid');
  return parsed.value;
};

/** The test school's form with the work reported complete and the bank details sealed. */
async function seedCompleteForm(running: Running, days: readonly string[] = []) {
  await seedForm(running.app.services.store, { days });
  await new DeploymentRepository(running.app.services.store).update(LEADER.aadObjectId, 'form-1', clock, (current) => ({
    ...current,
    draft: sealBankDetails(current.draft, BANK_DETAILS, key()),
  }));
}

const REF = { ownerAadObjectId: LEADER.aadObjectId, draftId: 'form-1' };

describe('section 7: the supported school confirms the work reported', () => {
  it('sends the headteacher a card in their personal chat, without the bank details; their confirmation is recorded and the system leader told', async () => {
    const running = await start();
    await tell(running, HEAD, 'hello');
    await seedCompleteForm(running);
    await tell(running, LEADER, 'send to school');

    expect(chatText(running, LEADER.aadObjectId)).toContain(
      'I have sent the work reported (sections 1 to 4 and 6, not your bank details) to Sam Green, headteacher of Millbrook Primary School, to confirm in section 7.',
    );
    const [headCard] = running.connector.sentActivities(chatOf(HEAD.aadObjectId)).filter((activity) => cardText(activity.attachments).includes('Please confirm'));
    const shown = JSON.stringify(headCard);
    expect(cardText(headCard?.attachments)).toContain('Please confirm the support for Millbrook Primary School');
    expect(cardText(headCard?.attachments)).toContain('Phonics lead appointed; reading audit done.');
    for (const secret of [SORT_CODE, ACCOUNT_NUMBER, '••-••-76', '••••••19', 'Bank details']) expect(shown).not.toContain(secret);
    expect((await readForm(running.app.services.store)).schoolRequest?.confirmerAadObjectIds).toEqual([HEAD.aadObjectId]);

    const confirmed = await press(running, HEAD, 'deployment.confirm', REF);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(confirmed.value)).toContain('You confirmed the work reported on 20 March 2024.');
    expect(elementsOf(confirmed.value, 'Action.Execute')).toHaveLength(0);

    await running.connector.waitFor((call) => call.conversationId === chatOf(LEADER.aadObjectId) && String(call.body?.text ?? '').includes('has confirmed'));
    expect(chatText(running, LEADER.aadObjectId)).toContain(
      'Sam Green has confirmed the work reported in your deployment form for Millbrook Primary School, so section 7 is done.',
    );
    expect((await readForm(running.app.services.store)).draft.sections[7]).toMatchObject({
      confirmedByName: 'Sam Green',
      confirmedByRole: 'headteacher',
      confirmedByAadObjectId: HEAD.aadObjectId,
      outcome: 'confirmed',
      at: '2024-03-20T10:00:00.000Z',
    });
  });

  it('a query needs a note, and goes back to the system leader', async () => {
    const running = await start();
    await tell(running, HEAD, 'hello');
    await seedCompleteForm(running);
    await tell(running, LEADER, 'send to school');

    const empty = await press(running, HEAD, 'deployment.query', { ...REF, queryNote: '  ' });
    expect(cardText(empty.value)).toContain('Say briefly what you query in the box');
    expect((await readForm(running.app.services.store)).draft.sections[7]).toEqual({});

    const queried = await press(running, HEAD, 'deployment.query', { ...REF, queryNote: 'We had 8 days, not 10.' });
    expect(cardText(queried.value)).toContain('You queried the work reported on 20 March 2024: "We had 8 days, not 10."');
    await running.connector.waitFor((call) => call.conversationId === chatOf(LEADER.aadObjectId) && String(call.body?.text ?? '').includes('queried'));
    expect(chatText(running, LEADER.aadObjectId)).toContain('Sam Green has queried the work reported in your deployment form for Millbrook Primary School: "We had 8 days, not 10."');
    expect((await readForm(running.app.services.store)).draft.sections[7]).toMatchObject({ outcome: 'queried', queryText: 'We had 8 days, not 10.' });
  });

  it.each([
    ['the system leader', LEADER, 'Section 7 is completed by the supported school’s headteacher'],
    ['another system leader', OTHER_LEADER, 'You can see only your own deployment forms'],
    ['a member of staff at the school', STAFF, 'Only your headteacher sees and confirms the deployment form'],
  ])('refuses %s, with the reason', async (_who, who, reason) => {
    const running = await start();
    await seedCompleteForm(running);
    const refused = await press(running, who, 'deployment.confirm', REF);
    expect(refused.statusCode).toBe(400);
    expect(refused.value.message).toContain(reason);
    expect((await readForm(running.app.services.store)).draft.sections[7]).toEqual({});
  });

  it('refuses the headteacher until the form has been sent to them', async () => {
    const running = await start();
    await seedCompleteForm(running);
    const refused = await press(running, HEAD, 'deployment.confirm', REF);
    expect(refused.value.message).toContain('This form has not been sent to you to confirm yet');
  });
});

describe('section 8: the form as a workbook', () => {
  it('downloads through the export link, for its owner only, and reads back sheet by sheet as the draft, bank details in full', async () => {
    const running = await start();
    await seedCompleteForm(running);
    await tell(running, LEADER, 'export deployment form');
    const card = running.connector.sentActivities(chatOf(LEADER.aadObjectId)).at(-1);
    expect(cardText(card?.attachments)).toContain('via your Regional Delivery Partner (RDP)');
    const link = elementsOf(card, 'Action.OpenUrl')
      .map((action) => String(action.url))
      .find((url) => url.includes('/exports/'));
    expect(link).toBeDefined();
    // The link is used as the card gives it: it names the port the bot really listens on (PORT=0 here).
    expect(new URL(link as string).origin).toBe(running.base);

    const download = await fetch(link as string, { headers: { 'x-dev-aad-object-id': LEADER.aadObjectId } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const read = await readDeploymentWorkbook(Buffer.from(await download.arrayBuffer()));
    if (!read.ok) throw new Error(read.errors.join(' '));

    const draft = (await readForm(running.app.services.store)).draft;
    expect(read.value).toEqual(
      SECTION_NUMBERS.map((section) => ({
        name: sheetName(section),
        title: sheetTitle(section),
        rows: sectionRows(draft, section, { includeBankDetails: true, bankDetails: BANK_DETAILS }),
      })),
    );
    expect(read.value[4]?.rows).toEqual([
      { label: 'Account name', value: 'Oak Learning Trust' },
      { label: 'Sort code', value: '40-12-76' },
      { label: 'Account number', value: ACCOUNT_NUMBER },
    ]);
    expect(read.value[0]?.rows).toContainEqual({ label: 'School or trust name', value: 'Millbrook Primary School' });

    const stranger = await fetch(link as string, { headers: { 'x-dev-aad-object-id': OTHER_LEADER.aadObjectId } });
    expect(stranger.status).toBe(403);
  });
});

describe('reminders', () => {
  it('reminds the system leader once that section 3 is due, however often the scheduler runs', async () => {
    const running = await start();
    await tell(running, LEADER, 'hello');
    const days = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-11', '2024-03-12', '2024-03-13'];
    await seedForm(running.app.services.store, { answers: LEADER_ANSWERS.filter(([section]) => section !== 3), days });

    const reminders = () => running.connector.sentActivities(chatOf(LEADER.aadObjectId)).filter((activity) => String(activity.text ?? '').includes('mid-engagement review'));
    // Not at dawn: once the working day begins (09:00 London, the council's own hour).
    clock = new Date('2024-03-20T06:00:00Z');
    await running.app.scheduler.runOnce();
    expect(reminders()).toHaveLength(0);
    clock = new Date('2024-03-20T10:00:00Z');
    await running.app.scheduler.runOnce();
    expect(reminders().map((activity) => activity.text)).toEqual([
      'The mid-engagement review for Millbrook Primary School is due: you delivered day 6 of support on 13 March 2024. Say "go to section 3" to fill in section 3 of the deployment form.',
    ]);
    await running.app.scheduler.runOnce();
    clock = new Date('2024-03-21T10:00:00Z');
    await running.app.scheduler.runOnce();
    expect(reminders()).toHaveLength(1);
  });

  it.each([
    { noun: 'school', name: 'Millbrook Primary School', answers: LEADER_ANSWERS },
    { noun: 'trust', name: 'Elm Trust', answers: [...LEADER_ANSWERS, [1, 'recipientKind', 'trust'], [1, 'recipientName', 'Elm Trust']] as typeof LEADER_ANSWERS },
  ])('reminds them to send the signed form to the $noun the day before it is due (3 days from completing the deployment), once', async ({ noun, name, answers }) => {
    const running = await start();
    await tell(running, LEADER, 'hello');
    const tenDays = ['2024-03-04', '2024-03-05', '2024-03-06', '2024-03-07', '2024-03-08', '2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-20'];
    await seedForm(running.app.services.store, { days: tenDays, answers });

    const reminders = () => running.connector.sentActivities(chatOf(LEADER.aadObjectId)).filter((activity) => String(activity.text ?? '').includes('send the signed deployment form'));
    await running.app.scheduler.runOnce();
    expect(reminders()).toHaveLength(0);
    clock = new Date('2024-03-22T10:00:00Z');
    await running.app.scheduler.runOnce();
    await running.app.scheduler.runOnce();
    expect(reminders().map((activity) => activity.text)).toEqual([
      `Please send the signed deployment form for ${name} to the ${noun} to sign (it is due by 23 March 2024). Say "send to ${noun}" and I will send it to them.`,
    ]);
  });
});
