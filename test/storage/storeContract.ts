import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, InvalidKeyError, updateRecord, type Store } from '../../storage/store.js';

/**
 * The behaviour every Store backend must share, defined once and run against each of them.
 * `openStore` gives a fresh, empty store for each test.
 */
export function describeStoreContract(backend: string, openStore: () => Promise<Store>): void {
  describe(`${backend} keeps the Store contract`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await openStore();
    });

    afterEach(async () => {
      await store.close();
    });

    it('reading a record that was never written gives nothing', async () => {
      expect(await store.read('schools/100001')).toBeUndefined();
    });

    it('a write with no eTag creates the record, and a second such write conflicts', async () => {
      const eTag = await store.write('schools/100001', { name: 'Hill Primary' }, null);
      await expect(store.write('schools/100001', { name: 'Other' }, null)).rejects.toBeInstanceOf(ConflictError);
      expect(await store.read('schools/100001')).toEqual({ key: 'schools/100001', value: { name: 'Hill Primary' }, eTag });
    });

    it('of several writers creating one record at once, exactly one succeeds', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) => store.write('nominations/LG1', { writer }, null)),
      );
      const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConflictError);
      }
      const stored = await store.read<{ writer: number }>('nominations/LG1');
      expect(stored?.eTag).toBe((winners[0] as PromiseFulfilledResult<string>).value);
    });

    it('a write with the current eTag succeeds and gives a new eTag', async () => {
      const first = await store.write('schools/100001', { name: 'Hill Primary' }, null);
      const second = await store.write('schools/100001', { name: 'Hill Primary Academy' }, first);
      expect(second).not.toBe(first);
      expect(await store.read('schools/100001')).toEqual({
        key: 'schools/100001',
        value: { name: 'Hill Primary Academy' },
        eTag: second,
      });
    });

    it('a write with a stale eTag throws ConflictError and leaves the record unchanged', async () => {
      const stale = await store.write('schools/100001', { version: 1 }, null);
      const current = await store.write('schools/100001', { version: 2 }, stale);
      const error = await store.write('schools/100001', { version: 3 }, stale).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ name: 'ConflictError', key: 'schools/100001', expected: stale });
      expect(await store.read('schools/100001')).toEqual({ key: 'schools/100001', value: { version: 2 }, eTag: current });
    });

    it('a write with an eTag to a record that does not exist conflicts and creates nothing', async () => {
      const eTag = await store.write('schools/100001', { version: 1 }, null);
      await store.delete('schools/100001');
      await expect(store.write('schools/100001', { version: 2 }, eTag)).rejects.toBeInstanceOf(ConflictError);
      expect(await store.read('schools/100001')).toBeUndefined();
    });

    it("a write with '*' replaces whatever is there, and creates a missing record", async () => {
      const created = await store.write('state/user-1', { step: 1 }, '*');
      await store.write('state/user-1', { step: 2 }, created);
      const replaced = await store.write('state/user-1', { step: 3 }, '*');
      expect(await store.read('state/user-1')).toEqual({ key: 'state/user-1', value: { step: 3 }, eTag: replaced });
    });

    it('values come back exactly as they were written', async () => {
      const value = {
        text: 'Ŝchool “quotes” \n new line',
        count: 12.5,
        flags: [true, false],
        nothing: null,
        nested: { list: [{ a: 1 }, { b: [2, 3] }], empty: {} },
      };
      await store.write('values/rich', value, null);
      await store.write('values/plain', 'just text', null);
      await store.write('values/number', 0, null);
      expect((await store.read('values/rich'))?.value).toEqual(value);
      expect((await store.read('values/plain'))?.value).toBe('just text');
      expect((await store.read('values/number'))?.value).toBe(0);
    });

    it('a delete with a stale eTag conflicts and keeps the record; with the current eTag it removes it', async () => {
      const stale = await store.write('registers/S1', { present: 3 }, null);
      const current = await store.write('registers/S1', { present: 4 }, stale);
      await expect(store.delete('registers/S1', stale)).rejects.toBeInstanceOf(ConflictError);
      expect((await store.read('registers/S1'))?.value).toEqual({ present: 4 });
      await store.delete('registers/S1', current);
      expect(await store.read('registers/S1')).toBeUndefined();
    });

    it('deleting a missing record is not an error, with or without an eTag', async () => {
      await expect(store.delete('registers/none')).resolves.toBeUndefined();
      const eTag = await store.write('registers/gone', 1, null);
      await store.delete('registers/gone');
      await expect(store.delete('registers/gone', eTag)).resolves.toBeUndefined();
    });

    it('listing a prefix gives only the records under it, sorted by key', async () => {
      const keys = ['a/b/3', 'a/b/1', 'a/b/c/deep', 'a/b/2', 'a/bc/1', 'a/b', 'a/1', 'ab/1', 'b/1'];
      for (const [index, key] of keys.entries()) await store.write(key, index, null);
      const listed = await store.list<number>('a/b/');
      expect(listed.map((record) => record.key)).toEqual(['a/b/1', 'a/b/2', 'a/b/3', 'a/b/c/deep']);
      expect(listed.map((record) => record.value)).toEqual([1, 3, 0, 2]);
      for (const record of listed) expect(record.eTag).toBe((await store.read(record.key))?.eTag);
      expect((await store.list('a/bc/')).map((record) => record.key)).toEqual(['a/bc/1']);
      expect(await store.list('nothing/here/')).toEqual([]);
    });

    it('a deleted record is no longer listed', async () => {
      await store.write('groups/LG1/members/1', 'a', null);
      await store.write('groups/LG1/members/2', 'b', null);
      await store.delete('groups/LG1/members/1');
      expect((await store.list('groups/LG1/')).map((record) => record.key)).toEqual(['groups/LG1/members/2']);
    });

    const long = 'x'.repeat(300);
    const oddKeys: Array<[rule: string, key: string]> = [
      ['a colon', 'odd/urn:school:100001'],
      ['an at sign', 'odd/jane@school.example'],
      ['a semicolon', 'odd/a;b'],
      ['spaces', 'odd/St Mary and St John'],
      ['unicode letters', 'odd/Ysgol Gymraeg Llundain/Zoë Ångström 学校'],
      ['emoji', 'odd/🏫'],
      ['a dot-dot segment', 'odd/../secret'],
      ['a leading dot-dot segment', '../outside'],
      ['a dot segment', 'odd/./here'],
      ['a trailing dot', 'odd/end.'],
      ['a backslash', 'odd/back\\slash'],
      ['percent escapes', 'odd/%2F%2e%2e'],
      ['a letter its escape would spell', 'odd/%41'],
      ['a plain letter', 'odd/A'],
      ['a case difference', 'odd/a'],
      ['a file extension', 'odd/report.json'],
      ['a temporary-file look-alike', 'odd/.report.json.tmp'],
      ['a 300-character segment', `odd/${long}`],
      ['another 300-character segment differing only at its end', `odd/${long.slice(1)}y`],
      ['a 300-character unicode segment', `odd/${'é'.repeat(300)}`],
      ['a 300-character segment in the middle', `odd/${long}/leaf`],
    ];

    it.each(oddKeys)('a key with %s round-trips', async (_rule, key) => {
      const eTag = await store.write(key, { key }, null);
      expect(await store.read(key)).toEqual({ key, value: { key }, eTag });
      const prefix = key.slice(0, key.lastIndexOf('/') + 1);
      expect((await store.list(prefix)).map((record) => record.key)).toEqual([key]);
      await store.delete(key, eTag);
      expect(await store.read(key)).toBeUndefined();
    });

    it('keys with odd characters never collide with each other or escape their prefix', async () => {
      for (const [, key] of oddKeys) await store.write(key, key, null);
      for (const [, key] of oddKeys) expect((await store.read(key))?.value).toBe(key);
      expect(await store.read('secret')).toBeUndefined();
      expect(await store.read('outside')).toBeUndefined();
      expect(await store.read('odd/here')).toBeUndefined();
      const underOdd = oddKeys.map(([, key]) => key).filter((key) => key.startsWith('odd/'));
      expect((await store.list('odd/')).map((record) => record.key)).toEqual([...underOdd].sort());
      expect((await store.list('../')).map((record) => record.key)).toEqual(['../outside']);
    });

    it.each([
      ['an empty key', ''],
      ['a leading slash', '/a'],
      ['a trailing slash', 'a/'],
      ['an empty segment', 'a//b'],
      ['half of a surrogate pair', 'a/\uD800'],
    ])('a key with %s is refused', async (_rule, key) => {
      await expect(store.write(key, 1, null)).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.read(key)).rejects.toBeInstanceOf(InvalidKeyError);
    });

    it.each([
      ['no trailing slash', 'a'],
      ['a leading slash', '/a/'],
      ['an empty segment', 'a//'],
    ])('a list prefix with %s is refused', async (_rule, prefix) => {
      await expect(store.list(prefix)).rejects.toBeInstanceOf(InvalidKeyError);
    });

    it('20 callers incrementing one counter at once all count: no update is lost', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => updateRecord<number>(store, 'counters/sessions', (current) => (current ?? 0) + 1)),
      );
      expect((await store.read<number>('counters/sessions'))?.value).toBe(20);
      expect(results.map((result) => result?.value).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 20 }, (_, index) => index + 1),
      );
    });

    it('updateRecord leaves the record alone when the change gives undefined', async () => {
      const eTag = await store.write('counters/fixed', 5, null);
      const result = await updateRecord<number>(store, 'counters/fixed', () => undefined);
      expect(result).toEqual({ key: 'counters/fixed', value: 5, eTag });
      expect((await store.read('counters/fixed'))?.eTag).toBe(eTag);
    });

    it('close waits for writes under way', async () => {
      const finished: number[] = [];
      for (let index = 0; index < 5; index++) {
        void store.write(`closing/${index}`, index, null).then(() => finished.push(index));
      }
      await store.close();
      expect(finished.sort()).toEqual([0, 1, 2, 3, 4]);
      expect((await store.list('closing/')).map((record) => record.value)).toEqual([0, 1, 2, 3, 4]);
    });
  });
}
