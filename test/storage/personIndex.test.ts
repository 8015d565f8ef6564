import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAttendeeName, type AttendanceRecord } from '../../domain/attendance/record.js';
import type { Profile } from '../../domain/directory/types.js';
import { applyEdit } from '../../domain/nomination/edit.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import { DirectoryRepository } from '../../storage/directoryRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { NominationRepository } from '../../storage/nominationRepository.js';
import { PersonIndex } from '../../storage/personIndex.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { SignUpRepository } from '../../storage/signUpRepository.js';

const NOW = new Date('2024-03-01T10:00:00Z');
const GROUP = { id: 'lg-01', name: 'Group 1' };
const PREFIXES = ['profiles/', 'people/', 'directory/', 'nominations/', 'attendance/', 'conversations/', 'signups/'];

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
        await people.note(person.id, 'conversations/by-id/seen', { name: person.name, alias: `29:${person.id}` });
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
      await people.note('aad-third', (await store.list('attendance/records/')).find((record) => record.key.endsWith('yusuf-lindqvist'))?.key ?? '', { name: 'Yusuf Lindqvist' });
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
