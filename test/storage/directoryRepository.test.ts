import { afterAll, describe, expect, it } from 'vitest';
import type { Profile, School } from '../../domain/directory/types.js';
import { DirectoryRepository, loadDemoDirectoryIfEmpty } from '../../storage/directoryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import type { Store } from '../../storage/store.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

async function freshStore(): Promise<Store> {
  return new LowdbStore(await dirs.make('directory'));
}

const school = (urn: string, name: string, extra: Partial<School> = {}): School => ({
  urn,
  name,
  type: 'Community school',
  phase: 'primary',
  localAuthority: 'Buckinghamshire',
  region: 'South East',
  ...extra,
});

const groups = [
  { id: 'lg-01', name: 'Liaison group 1 (placeholder name)' },
  { id: 'lg-02', name: 'Liaison group 2 (placeholder name)' },
];

describe('the directory on the embedded store', () => {
  it('keeps schools across a restart, and searches them straight after', async () => {
    const dataDir = await dirs.make('directory-restart');
    const before = await DirectoryRepository.open(new LowdbStore(dataDir));
    const oakfield = school('900001', 'Fictional Oakfield Primary School (demo)', { liaisonGroupId: 'lg-01', pupils: 412, ofstedGrade: 'good', ofstedDate: '2023-06-14' });
    await before.putSchools([oakfield, school('900002', 'Fictional Larkspur Academy (demo)', { phase: 'secondary', liaisonGroupId: 'lg-02' })]);

    const after = await DirectoryRepository.open(new LowdbStore(dataDir));
    expect(after.schoolCount).toBe(2);
    expect(await after.getSchool('900001')).toEqual(oakfield);
    expect(await after.getSchool('999999')).toBeUndefined();
    expect(await after.getSchool('90/001')).toBeUndefined();
    expect(after.findSchools('oakfeild')[0]?.school).toEqual(oakfield);
    expect(after.schoolsInLiaisonGroup('lg-02').map((found) => found.urn)).toEqual(['900002']);
  });

  it('keeps each school under directory/schools/<urn>', async () => {
    const store = await freshStore();
    const directory = await DirectoryRepository.open(store);
    await directory.putSchools([school('900001', 'Fictional Oakfield Primary School (demo)')]);
    expect((await store.list('directory/schools/')).map((record) => record.key)).toEqual(['directory/schools/900001']);
  });

  it('replaces a school imported again, and finds it by its new name only', async () => {
    const directory = await DirectoryRepository.open(await freshStore());
    await directory.putSchools([school('900001', 'Fictional Oakfield Primary School (demo)')]);
    await directory.putSchools([school('900001', 'Fictional Oakfield Church of England Primary School (demo)', { pupils: 420 })]);
    expect(directory.schoolCount).toBe(1);
    expect((await directory.getSchool('900001'))?.pupils).toBe(420);
    expect(directory.findSchools('oakfield church')[0]?.school.urn).toBe('900001');
    expect(directory.findSchools('Fictional Oakfield Primary School (demo)')[0]?.match).not.toBe('exact');
  });

  it('keeps a school in its liaison group when a GIAS refresh (which has no groups) replaces it', async () => {
    const directory = await DirectoryRepository.open(await freshStore());
    await directory.putSchools([school('900001', 'Fictional Oakfield Primary School (demo)', { liaisonGroupId: 'lg-01' })]);
    await directory.putSchools([school('900001', 'Fictional Oakfield Primary School (demo)', { pupils: 430 })]);
    expect(await directory.getSchool('900001')).toMatchObject({ pupils: 430, liaisonGroupId: 'lg-01' });
    expect(directory.schoolsInLiaisonGroup('lg-01')).toHaveLength(1);
  });

  it('searches one liaison group, and lists a group’s schools by name', async () => {
    const directory = await DirectoryRepository.open(await freshStore());
    await directory.putSchools([
      school('900003', 'Fictional Willowmere Primary School (demo)', { liaisonGroupId: 'lg-01' }),
      school('900001', 'Fictional Ashbrook Primary School (demo)', { liaisonGroupId: 'lg-01' }),
      school('900002', 'Fictional Ashbrook Infant School (demo)', { liaisonGroupId: 'lg-02' }),
    ]);
    expect(directory.schoolsInLiaisonGroup('lg-01').map((found) => found.name)).toEqual([
      'Fictional Ashbrook Primary School (demo)',
      'Fictional Willowmere Primary School (demo)',
    ]);
    expect(directory.findSchools('ashbrook', { liaisonGroupId: 'lg-02' }).map((match) => match.school.urn)).toEqual(['900002']);
    expect(directory.schoolsInLiaisonGroup('lg-18')).toEqual([]);
  });
});

describe('liaison groups on the store', () => {
  it('are added once and keep a name the SIT has changed', async () => {
    const store = await freshStore();
    const directory = await DirectoryRepository.open(store);
    expect(await directory.addLiaisonGroupsIfMissing(groups)).toBe(2);
    expect(await directory.setLiaisonGroupName('lg-01', '  Fictional   North Vale group ')).toEqual({ ok: true, value: { id: 'lg-01', name: 'Fictional North Vale group' } });
    expect(await directory.addLiaisonGroupsIfMissing(groups)).toBe(0);
    expect(await directory.liaisonGroups()).toEqual([{ id: 'lg-01', name: 'Fictional North Vale group' }, groups[1]]);
    expect(await directory.liaisonGroup('lg-02')).toEqual(groups[1]);
    expect((await store.list('directory/groups/')).map((record) => record.key)).toEqual(['directory/groups/lg-01', 'directory/groups/lg-02']);
  });

  it.each([
    ['a group that does not exist', 'lg-99', 'New name', 'There is no liaison group lg-99.'],
    ['an id that is not a group id', '../lg-01', 'New name', 'There is no liaison group ../lg-01.'],
    ['an empty name', 'lg-01', '   ', 'A liaison group needs a name.'],
    ['a very long name', 'lg-01', 'x'.repeat(101), 'A liaison group’s name can be at most 100 characters long.'],
  ])('refuse a new name for %s', async (_rule, id, name, error) => {
    const directory = await DirectoryRepository.open(await freshStore());
    await directory.addLiaisonGroupsIfMissing(groups);
    expect(await directory.setLiaisonGroupName(id, name)).toEqual({ ok: false, errors: [error] });
    expect(await directory.liaisonGroups()).toEqual(groups);
  });
});

describe('which chat acts for which liaison group', () => {
  const chat = '19:abc/def@thread.v2';
  const at = new Date('2024-01-15T09:00:00.000Z');

  async function withGroups() {
    const store = await freshStore();
    const directory = await DirectoryRepository.open(store);
    await directory.addLiaisonGroupsIfMissing(groups);
    return { store, directory };
  }

  it('links a chat to its group, under directory/links/', async () => {
    const { store, directory } = await withGroups();
    expect(await directory.groupOfConversation(chat)).toBeUndefined();
    expect(await directory.linkConversation(chat, 'lg-01', 'aad-head', { now: at })).toEqual({
      ok: true,
      value: { conversationId: chat, liaisonGroupId: 'lg-01', linkedBy: 'aad-head', linkedAt: at.toISOString() },
    });
    expect(await directory.groupOfConversation(chat)).toBe('lg-01');
    expect((await store.list('directory/links/')).map((record) => record.key)).toEqual([`directory/links/${encodeURIComponent(chat)}`]);
  });

  it('keeps the first link when someone links the chat to the same group again', async () => {
    const { directory } = await withGroups();
    await directory.linkConversation(chat, 'lg-01', 'aad-head', { now: at });
    const again = await directory.linkConversation(chat, 'lg-01', 'aad-staff');
    expect(again.ok && again.value.linkedBy).toBe('aad-head');
  });

  it('does not move a linked chat to another group unless told to replace the link', async () => {
    const { directory } = await withGroups();
    await directory.linkConversation(chat, 'lg-01', 'aad-head');
    expect(await directory.linkConversation(chat, 'lg-02', 'aad-head')).toEqual({
      ok: false,
      errors: ['This chat is already linked to Liaison group 1 (placeholder name).'],
    });
    expect(await directory.groupOfConversation(chat)).toBe('lg-01');
    const replaced = await directory.linkConversation(chat, 'lg-02', 'aad-sit', { replace: true });
    expect(replaced.ok && replaced.value).toMatchObject({ liaisonGroupId: 'lg-02', linkedBy: 'aad-sit' });
    expect(await directory.groupOfConversation(chat)).toBe('lg-02');
  });

  it('refuses a group that does not exist', async () => {
    const { directory } = await withGroups();
    expect(await directory.linkConversation(chat, 'lg-99', 'aad-head')).toEqual({ ok: false, errors: ['There is no liaison group lg-99.'] });
    expect(await directory.groupOfConversation(chat)).toBeUndefined();
  });

  it('lets only one of two people linking a new chat at once win', async () => {
    const { directory } = await withGroups();
    const results = await Promise.all([directory.linkConversation(chat, 'lg-01', 'aad-a'), directory.linkConversation(chat, 'lg-02', 'aad-b')]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const winner = results.find((result) => result.ok);
    expect(await directory.groupOfConversation(chat)).toBe(winner?.ok ? winner.value.liaisonGroupId : undefined);
  });
});

describe('the demo directory', () => {
  it('is loaded, with the 18 liaison groups, when the store has no schools', async () => {
    const store = await freshStore();
    const directory = await DirectoryRepository.open(store);
    const report = await loadDemoDirectoryIfEmpty(directory);
    expect(report).toMatchObject({ read: 139, imported: 137, skippedClosed: 2, refused: [] });
    expect(await directory.liaisonGroups()).toHaveLength(18);
    expect(directory.findSchools('Oakfield Primary')[0]?.school.name).toBe('Fictional Oakfield Primary School (demo)');

    const reopened = await DirectoryRepository.open(store);
    expect(await loadDemoDirectoryIfEmpty(reopened)).toBeUndefined();
    expect(reopened.schoolCount).toBe(137);
  });

  it('is not loaded over schools already imported', async () => {
    const directory = await DirectoryRepository.open(await freshStore());
    await directory.putSchools([school('100001', 'A Real-Looking Primary School')]);
    expect(await loadDemoDirectoryIfEmpty(directory)).toBeUndefined();
    expect(directory.schoolCount).toBe(1);
    expect(await directory.liaisonGroups()).toHaveLength(18);
  });
});

describe('profiles on the store', () => {
  const headteacher: Profile = {
    kind: 'school',
    aadObjectId: '00000000-0000-0000-0000-000000000001',
    name: 'A Headteacher',
    urn: '900001',
    role: 'headteacher',
    updatedAt: '2024-01-15T09:00:00.000Z',
  };

  it('are kept under profiles/<AAD object id>, changed and deleted', async () => {
    const store = await freshStore();
    const profiles = new ProfileRepository(store);
    expect(await profiles.get(headteacher.aadObjectId)).toBeUndefined();
    await profiles.put(headteacher);
    expect(await new ProfileRepository(store).get(headteacher.aadObjectId)).toEqual(headteacher);
    expect((await store.list('profiles/')).map((record) => record.key)).toEqual([`profiles/${headteacher.aadObjectId}`]);

    const leader: Profile = { kind: 'system_leader', aadObjectId: headteacher.aadObjectId, name: 'A Leader', organisation: 'Fictional Example Trust (demo)', role: 'nle', updatedAt: '2024-02-01T09:00:00.000Z' };
    await profiles.put(leader);
    expect(await profiles.get(headteacher.aadObjectId)).toEqual(leader);

    await profiles.delete(headteacher.aadObjectId);
    expect(await profiles.get(headteacher.aadObjectId)).toBeUndefined();
    await profiles.delete(headteacher.aadObjectId);
  });

  it('take any user id the Playground or Emulator sends', async () => {
    const profiles = new ProfileRepository(await freshStore());
    const odd = { ...headteacher, aadObjectId: '29:1a/b+c==' };
    await profiles.put(odd);
    expect(await profiles.get('29:1a/b+c==')).toEqual(odd);
    expect(await profiles.get('')).toBeUndefined();
  });
});
