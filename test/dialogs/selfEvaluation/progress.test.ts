import { afterEach, describe, expect, it } from 'vitest';
import { SELF_EVALUATION_VERBS as VERBS } from '../../../cards/selfEvaluationCards.js';
import { SHIPPED_QUESTIONS } from '../../../domain/selfEvaluation/questions.js';
import { SelfEvaluationRepository } from '../../../storage/selfEvaluationRepository.js';
import { execute, inputsOf, submit } from '../attendance/support.js';
import { RecordingMessenger } from '../directory/roles.js';
import { cardOf, cardText, replyText, say } from '../../support/testBot.js';
import { chat, closeBots, executedCard, HEAD, OTHER_HEAD, SIT_ID, STAFF, startBot } from './support.js';

afterEach(closeBots);

const SIT = { aadObjectId: SIT_ID, name: 'Sita Admin' };

describe('the SIT’s view across schools', () => {
  it('counts by liaison group and by strand, lists review visits overdue first, and sets a visit by words or by the card', async () => {
    const bot = await startBot();
    const head = chat(bot, HEAD);
    await say(head, 'self-evaluation');
    for (const issue of SHIPPED_QUESTIONS.keyIssues) await say(head, submit(VERBS.save, { keyIssue: issue.number, move: 'next', step: issue.strand === 'know' ? 'embedded' : 'beginning' }));
    await say(head, execute(VERBS.confirmSubmit, {}));
    await say(chat(bot, OTHER_HEAD), 'self-evaluation');

    const sit = chat(bot, SIT);
    const empty = cardText(cardOf((await say(sit, 'self-evaluation overview')).at(-1)));
    expect(empty).toContain('No review visit has been set yet.');
    expect(empty).toContain('Amersham');
    expect(empty).toContain('0 started, 1 submitted and waiting for review, 0 reviewed');
    expect(empty).toContain('In no liaison group');
    const know = SHIPPED_QUESTIONS.keyIssues.filter((issue) => issue.strand === 'know').length;
    expect(empty).toContain(`Not started 0 · Beginning 0 · Developing 0 · Embedded ${know}`);

    // The fixed clock says 1 March 2024: a visit on 20 February without a review is overdue, and listed first.
    await say(sit, 'review visit for 100002 on 1 May 2024');
    const set = cardText(cardOf((await say(sit, 'Review visit for 100001 on 20/02/2024.')).at(-1)));
    expect(set).toContain('Amersham Primary’s review visit is set for 20 February 2024.');
    expect(set).toContain('2 review visits set: 1 overdue, 1 coming.');
    expect(set.indexOf('Amersham Primary (100001)')).toBeLessThan(set.indexOf('Beaconsfield High (100002)'));
    expect(set).toContain('20 February 2024 · overdue');
    expect(set).toContain('1 May 2024 · coming · self-evaluation started');

    // Moved by the card's form; bad input is refused, kept on the card, and changes nothing.
    const refused = executedCard(await say(sit, execute(VERBS.setVisit, { urn: '99999x', date: '31 February 2024' })));
    expect(cardText(refused)).toContain('“99999x” is not a URN');
    expect(cardText(refused)).toContain('is not a real date');
    expect(inputsOf(refused).urn?.value).toBe('99999x');
    expect(JSON.stringify(await say(sit, execute(VERBS.setVisit, { urn: '123456', date: '2024-05-01' })))).toContain('There is no school with URN 123456');
    const moved = executedCard(await say(sit, execute(VERBS.setVisit, { urn: '100001', date: '2024-03-20' })));
    expect(cardText(moved)).toContain('2 review visits set: 0 overdue, 2 coming.');
    expect((await new SelfEvaluationRepository(bot.store).get('100001'))?.reviewVisit).toMatchObject({ date: '2024-03-20', setBy: { aadObjectId: SIT_ID } });

    // Nobody but the SIT sees it or sets a visit.
    expect(replyText((await say(head, 'self-evaluation overview'))[0])).toContain('Only the School Improvement Team sees self-evaluations across schools');
    expect(replyText((await say(head, 'review visit for 100001 on 1 June 2024'))[0])).toContain('Only the School Improvement Team');
    expect((await new SelfEvaluationRepository(bot.store).get('100001'))?.reviewVisit?.date).toBe('2024-03-20');
  });

  it('tells the school’s verified people when its visit is set, moved or cleared, and nobody else; the SIT clears a visit by words or by tap', async () => {
    const messenger = new RecordingMessenger();
    const bot = await startBot(messenger);
    const sit = chat(bot, SIT);
    const told = () => messenger.toPeople.map((message) => message.aadObjectId).sort();
    const visitOf = async (urn: string) => (await new SelfEvaluationRepository(bot.store).get(urn))?.reviewVisit?.date;

    const set = cardText(cardOf((await say(sit, 'review visit for 100001 on 1 May 2024')).at(-1)));
    expect(set).toContain('Amersham Primary’s review visit is set for 1 May 2024. I have told the school’s 2 verified people.');
    // The verified headteacher and member of staff: not the pending claim, not another school.
    expect(told()).toEqual([HEAD.aadObjectId, STAFF.aadObjectId].sort());
    expect(messenger.toPeople[0]?.text).toBe(
      'The School Improvement Team has set Amersham Primary’s Disadvantaged Strategy Review visit for 1 May 2024. Your self-evaluation is to be complete before the visit: say “self-evaluation” to carry on with it, or “review” to see what you submitted.',
    );
    // The same date again tells nobody twice.
    await say(sit, 'review visit for 100001 on 2024-05-01');
    expect(messenger.toPeople).toHaveLength(2);

    await say(sit, execute(VERBS.setVisit, { urn: '100001', date: '2024-05-20' }));
    expect(messenger.toPeople.slice(2).map((message) => message.text)).toEqual([expect.stringContaining('has moved Amersham Primary’s Disadvantaged Strategy Review visit to 20 May 2024 (it was 1 May 2024)'), expect.anything()]);

    // Another school: only its own verified headteacher.
    const other = cardText(cardOf((await say(sit, 'review visit for 100002 on 1 June 2024')).at(-1)));
    expect(other).toContain('Beaconsfield High’s review visit is set for 1 June 2024. I have told the school’s 1 verified person.');
    expect(messenger.toPeople).toHaveLength(5);
    expect(messenger.toPeople.at(-1)?.aadObjectId).toBe(OTHER_HEAD.aadObjectId);

    // Cleared by words, then by tap; clearing again, a bad URN and anyone but the SIT change nothing and tell nobody.
    const cleared = cardText(cardOf((await say(sit, 'Clear the review visit for 100001.')).at(-1)));
    expect(cleared).toContain('Amersham Primary’s review visit is cleared. I have told the school’s 2 verified people.');
    expect(cleared).toContain('1 review visit set');
    expect(messenger.toPeople.at(-1)?.text).toBe('The School Improvement Team has cleared Amersham Primary’s Disadvantaged Strategy Review visit, which was set for 20 May 2024. I will tell you when a new date is set.');
    expect(await visitOf('100001')).toBeUndefined();
    const sent = messenger.toPeople.length;
    expect(cardText(executedCard(await say(sit, execute(VERBS.clearVisit, { urn: '100001', date: '' }))))).toContain('That school has no review visit set, so there is nothing to clear.');
    expect(cardText(executedCard(await say(sit, execute(VERBS.clearVisit, { urn: '10000' }))))).toContain('“10000” is not a URN');
    expect(replyText((await say(chat(bot, HEAD), 'clear the review visit for 100002'))[0])).toContain('Only the School Improvement Team');
    expect(JSON.stringify(await say(chat(bot, HEAD), execute(VERBS.clearVisit, { urn: '100002' })))).toContain('Only the School Improvement Team');
    expect(messenger.toPeople).toHaveLength(sent);
    expect(await visitOf('100002')).toBe('2024-06-01');
    const byTap = executedCard(await say(sit, execute(VERBS.clearVisit, { urn: '100002', date: '' })));
    expect(cardText(byTap)).toContain('Beaconsfield High’s review visit is cleared.');
    expect(cardText(byTap)).toContain('No review visit has been set yet.');
    expect(await visitOf('100002')).toBeUndefined();
  });

  it('shows each SIT administrator what was submitted since they last looked, as no channel tells the SIT', async () => {
    let clock = new Date('2024-03-01T10:00:00Z');
    const bot = await startBot(undefined, undefined, () => clock);
    const submitSchool = async (who: typeof HEAD) => {
      const person = chat(bot, who);
      await say(person, 'self-evaluation');
      for (const issue of SHIPPED_QUESTIONS.keyIssues) await say(person, submit(VERBS.save, { keyIssue: issue.number, move: 'next', step: 'beginning' }));
      await say(person, execute(VERBS.confirmSubmit, {}));
    };
    const overview = async (who: { aadObjectId: string; name: string }) => cardText(cardOf((await say(chat(bot, who), 'self-evaluation overview')).at(-1)));

    await submitSchool(HEAD);
    clock = new Date('2024-03-01T11:00:00Z');
    const first = await overview(SIT);
    expect(first).toContain('Submitted and waiting for review');
    expect(first).toContain('This is your first look here');
    expect(first).toContain('Amersham Primary (100001)');
    expect(first).toContain('spring 2024, submitted 1 March 2024 at 10:00 by Hana Head');

    clock = new Date('2024-03-02T09:00:00Z');
    const again = await overview(SIT);
    expect(again).toContain('Nothing has been submitted since you last looked, 1 March 2024 at 11:00.');
    expect(again).not.toContain('Amersham Primary (100001)');

    clock = new Date('2024-03-04T09:30:00Z');
    await submitSchool(OTHER_HEAD);
    clock = new Date('2024-03-04T10:00:00Z');
    const later = await overview(SIT);
    expect(later).toContain('Submitted since you last looked');
    expect(later).toContain('Beaconsfield High (100002)');
    expect(later).not.toContain('Amersham Primary (100001)');

    // A school's people do not see the list, and no look is noted for them.
    expect(replyText((await say(chat(bot, HEAD), 'self-evaluation overview'))[0])).toContain('Only the School Improvement Team');
    expect(await new SelfEvaluationRepository(bot.store).lastLooked(HEAD.aadObjectId)).toBeUndefined();
    expect(await new SelfEvaluationRepository(bot.store).lastLooked(SIT_ID)).toBe('2024-03-04T10:00:00.000Z');
  });
});
