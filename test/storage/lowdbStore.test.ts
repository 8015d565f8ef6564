import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { updateRecord } from '../../storage/store.js';
import { TempDirs } from '../support/tempDir.js';
import { describeStoreContract } from './storeContract.js';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const storeWriter = fileURLToPath(new URL('../support/storeWriter.ts', import.meta.url));

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

describeStoreContract('LowdbStore', async () => new LowdbStore(await dirs.make('lowdb-contract')));

/** Every file (not folder) under `root`, as paths relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** What identifies a file's current contents on disk: replacing it by rename changes the inode. */
async function fingerprints(root: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const file of await filesUnder(root)) {
    const info = await stat(path.join(root, file), { bigint: true });
    result.set(file, `${info.ino}:${info.mtimeNs}:${info.size}`);
  }
  return result;
}

function isTemporary(file: string): boolean {
  return path.basename(file).startsWith('.');
}

describe('LowdbStore', () => {
  it('a new store on the same data directory finds every record, with its eTag, as it was left', async () => {
    const dataDir = await dirs.make('lowdb-restart');
    const before = new LowdbStore(dataDir);
    const eTags = new Map<string, string>();
    for (const key of ['schools/100001', 'schools/100002', 'attendance/T1/100001/jane-doe', 'odd/Zoë Ångström']) {
      eTags.set(key, await before.write(key, { key }, null));
    }
    await before.delete('schools/100002');
    await before.close();

    const after = new LowdbStore(dataDir);
    for (const [key, eTag] of eTags) {
      if (key === 'schools/100002') expect(await after.read(key)).toBeUndefined();
      else expect(await after.read(key)).toEqual({ key, value: { key }, eTag });
    }
    expect((await after.list('schools/')).map((record) => record.key)).toEqual(['schools/100001']);
    await expect(after.write('schools/100001', { key: 'changed' }, eTags.get('schools/100001') ?? '')).resolves.toBeTypeOf('string');
    await after.close();
  });

  it('keeps every record in a file inside <dataDir>/store, whatever its key', async () => {
    const parent = await dirs.make('lowdb-escape');
    const dataDir = path.join(parent, 'data');
    const store = new LowdbStore(dataDir);
    const keys = ['../outside', '../../../../tmp/escaped', 'a/../../../b', '..', '.', 'a/./b', '~/home', 'C:\\Windows', 'x/.hidden'];
    for (const key of keys) await store.write(key, key, null);
    await store.close();

    const files = await filesUnder(parent);
    expect(files).toHaveLength(keys.length);
    for (const file of files) expect(file.startsWith(`data${path.sep}store${path.sep}`)).toBe(true);
    for (const key of keys) expect((await new LowdbStore(dataDir).read(key))?.value).toBe(key);
  });

  it("writing one record after 5,000 others touches only that record's file", async () => {
    const dataDir = await dirs.make('lowdb-scale');
    const root = path.join(dataDir, 'store');
    const store = new LowdbStore(dataDir);
    const keys = Array.from({ length: 5_000 }, (_, index) => `attendance/T${index % 5}/${100_000 + (index % 50)}/${index}`);
    for (let start = 0; start < keys.length; start += 100) {
      await Promise.all(keys.slice(start, start + 100).map((key) => store.write(key, { present: true }, null)));
    }
    const before = await fingerprints(root);
    expect(before.size).toBe(5_000);

    const changedKey = 'attendance/T2/100012/2612';
    const current = await store.read(changedKey);
    await store.write(changedKey, { present: false }, current?.eTag ?? null);
    await store.write('attendance/T9/999999/new', { present: true }, null);
    const after = await fingerprints(root);

    const changed = [...after].filter(([file, print]) => before.get(file) !== print).map(([file]) => file);
    expect(changed.sort()).toEqual([
      path.join('attendance', 'T2', '100012', '2612.json'),
      path.join('attendance', 'T9', '999999', 'new.json'),
    ]);
    expect([...before.keys()].every((file) => after.has(file))).toBe(true);
    await store.close();
  });

  it('a write the disk refuses fails with the reason, and the store carries on', async () => {
    const dataDir = await dirs.make('lowdb-refused');
    const store = new LowdbStore(dataDir);
    await store.write('fine/1', { n: 1 }, null);
    // A file where a folder should be: the write cannot create its record.
    await writeFile(path.join(dataDir, 'store', 'blocked'), 'not a folder');

    await expect(store.write('blocked/1', { n: 2 }, null)).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) });
    const eTag = await store.write('fine/2', { n: 3 }, null);
    expect(await store.read('fine/2')).toEqual({ key: 'fine/2', value: { n: 3 }, eTag });
    expect((await store.list('fine/')).map((record) => record.key)).toEqual(['fine/1', 'fine/2']);
    await store.close();
  });

  it('ignores a half-written temporary file left by a crash, and the next write replaces it', async () => {
    const dataDir = await dirs.make('lowdb-leftover');
    const store = new LowdbStore(dataDir);
    const eTag = await store.write('crash/records/5', { iteration: 5 }, null);
    const folder = path.join(dataDir, 'store', 'crash', 'records');
    await writeFile(path.join(folder, '.5.json.tmp'), '{"key":"crash/records/5","eTag":"x","val');
    await writeFile(path.join(folder, '.6.json.tmp'), '{"key":"crash/rec');

    expect((await store.list('crash/')).map((record) => record.key)).toEqual(['crash/records/5']);
    expect(await store.read('crash/records/6')).toBeUndefined();
    await store.write('crash/records/5', { iteration: 55 }, eTag);
    await store.write('crash/records/6', { iteration: 6 }, null);
    expect((await store.list<{ iteration: number }>('crash/')).map((record) => record.value.iteration)).toEqual([55, 6]);
    await store.close();
  });

  describe('a crash in the middle of writing', () => {
    const running = new Set<ChildProcess>();
    afterEach(() => {
      for (const child of running) child.kill('SIGKILL');
      running.clear();
    });

    const padding = 64 * 1024;

    /** Runs the writer until it has acknowledged `target` iterations, kills it, and gives every acknowledged one. */
    function writeUntilKilled(dataDir: string, target: number): Promise<number[]> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', storeWriter, dataDir, String(padding)], {
          cwd: projectRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        running.add(child);
        const acknowledged: number[] = [];
        let pending = '';
        let errors = '';
        const limit = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          pending += chunk.toString();
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) acknowledged.push(Number(line));
          if (acknowledged.length >= target) child.kill('SIGKILL');
        });
        child.stderr.on('data', (chunk: Buffer) => {
          errors += chunk.toString();
        });
        child.on('error', reject);
        child.on('close', (_code, signal) => {
          clearTimeout(limit);
          running.delete(child);
          if (signal === 'SIGKILL' && acknowledged.length >= target) resolve(acknowledged);
          else reject(new Error(`The writer stopped after ${acknowledged.length} of ${target} writes (signal ${signal}):\n${errors}`));
        });
      });
    }

    it.each([1, 2, 3])('run %i: every acknowledged record is there, whole, and every record file parses', async () => {
      const dataDir = await dirs.make('lowdb-crash');
      const target = 5 + Math.floor(Math.random() * 60);
      const acknowledged = await writeUntilKilled(dataDir, target);
      expect(acknowledged).toEqual(acknowledged.map((_, index) => index));
      const last = acknowledged.length - 1;

      const root = path.join(dataDir, 'store');
      for (const file of await filesUnder(root)) {
        if (isTemporary(file)) continue;
        const text = await readFile(path.join(root, file), 'utf8');
        expect(() => JSON.parse(text), `${file} is whole JSON`).not.toThrow();
      }

      const store = new LowdbStore(dataDir);
      for (const iteration of acknowledged) {
        const record = await store.read<{ iteration: number; padding: string }>(`crash/records/${iteration}`);
        expect(record?.value.iteration).toBe(iteration);
        expect(record?.value.padding).toHaveLength(padding);
      }
      const counter = await store.read<{ iteration: number }>('crash/counter');
      expect(counter?.value.iteration).toBeGreaterThanOrEqual(last);

      const listed = await store.list<{ iteration: number }>('crash/records/');
      const listedIterations = listed.map((record) => record.value.iteration).sort((a, b) => a - b);
      // The write under way when the kill came may have landed without being acknowledged.
      expect(listedIterations.slice(0, acknowledged.length)).toEqual(acknowledged);
      expect(listedIterations.length).toBeLessThanOrEqual(acknowledged.length + 1);
      for (const record of listed) expect(record.key).toBe(`crash/records/${record.value.iteration}`);

      await updateRecord<{ iteration: number }>(store, 'crash/counter', (current) => ({ iteration: (current?.iteration ?? 0) + 1 }));
      expect((await store.read<{ iteration: number }>('crash/counter'))?.value.iteration).toBe((counter?.value.iteration ?? 0) + 1);
      await store.close();
    });
  });
});
