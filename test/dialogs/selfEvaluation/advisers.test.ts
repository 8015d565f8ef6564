import { afterEach, describe, expect, it } from 'vitest';
import { SELF_EVALUATION_VERBS as VERBS } from '../../../cards/selfEvaluationCards.js';
import { SHIPPED_QUESTIONS } from '../../../domain/selfEvaluation/questions.js';
import { SelfEvaluationRepository } from '../../../storage/selfEvaluationRepository.js';
import { execute, inputsOf, submit } from '../attendance/support.js';
import { RecordingMessenger } from '../directory/roles.js';
import { cardOf, cardText, replyText, say, type TestBot } from '../../support/testBot.js';
import { chat, closeBots, executedCard, HEAD, LEADER, OTHER_HEAD, OTHER_LEADER, SIT_ID, STAFF, startBot } from './support.js';

afterEach(closeBots);

async function submitted(bot: TestBot): Promise<void> {
  const head = chat(bot, HEAD);
  await say(head, 'self-evaluation');
  for (const issue of SHIPPED_QUESTIONS.keyIssues) await say(head, submit(VERBS.save, { keyIssue: issue.number, move: 'next', step: 'developing', lead: 'Secret lead' }));
  await say(head, execute(VERBS.confirmSubmit, {}));
}

const refusal = (replies: Awaited<ReturnType<typeof say>>) => JSON.stringify(replies);

describe('a system leader invited as the school’s adviser', () => {
  it('is invited by the headteacher, told, reads and comments on that school only, marks it reviewed, and is removed', async () => {
    const messenger = new RecordingMessenger();
    const bot = await startBot(messenger);
    await submitted(bot);
    const leader = chat(bot, LEADER);
    // Before an invitation the system leader sees nothing, and is told how to be invited.
    expect(replyText((await say(leader, 'self-evaluations'))[0])).toContain('Ask the school’s headteacher to invite you');
    expect(refusal(await say(leader, execute(VERBS.adviserOpen, { urn: '100001', keyIssue: 1 })))).not.toContain('Secret lead');

    const head = chat(bot, HEAD);
    const card = cardOf((await say(head, 'invite an adviser')).at(-1));
    // Nothing verifies a system leader, so each is offered with their organisation and labelled as not verified.
    expect(((inputsOf(card).leader as { choices?: { title: string }[] } | undefined)?.choices ?? []).map((choice) => choice.title)).toEqual([
      'Lee Leader, Chiltern Learning Trust (not verified)',
      // A long name is cut so that the organisation and the label still show.
      'Nia [NLE](https://evil.exampl…, Vale Academies (not verified)',
    ]);
    expect(cardText(card)).toContain('Nobody has verified these system leaders: the School Improvement Team checks claims to a school role (headteacher or staff), not to be a system leader');
    const invited = executedCard(await say(head, execute(VERBS.invite, { leader: LEADER.aadObjectId })));
    expect(cardText(invited)).toContain('Invited Lee Leader, who has been told.');
    expect(cardText(invited)).toContain('Lee Leader, Chiltern Learning Trust');
    expect(cardText(invited)).toContain('not verified; invited by Hana Head');
    expect(messenger.toPeople.at(-1)).toEqual({ aadObjectId: LEADER.aadObjectId, text: expect.stringContaining('Amersham Primary has invited you to be the adviser') });
    expect(cardText(executedCard(await say(head, execute(VERBS.invite, { leader: LEADER.aadObjectId }))))).toContain('Lee Leader is already one of your school’s advisers.');

    const list = cardOf((await say(leader, 'self-evaluations')).at(-1));
    expect(cardText(list)).toContain('Amersham Primary (100001)');
    expect(cardText(list)).not.toContain('Beaconsfield');
    expect(JSON.stringify(list)).not.toContain(VERBS.export);
    expect(cardText(executedCard(await say(leader, execute(VERBS.adviserOpen, { urn: '100001', keyIssue: 1 }))))).toContain('Secret lead');
    await say(leader, execute(VERBS.comment, { urn: '100001', keyIssue: 1, move: 'stay', comment: 'Strong start' }));
    const reviewed = executedCard(await say(leader, execute(VERBS.markReviewed, { urn: '100001' })));
    expect(cardText(reviewed)).toContain('Marked reviewed');
    expect(messenger.toPeople.at(-1)?.text).toContain('Lee Leader, your adviser, has reviewed Amersham Primary’s spring 2024 self-evaluation, with comments on 1 key issue');
    // Not another school's, not the SIT's views, and another system leader sees nothing.
    await say(chat(bot, OTHER_HEAD), 'self-evaluation');
    expect(refusal(await say(leader, execute(VERBS.adviserOpen, { urn: '100002' })))).toContain('Only the School Improvement Team, or a system leader the school has invited');
    expect(replyText((await say(leader, 'export self-evaluations'))[0])).toContain('Only the School Improvement Team');
    expect(replyText((await say(leader, 'self-evaluation overview'))[0])).toContain('Only the School Improvement Team');
    expect(refusal(await say(chat(bot, OTHER_LEADER), execute(VERBS.adviserOpen, { urn: '100001', keyIssue: 1 })))).not.toContain('Secret lead');

    const removed = executedCard(await say(head, execute(VERBS.removeAdviser, { adviser: LEADER.aadObjectId })));
    expect(cardText(removed)).toContain('they no longer see your school’s self-evaluation');
    expect(refusal(await say(leader, execute(VERBS.adviserOpen, { urn: '100001', keyIssue: 1 })))).not.toContain('Secret lead');
    expect((await new SelfEvaluationRepository(bot.store).get('100001'))?.advisers).toEqual([]);
  });

  it('only the verified headteacher invites, only a known system leader, and bad payloads change nothing', async () => {
    const bot = await startBot();
    const staff = chat(bot, STAFF);
    // Staff see who the advisers are, but do not invite.
    expect(cardText(cardOf((await say(staff, 'our advisers')).at(-1)))).toContain('Advisers for Amersham Primary’s self-evaluation');
    expect(refusal(await say(staff, execute(VERBS.invite, { leader: LEADER.aadObjectId })))).toContain('Only your headteacher invites an adviser');
    const sit = chat(bot, { aadObjectId: SIT_ID, name: 'Sita Admin' });
    expect(refusal(await say(sit, execute(VERBS.invite, { leader: LEADER.aadObjectId })))).toContain('Only the school’s headteacher invites');
    const head = chat(bot, HEAD);
    expect(refusal(await say(head, execute(VERBS.invite, { leader: OTHER_HEAD.aadObjectId })))).toContain('I do not know that system leader');
    expect(refusal(await say(head, execute(VERBS.invite, { leader: '' })))).toContain('not valid');
    expect(refusal(await say(head, execute(VERBS.removeAdviser, { adviser: LEADER.aadObjectId })))).toContain('not one of your school’s advisers');
    expect((await new SelfEvaluationRepository(bot.store).get('100001'))?.advisers ?? []).toEqual([]);
  });
});
