import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_LIAISON_GROUPS } from '../../domain/directory/liaisonGroups.js';
import { PHASES } from '../../domain/directory/types.js';
import { DEMO_SCHOOLS_FILE, DirectoryRepository, importMembership, importSchools, type ImportOptions } from '../../storage/directoryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

async function emptyDirectory(): Promise<DirectoryRepository> {
  const directory = await DirectoryRepository.open(new LowdbStore(await dirs.make('directory-import')));
  await directory.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
  return directory;
}

async function importFile(file: string, options?: ImportOptions) {
  const directory = await emptyDirectory();
  const result = await importSchools(createReadStream(file), directory, options);
  return { directory, result };
}

/** The file's bytes delivered a few at a time, as a slow stream would. */
async function* inSmallChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const csvOf = (...lines: string[]) =>
  [
    'URN,EstablishmentName,TypeOfEstablishment (name),EstablishmentStatus (name),PhaseOfEducation (name),LA (name),GOR (name),Trusts (name),NumberOfPupils,OfstedRating (name),OfstedLastInsp',
    ...lines,
  ].join('\n');

describe('importing the demo directory', () => {
  it('imports every open school and skips the closed ones', async () => {
    const { directory, result } = await importFile(DEMO_SCHOOLS_FILE);
    expect(result).toEqual({ ok: true, value: { read: 139, imported: 137, skippedClosed: 2, refused: [], columnsMissing: [] } });
    expect(directory.schoolCount).toBe(137);
  });

  it('is clearly fictional: every name says so, and the URNs are in the 900001–900199 range', async () => {
    const { directory } = await importFile(DEMO_SCHOOLS_FILE);
    const schools = await Promise.all(Array.from({ length: 139 }, (_, n) => directory.getSchool(String(900_001 + n))));
    for (const school of schools.filter((found) => found !== undefined)) {
      expect(school.name).toMatch(/^Fictional .+ \(demo\)$/);
      expect(Number(school.urn)).toBeGreaterThanOrEqual(900_001);
      expect(Number(school.urn)).toBeLessThanOrEqual(900_199);
      if (school.trust !== undefined) expect(school.trust).toMatch(/^Fictional .+ \(demo\)$/);
    }
  });

  it('has several schools in each of the 18 liaison groups, all in Buckinghamshire in the South East', async () => {
    const { directory } = await importFile(DEMO_SCHOOLS_FILE);
    for (const group of SHIPPED_LIAISON_GROUPS) {
      const schools = directory.schoolsInLiaisonGroup(group.id);
      expect(schools.length, group.id).toBeGreaterThanOrEqual(5);
      for (const school of schools) expect(school).toMatchObject({ localAuthority: 'Buckinghamshire', region: 'South East' });
    }
  });

  it('has every phase, sizes from 20 to 1,800 pupils, Ofsted grades of every kind, and some schools in trusts', async () => {
    const { directory } = await importFile(DEMO_SCHOOLS_FILE);
    const schools = (await Promise.all(Array.from({ length: 139 }, (_, n) => directory.getSchool(String(900_001 + n))))).filter((found) => found !== undefined);
    const phases = new Set(schools.map((school) => school.phase));
    for (const phase of ['primary', 'secondary', 'special', 'nursery', 'all-through', 'sixteen-plus'] as const) expect(phases).toContain(phase);
    expect([...phases].every((phase) => (PHASES as readonly string[]).includes(phase))).toBe(true);
    const pupils = schools.flatMap((school) => (school.pupils === undefined ? [] : [school.pupils]));
    expect(Math.min(...pupils)).toBe(20);
    expect(Math.max(...pupils)).toBe(1800);
    const count = (grade: string) => schools.filter((school) => school.ofstedGrade === grade && school.ofstedDate !== undefined).length;
    expect(count('inadequate')).toBeGreaterThanOrEqual(3);
    expect(count('requires_improvement')).toBeGreaterThanOrEqual(6);
    expect(count('good')).toBeGreaterThan(0);
    expect(count('outstanding')).toBeGreaterThan(0);
    expect(schools.filter((school) => school.trust !== undefined).length).toBeGreaterThan(10);
  });

  it('has a few schools outside Buckinghamshire, in other regions, for the eligibility journey', async () => {
    const { directory } = await importFile(DEMO_SCHOOLS_FILE);
    const schools = (await Promise.all(Array.from({ length: 139 }, (_, n) => directory.getSchool(String(900_001 + n))))).filter((found) => found !== undefined);
    const outside = schools.filter((school) => school.localAuthority !== 'Buckinghamshire');
    expect(outside.length).toBeGreaterThanOrEqual(5);
    for (const school of outside) expect(school.liaisonGroupId).toBeUndefined();
    expect(new Set(outside.map((school) => school.region)).size).toBeGreaterThanOrEqual(5);
  });
});

describe('importing a file with bad rows', () => {
  it('keeps every good row and reports every bad one with its line', async () => {
    const { directory, result } = await importFile(fixture('gias-bad-rows.csv'));
    expect(result).toEqual({
      ok: true,
      value: {
        read: 13,
        imported: 4,
        skippedClosed: 1,
        columnsMissing: [],
        refused: [
          { line: 5, reason: 'it has no URN' },
          { line: 7, urn: '910001', reason: 'the URN 910001 is already on line 2' },
          { line: 8, urn: '910004', reason: 'the number of pupils "about 300" is not a whole number' },
          { line: 9, urn: '910005', reason: 'the Ofsted inspection date "31-02-2023" is not a date written day-month-year, like 14-06-2023' },
          { line: 11, reason: 'the row has a different number of values from the header (a comma or a quotation mark out of place?)' },
          { line: 13, reason: 'its URN "91009" is not six digits' },
          { line: 14, urn: '910010', reason: 'there is no liaison group lg-99' },
          {
            line: 15,
            urn: '910011',
            reason: 'the number of pupils "-4" is not a whole number; the Ofsted inspection date "2023-06-14" is not a date written day-month-year, like 14-06-2023',
          },
        ],
      },
    });
    expect(directory.schoolCount).toBe(4);
    expect((await directory.getSchool('910001'))?.name).toBe('Fictional Good First Primary School (demo)');
    expect((await directory.getSchool('910002'))?.name).toBe('Fictional Two Line Primary School (demo)');
    expect((await directory.getSchool('910003'))?.ofstedDate).toBe('2023-06-14');
    expect(await directory.getSchool('910008')).toEqual({
      urn: '910008',
      name: 'Fictional Good Third Academy (demo)',
      type: 'Academy converter',
      phase: 'secondary',
      localAuthority: 'Buckinghamshire',
      region: 'South East',
      trust: 'Fictional Example Trust (demo)',
    });
    for (const urn of ['910004', '910005', '910006', '910007', '910010', '910011']) expect(await directory.getSchool(urn)).toBeUndefined();
  });

  it('reports a stray quotation mark on its line and keeps the rows around it', async () => {
    const directory = await emptyDirectory();
    const text = csvOf(
      '910001,Fictional First (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023',
      '910002,Fictional "Quoted" (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023',
      '910003,Fictional Third (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023',
    );
    const result = await importSchools([text], directory);
    expect(result.ok && result.value.refused).toEqual([{ line: 3, reason: 'a quotation mark is out of place in the row' }]);
    expect(result.ok && result.value.imported).toBe(2);
  });

  it('reports a quotation mark never closed, keeping the rows before it', async () => {
    const directory = await emptyDirectory();
    const text = csvOf(
      '910001,Fictional First (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023',
      '910002,"Fictional Unclosed (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023',
      '910003,Fictional Third (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023',
    );
    const result = await importSchools([text], directory);
    expect(result.ok && result.value).toMatchObject({
      imported: 1,
      refused: [{ reason: 'a quotation mark opened here is never closed, so the rest of the file could not be read' }],
    });
  });
});

describe('a real download with only some columns', () => {
  it('is imported from the URN and name alone, and the report says what each missing column costs', async () => {
    const directory = await emptyDirectory();
    const result = await importSchools(['URN,EstablishmentName,OfstedRating (name),OfstedLastInsp\n', '110123,Fictional Beech Primary (demo),,01-03-2025\n', '110124,Fictional Ash Academy (demo),Good,10-05-2022\n'], directory);
    expect(result.ok && result.value.imported).toBe(2);
    expect(result.ok && result.value.columnsMissing.join(' ')).toMatch(/No "GOR \(name\)" column: the eligibility check cannot prefill the DfE region/);
    expect(result.ok && result.value.columnsMissing).toHaveLength(7);
    expect(await directory.getSchool('110123')).toMatchObject({ ofstedGrade: 'no_overall_grade', ofstedDate: '2025-03-01' });
    expect(await directory.getSchool('110124')).toMatchObject({ ofstedGrade: 'good', ofstedDate: '2022-05-10' });
  });
});

describe('liaison-group membership', () => {
  const GIAS = ['URN,EstablishmentName\n', '110123,Fictional Beech Primary (demo)\n', '110124,Fictional Ash Academy (demo)\n', '110125,Fictional Elm School (demo)\n'];

  it('a membership file places schools by group number, id or name, and reports refused rows with their lines', async () => {
    const directory = await emptyDirectory();
    await importSchools(GIAS, directory);
    const result = await importMembership(
      ['URN,liaison group\n', '110123,4\n', '110124,lg-05\n', '999999,4\n', '110125,group 99\n', '110123,5\n', 'abc,3\n'],
      directory,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        read: 6,
        placed: 2,
        moved: 0,
        refused: [
          { line: 4, urn: '999999', reason: 'there is no school with URN 999999 in the directory (import the Get Information about Schools file first)' },
          { line: 5, urn: '110125', reason: 'there is no liaison group "group 99"' },
          { line: 6, urn: '110123', reason: 'the URN 110123 is already on line 2' },
          { line: 7, reason: 'its URN "abc" is not six digits' },
        ],
      },
    });
    expect(directory.schoolsInLiaisonGroup('lg-04').map((school) => school.urn)).toEqual(['110123']);
    expect((await directory.schoolsWithNoGroup()).map((school) => school.urn)).toEqual(['110125']);
  });

  it('refuses a file without the two columns, and changes nothing', async () => {
    const directory = await emptyDirectory();
    await importSchools(GIAS, directory);
    const result = await importMembership(['URN,group name\n', '110123,4\n'], directory);
    expect(result.ok).toBe(false);
    expect((await directory.schoolsWithNoGroup())).toHaveLength(3);
  });

  it('a GIAS re-import keeps every school in its group', async () => {
    const directory = await emptyDirectory();
    await importSchools(GIAS, directory);
    await importMembership(['URN,liaison group\n', '110123,4\n'], directory);
    await importSchools(['URN,EstablishmentName\n', '110123,Fictional Beech Primary School (demo)\n'], directory);
    expect(await directory.getSchool('110123')).toMatchObject({ name: 'Fictional Beech Primary School (demo)', liaisonGroupId: 'lg-04' });
    expect(directory.schoolsInLiaisonGroup('lg-04').map((school) => school.name)).toEqual(['Fictional Beech Primary School (demo)']);
  });

  it('a running instance sees another’s import at its next check, without a restart', async () => {
    const store = new LowdbStore(await dirs.make('directory-fresh'));
    const running = await DirectoryRepository.open(store, { refreshEveryMs: 1000 });
    await running.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
    const cli = await DirectoryRepository.open(store);
    await importSchools(GIAS, cli);
    await importMembership(['URN,liaison group\n', '110123,4\n'], cli);
    const start = Date.now();
    await running.refreshIfStale(start);
    expect(running.schoolCount).toBe(0);
    await running.refreshIfStale(start + 60_000);
    expect(running.schoolCount).toBe(3);
    expect(running.findSchools('Beech')[0]?.school.urn).toBe('110123');
    expect(running.schoolsInLiaisonGroup('lg-04').map((school) => school.urn)).toEqual(['110123']);
  });
});

describe('a file that is not an establishment file', () => {
  it('is refused whole, naming the missing columns, and nothing is stored', async () => {
    const { directory, result } = await importFile(fixture('gias-wrong-header.csv'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'This file is not a Get Information about Schools establishment file: it has no column "EstablishmentName". Download the establishment fields CSV from Get Information about Schools and import that file as it is.',
    ]);
    expect(directory.schoolCount).toBe(0);
  });

  it('is refused when empty', async () => {
    const directory = await emptyDirectory();
    expect(await importSchools([], directory)).toEqual({
      ok: false,
      errors: ['The file is empty: a Get Information about Schools establishment file starts with a header row.'],
    });
  });
});

describe('reading the file as GIAS publishes it', () => {
  it('reads Windows-1252 (latin1) names with accents and curly apostrophes', async () => {
    const { directory, result } = await importFile(fixture('gias-latin1.csv'));
    expect(result.ok && result.value.imported).toBe(3);
    expect((await directory.getSchool('920001'))?.name).toBe('Fictional École Saint-Exupéry Primary School (demo)');
    expect((await directory.getSchool('920002'))?.name).toBe('Fictional Brontë Academy (demo)');
    expect((await directory.getSchool('920003'))?.name).toBe('Fictional St Mary’s Primary School (demo)');
    expect(directory.findSchools('ecole saint exupery')[0]?.school.urn).toBe('920001');
    expect(directory.findSchools('st marys')[0]?.school.urn).toBe('920003');
  });

  it('reads the same file delivered a few bytes at a time', async () => {
    const bytes = await readFile(fixture('gias-latin1.csv'));
    const directory = await emptyDirectory();
    const result = await importSchools(inSmallChunks(bytes, 5), directory);
    expect(result.ok && result.value.imported).toBe(3);
    expect((await directory.getSchool('920002'))?.name).toBe('Fictional Brontë Academy (demo)');
  });

  it('reads UTF-8 when told to', async () => {
    const directory = await emptyDirectory();
    const text = csvOf('910001,Fictional Brontë (demo),Community school,Open,Primary,Buckinghamshire,South East,,100,Good,01-02-2023');
    const result = await importSchools([new TextEncoder().encode(text)], directory, { encoding: 'utf-8' });
    expect(result.ok && result.value.imported).toBe(1);
    expect((await directory.getSchool('910001'))?.name).toBe('Fictional Brontë (demo)');
  });

  it('skips closed establishments and keeps those open but proposed to close', async () => {
    const { directory, result } = await importFile(fixture('gias-closed.csv'));
    expect(result).toEqual({ ok: true, value: { read: 4, imported: 2, skippedClosed: 2, refused: [], columnsMissing: [] } });
    expect(await directory.getSchool('930002')).toBeUndefined();
    expect(await directory.getSchool('930003')).toBeDefined();
  });

  it('stores schools in batches', async () => {
    const directory = await emptyDirectory();
    const putSchools = vi.spyOn(directory, 'putSchools');
    const result = await importSchools(createReadStream(DEMO_SCHOOLS_FILE), directory, { batchSize: 50 });
    expect(result.ok && result.value.imported).toBe(137);
    expect(putSchools.mock.calls.map(([batch]) => batch.length)).toEqual([50, 50, 37]);
  });
});
