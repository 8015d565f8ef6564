import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordFileWriter } from '../../storage/recordFileWriter.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the record writer threads', () => {
  it('stop when idle and start again on demand, and a file’s writes still land in the order they were made', async () => {
    const folder = await dirs.make('record-writer');
    const file = path.join(folder, 'records', 'a.json');
    // Threads that stop after 10 ms without work: every pause below outlasts them.
    const writer = new RecordFileWriter(2, 10);
    try {
      await writer.put(file, 'first');
      await pause(100);
      const second = writer.put(file, 'second');
      const removed = writer.put(file, null);
      const third = writer.put(file, 'third');
      await Promise.all([second, removed, third]);
      expect(await readFile(file, 'utf8')).toBe('third');
      await pause(100);
      await writer.put(file, null);
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      await pause(100);
      await writer.put(file, 'after a stop');
      expect(await readFile(file, 'utf8')).toBe('after a stop');
    } finally {
      await writer.close();
    }
  });
});
