/**
 * Logging attendance through the repository as the store fills: does a log cost more in a big
 * store than in a small one? Two embedded stores are filled side by side, session by session as
 * schools would: a large one (20,000 schools × 12 sessions, 240,000 records) and a small one
 * (1,000 schools × 12 sessions). At each session the small store's schools and as many of the
 * large store's take turns, 20 logs each, so that the logs compared share the same minutes on
 * this shared, noisy machine and the same rhythm; the rest of the large store's schools follow.
 * At the last session both do the same work per log (a new line, its school's index entry
 * rewritten), and the median of those logs in the large store must be within 1.2× of the median
 * in the small one.
 *
 * It also prints, as figures to read rather than a target, the first logs of the large store
 * against its last, and what this file system charges to create a file against replacing one:
 * a school's first log creates its index entry, every later one replaces it, and on this
 * machine's disk a replacement costs several times a creation, so a store's first session is
 * cheaper than any later one whatever the store's size.
 *
 *   npx tsx bench/attendance.bench.ts        (BENCH_SCHOOLS, BENCH_SMALL_SCHOOLS, BENCH_WINDOW to change the defaults)
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { meetingsInOrder } from '../domain/attendance/programme.js';
import { validateAttendanceLog } from '../domain/attendance/record.js';
import { AttendanceRepository } from '../storage/attendanceRepository.js';
import { LowdbStore } from '../storage/lowdbStore.js';
import { twelveSessions } from './twelveSessions.js';

const schools = Number(process.env.BENCH_SCHOOLS ?? 20_000);
const smallSchools = Number(process.env.BENCH_SMALL_SCHOOLS ?? 1_000);
const window = Number(process.env.BENCH_WINDOW ?? 5_000);
const WARM_UP_LOGS = 3_000;
const ALLOWED_RATIO = 1.2;
/** How many small-store logs go in one turn. */
const CHUNK = 20;

const programme = twelveSessions();
const sessionIds = meetingsInOrder(programme).map((meeting) => meeting.id);
const now = new Date('2022-07-20T12:00:00Z');
const STATUSES = ['present', 'present', 'present', 'apologies', 'absent'] as const;

async function logOnce(repository: AttendanceRepository, sessionId: string, school: number): Promise<number> {
  const urn = String(100_000 + school);
  const started = performance.now();
  const record = validateAttendanceLog(
    {
      sessionId,
      urn,
      attendeeName: `Attendee ${school}`,
      attendeeRole: 'Pupil Premium Lead',
      status: STATUSES[school % STATUSES.length],
      loggedBy: { aadObjectId: `aad-${school}`, name: `Head ${school}` },
    },
    { programme, now },
  );
  if (!record.ok) throw new Error(record.errors.join(' '));
  await repository.log(record.value);
  return performance.now() - started;
}

/** A copy of the costs in order, for percentile: each array is sorted once, however many percentiles are read of it. */
const inOrder = (costs: Float64Array): Float64Array => Float64Array.from(costs).sort();

/** The `p`-th percentile (0 to 1; 0.5 is the median) of costs already in order (inOrder). */
const percentile = (sorted: Float64Array, p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

const describe = (label: string, sorted: Float64Array) =>
  console.log(`${label.padEnd(34)} median ${percentile(sorted, 0.5).toFixed(3)} ms   p99 ${percentile(sorted, 0.99).toFixed(3)} ms   (${sorted.length.toLocaleString('en-GB')} logs)`);

/** What the file system charges per write of a record-sized file made by writing a temporary file and renaming it (as lowdb does): into a new name, then over an existing one. */
function fileSystemFloor(directory: string): { create: number; replace: number } {
  const files = 3_000;
  const text = 'x'.repeat(700);
  mkdirSync(directory, { recursive: true });
  const pass = () => {
    const started = performance.now();
    for (let file = 0; file < files; file++) {
      writeFileSync(path.join(directory, `.${file}.tmp`), text);
      renameSync(path.join(directory, `.${file}.tmp`), path.join(directory, `${file}.json`));
    }
    return ((performance.now() - started) / files) * 1000;
  };
  const create = pass();
  // The first replacements are cheaper than the steady state (the disk's freed blocks are not yet being reclaimed): the third pass is the one that lasts.
  pass();
  pass();
  const replace = pass();
  rmSync(directory, { recursive: true, force: true });
  return { create, replace };
}

if (smallSchools > schools) throw new Error(`BENCH_SMALL_SCHOOLS=${smallSchools} is more than BENCH_SCHOOLS=${schools}`);
if (schools < 2 * window) throw new Error(`BENCH_SCHOOLS=${schools} gives fewer logs per session than two windows of ${window}`);
console.log(
  `logging ${schools.toLocaleString('en-GB')} schools × ${sessionIds.length} sessions (${(schools * sessionIds.length).toLocaleString('en-GB')} records) into a large lowdb store,`,
  `\nand ${smallSchools.toLocaleString('en-GB')} schools × ${sessionIds.length} sessions into a small one, interleaved`,
);

const scratch = await mkdtemp(path.join(tmpdir(), 'sib-bench-attendance-'));
try {
  const floor = fileSystemFloor(path.join(scratch, 'floor'));
  // The JIT and the file system's caches warm up on a store of their own, so the first logs measure logging, not start-up.
  const warmStore = new LowdbStore(path.join(scratch, 'warm'));
  const warm = new AttendanceRepository(warmStore);
  for (let school = 0; school < WARM_UP_LOGS; school++) await logOnce(warm, 'T1', school);
  await warmStore.close();

  const largeStore = new LowdbStore(path.join(scratch, 'large'));
  const smallStore = new LowdbStore(path.join(scratch, 'small'));
  const large = new AttendanceRepository(largeStore);
  const small = new AttendanceRepository(smallStore);
  const largeCosts = sessionIds.map(() => new Float64Array(schools));
  const smallCosts = sessionIds.map(() => new Float64Array(smallSchools));
  const started = performance.now();
  for (const [session, sessionId] of sessionIds.entries()) {
    // The first schools of the large store and the small store's take turns, CHUNK logs each, so that the logs compared
    // share the same minutes and the same rhythm (a store's writer threads idle while the other store logs); then the rest
    // of the large store's schools log on their own.
    for (let chunk = 0; chunk < smallSchools; chunk += CHUNK) {
      const end = Math.min(smallSchools, chunk + CHUNK);
      for (let school = chunk; school < end; school++) largeCosts[session]![school] = await logOnce(large, sessionId, school);
      for (let school = chunk; school < end; school++) smallCosts[session]![school] = await logOnce(small, sessionId, school);
    }
    for (let school = smallSchools; school < schools; school++) largeCosts[session]![school] = await logOnce(large, sessionId, school);
    console.log(`  ${sessionId.padEnd(3)} done after ${((performance.now() - started) / 1000).toFixed(0)} s: median ${percentile(inOrder(largeCosts[session]!.subarray(0, smallSchools)), 0.5).toFixed(3)} ms large, ${percentile(inOrder(smallCosts[session]!), 0.5).toFixed(3)} ms small (taking turns), ${percentile(inOrder(largeCosts[session]!), 0.5).toFixed(3)} ms the large store's whole session`);
  }
  const elapsed = (performance.now() - started) / 1000;
  const logs = (schools + smallSchools) * sessionIds.length;

  const corrected = await large.log({ ...(await large.get(sessionIds[0]!, '100000', 'Attendee 0'))!, status: 'absent' });
  const firstSession = await large.forSession(sessionIds[0]!);
  await Promise.all([largeStore.close(), smallStore.close()]);

  // The logs of the last session that took turns: the same schools, the same work, the same minutes.
  const lastLarge = inOrder(largeCosts.at(-1)!.subarray(0, smallSchools));
  const lastSmall = inOrder(smallCosts.at(-1)!);
  console.log(`\n${logs.toLocaleString('en-GB')} logs in ${elapsed.toFixed(1)} s (${(logs / elapsed).toFixed(0)} a second)`);
  console.log(`file system: creating a file ${floor.create.toFixed(0)} µs, replacing one ${floor.replace.toFixed(0)} µs (${(floor.replace / floor.create).toFixed(1)}×)`);
  const firstWindow = inOrder(largeCosts[0]!.subarray(0, window));
  const lastWindow = inOrder(largeCosts.at(-1)!.subarray(schools - window));
  describe('large store, last session, in turns', lastLarge);
  describe('small store, last session, in turns', lastSmall);
  describe('large store, last session, whole', inOrder(largeCosts.at(-1)!));
  describe(`large store, first ${window.toLocaleString('en-GB')} logs`, firstWindow);
  describe(`large store, last ${window.toLocaleString('en-GB')} logs`, lastWindow);
  const ratio = percentile(lastLarge, 0.5) / percentile(lastSmall, 0.5);
  console.log(`last session, large / small store: median ${ratio.toFixed(3)}   p99 ${(percentile(lastLarge, 0.99) / percentile(lastSmall, 0.99)).toFixed(3)}`);
  console.log(`(large store's last ${window.toLocaleString('en-GB')} logs / its first: median ${(percentile(lastWindow, 0.5) / percentile(firstWindow, 0.5)).toFixed(3)}: the first logs create their school's index entry, later ones replace it)`);
  console.log(`a second log for the same attendee corrected the record: ${corrected.corrected}; ${sessionIds[0]} holds ${firstSession.length.toLocaleString('en-GB')} records (one per school)`);
  if (!corrected.corrected || firstSession.length !== schools) throw new Error('a correction added a record instead of replacing one');
  if (ratio > ALLOWED_RATIO) {
    console.error(`FAIL: a log in the large store costs ${ratio.toFixed(2)}× one in the small store (allowed ${ALLOWED_RATIO}×)`);
    process.exitCode = 1;
  } else {
    console.log(`PASS: within ${ALLOWED_RATIO}×`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
