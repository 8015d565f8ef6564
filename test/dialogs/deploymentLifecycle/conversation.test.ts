import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { LIFECYCLE_VERBS as VERBS } from '../../../cards/deploymentLifecycleCards.js';
import { DEPLOYMENTS_SHEET } from '../../../files/deploymentLifecycleWorkbook.js';
import { DeploymentLifecycleRepository } from '../../../storage/deploymentLifecycleRepository.js';
import { DeploymentRepository } from '../../../storage/deploymentRepository.js';
import type { Activity } from 'botbuilder';
import { newDeploymentDraft } from '../../../domain/deployment/draft.js';
import { answerAll, SYSTEM_LEADER_ANSWERS } from '../../domain/deployment/sampleDraft.js';
import { cardOf, createTestBot, replyText, say, tap, type TestBot } from '../../support/testBot.js';
import { ProfileRepository } from '../../../storage/profileRepository.js';
import { submit } from '../attendance/support.js';
import { said } from '../deployment/support.js';
import { clock, HEAD, LEADER, OTHER_HEAD, OTHER_LEADER, SIT, startLifecycleBot } from './support.js';

let bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots) await bot.close();
  bots = [];
});

async function start(at = '2025-01-06T09:00:00Z') {
  const time = clock(at);
  const started = await startLifecycleBot(time.now);
  bots.push(started.bot);
  return { ...started, time };
}

const chat = (bot: TestBot, who: { aadObjectId: string; name: string }) => bot.conversation({ userId: who.aadObjectId, userName: who.name });
/** The system leader's deployment form for Willowmere, its section 1 filled in. */
async function seedForm(bot: TestBot): Promise<void> {
  const draft = newDeploymentDraft('form-1', LEADER.aadObjectId, '2025-01-13T09:00:00.000Z');
  await new DeploymentRepository(bot.store).create({ draft: { ...draft, sections: { ...draft.sections, 1: { recipientKind: 'school', recipientName: 'Willowmere Primary School', urn: '100001' } } }, position: { section: 1 } });
}

const stored = async (bot: TestBot, owner = LEADER.aadObjectId) => new DeploymentLifecycleRepository(bot.store).listFor(owner);

describe('the system leader records a deployment in their own words', () => {
  it('from the RDP’s contact through engagement, checklists and an approved extension', async () => {
    const { bot, time } = await start();
    const leader = chat(bot, LEADER);
    expect(said(await say(leader, 'The RDP asked me to support Willowmere on 6 January'))).toContain('Willowmere Primary School (URN 100001)');
    time.set('2025-01-07T09:00:00Z');
    const yes = said(await say(leader, 'I can support Willowmere'));
    expect(yes).toContain('Recorded: you can support Willowmere Primary School');
    expect(yes).toContain('Contact the school to arrange the initial meeting, by 17 January 2025');
    time.set('2025-01-13T09:00:00Z');
    await say(leader, 'contacted the school on 10 January');
    const met = said(await say(leader, 'met the school on 12 January'));
    expect(met).toContain('First visit');
    expect(met).toContain('12 January 2025');
    expect(met).toContain('Nothing is due just now.');

    // Days told to the deployment form count here too: one list of days.
    await seedForm(bot);
    time.set('2025-01-20T09:00:00Z');
    for (let day = 1; day <= 6; day++) expect(said(await say(leader, `delivered day ${day} on ${13 + day} January`))).toContain(`${13 + day} January 2025 is recorded`);
    const mine = said(await say(leader, 'my deployments'));
    expect(mine).toContain('days 6 of 10');
    expect(mine).toContain('Overdue**: Pre-engagement checklist (day 1), by 14 January 2025');

    await say(leader, 'pre-engagement checklist done on 14 January');
    const mid = said(await say(leader, 'Mid-engagement checklist done: reading plan on track'));
    expect(mid).toContain('reading plan on track');
    expect(mid).toContain('Send the mid-engagement return to the RDP');
    await say(leader, 'returned the mid-engagement return to the RDP');

    const draft = said(await say(leader, 'request an extension of 3 days because phonics needs another half term'));
    expect(draft).toContain('Drafted your extension request.');
    expect(draft).toContain('Additional days requested: 3.');
    expect(draft).toContain('your RDP, who will check it and share it with DfE’s Regions Group');
    expect(draft).toContain('Why the school would benefit: phonics needs another half term');
    const sent = said(await say(leader, submit(VERBS.extensionSent, { id: 'dep-1' })));
    expect(sent).toContain('sent, waiting for DfE');
    expect(sent).toContain('Chase the RDP');
    time.set('2025-01-24T09:00:00Z');
    const approved = said(await say(leader, 'DfE approved 3 days, reference TSI-77'));
    expect(approved).toContain('13 days are now agreed');
    expect(approved).toContain('6 of 13 agreed');
    const [record] = await stored(bot);
    expect(record?.agreedDays).toBe(13);
    expect((await new DeploymentRepository(bot.store).get(LEADER.aadObjectId, 'form-1'))?.draft.agreedDays).toBe(13);

    // The form's claim rule now takes 13 days: DfE's approval and its reference are on the form already.
    expect(said(await say(leader, 'go to section 6'))).toContain('Section 6 is due after day 13 of support');
    expect(said(await say(leader, '13'))).toContain('That is section 6 done.');
    const section6 = (await new DeploymentRepository(bot.store).get(LEADER.aadObjectId, 'form-1'))?.draft.sections[6];
    expect(section6).toEqual({ daysDelivered: 13, extensionApprovedDays: 3, approvalReference: 'TSI-77' });

    // Before the form goes: the days logged by date against the 13 claimed, with the dates.
    expect(said(await say(leader, 'reconcile days'))).toBe(
      'Section 6 claims 13 days but only 6 days are logged by date: 14 January 2025, 15 January 2025, 16 January 2025, 17 January 2025, 18 January 2025, 19 January 2025. Log the missing days with their dates, or correct the claim, before sending the form.',
    );
    expect(record?.extension.status === 'approved' && record.extension.windowEndsOn).toBe('2025-04-18');
  });

  it('the "no" answer, and steps said before they can be are refused with the reason, changing nothing', async () => {
    const { bot } = await start('2025-01-08T09:00:00Z');
    const leader = chat(bot, LEADER);
    expect(said(await say(leader, 'met the school on 7 January'))).toContain('You have no deployment under way');
    expect(said(await say(leader, "I can't support Ashdown"))).toContain('Tell your RDP, so that alternative support can be found.');
    expect(said(await say(leader, 'met Ashdown on 7 January'))).toMatch(/no deployment recorded for Ashdown|cannot support/);
    const [record] = await stored(bot);
    expect(record?.engagement.firstVisitOn).toBeUndefined();
  });

  it('a trust the directory knows through its schools: “I can support Oakfield Academy Trust” starts a deployment for the trust', async () => {
    const { bot } = await start('2025-01-08T09:00:00Z');
    const leader = chat(bot, LEADER);
    const yes = said(await say(leader, 'I can support Oakfield Academy Trust'));
    expect(yes).toContain('Recorded: you can support Oakfield Academy Trust. Next, contact the trust');
    expect(yes).not.toContain('URN');
    const [record] = await stored(bot);
    expect(record?.recipient).toEqual({ kind: 'trust', name: 'Oakfield Academy Trust' });
    // Said again in other words, it is the same deployment, and its steps are recorded on it.
    await say(leader, 'contacted oakfield academy trust on 8 January');
    const records = await stored(bot);
    expect(records).toHaveLength(1);
    expect(records[0]?.engagement.schoolContactedOn).toBe('2025-01-08');
    // The trust's academy by name is a school, a deployment of its own.
    expect(said(await say(leader, 'I can support Oakfield Primary Academy'))).toContain('Oakfield Primary Academy (URN 100003)');
    expect((await stored(bot)).map((item) => item.recipient.kind).sort()).toEqual(['school', 'trust']);
  });

  it('the help card’s “record a deployment step” explains the words and records nothing', async () => {
    const { bot } = await start('2025-01-08T09:00:00Z');
    expect(said(await say(chat(bot, LEADER), { type: 'message', value: { command: 'record a deployment step' } }))).toContain('“met the school on 12 January”');
    // 002: "up to an additional 5 days of support via a short-term TSI extension", which DfE approves or declines.
    expect(said(await say(chat(bot, LEADER), 'request an extension'))).toContain('An extension is up to 5 additional days, agreed by DfE.');
    expect(await stored(bot)).toEqual([]);
  });

  it('with two deployments under way, the system leader taps the one meant', async () => {
    const { bot } = await start('2025-01-10T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    await say(leader, 'I can support Ashdown Academy');
    const which = await say(leader, 'contacted the school on 10 January');
    expect(said(which)).toContain('Which deployment is that for?');
    const answer = said(await say(leader, tap(which, 'Ashdown Academy (URN 100002)')));
    expect(answer).toContain('Recorded your contact with the school.');
    const records = await stored(bot);
    expect(records.find((item) => item.recipient.name === 'Ashdown Academy')?.engagement.schoolContactedOn).toBe('2025-01-10');
    expect(records.find((item) => item.recipient.name.startsWith('Willowmere'))?.engagement.schoolContactedOn).toBeUndefined();
  });

  it.each([
    { rule: 'a date that does not exist', typed: 'met the school on 31 February', says: /not a real date/ },
    { rule: 'a date in the future', typed: 'met the school on 2 February 2025', says: /after today/ },
    { rule: 'negative days asked for', typed: 'request an extension of -3 days because reasons', says: /positive number/ },
    { rule: 'more than 5 days asked for', typed: 'request an extension of 9 days because reasons', says: /up to 5/ },
    { rule: 'a 28k reason', typed: `request an extension of 3 days because ${'x'.repeat(28_000)}`, says: /./ },
  ])('hostile input, $rule: a clear message and nothing changes', async ({ typed, says }) => {
    const { bot } = await start('2025-01-20T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    const before = JSON.stringify(await stored(bot));
    const replies = await say(leader, typed);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map(replyText).join(' ')).toMatch(says);
    expect(JSON.stringify(await stored(bot))).toBe(before);
  });

  it('“the RDP asked me to support Willowmere” on a future date is refused with the reason, for a new deployment and an existing one', async () => {
    const { bot } = await start('2025-01-08T09:00:00Z');
    const leader = chat(bot, LEADER);
    expect(said(await say(leader, 'the RDP asked me to support Willowmere on 20 January 2025'))).toContain('20 January 2025 is after today');
    expect(await stored(bot)).toEqual([]);

    await say(leader, 'the RDP asked me to support Willowmere on 6 January');
    const before = JSON.stringify(await stored(bot));
    expect(said(await say(leader, 'the RDP asked me to support Willowmere on 20 January 2025'))).toContain('20 January 2025 is after today');
    expect(JSON.stringify(await stored(bot))).toBe(before);
    expect((await stored(bot))[0]?.engagement.rdpContactOn).toBe('2025-01-06');
  });

  it('a card button for another system leader’s deployment changes nothing', async () => {
    const { bot } = await start('2025-01-20T09:00:00Z');
    await say(chat(bot, LEADER), 'I can support Willowmere');
    const before = JSON.stringify(await stored(bot));
    const other = chat(bot, OTHER_LEADER);
    expect(said(await say(other, submit(VERBS.logToday, { id: 'dep-1' })))).toContain('not one of yours');
    expect(said(await say(other, submit(VERBS.open, { id: 'dep-1', owner: LEADER.aadObjectId })))).toContain('You can see only your own deployments');
    expect(said(await say(other, submit(VERBS.logToday, { id: '' })))).not.toContain('Logged');
    expect(JSON.stringify(await stored(bot))).toBe(before);

    // The system leader's own buttons record as their words would.
    const leader = chat(bot, LEADER);
    expect(said(await say(leader, submit(VERBS.logToday, { id: 'dep-1' })))).toContain('Logged a day of support.');
    expect(said(await say(leader, submit(VERBS.checklist, { id: 'dep-1', kind: 'preEngagement' })))).toContain('Recorded the pre-engagement checklist as done.');
    const [record] = await stored(bot);
    expect({ days: record?.days, checklist: record?.checklists.preEngagement }).toEqual({ days: [{ date: '2025-01-20', days: 1 }], checklist: { doneOn: '2025-01-20' } });
  });
});

/** The partnership case card's inputs as the system leader sees them filled in: each input's id and value. */
function caseInputs(replies: readonly Partial<Activity>[]): Record<string, unknown> {
  const body = (replies.map(cardOf).find((card) => card !== undefined)?.['body'] ?? []) as { type: string; id?: string; value?: unknown }[];
  return Object.fromEntries(body.filter((item) => item.type.startsWith('Input.') && item.id).map((item) => [item.id, item.value]));
}

describe('the trust partnership case keeps what was written', () => {
  it('a refused save returns the card as sent, the agreement ticked and the texts kept; once saved, the command reopens the saved case', async () => {
    const { bot, time } = await start('2025-01-08T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    expect(caseInputs(await say(leader, 'trust partnership case'))).toEqual({ benefit: '', schoolAgreed: 'false', suitableMatch: '', context: '' });

    const sent = { id: 'dep-1', benefit: 'A stronger reading curriculum', schoolAgreed: 'true', suitableMatch: 'Oak Learning Trust', context: '' };
    const refusedSave = await say(leader, submit(VERBS.partnershipCase, sent));
    expect(said(refusedSave)).toContain('The case needs the potential benefit to the school and the context');
    expect(caseInputs(refusedSave)).toEqual({ benefit: 'A stronger reading curriculum', schoolAgreed: 'true', suitableMatch: 'Oak Learning Trust', context: '' });
    expect((await stored(bot))[0]?.partnership.status).toBe('none');

    const saved = said(await say(leader, submit(VERBS.partnershipCase, { ...sent, context: 'An existing link with Oak Learning Trust' })));
    expect(saved).toContain('Saved the trust partnership case. Submit it to your RDP with the end-of-deployment return, then say “submitted the partnership case”.');
    expect(saved).toContain('case written, not submitted');
    expect(caseInputs(await say(leader, 'trust partnership case'))).toEqual({
      benefit: 'A stronger reading curriculum',
      schoolAgreed: 'true',
      suitableMatch: 'Oak Learning Trust',
      context: 'An existing link with Oak Learning Trust',
    });

    // Then 002's process: submitted with the end-of-deployment return, DfE's grant offer letter, and the two £5,000 payments.
    for (let day = 9; day <= 18; day++) {
      time.set(`2025-01-${String(day).padStart(2, '0')}T09:00:00Z`);
      await say(leader, submit(VERBS.logToday, { id: 'dep-1' }));
    }
    expect(said(await say(leader, 'submitted the partnership case'))).toContain('Recorded the case as submitted with the end-of-deployment return.');
    expect(said(await say(leader, 'DfE approved the partnership'))).toContain('Recorded DfE’s approval: the grant offer letter comes next.');
    expect(said(await say(leader, 'grant offer signed'))).toContain('Recorded the signed grant offer: the first £5,000 is due.');
    expect(said(await say(leader, 'end report sent'))).toContain('Recorded the trust’s end report: the second £5,000 is due once DfE has it with the school’s confirmation that the activities went ahead as described.');
    expect((await stored(bot))[0]?.partnership.status).toBe('second_payment_due');
  });
});

describe('a trust’s deployment names the trust where 002 makes it the one supported; a school’s names the school', () => {
  it.each([
    { noun: 'trust', Noun: 'Trust', named: 'Oakfield Academy Trust', name: 'Oakfield Academy Trust' },
    { noun: 'school', Noun: 'School', named: 'Willowmere', name: 'Willowmere Primary School' },
  ])('$name: the steps, the reminder and the cards say “the $noun”', async ({ noun, Noun, named, name }) => {
    const { bot, time, messenger } = await start('2025-01-06T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, `The RDP asked me to support ${named} on 6 January`);
    time.set('2025-01-07T09:00:00Z');
    const yes = said(await say(leader, `I can support ${named}`));
    expect(yes).toContain(`Next, contact the ${noun} to arrange the initial meeting.`);
    expect(yes).toContain(`Contact the ${noun} to arrange the initial meeting, by 17 January 2025`);

    // Due the next day: not at dawn, but once the working day begins (09:00 London, the council's own hour).
    time.set('2025-01-16T07:00:00Z');
    await bot.runScheduled(time.now());
    expect(messenger.toPeople).toEqual([]);
    time.set('2025-01-16T09:00:00Z');
    await bot.runScheduled(time.now());
    expect(messenger.toPeople.map((message) => message.text)).toEqual([
      `Deployment with ${name}: Contact the ${noun} to arrange the initial meeting. It is due by 17 January 2025. Say “my deployments” to see what else is due.`,
    ]);

    time.set('2025-01-16T09:00:00Z');
    const contacted = said(await say(leader, `contacted the ${noun} on 16 January`));
    expect(contacted).toContain(`Recorded your contact with the ${noun}.`);
    expect(contacted).toContain(`${Noun} contacted\n16 January 2025`);
    expect(said(await say(leader, `met the ${noun} on 15 January`))).toContain(`is before your first contact with the ${noun} (16 January 2025)`);
    await say(leader, `met the ${noun} on 16 January`);

    // The case confirms the school/trust's agreement; 002 sets out its benefit "to the school" either way.
    const theCase = said(await say(leader, 'trust partnership case'));
    expect(theCase).toContain(`The ${noun}’s agreement`);
    expect(theCase).toContain(`The ${noun} agrees to enter into a trust partnership`);
    expect(theCase).toContain('The potential benefit to the school');
    expect(said(await say(leader, 'request an extension of 3 days because phonics needs another half term'))).toContain(`Why the ${noun} would benefit: phonics needs another half term`);

    for (let day = 17; day <= 26; day++) {
      time.set(`2025-01-${day}T09:00:00Z`);
      await say(leader, submit(VERBS.logToday, { id: 'dep-1' }));
    }
    time.set('2025-01-27T09:00:00Z');
    for (const step of ['pre-engagement checklist done on 17 January', 'mid-engagement checklist done on 22 January', 'returned the mid-engagement return to the RDP on 22 January']) await say(leader, step);
    const card = said(await say(leader, submit(VERBS.open, { id: 'dep-1' })));
    expect(card).toContain(`Complete and sign the form; send it to the ${noun} to sign, by 29 January 2025`);
    expect(card).not.toContain(noun === 'trust' ? 'the school' : 'the trust');
    expect(said(await say(leader, 'my deployments'))).toContain(`send it to the ${noun} to sign`);
  });
});

describe('before the form goes to the school, the days logged by date are checked against the claim', () => {
  /** The system leader's form for Willowmere with sections 1 to 4 and 6 done, days logged on these dates and this claim. */
  async function seedReadyForm(bot: TestBot, dates: string[], claimed: number): Promise<void> {
    const answered = answerAll(newDeploymentDraft('form-1', LEADER.aadObjectId, '2025-01-13T09:00:00.000Z'), [
      ...SYSTEM_LEADER_ANSWERS.filter(([section, field]) => section !== 6 && field !== 'reviewDate' && !(section === 1 && ['recipientName', 'urn'].includes(field))),
      [1, 'recipientName', 'Willowmere Primary School'],
      [1, 'urn', '100001'],
      [3, 'reviewDate', '2025-01-20'],
      [6, 'daysDelivered', claimed],
    ]);
    await new DeploymentRepository(bot.store).create({ draft: { ...answered, daysDeliveredLog: dates }, position: { section: 8 } });
  }

  /** Presses a card button by its title, as Teams sends it where Action.Execute falls back to Action.Submit. */
  function press(replies: readonly Partial<Activity>[], title: string): Partial<Activity> {
    for (const reply of replies) {
      const actions = (cardOf(reply) as { actions?: { title: string; fallback?: { data: object } }[] } | undefined)?.actions ?? [];
      const button = actions.find((action) => action.title === title);
      if (button?.fallback) return { type: 'message', value: button.fallback.data };
    }
    throw new Error(`No button "${title}" in: ${replies.map(replyText).join(' | ')}`);
  }

  it('a mismatch is shown with the dates and nothing is sent until the system leader taps to send it as it is', async () => {
    const { bot, messenger } = await start('2025-01-10T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    await seedReadyForm(bot, ['2025-01-14', '2025-01-15', '2025-01-16'], 10);

    const asked = await say(leader, 'send to school');
    expect(said(asked)).toContain('the days do not match');
    expect(said(asked)).toContain('Section 6 claims 10 days but only 3 days are logged by date: 14 January 2025, 15 January 2025, 16 January 2025.');
    expect(messenger.toPeople).toEqual([]);
    expect((await new DeploymentRepository(bot.store).get(LEADER.aadObjectId, 'form-1'))?.schoolRequest).toBeUndefined();

    // Correcting the claim opens section 6 on its card; sending it as it is sends it to the headteacher.
    expect(said(await say(leader, press(asked, 'Correct the claim')))).toContain('Days delivered');
    expect(messenger.toPeople).toEqual([]);
    expect(said(await say(leader, press(asked, 'Send it as it is')))).toContain('I have sent the work reported');
    expect(messenger.toPeople.map((message) => message.aadObjectId)).toEqual([HEAD.aadObjectId]);

    // Another system leader's tap on the same button sends nothing.
    expect(said(await say(chat(bot, OTHER_LEADER), press(asked, 'Send it as it is')))).not.toContain('I have sent');
    expect(messenger.toPeople).toHaveLength(1);
  });

  it('"Send it as it is" sends only the days it showed: a day logged since brings the card back with the days as they stand', async () => {
    const { bot, messenger } = await start('2025-01-20T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    await seedReadyForm(bot, ['2025-01-14', '2025-01-15', '2025-01-16'], 10);
    const asked = await say(leader, 'send to school');
    await say(leader, 'delivered day 4 on 17 January 2025');

    const again = await say(leader, press(asked, 'Send it as it is'));
    expect(said(again)).toContain('The days or the claim have changed since you last saw them, so nothing was sent.');
    expect(said(again)).toContain('only 4 days are logged by date');
    expect(messenger.toPeople).toEqual([]);
    expect(said(await say(leader, press(again, 'Send it as it is')))).toContain('I have sent the work reported');
    expect(messenger.toPeople.map((message) => message.aadObjectId)).toEqual([HEAD.aadObjectId]);
  });

  it('matching days send at once, as before', async () => {
    const { bot, messenger } = await start('2025-01-10T09:00:00Z');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    await seedReadyForm(bot, ['2025-01-14', '2025-01-15'], 2);
    expect(said(await say(leader, 'send to school'))).toContain('I have sent the work reported');
    expect(messenger.toPeople.map((message) => message.aadObjectId)).toEqual([HEAD.aadObjectId]);
  });
});

describe('who sees what', () => {
  it('the school sees the stage and dates agreed; another school sees none of it; the SIT sees every deployment, overdue first, and exports them', async () => {
    const { bot, time } = await start('2025-01-07T09:00:00Z');
    expect(said(await say(chat(bot, HEAD), 'our deployment'))).toContain('No TSI deployment supporting your school is recorded here yet.');
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere');
    await say(chat(bot, OTHER_LEADER), 'The RDP asked me to support Ashdown on 1 January');
    time.set('2025-01-12T09:00:00Z');
    await say(leader, 'met Willowmere on 11 January');

    const school = said(await say(chat(bot, HEAD), 'our deployment'));
    expect(school).toContain('supported by Jo Patel');
    expect(school).toContain('11 January 2025');
    expect(school).not.toContain('Days logged');
    const otherSchool = said(await say(chat(bot, OTHER_HEAD), 'our deployment'));
    expect(otherSchool).toContain('supported by Kim Other');
    expect(otherSchool).not.toContain('Willowmere');
    expect(said(await say(chat(bot, HEAD), 'deployments'))).toContain('Only the School Improvement Team');

    const sit = chat(bot, SIT);
    const overview = cardOf((await say(sit, 'deployments'))[0]);
    const text = said([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: overview }] }]);
    expect(text.indexOf('Ashdown')).toBeLessThan(text.indexOf('Willowmere'));
    expect(text).toContain('1 with an overdue step');

    const exported = await say(sit, 'export deployments');
    const url = new URL(String((cardOf(exported[0]) as { actions: { url: string }[] }).actions[0]?.url));
    const file = await bot.services.exports.open(url.pathname.split('/').at(-1) ?? '', url.searchParams.get('sig') ?? '', SIT.aadObjectId);
    if (!file.ok) throw new Error(file.errors.join(' '));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.value.bytes as never);
    const sheet = workbook.getWorksheet(DEPLOYMENTS_SHEET);
    expect(sheet?.getRow(1).getCell(1).value).toBe('School or trust');
    expect(sheet?.getRow(2).getCell(1).value).toBe('Ashdown Academy');
    expect(sheet?.getRow(2).getCell(9).value).toBe('yes');
    expect(sheet?.getRow(3).getCell(1).value).toBe('Willowmere Primary School');
    expect(sheet?.rowCount).toBe(3);
  });
});

describe('reminders before each due point', () => {
  it('go once, the day before, and not again after a restart', async () => {
    const time = clock('2025-01-06T09:00:00Z');
    const first = await startLifecycleBot(time.now);
    await say(chat(first.bot, LEADER), 'The RDP asked me to support Willowmere on 6 January');
    await first.bot.runScheduled(time.now());
    expect(first.messenger.toPeople).toEqual([]);

    time.set('2025-01-08T09:00:00Z');
    await first.bot.runScheduled(time.now());
    await first.bot.runScheduled(time.now());
    expect(first.messenger.toPeople).toEqual([
      { aadObjectId: LEADER.aadObjectId, text: 'Deployment with Willowmere Primary School: Confirm to the RDP whether you can support (yes or no). It is due by 9 January 2025. Say “my deployments” to see what else is due.' },
    ]);
    await first.bot.close({ keepData: true });

    const second = await startLifecycleBot(time.now, undefined, first.bot.dataDir);
    bots.push(second.bot);
    await second.bot.runScheduled(time.now());
    time.set('2025-01-10T09:00:00Z');
    await second.bot.runScheduled(time.now());
    expect(second.messenger.toPeople).toEqual([]);

    // The next step falls due once the first is done, and is reminded in its turn.
    await say(chat(second.bot, LEADER), 'I can support Willowmere');
    time.set('2025-01-19T09:00:00Z');
    await second.bot.runScheduled(time.now());
    expect(second.messenger.toPeople.map((message) => message.text)).toEqual([expect.stringContaining('Contact the school to arrange the initial meeting. It is due by 20 January 2025.')]);
  });
});

describe('the system leader’s own data', () => {
  it('“what do you hold about me” counts their deployments and “delete my data” erases them', async () => {
    const bot = await createTestBot({ now: () => new Date('2025-01-08T09:00:00Z') });
    bots.push(bot);
    await new ProfileRepository(bot.store).put(LEADER);
    const leader = chat(bot, LEADER);
    await say(leader, 'I can support Willowmere Primary');
    expect(await stored(bot)).toHaveLength(1);
    expect(said(await say(leader, 'what do you hold about me'))).toContain('1 deployment you recorded the steps of');
    await say(leader, 'delete my data');
    await say(leader, 'Yes, delete my data');
    expect(await stored(bot)).toEqual([]);
  });
});
