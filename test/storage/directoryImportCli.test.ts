import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryRepository } from '../../storage/directoryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { TempDirs } from '../support/tempDir.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

/** Runs `npm run import:schools -- ...args` as the npm script does (tsx scripts/importSchools.ts), on a fresh data folder. */
async function runImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; dataDir: string }> {
  const dataDir = await dirs.make('import-cli');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/importSchools.ts', ...args], {
      cwd: root,
      env: { ...process.env, STORE: 'lowdb', DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr, dataDir };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, dataDir };
  }
}

describe('the import:schools command', () => {
  it('imports a file, prints the report with each refused row, and succeeds', async () => {
    const { code, stdout, dataDir } = await runImport(fixture('gias-bad-rows.csv'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/rows read\s+13/);
    expect(stdout).toMatch(/imported\s+4/);
    expect(stdout).toMatch(/skipped \(closed\)\s+1/);
    expect(stdout).toMatch(/refused\s+8/);
    expect(stdout).toContain('line 8 (URN 910004): the number of pupils "about 300" is not a whole number');
    expect(stdout).toContain('line 5: it has no URN');
    const directory = await DirectoryRepository.open(new LowdbStore(dataDir));
    expect(directory.schoolCount).toBe(4);
    expect(await directory.liaisonGroups()).toHaveLength(18);
  });

  it('refuses a file with the wrong header, naming the missing columns, and fails', async () => {
    const { code, stderr } = await runImport(fixture('gias-wrong-header.csv'));
    expect(code).toBe(1);
    expect(stderr).toContain('was not imported');
    expect(stderr).toContain('"EstablishmentName"');
  });

  it('fails when the file cannot be read', async () => {
    const { code, stderr } = await runImport(fixture('no-such-file.csv'));
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot read');
  });

  it('explains how to use it when given no file', async () => {
    const { code, stderr } = await runImport();
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run import:schools -- FILE');
  });
});
