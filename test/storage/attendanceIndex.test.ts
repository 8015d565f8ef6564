import { describe, expect, it } from 'vitest';
import { latestOwnLine } from '../../domain/attendance/audience.js';
import { REGISTER_ATTENDEE, type AttendanceRecord, type AttendanceStatus } from '../../domain/attendance/record.js';
import { statusesFrom } from '../../domain/attendance/summary.js';
import { AttendanceRepository } from '../../storage/attendanceRepository.js';
import { PersonIndex } from '../../storage/personIndex.js';
import type { Store } from '../../storage/store.js';
import { sharedStoreBackends } from '../support/sharedStores.js';

const BACKENDS = sharedStoreBackends('attendance-index');

const URNS = ['100001', '100002', '100003', '100004'];
const SESSIONS = ['T1', 'W1'];
const STATUSES: readonly AttendanceStatus[] = ['present', 'apologies', 'absent'];

function line(sessionId: string, urn: string, attendeeName: string, status: AttendanceStatus, minute: number, by = 'aad-head'): AttendanceRecord {
  return {
    sessionId,
    urn,
    attendeeName,
    attendeeRole: 'Pupil Premium Lead',
    status,
    loggedBy: { aadObjectId: `${by}-${urn}`, name: `Head of ${urn}` },
    loggedAt: new Date(Date.UTC(2022, 1, 11, 15, minute)).toISOString(),
  };
}

/** The raw index, as stored: what a rebuild must give back. */
async function indexOf(store: Store): Promise<Record<string, unknown>> {
  const entries = await store.list<unknown>('indexes/attendance/');
  return Object.fromEntries(entries.map((entry) => [entry.key, entry.value]));
}

/** What the index answers against what the records say, for every school and session. */
async function expectIndexAgreesWithRecords(repository: AttendanceRepository): Promise<void> {
  const records = await repository.all();
  const fromIndex = await repository.ofSchools(URNS);
  const fromRecords = statusesFrom(records);
  for (const urn of URNS) {
    for (const sessionId of SESSIONS) expect(`${urn} ${sessionId} ${fromIndex.statusAt(sessionId, urn)}`).toBe(`${urn} ${sessionId} ${fromRecords(sessionId, urn)}`);
    expect(fromIndex.latestOwnLine(urn)).toEqual(latestOwnLine(records.filter((record) => record.urn === urn)));
  }
}

describe.each(BACKENDS)('the attendance index on $name', ({ open }) => {
  it('agrees with the records after two instances log, correct the same lines at once and keep the register', async () => {
    const { instance, close } = await open();
    try {
      const [a, b] = [new AttendanceRepository(instance()), new AttendanceRepository(instance())];
      const writes: Promise<unknown>[] = [];
      URNS.forEach((urn, school) => {
        SESSIONS.forEach((sessionId, session) => {
          // The same attendee's line corrected by both instances at once, to different statuses.
          writes.push(a.log(line(sessionId, urn, 'Jane Doe', STATUSES[(school + session) % 3]!, 1 + session)));
          writes.push(b.log(line(sessionId, urn, 'Jane Doe', STATUSES[(school + session + 1) % 3]!, 1 + session, 'aad-deputy')));
          // Another attendee of the same school, logged by the other instance.
          writes.push(b.log(line(sessionId, urn, `Attendee ${school}`, STATUSES[school % 3]!, 10 + 2 * school + session)));
        });
      });
      // The SIT's register for T1 from the first instance while the schools log.
      writes.push(a.saveRegister(URNS.map((urn, school) => ({ ...line('T1', urn, REGISTER_ATTENDEE.name, STATUSES[(school + 2) % 3]!, 30), loggedBy: { aadObjectId: 'aad-sit', name: 'Sam SIT' } }))));
      await Promise.all(writes);

      await expectIndexAgreesWithRecords(a);
      await expectIndexAgreesWithRecords(b);
      // A correction after the fact moves the school's status both ways.
      await b.log(line('W1', '100001', 'Jane Doe', 'absent', 50));
      await b.log(line('W1', '100001', 'Attendee 0', 'absent', 51));
      expect((await a.ofSchools(['100001'])).statusAt('W1', '100001')).toBe('absent');
      await expectIndexAgreesWithRecords(a);
    } finally {
      await close();
    }
  });

  it('is built from the records when it is missing, equal to the one kept with the writes', async () => {
    const { instance, close } = await open();
    try {
      const store = instance();
      const repository = new AttendanceRepository(store);
      expect(await repository.indexIfMissing()).toEqual({ built: true, archivedRecordsNoted: 0 });
      for (const [index, urn] of URNS.entries()) {
        await repository.log(line('T1', urn, 'Jane Doe', STATUSES[index % 3]!, index));
        await repository.log(line('W1', urn, 'Omar Other', STATUSES[(index + 1) % 3]!, 20 + index));
      }
      await repository.saveRegister([{ ...line('W1', '100002', REGISTER_ATTENDEE.name, 'present', 40), loggedBy: { aadObjectId: 'aad-sit', name: 'Sam SIT' } }]);
      const kept = await indexOf(store);
      expect(Object.keys(kept)).toHaveLength(URNS.length);
      expect(await repository.indexIfMissing()).toEqual({ built: false, archivedRecordsNoted: 0 });

      for (const entry of await store.list('indexes/')) await store.delete(entry.key);
      await store.delete('indexes/attendance-built');
      expect(await indexOf(store)).toEqual({});
      expect(await repository.indexIfMissing()).toEqual({ built: true, archivedRecordsNoted: 0 });
      expect(await indexOf(store)).toEqual(kept);
      await expectIndexAgreesWithRecords(repository);
    } finally {
      await close();
    }
  });

  it('follows an erasure that re-keys a line, and keeps no name of the erased person', async () => {
    const { instance, close } = await open();
    try {
      const store = instance();
      const repository = new AttendanceRepository(store);
      await repository.log({ ...line('T1', '100001', 'Jane Doe', 'present', 1), loggedBy: { aadObjectId: 'aad-jane', name: 'Jane Doe' } });
      await repository.log(line('T1', '100001', 'Omar Other', 'absent', 0));
      await new PersonIndex(store).erase('aad-jane');

      const index = JSON.stringify(await indexOf(store));
      expect(index).not.toContain('Jane Doe');
      expect(index).not.toContain('aad-jane');
      expect((await repository.ofSchools(['100001'])).statusAt('T1', '100001')).toBe('present');
      await expectIndexAgreesWithRecords(repository);
      const kept = await indexOf(store);
      await store.delete('indexes/attendance-built');
      await repository.indexIfMissing();
      expect(await indexOf(store)).toEqual(kept);
    } finally {
      await close();
    }
  });
});
