import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SHIPPED_LIAISON_GROUPS } from '../../domain/directory/liaisonGroups.js';
import { DirectoryRepository, importSchools } from '../../storage/directoryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { PersonIndex } from '../../storage/personIndex.js';
import { importSignUps, SignUpRepository } from '../../storage/signUpRepository.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

const NOW = new Date('2024-09-02T09:00:00Z');
const GIAS = ['URN,EstablishmentName\n', '110123,Fictional Beech Primary (demo)\n', '110124,Fictional Ash Academy (demo)\n', '110125,Fictional Elm School (demo)\n'];

async function directoryIn(dataDir: string) {
  const store = new LowdbStore(dataDir);
  const directory = await DirectoryRepository.open(store);
  await directory.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
  await importSchools(GIAS, directory);
  return { store, directory, signUps: new SignUpRepository(store) };
}

describe('importing the sign-up survey', () => {
  it('signs schools up and withdraws them, and refuses unknown, bad and repeated rows with their lines', async () => {
    const { store, directory, signUps } = await directoryIn(await dirs.make('signup-import'));
    await signUps.set({ urn: '110125', signedUp: true, by: 'aad-head', at: NOW.toISOString(), via: 'headteacher' });
    const result = await importSignUps(
      ['URN,Signed up\n', '110123,yes\n', '110124,\n', '110125,No\n', '999999,yes\n', '110123,no\n', 'abc,yes\n', '110124,maybe\n'],
      directory,
      signUps,
      { by: 'aad-sit-admin', now: NOW },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        read: 7,
        signedUp: 2,
        withdrawn: 1,
        refused: [
          { line: 5, urn: '999999', reason: 'there is no school with URN 999999 in the directory (import the Get Information about Schools file first)' },
          { line: 6, urn: '110123', reason: 'the URN 110123 is already on line 2' },
          { line: 7, reason: 'its URN "abc" is not six digits' },
          { line: 8, urn: '110124', reason: 'its Signed up value "maybe" is not yes or no' },
        ],
      },
    });
    expect([...(await signUps.signedUpUrns())].sort()).toEqual(['110123', '110124']);
    expect(await signUps.get('110125')).toEqual({ urn: '110125', signedUp: false, by: 'aad-sit-admin', at: NOW.toISOString(), via: 'import' });
    // The operator named by --by finds what they recorded through "what do you hold about me".
    expect(await new PersonIndex(store).countsOf('aad-sit-admin')).toEqual({ signUp: 3 });
    await store.close();
  });

  it('refuses a file without a URN column, and changes nothing', async () => {
    const { store, directory, signUps } = await directoryIn(await dirs.make('signup-import'));
    const result = await importSignUps(['School,Signed up\n', '110123,yes\n'], directory, signUps, { by: 'import', now: NOW });
    expect(result.ok).toBe(false);
    expect((await signUps.signedUpUrns()).size).toBe(0);
    await store.close();
  });

  it('from the command line, signs up a file of URNs without a person behind it and prints the report', async () => {
    const dataDir = await dirs.make('signup-cli');
    const { store } = await directoryIn(dataDir);
    await store.close();
    const file = path.join(dataDir, 'survey.csv');
    await writeFile(file, 'URN\n110123\n110124\n123\n');
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/importSchools.ts', '--signups', file], {
      cwd: root,
      env: { ...process.env, STORE: 'lowdb', DATA_DIR: dataDir },
    });
    expect(stdout).toMatch(/rows read\s+3/);
    expect(stdout).toMatch(/signed up\s+2/);
    expect(stdout).toMatch(/withdrawn\s+0/);
    expect(stdout).toContain('line 4: its URN "123" is not six digits');
    const reopened = new LowdbStore(dataDir);
    expect([...(await new SignUpRepository(reopened).signedUpUrns())].sort()).toEqual(['110123', '110124']);
    // 'import' is no one: the person index holds no entry for it.
    expect(await new PersonIndex(reopened).of('import')).toBeUndefined();
    await reopened.close();
  });
});
