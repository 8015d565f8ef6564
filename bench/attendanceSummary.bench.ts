/**
 * The SIT's attendance summary and a reminder run's audience, answered as the bot answers them
 * (sign-ups, the attendance index, the domain's summaries, the card), for the same signed-up
 * schools (84 by default, each logged at all 12 sessions) from two stores: one holding only
 * their records (1,008), and one holding 20,000 schools × 12 sessions (240,000 records); each
 * on the embedded store and on Azurite. What is shown is the same, so the ratio says whether
 * the answer costs what it shows or what the store holds: it must be within 1.2×. For
 * contrast, the same summary from a listing of every record (as it was read before the index),
 * once on each store, which must also give the same card. Each round times the small store and
 * then the large one; the figures are medians over the rounds, measured
 * on fresh clients of the filled stores (as an instance that has just started).
 *
 *   npx tsx bench/attendanceSummary.bench.ts        (BENCH_SCHOOLS, BENCH_SHOWN, BENCH_ROUNDS; BENCH_BACKENDS=lowdb or azurite for one)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summaryCard } from '../cards/attendanceCards.js';
import { reminderRecipients, sessionAudience, type SchoolPerson } from '../domain/attendance/audience.js';
import { isUniversal, meetingsInOrder, startedSessions, type Meeting } from '../domain/attendance/programme.js';
import type { AttendanceRecord, AttendanceStatus } from '../domain/attendance/record.js';
import { liaisonGroupSummary, schoolsWithNoAttendanceAtLastSession, sessionSummary, statusesFrom, type StatusAt } from '../domain/attendance/summary.js';
import type { LiaisonGroup, School } from '../domain/directory/types.js';
import { startAzurite } from '../devtools/azurite.js';
import { mapAtMost } from '../lib/mapAtMost.js';
import { attendanceRecordKey } from '../storage/attendanceKeys.js';
import { AttendanceRepository, type SchoolsAttendance } from '../storage/attendanceRepository.js';
import { AzureBlobStore } from '../storage/azureBlobStore.js';
import { LowdbStore } from '../storage/lowdbStore.js';
import { SignUpRepository } from '../storage/signUpRepository.js';
import type { Store } from '../storage/store.js';
import { twelveSessions } from './twelveSessions.js';

const schoolCount = Number(process.env.BENCH_SCHOOLS ?? 20_000);
const shown = Number(process.env.BENCH_SHOWN ?? 84);
const rounds = Number(process.env.BENCH_ROUNDS ?? 31);
const WARM_UP_ROUNDS = 3;
const backends = (process.env.BENCH_BACKENDS ?? 'lowdb,azurite').split(',');
const ALLOWED_RATIO = 1.2;
const WRITES_AT_ONCE = 64;

const programme = twelveSessions();
const sessionIds = meetingsInOrder(programme).map((meeting) => meeting.id);
const now = new Date('2022-07-20T12:00:00Z');
const STATUSES: readonly AttendanceStatus[] = ['present', 'present', 'present', 'apologies', 'absent'];
const GROUPS: LiaisonGroup[] = Array.from({ length: 20 }, (_, index) => ({ id: `lg-${index + 1}`, name: `Liaison group ${index + 1}` }));
const urnOf = (school: number) => String(100_000 + school);
/** The directory's schools (the directory is in memory in every instance; this benchmark is about attendance). */
const SCHOOLS: School[] = Array.from({ length: schoolCount }, (_, school) => ({
  urn: urnOf(school),
  name: `School ${school}`,
  type: 'Community school',
  phase: 'primary',
  localAuthority: 'Buckinghamshire',
  liaisonGroupId: GROUPS[school % GROUPS.length]!.id,
}));
const PEOPLE: SchoolPerson[] = SCHOOLS.slice(0, shown).map((school, index) => ({ aadObjectId: `aad-head-${index}`, name: `Head ${index}`, urn: school.urn }));

function line(sessionId: string, school: number): AttendanceRecord {
  return {
    sessionId,
    urn: urnOf(school),
    attendeeName: `Attendee ${school}`,
    attendeeRole: 'Pupil Premium Lead',
    status: STATUSES[(school + sessionId.length) % STATUSES.length]!,
    loggedBy: { aadObjectId: `aad-head-${school}`, name: `Head ${school}` },
    loggedAt: new Date(Date.UTC(2022, 6, 1) + school * 1000).toISOString(),
  };
}

/** Writes the records and the sign-ups, then builds the index from the records as a store from before it would. */
async function fill(store: Store, records: readonly (readonly [string, number])[]): Promise<void> {
  const started = performance.now();
  await mapAtMost(records, WRITES_AT_ONCE, ([sessionId, school]) => {
    const record = line(sessionId, school);
    return store.write(attendanceRecordKey(record), record, '*');
  });
  const signUps = new SignUpRepository(store);
  await mapAtMost(SCHOOLS.slice(0, shown), WRITES_AT_ONCE, (school) => signUps.set({ urn: school.urn, signedUp: true, by: 'import', at: '2021-09-01T00:00:00.000Z', via: 'import' }));
  await new AttendanceRepository(store).indexIfMissing();
  console.log(`  filled ${records.length.toLocaleString('en-GB')} records and their index in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** What the SIT's "attendance summary" turn reads and works out (sitDialogs.ts), with the statuses from `statusesOf`. */
async function summary(store: Store, statusesOf: (urns: readonly string[]) => Promise<StatusAt>): Promise<string> {
  const urns = await new SignUpRepository(store).signedUpUrns();
  const signedUp = SCHOOLS.filter((school) => urns.has(school.urn));
  const statusAt = await statusesOf(signedUp.map((school) => school.urn));
  const started = startedSessions(programme, now);
  const groupSession = started.find(isUniversal);
  const card = summaryCard({
    programme,
    signedUpCount: signedUp.length,
    sessions: [...started].reverse().map((meeting) => ({ meeting, summary: sessionSummary(meeting.id, sessionAudience(meeting, signedUp, new Set()), statusAt) })),
    groups: groupSession ? { meeting: groupSession, lines: liaisonGroupSummary(groupSession.id, GROUPS, signedUp, statusAt) } : undefined,
    lastSession: schoolsWithNoAttendanceAtLastSession(programme, now, signedUp, statusAt),
  });
  return JSON.stringify(card);
}

/** Who a reminder run would prompt to log the last session, and who at each school hears (reminders.ts). */
async function reminderAudience(store: Store, session: Meeting): Promise<number> {
  const urns = await new SignUpRepository(store).signedUpUrns();
  const audience = sessionAudience(session, SCHOOLS.filter((school) => urns.has(school.urn)), new Set());
  const logged: SchoolsAttendance = await new AttendanceRepository(store).ofSchools(audience.map((school) => school.urn));
  return audience
    .filter((school) => logged.statusAt(session.id, school.urn) === 'no_record')
    .flatMap((school) => reminderRecipients(school.urn, PEOPLE, logged.latestOwnLine(school.urn))).length;
}

const fromIndex = (store: Store) => async (urns: readonly string[]) => (await new AttendanceRepository(store).ofSchools(urns)).statusAt;
const fromEveryRecord = (store: Store) => async () => statusesFrom(await new AttendanceRepository(store).all());

/** Milliseconds one task takes, from `repeats` in a row: a task of a few milliseconds is timed over enough of them to rise above the machine's noise. */
async function time(repeats: number, task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let repeat = 0; repeat < repeats; repeat++) await task();
  return (performance.now() - started) / repeats;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Times both answers on both stores (fresh clients, as an instance that has just started), then checks them against a listing. */
async function compare(name: string, small: Store, large: Store, repeats: number): Promise<boolean> {
  const lastSession = startedSessions(programme, now).find(isUniversal)!;
  const figures = { summary: [[], []] as number[][], reminders: [[], []] as number[][] };
  for (let round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
    for (const [which, store] of [small, large].entries()) {
      const summaryTime = await time(repeats, () => summary(store, fromIndex(store)));
      const reminderTime = await time(repeats, () => reminderAudience(store, lastSession));
      // The first rounds warm up the JIT and the stores' caches.
      if (round < WARM_UP_ROUNDS) continue;
      figures.summary[which]!.push(summaryTime);
      figures.reminders[which]!.push(reminderTime);
    }
  }
  // The index must answer as a listing of every record does.
  const listing: number[] = [];
  for (const store of [small, large]) {
    const started = performance.now();
    const fromRecords = await summary(store, fromEveryRecord(store));
    listing.push(performance.now() - started);
    if ((await summary(store, fromIndex(store))) !== fromRecords) throw new Error(`${name}: the index and the records disagree`);
  }
  let passed = true;
  console.log(`\n${name}, ${shown.toLocaleString('en-GB')} schools shown, medians of ${rounds} rounds (each the mean of ${repeats} in a row):`);
  for (const [label, [smallTimes, largeTimes]] of Object.entries(figures)) {
    const ratio = median(largeTimes!) / median(smallTimes!);
    passed &&= ratio <= ALLOWED_RATIO;
    console.log(`  ${label.padEnd(10)} ${smallRecords.length.toLocaleString('en-GB')} records ${median(smallTimes!).toFixed(1)} ms, ${(schoolCount * sessionIds.length).toLocaleString('en-GB')} records ${median(largeTimes!).toFixed(1)} ms: ratio ${ratio.toFixed(2)}`);
  }
  console.log(`  the summary from a listing of every record (before the index), once each: ${listing[0]!.toFixed(0)} ms and ${listing[1]!.toFixed(0)} ms: ratio ${(listing[1]! / listing[0]!).toFixed(1)}`);
  return passed;
}

const recordsOf = (schools: number) => sessionIds.flatMap((sessionId) => Array.from({ length: schools }, (_, school) => [sessionId, school] as const));
const smallRecords = recordsOf(shown);
const largeRecords = recordsOf(schoolCount);
console.log(`the SIT summary and a reminder audience for ${shown.toLocaleString('en-GB')} signed-up schools, from ${smallRecords.length.toLocaleString('en-GB')} records and from ${schoolCount.toLocaleString('en-GB')} schools × ${sessionIds.length} sessions`);

let passed = true;
if (backends.includes('lowdb')) {
  const dirs = await Promise.all(['small', 'large'].map((label) => mkdtemp(path.join(tmpdir(), `sib-bench-summary-${label}-`))));
  try {
    console.log('\nthe embedded store (lowdb):');
    for (const [index, records] of [smallRecords, largeRecords].entries()) {
      const store = new LowdbStore(dirs[index]!);
      await fill(store, records);
      await store.close();
    }
    const [small, large] = dirs.map((dir) => new LowdbStore(dir)) as [LowdbStore, LowdbStore];
    try {
      passed = (await compare('the embedded store', small, large, 20)) && passed;
    } finally {
      await Promise.all([small.close(), large.close()]);
    }
  } finally {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}
if (backends.includes('azurite')) {
  const azurite = await startAzurite({ inMemory: true });
  const containers = ['bench-summary-small', 'bench-summary-large'];
  try {
    console.log('\nAzure Blob Storage (Azurite, in memory):');
    for (const [index, records] of [smallRecords, largeRecords].entries()) {
      const store = new AzureBlobStore(azurite.connectionString, containers[index]!);
      await store.open();
      await fill(store, records);
      await store.close();
    }
    const [small, large] = containers.map((container) => new AzureBlobStore(azurite.connectionString, container)) as [AzureBlobStore, AzureBlobStore];
    try {
      passed = (await compare('Azurite', small, large, 1)) && passed;
    } finally {
      await Promise.all([small.close(), large.close()]);
    }
  } finally {
    await azurite.stop();
  }
}
if (passed) console.log(`\nPASS: within ${ALLOWED_RATIO}×`);
else {
  console.error(`\nFAIL: the large store took more than ${ALLOWED_RATIO}× as long`);
  process.exitCode = 1;
}
