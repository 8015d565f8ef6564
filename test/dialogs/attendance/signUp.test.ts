import { afterEach, describe, expect, it } from 'vitest';
import { parseSignUpStatement } from '../../../domain/attendance/signUp.js';
import { cardOf, cardText, say, type TestBot } from '../../support/testBot.js';
import { AFTER_W2, chatAs, clockAt, HEAD, SIT, STAFF, startAttendanceBot } from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const said = (replies: { text?: string }[]) => replies.map((reply) => reply.text ?? '').join('\n');

describe('signing up to the universal offer', () => {
  it.each([
    ['sign us up', { signedUp: true, ownSchool: true }],
    ['Sign my school up to the universal offer.', { signedUp: true, ownSchool: true }],
    ['withdraw my school from the universal offer', { signedUp: false, ownSchool: true }],
    ['sign up 110123, 110124 110123', { signedUp: true, urns: ['110123', '110124'] }],
    ['withdraw 110123', { signedUp: false, urns: ['110123'] }],
    ['sign up', undefined],
    ['withdraw', undefined],
  ])('"%s" is understood', (text, expected) => {
    expect(parseSignUpStatement(text)).toEqual(expected);
  });

  it('only signed-up schools are on the register: a headteacher withdraws their school, and signs it up again', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect(said(await say(chatAs(bot, HEAD), 'withdraw my school from the universal offer'))).toContain('Amersham Primary (URN 100001) has withdrawn from the universal offer');
    let card = cardOf((await say(chatAs(bot, SIT), 'register for W2'))[0]);
    expect(cardText(card)).toContain('2 schools signed up');
    expect(cardText(card)).not.toContain('Amersham Primary (URN 100001)');
    expect(said(await say(chatAs(bot, HEAD), 'sign us up'))).toContain('Amersham Primary (URN 100001) is signed up');
    card = cardOf((await say(chatAs(bot, SIT), 'register for W2'))[0]);
    expect(cardText(card)).toContain('Amersham Primary (URN 100001)');
  });

  it('a member of staff cannot sign the school up or withdraw it; the SIT signs up by URN, and is told of an unknown one', async () => {
    bot = await startAttendanceBot(clockAt(AFTER_W2).now);
    expect(said(await say(chatAs(bot, STAFF), 'withdraw my school from the universal offer'))).toContain('Only your headteacher signs the school up');
    expect(said(await say(chatAs(bot, HEAD), 'sign up 100004'))).toContain('You can see and change only your own school’s records');
    const reply = said(await say(chatAs(bot, SIT), 'sign up 100004 999999'));
    expect(reply).toContain('Denham Junior (URN 100004) is signed up');
    expect(reply).toContain('There is no school with URN 999999 in the directory.');
    const card = cardOf((await say(chatAs(bot, SIT), 'register for W2'))[0]);
    expect(cardText(card)).toContain('4 schools signed up');
  });
});
