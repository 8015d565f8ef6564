import { afterEach, describe, expect, it } from 'vitest';
import { TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import type { Journey } from '../../dialogs/journey.js';
import { phrases } from '../../dialogs/journey.js';
import { SOMETHING_WENT_WRONG } from '../../bot/adapter.js';
import { TENANT_REFUSAL } from '../../bot/middleware/tenantAllowList.js';
import { BOT_ACCOUNT, cardOf, cardText, createTestBot, mentionMessage, say, type TestBot } from '../support/testBot.js';
import { TENANT } from '../../devtools/teamsActivities.js';

/**
 * A journey that exists only in these tests, to exercise the router's interruptions
 * (help, cancel, start over) inside a running dialog, and a failing turn.
 */
function rehearsalJourney(): Journey {
  return {
    id: 'rehearsal',
    dialogs: [
      new TextPrompt('rehearsal.prompt'),
      new WaterfallDialog('rehearsal', [
        async (step) => step.prompt('rehearsal.prompt', 'What is the name of your school?'),
        async (step) => {
          if (step.result === 'explode') throw new Error('a deliberate failure');
          await step.context.sendActivity(`Thank you: ${String(step.result)}.`);
          return step.endDialog();
        },
      ]),
    ],
    commands: [
      {
        summary: { title: 'Rehearse', description: 'A rehearsal journey used by tests.', command: 'rehearse', example: 'rehearse' },
        scopes: ['personal'],
        match: phrases('rehearse'),
        dialogId: 'rehearsal',
      },
    ],
    verbs: [],
  };
}

const withRehearsal = async () => ({
  journeys: [rehearsalJourney()],
  actorSources: { profileOf: async () => undefined, liaisonGroupOfConversation: async () => undefined },
});

let testBot: TestBot | undefined;
afterEach(async () => {
  await testBot?.close();
  testBot = undefined;
});

describe('welcome', () => {
  it.each(['personal', 'groupChat', 'channel'] as const)('greets with a welcome card when the bot is added to a %s conversation', async (kind) => {
    testBot = await createTestBot();
    const replies = await say(testBot.conversation({ kind }), {
      type: 'conversationUpdate',
      membersAdded: [BOT_ACCOUNT],
    });
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toContain('Hello! I am the school improvement assistant.');
  });

  it('does not greet again when someone else joins', async () => {
    testBot = await createTestBot();
    const replies = await say(testBot.conversation({ kind: 'groupChat' }), {
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:someone-else', name: 'Sam' }],
    });
    expect(replies).toHaveLength(0);
  });
});

describe('help and unknown input', () => {
  it('answers "help" with a card listing only the journeys that exist today', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const [reply] = await say(testBot.conversation(), 'help');
    const text = cardText(cardOf(reply));
    expect(text).toContain('Rehearse');
    expect(text).toContain('cancel');
  });

  it('says plainly that it can do nothing yet when no journey exists', async () => {
    testBot = await createTestBot({ journeys: async () => ({ journeys: [], actorSources: { profileOf: async () => undefined, liaisonGroupOfConversation: async () => undefined } }) });
    const [reply] = await say(testBot.conversation(), 'help');
    expect(cardText(cardOf(reply))).toContain('There is nothing I can do here yet.');
  });

  it('answers unknown input with the help card, never silence', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const replies = await say(testBot.conversation(), 'what is the weather like');
    expect(replies).toHaveLength(1);
    expect(cardText(cardOf(replies[0]))).toContain('Sorry, I did not understand that.');
  });

  it('a help card button starts the journey it names', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const [reply] = await say(testBot.conversation(), { type: 'message', value: { command: 'rehearse' } });
    expect(reply?.text).toBe('What is the name of your school?');
  });
});

describe('group chats and channels', () => {
  it('stays quiet in a group chat when not mentioned', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    expect(await say(testBot.conversation({ kind: 'groupChat' }), 'help')).toHaveLength(0);
  });

  it('answers an @mention, with the mention stripped before routing', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const [reply] = await say(testBot.conversation({ kind: 'channel' }), mentionMessage('help'));
    expect(cardText(cardOf(reply))).toContain('In this channel');
  });

  it('points to the personal chat for a journey that belongs there', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const [reply] = await say(testBot.conversation({ kind: 'groupChat' }), mentionMessage('rehearse'));
    expect(reply?.text).toContain('personal chat');
  });
});

describe('interruptions inside a journey', () => {
  it('cancel stops the journey, and the next message is not taken as an answer', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const chat = testBot.conversation();
    expect((await say(chat, 'rehearse'))[0]?.text).toBe('What is the name of your school?');
    expect((await say(chat, 'cancel'))[0]?.text).toContain('Cancelled');
    const [afterCancel] = await say(chat, 'Oakfield Primary');
    expect(cardText(cardOf(afterCancel))).toContain('Sorry, I did not understand that.');
  });

  it('says there is nothing to cancel outside a journey', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    expect((await say(testBot.conversation(), 'cancel'))[0]?.text).toContain('There is nothing to cancel');
  });

  it('help inside a journey shows the card and keeps the journey waiting', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const chat = testBot.conversation();
    await say(chat, 'rehearse');
    const [help] = await say(chat, 'help');
    expect(cardText(cardOf(help))).toContain('We are still in the middle of something');
    expect((await say(chat, 'Oakfield Primary'))[0]?.text).toBe('Thank you: Oakfield Primary.');
  });

  it('start over begins the current journey again', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const chat = testBot.conversation();
    await say(chat, 'rehearse');
    const replies = await say(chat, 'start over');
    expect(replies.map((reply) => reply.text)).toEqual(['Starting again from the beginning.', 'What is the name of your school?']);
  });

  it('a journey in progress survives a restart of the bot', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    await say(testBot.conversation(), 'rehearse');
    const dataDir = testBot.dataDir;
    await testBot.close({ keepData: true });
    testBot = await createTestBot({ journeys: withRehearsal, dataDir });
    expect((await say(testBot.conversation(), 'Oakfield Primary'))[0]?.text).toBe('Thank you: Oakfield Primary.');
  });
});

describe('when a turn fails', () => {
  it('tells the user without a stack trace, logs without the message text, and keeps their place in the journey', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const chat = testBot.conversation();
    await say(chat, 'rehearse');
    const [failure] = await say(chat, 'explode');
    expect(failure?.text).toBe(SOMETHING_WENT_WRONG);
    expect(failure?.text).not.toMatch(/at .*\.ts/);
    const logged = JSON.stringify(testBot.logs);
    expect(logged).toContain('a turn failed');
    expect(logged).not.toContain('explode');
    expect((await say(chat, 'Oakfield Primary'))[0]?.text).toBe('Thank you: Oakfield Primary.');
  });
});

describe('tenant allow-list', () => {
  it('refuses a tenant that is not on the list, politely, and logs it', async () => {
    testBot = await createTestBot({ journeys: withRehearsal, env: { ALLOWED_TENANT_IDS: 'another-tenant' } });
    const replies = await say(testBot.conversation(), 'help');
    expect(replies.map((reply) => reply.text)).toEqual([TENANT_REFUSAL]);
    expect(testBot.logs.some((line) => line.msg === 'refused a tenant that is not on the allow-list' && line.tenantId === TENANT)).toBe(true);
  });

  it('admits a tenant on the list', async () => {
    testBot = await createTestBot({ journeys: withRehearsal, env: { ALLOWED_TENANT_IDS: `another-tenant, ${TENANT}` } });
    const [reply] = await say(testBot.conversation(), 'help');
    expect(cardText(cardOf(reply))).toContain('Rehearse');
  });
});

describe('duplicate deliveries', () => {
  it('acts once when Teams delivers the same activity twice', async () => {
    testBot = await createTestBot({ journeys: withRehearsal });
    const chat = testBot.conversation();
    const first = await say(chat, { type: 'message', id: 'activity-42', text: 'rehearse' });
    const second = await say(chat, { type: 'message', id: 'activity-42', text: 'rehearse' });
    expect(first.map((reply) => reply.text)).toEqual(['What is the name of your school?']);
    expect(second).toHaveLength(0);
  });
});

describe('the help card is for the person asking', () => {
  it('lists the School Improvement Team’s work only to its administrators', async () => {
    testBot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: 'aad-sit-1' } });
    const forHead = cardText(cardOf((await say(testBot.conversation({ userId: 'aad-head-1' }), 'help'))[0]));
    const forAdmin = cardText(cardOf((await say(testBot.conversation({ userId: 'aad-sit-1' }), 'help'))[0]));
    expect(forHead).toContain('Check TSI eligibility'.split(' ')[0]);
    expect(forHead).not.toContain('Review nominations');
    expect(forAdmin).toContain('Review nominations');
  });

  it.each([
    ['Review nominations (School Improvement Team)', 'nominations'],
    ['Export nominations', 'export nominations'],
    ['Take the register', 'register for T2'],
    ['Attendance across schools', 'attendance summary for T2'],
    ['Export attendance', 'export attendance'],
    ['Add, move or cancel a session', 'move session T2'],
    ['Profile requests', 'profile requests'],
    ['Schools’ self-evaluations', 'self-evaluations'],
    ['Export self-evaluations', 'export self-evaluations'],
  ])('lists every SIT capability to an administrator: %s (say "%s"), and none of them to a headteacher', async (title, example) => {
    testBot = await createTestBot({ env: { SIT_ADMIN_AAD_IDS: 'aad-sit-1' } });
    const forHead = cardText(cardOf((await say(testBot.conversation({ userId: 'aad-head-1' }), 'help'))[0]));
    const forAdmin = cardText(cardOf((await say(testBot.conversation({ userId: 'aad-sit-1' }), 'help'))[0]));
    expect(forAdmin).toContain(`**${title}**`);
    expect(forAdmin).toContain(`Say: *${example}*`);
    expect(forHead).not.toContain(`**${title}**`);
  });
});
