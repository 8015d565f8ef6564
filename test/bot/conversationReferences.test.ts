import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { afterAll, describe, expect, it } from 'vitest';
import { ConversationReferences } from '../../bot/conversationReferences.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import type { Store } from '../../storage/store.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

function personalMessage(serviceUrl: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:alex', name: 'Alex Head', aadObjectId: 'aad-alex' },
    recipient: { id: '28:bot', name: 'School improvement' },
    conversation: { id: 'a:personal-alex', conversationType: 'personal', isGroup: false, name: '' },
    text: 'help',
  };
}

const contextFor = (activity: Partial<Activity>) => new TurnContext(new TestAdapter(), activity);
const eTags = async (store: Store) =>
  Promise.all(['conversations/by-id/a%3Apersonal-alex', 'conversations/personal/aad-alex'].map(async (key) => (await store.read(key))?.eTag));

describe('conversation references', () => {
  it('after a restart the same reference is not written again, and a changed one is', async () => {
    const dataDir = await dirs.make('references');
    const store = new LowdbStore(dataDir);
    await new ConversationReferences(store).remember(contextFor(personalMessage('https://smba.example/emea/')), new Date('2026-01-05T09:00:00Z'));
    const first = await eTags(store);
    expect(first.every((eTag) => typeof eTag === 'string')).toBe(true);

    const restarted = new ConversationReferences(new LowdbStore(dataDir));
    await restarted.remember(contextFor(personalMessage('https://smba.example/emea/')), new Date('2026-01-06T09:00:00Z'));
    expect(await eTags(new LowdbStore(dataDir))).toEqual(first);

    const movedRegion = new ConversationReferences(new LowdbStore(dataDir));
    await movedRegion.remember(contextFor(personalMessage('https://smba.example/uk/')), new Date('2026-01-07T09:00:00Z'));
    const after = new LowdbStore(dataDir);
    const changed = await eTags(after);
    expect(changed[0]).not.toBe(first[0]);
    expect(changed[1]).not.toBe(first[1]);
    expect((await movedRegion.ofPerson('aad-alex'))?.reference.serviceUrl).toBe('https://smba.example/uk/');
  });
});
