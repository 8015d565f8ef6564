import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { normaliseAttendeeName, REGISTER_ATTENDEE, type AttendanceRecord } from '../../domain/attendance/record.js';
import type { Profile } from '../../domain/directory/types.js';
import { applyEdit } from '../../domain/nomination/edit.js';
import { ERASED_NAME } from '../../domain/personalData/person.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import { ConversationRepository } from '../../storage/conversationRepository.js';
import { DirectoryRepository } from '../../storage/directoryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { NominationRepository } from '../../storage/nominationRepository.js';
import { PersonIndex } from '../../storage/personIndex.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { SignUpRepository } from '../../storage/signUpRepository.js';
import type { Store } from '../../storage/store.js';
import { TempDirs } from '../support/tempDir.js';

const NOW = new Date('2024-03-01T10:00:00Z');
const GROUP = { id: 'lg-01', name: 'Group 1' };
const PREFIXES = ['profiles/', 'people/', 'directory/', 'nominations/', 'attendance/', 'indexes/', 'conversations/', 'signups/'];

/** One person's part in the programme: each write goes through the repository that owns the record. */
type Step =
  | { kind: 'profile'; approver: boolean }
  | { kind: 'link'; chat: number }
  | { kind: 'nominate'; chat: number }
  | { kind: 'edit'; champion: string }
  | { kind: 'attendance'; session: 'T1' | 'W1'; loggedBySomeoneElse: boolean }
  | { kind: 'register'; schools: number }
  | { kind: 'signUp'; urn: '900001' | '900002' };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('profile' as const), approver: fc.boolean() }),
  fc.record({ kind: fc.constant('link' as const), chat: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('nominate' as const), chat: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('edit' as const), champion: fc.constantFrom('Priya Shah', 'Tom Reed') }),
  fc.record({ kind: fc.constant('attendance' as const), session: fc.constantFrom('T1' as const, 'W1' as const), loggedBySomeoneElse: fc.boolean() }),
  fc.record({ kind: fc.constant('register' as const), schools: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('signUp' as const), urn: fc.constantFrom('900001' as const, '900002' as const) }),
);

// Names and ids no fixed text contains, so a leftover is theirs.
const personArbitrary = fc.record({
  id: fc.stringMatching(/^aad-[a-z0-9]{6,10}$/),
  name: fc.tuple(fc.constantFrom('Zara', 'Quentin', 'Yusuf', 'Xenia'), fc.constantFrom('Okonkwo', 'Vasquez', 'Lindqvist')).map(([first, last]) => `${first} ${last}`),
});

async function play(store: LowdbStore, person: { id: string; name: string }, other: { id: string; name: string }, steps: readonly Step[]) {
  const profiles = new ProfileRepository(store);
  const directory = await DirectoryRepository.open(store);
  await directory.addLiaisonGroupsIfMissing([GROUP]);
  const nominations = new NominationRepository(store);
  const attendance = new AttendanceRepository(store);
  const people = new PersonIndex(store);
  for (const step of steps) {
    switch (step.kind) {
      case 'profile': {
        const profile: Profile = { kind: 'school', aadObjectId: other.id, name: other.name, urn: '900001', role: 'staff', updatedAt: NOW.toISOString(), verification: { status: 'verified', by: person.id, at: NOW.toISOString() } };
        // Either the person approved someone else, or it is their own profile.
        await profiles.put(step.approver ? profile : { ...profile, aadObjectId: person.id, name: person.name, verification: { status: 'pending' } });
        break;
      }
      case 'link':
        await directory.linkConversation(`19:chat-${step.chat}@thread.v2`, GROUP.id, person.id, { replace: true, now: NOW });
        break;
      case 'nominate':
        await people.note(person.id, ['conversations/by-id/seen'], { name: person.name, alias: `29:${person.id}` });
        await nominations.openInChat(GROUP.id, `19:chat-${step.chat}@thread.v2`, `29:${person.id}`, { moveNotices: true, aadObjectId: person.id });
        break;
      case 'edit':
        await nominations.openInChat(GROUP.id, '19:chat-0@thread.v2', `29:${other.id}`, { moveNotices: false, aadObjectId: other.id });
        await nominations.change(GROUP.id, (nomination) =>
          applyEdit(nomination, { kind: 'set_champion_name', choice: 'first', name: step.champion }, { schoolsByUrn: new Map(), group: GROUP, now: NOW, by: { aadObjectId: person.id, name: person.name } }),
        );
        break;
      case 'attendance': {
        const record: AttendanceRecord = {
          sessionId: step.session,
          urn: '900001',
          // A name someone else typed is not tied to anyone's identity, so only a self-logged line names the person.
          attendeeName: step.loggedBySomeoneElse ? 'Robin Attendee' : person.name,
          attendeeRole: 'Headteacher',
          status: 'present',
          loggedBy: step.loggedBySomeoneElse ? { aadObjectId: other.id, name: other.name } : { aadObjectId: person.id, name: person.name },
          loggedAt: NOW.toISOString(),
        };
        await attendance.log(record);
        break;
      }
      case 'register':
        // The SIT's register: many lines at once, every one logged by the person.
        await attendance.saveRegister(
          Array.from({ length: step.schools }, (_, index): AttendanceRecord => ({
            sessionId: 'T2',
            urn: String(910000 + index),
            attendeeName: 'Robin Attendee',
            attendeeRole: 'Headteacher',
            status: 'present',
            loggedBy: { aadObjectId: person.id, name: person.name },
            loggedAt: NOW.toISOString(),
          })),
        );
        break;
      case 'signUp':
        await new SignUpRepository(store).set({ urn: step.urn, signedUp: true, by: person.id, at: NOW.toISOString(), via: 'sit' });
        break;
    }
  }
}

describe('erasure through the index of where each person appears', () => {
  it('leaves no record holding the person’s ids or name, and keeps everyone else', async () => {
    await fc.assert(
      fc.asyncProperty(personArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }), async (person, steps) => {
        const other = { id: 'aad-other-person', name: 'Morgan Other' };
        fc.pre(person.id !== other.id);
        const dataDir = await mkdtemp(path.join(tmpdir(), 'sib-erase-'));
        const store = new LowdbStore(dataDir);
        try {
          await play(store, person, other, steps);
          const attendance = new AttendanceRepository(store);
          const linesBefore = (await attendance.all()).length;
          await new ProfileRepository(store).delete(person.id);
          await new PersonIndex(store).erase(person.id);
          const everything = (await Promise.all(PREFIXES.map((prefix) => store.list<unknown>(prefix)))).flat();
          for (const record of everything) {
            const text = JSON.stringify(record.value);
            expect(text, record.key).not.toContain(person.id);
            expect(text, record.key).not.toContain(person.name);
            // Keys too: an attendance line's key holds its attendee's name slug.
            expect(record.key).not.toContain(person.id);
            expect(record.key.toLowerCase()).not.toContain(normaliseAttendeeName(person.name));
          }
          // An erased attendee's line is still a line: registers and summaries count the same.
          expect((await attendance.all()).length).toBe(linesBefore);
          // Someone else's part survives: the other person's name is still wherever it was written.
          const otherNamed = steps.some((step) => (step.kind === 'profile' && step.approver) || (step.kind === 'attendance' && step.loggedBySomeoneElse));
          if (otherNamed) expect(everything.some((record) => JSON.stringify(record.value).includes(other.name))).toBe(true);
        } finally {
          await store.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keeps two erased attendees of one school at one session as two lines, each findable by whoever logged it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sib-erase-'));
    const store = new LowdbStore(dataDir);
    try {
      const attendance = new AttendanceRepository(store);
      const line = (aadObjectId: string, name: string, status: AttendanceRecord['status']): AttendanceRecord => ({
        sessionId: 'T1',
        urn: '900001',
        attendeeName: name,
        attendeeRole: 'Headteacher',
        status,
        loggedBy: { aadObjectId, name },
        loggedAt: NOW.toISOString(),
      });
      await attendance.log(line('aad-first', 'Zara Okonkwo', 'present'));
      await attendance.log(line('aad-second', 'Xenia Vasquez', 'apologies'));
      await attendance.log({ ...line('aad-third', 'Yusuf Lindqvist', 'absent'), loggedBy: { aadObjectId: 'aad-colleague', name: 'Morgan Other' } });
      const people = new PersonIndex(store);
      await people.erase('aad-first');
      await people.erase('aad-second');
      await people.note('aad-third', [(await store.list('attendance/records/')).find((record) => record.key.endsWith('yusuf-lindqvist'))?.key ?? ''], { name: 'Yusuf Lindqvist' });
      await people.erase('aad-third');

      const lines = await attendance.forSession('T1');
      expect(lines.map((record) => record.status).sort()).toEqual(['absent', 'apologies', 'present']);
      const keys = (await store.list('attendance/records/')).map((record) => record.key);
      expect(keys.join(' ')).not.toMatch(/zara|xenia|yusuf/u);
      // The colleague who logged the third line finds it through the school, under its new key.
      expect((await people.of('aad-colleague'))?.keys).toEqual(['indexes/attendance/900001']);
      expect(await people.countsOf('aad-colleague')).toEqual({ attendance: 1 });
      await people.erase('aad-colleague');
      expect(JSON.stringify(await store.list('attendance/records/'))).not.toContain('Morgan Other');
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

const ZARA = { id: 'aad-zara', name: 'Zara Okonkwo' };
const SAM = { id: 'aad-sam-sit', name: 'Sam Sitwell' };
const COLLEAGUE = { id: 'aad-colleague', name: 'Morgan Other' };

function line(sessionId: string, urn: string, attendeeName: string, by: { id: string; name: string }, minute = 0): AttendanceRecord {
  return {
    sessionId,
    urn,
    attendeeName,
    attendeeRole: 'Headteacher',
    status: 'present',
    loggedBy: { aadObjectId: by.id, name: by.name },
    loggedAt: new Date(NOW.getTime() + minute * 60_000).toISOString(),
  };
}

const registerLine = (sessionId: string, urn: string, by: { id: string; name: string }): AttendanceRecord => ({ ...line(sessionId, urn, REGISTER_ATTENDEE.name, by), attendeeRole: REGISTER_ATTENDEE.role });

/** The store, with the key of every write (and every read) made through it. */
function countingWrites(store: Store): { store: Store; writes: string[]; reads: string[] } {
  const writes: string[] = [];
  const reads: string[] = [];
  return {
    writes,
    reads,
    store: {
      read: (key) => {
        reads.push(key);
        return store.read(key);
      },
      write: (key, value, condition) => {
        writes.push(key);
        return store.write(key, value, condition);
      },
      delete: (key, condition) => store.delete(key, condition),
      list: (prefix) => store.list(prefix),
      close: () => store.close(),
    },
  };
}

/** No attendance line, archived line, index entry or person entry holds the person's id or name, in its value or its key. */
async function expectNoTrace(store: Store, person: { id: string; name: string }): Promise<void> {
  const everything = (await Promise.all(['attendance/', 'indexes/', 'people/'].map((prefix) => store.list<unknown>(prefix)))).flat();
  for (const record of everything) {
    const text = JSON.stringify(record.value);
    expect(text, record.key).not.toContain(person.id);
    expect(text, record.key).not.toContain(person.name);
    expect(record.key).not.toContain(person.id);
    expect(record.key).not.toContain(normaliseAttendeeName(person.name));
  }
}

describe('attendance in the index of where each person appears, listed by school', () => {
  const dirs = new TempDirs();
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await dirs.removeAll();
  });
  async function openStore(): Promise<Store> {
    const store = new LowdbStore(await dirs.make('sib-person-keys'));
    stores.push(store);
    return store;
  }
  const sessions = (count: number) => Array.from({ length: count }, (_, index) => `S${index + 1}`);

  it('lists a school once: twelve sessions logged for it leave the person’s entry as the first log wrote it, and count as twelve', async () => {
    const { store, writes } = countingWrites(await openStore());
    const attendance = new AttendanceRepository(store);
    const people = new PersonIndex(store);
    const [first, ...later] = sessions(12);
    await attendance.log(line(first!, '900001', ZARA.name, ZARA));
    const afterFirst = await people.of(ZARA.id);
    for (const sessionId of later) await attendance.log(line(sessionId, '900001', ZARA.name, ZARA));

    expect(await people.of(ZARA.id)).toEqual(afterFirst);
    expect(afterFirst?.keys).toEqual(['indexes/attendance/900001']);
    expect(writes.filter((key) => key.startsWith('people/'))).toEqual([`people/${ZARA.id}`]);
    // Every line was written, and each is counted.
    expect(writes.filter((key) => key.startsWith('attendance/records/'))).toHaveLength(12);
    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 12 });
  });

  it('lists each school of a register once: the administrator’s later registers for the same schools do not write their entry', async () => {
    const { store, writes } = countingWrites(await openStore());
    const attendance = new AttendanceRepository(store);
    const people = new PersonIndex(store);
    const urns = Array.from({ length: 30 }, (_, index) => String(910000 + index));
    for (const sessionId of sessions(4)) await attendance.saveRegister(urns.map((urn) => registerLine(sessionId, urn, SAM)));

    expect(writes.filter((key) => key.startsWith('people/'))).toEqual([`people/${SAM.id}`]);
    expect([...((await people.of(SAM.id))?.keys ?? [])].sort()).toEqual(urns.map((urn) => `indexes/attendance/${urn}`));
    expect(await people.countsOf(SAM.id)).toEqual({ attendance: 120 });
  });

  it('erases someone who logged several sessions at two schools from every line and from each school’s latest line', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    for (const urn of ['900001', '900002']) {
      for (const [index, sessionId] of sessions(3).entries()) {
        await attendance.log(line(sessionId, urn, 'Robin Attendee', COLLEAGUE, 2 * index));
        await attendance.log(line(sessionId, urn, ZARA.name, ZARA, 2 * index + 1));
      }
    }
    const people = new PersonIndex(store);
    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 6 });
    const linesBefore = (await attendance.all()).length;
    const latestBefore = (await store.read<{ latest: AttendanceRecord }>('indexes/attendance/900001'))?.value.latest;
    expect(latestBefore?.attendeeName).toBe(ZARA.name);

    await people.erase(ZARA.id);

    await expectNoTrace(store, ZARA);
    expect((await attendance.all()).length).toBe(linesBefore);
    // Her lines are still the schools' latest, now without her name; the colleague's are untouched.
    const schools = await attendance.ofSchools(['900001', '900002']);
    for (const urn of ['900001', '900002']) expect(schools.latestOwnLine(urn)).toEqual({ ...line('S3', urn, ERASED_NAME, { id: 'erased', name: ERASED_NAME }, 5) });
    expect((await attendance.all()).filter((record) => record.loggedBy.aadObjectId === COLLEAGUE.id)).toHaveLength(6);
    expect(await people.countsOf(COLLEAGUE.id)).toEqual({ attendance: 6 });
    // The index is what a rebuild from the records gives.
    const kept = await store.list('indexes/attendance/');
    await store.delete('indexes/attendance-built');
    await attendance.indexIfMissing();
    expect((await store.list('indexes/attendance/')).map((entry) => entry.value)).toEqual(kept.map((entry) => entry.value));
  });

  it('erases an administrator who registered many schools from every register line', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    const urns = Array.from({ length: 25 }, (_, index) => String(920000 + index));
    for (const sessionId of sessions(3)) await attendance.saveRegister(urns.map((urn) => registerLine(sessionId, urn, SAM)));
    // A school's own line beside the register, which is not the administrator's.
    await attendance.log(line('S1', urns[0]!, 'Robin Attendee', COLLEAGUE));
    const people = new PersonIndex(store);
    expect(await people.countsOf(SAM.id)).toEqual({ attendance: 75 });

    await people.erase(SAM.id);

    await expectNoTrace(store, SAM);
    const lines = await attendance.all();
    expect(lines).toHaveLength(76);
    expect(lines.filter((record) => record.loggedBy.name === ERASED_NAME)).toHaveLength(75);
    expect(await people.of(SAM.id)).toBeUndefined();
  });

  it('counts a line where a colleague typed the person’s name (without their id), and then erases it: the count is what erasure touches', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    await attendance.log(line('S1', '900001', ZARA.name, ZARA));
    await attendance.log(line('S2', '900001', ZARA.name, COLLEAGUE, 1));
    const people = new PersonIndex(store);
    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 2 });

    await people.erase(ZARA.id);

    await expectNoTrace(store, ZARA);
    // The colleague's line stays theirs, with her name taken out.
    expect((await attendance.forSession('S2')).map((record) => [record.attendeeName, record.loggedBy.aadObjectId])).toEqual([[ERASED_NAME, COLLEAGUE.id]]);
  });

  it('still erases through an entry written before, which lists the line’s key and not the school', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    await store.write(`people/${ZARA.id}`, { aadObjectId: ZARA.id, names: [ZARA.name], aliases: [], keys: ['attendance/records/T1/900001/zara-okonkwo'] }, '*');
    const people = new PersonIndex(store);
    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 1 });

    await people.erase(ZARA.id);

    await expectNoTrace(store, ZARA);
    expect((await attendance.forSession('T1')).map((record) => record.attendeeName)).toEqual([ERASED_NAME]);
    expect((await attendance.ofSchools(['900001'])).latestOwnLine('900001')?.attendeeName).toBe(ERASED_NAME);
  });

  it('finds a school’s archived lines and tasks: an archived year is counted and erased, through an entry of either kind', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    for (const urn of ['900001', '900002']) await attendance.log(line('T1', urn, ZARA.name, ZARA));
    await attendance.log(line('T1', '900003', 'Robin Attendee', COLLEAGUE));
    // Someone whose entry is from before entries listed schools.
    await attendance.log(line('T1', '900003', 'Xenia Vasquez', { id: 'aad-xenia', name: 'Xenia Vasquez' }));
    await store.write('people/aad-xenia', { aadObjectId: 'aad-xenia', names: ['Xenia Vasquez'], aliases: [], keys: ['attendance/records/T1/900003/xenia-vasquez'] }, '*');
    // A task handed in at a school with no lines, archived with the year too.
    await attendance.submitTask({ taskId: 'K1', urn: '900004', submittedBy: { aadObjectId: ZARA.id, name: ZARA.name }, submittedAt: NOW.toISOString() });
    await attendance.archiveYear('2023/24');
    // The new year reuses the session ids.
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    const people = new PersonIndex(store);
    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 4 });
    expect(await people.countsOf('aad-xenia')).toEqual({ attendance: 1 });

    await people.erase(ZARA.id);
    await people.erase('aad-xenia');

    await expectNoTrace(store, ZARA);
    await expectNoTrace(store, { id: 'aad-xenia', name: 'Xenia Vasquez' });
    const archived = await store.list<AttendanceRecord>('attendance/archive/2023-24/records/');
    expect(archived.map((record) => record.value.attendeeName).sort()).toEqual([ERASED_NAME, ERASED_NAME, ERASED_NAME, 'Robin Attendee']);
    expect(await attendance.forSession('T1')).toHaveLength(1);
    expect((await store.list('attendance/archive/2023-24/tasks/')).map((record) => record.value)).toEqual([expect.objectContaining({ taskId: 'K1', urn: '900004', submittedBy: { aadObjectId: 'erased', name: ERASED_NAME } })]);
  });

  it('reads a school’s archive record once per count and once per erasure, however many of its tasks and lines the person is in', async () => {
    const { store, reads } = countingWrites(await openStore());
    const attendance = new AttendanceRepository(store);
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    for (const taskId of ['K1', 'K2', 'K3']) await attendance.submitTask({ taskId, urn: '900001', submittedBy: { aadObjectId: ZARA.id, name: ZARA.name }, submittedAt: NOW.toISOString() });
    await attendance.archiveYear('2023/24');
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    const people = new PersonIndex(store);
    const archiveReads = () => reads.splice(0).filter((key) => key === 'indexes/attendance-archives/900001').length;
    archiveReads();

    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 5 });
    expect(archiveReads()).toBe(1);
    await people.erase(ZARA.id);
    expect(archiveReads()).toBe(1);
    await expectNoTrace(store, ZARA);
  });

  it('notes whoever speaks in a personal chat with one write of their entry, listing both copies of the chat', async () => {
    const { store, writes } = countingWrites(await openStore());
    const conversations = new ConversationRepository(store);
    await conversations.save('a:personal-chat', { reference: {}, kind: 'personal', userAadObjectId: ZARA.id, savedAt: NOW.toISOString() }, { aadObjectId: ZARA.id, name: ZARA.name, alias: `29:${ZARA.id}` });

    expect(writes.filter((key) => key.startsWith('people/'))).toEqual([`people/${ZARA.id}`]);
    expect(await new PersonIndex(store).of(ZARA.id)).toEqual({ aadObjectId: ZARA.id, names: [ZARA.name], aliases: [`29:${ZARA.id}`], keys: ['conversations/by-id/a%3Apersonal-chat', `conversations/personal/${ZARA.id}`] });
  });

  it('finds the lines of a year archived before archiving noted its schools, once the store has been opened by the bot', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    await attendance.log(line('W1', '900002', ZARA.name, ZARA));
    await attendance.archiveYear('2022/23');
    // As an earlier version left the store: the archived lines, and no note of which schools they belong to.
    for (const record of await store.list('indexes/attendance-archives/')) await store.delete(record.key);
    const people = new PersonIndex(store);
    expect(await people.countsOf(ZARA.id)).toEqual({});

    expect(await attendance.indexIfMissing()).toEqual({ built: true, archivedRecordsNoted: 2 });
    expect(await people.countsOf(ZARA.id)).toEqual({ attendance: 2 });
    await people.erase(ZARA.id);
    await expectNoTrace(store, ZARA);
    expect((await store.list<AttendanceRecord>('attendance/archive/2022-23/records/')).map((record) => record.value.attendeeName)).toEqual([ERASED_NAME, ERASED_NAME]);
    // Done once: the next start goes through no archive.
    expect(await attendance.indexIfMissing()).toEqual({ built: false, archivedRecordsNoted: 0 });
  });

  it('says it only noted the archived years when the index was built before: a store from the version before archiving noted schools', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    await attendance.log(line('W1', '900002', ZARA.name, ZARA));
    expect((await attendance.indexIfMissing()).built).toBe(true);
    await attendance.archiveYear('2022/23');
    // As that version left it: built, with no note of the archived schools and no mark that they were noted.
    for (const record of await store.list('indexes/attendance-archives/')) await store.delete(record.key);
    await store.delete('indexes/attendance-archives-noted');

    expect(await attendance.indexIfMissing()).toEqual({ built: false, archivedRecordsNoted: 2 });
    expect(await new PersonIndex(store).countsOf(ZARA.id)).toEqual({ attendance: 2 });
  });

  it('adds to a year archived twice rather than forgetting its first sessions', async () => {
    const store = await openStore();
    const attendance = new AttendanceRepository(store);
    await attendance.log(line('T1', '900001', ZARA.name, ZARA));
    await attendance.archiveYear('2022/23');
    await attendance.log(line('W1', '900001', ZARA.name, ZARA));
    await attendance.archiveYear('2022/23');
    expect(await new PersonIndex(store).countsOf(ZARA.id)).toEqual({ attendance: 2 });
  });
});
