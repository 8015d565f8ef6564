import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Temporary folders made by one test file, removed together when it is done. */
export class TempDirs {
  readonly #made: string[] = [];

  async make(label: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), `${label}-`));
    this.#made.push(dir);
    return dir;
  }

  async removeAll(): Promise<void> {
    const made = this.#made.splice(0);
    await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
