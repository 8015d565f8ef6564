/**
 * Logging attendance through the repository as the store fills: 20,000 schools × 12 sessions
 * (240,000 records) logged one after another into the embedded store, session by session as
 * schools would. A log must cost the same at the end as at the start: the median of the last
 * 5,000 logs within 1.2× of the first 5,000. Each log is checked by the domain rule and
 * stored with the repository's read-modify-write, as the bot does.
 *
 *   npx tsx bench/attendance.bench.ts        (BENCH_SCHOOLS, BENCH_WINDOW to change the defaults)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { meetingsInOrder } from '../domain/attendance/programme.js';
import { validateAttendanceLog } from '../domain/attendance/record.js';
import { AttendanceRepository } from '../storage/attendanceRepository.js';
import { LowdbStore } from '../storage/lowdbStore.js';
import { twelveSessions } from './twelveSessions.js';

const schools = Number(process.env.BENCH_SCHOOLS ?? 20_000);
const window = Number(process.env.BENCH_WINDOW ?? 5_000);
const WARM_UP_LOGS = 3_000;
const ALLOWED_RATIO = 1.2;

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

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function describe(label: string, costs: Float64Array): { median: number; p99: number } {
  const sorted = Float64Array.from(costs).sort();
  const figures = { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
  console.log(`${label.padEnd(24)} median ${figures.median.toFixed(3)} ms   p99 ${figures.p99.toFixed(3)} ms`);
  return figures;
}

const total = schools * sessionIds.length;
if (total < 2 * window) throw new Error(`BENCH_SCHOOLS=${schools} gives ${total} logs, fewer than two windows of ${window}`);
console.log(`logging ${schools.toLocaleString('en-GB')} schools × ${sessionIds.length} sessions = ${total.toLocaleString('en-GB')} records, one at a time, into the lowdb store`);

const warmUpDir = await mkdtemp(path.join(tmpdir(), 'sib-bench-attendance-warm-'));
const dataDir = await mkdtemp(path.join(tmpdir(), 'sib-bench-attendance-'));
try {
  // The JIT and the file system's caches warm up on a store of their own, so the first window measures logging, not start-up.
  const warmStore = new LowdbStore(warmUpDir);
  const warm = new AttendanceRepository(warmStore);
  for (let school = 0; school < WARM_UP_LOGS; school++) await logOnce(warm, 'T1', school);
  await warmStore.close();

  const store = new LowdbStore(dataDir);
  const repository = new AttendanceRepository(store);
  const costs = new Float64Array(total);
  const started = performance.now();
  let index = 0;
  for (const sessionId of sessionIds) {
    for (let school = 0; school < schools; school++) costs[index++] = await logOnce(repository, sessionId, school);
    console.log(`  ${sessionId.padEnd(3)} done: ${index.toLocaleString('en-GB')} records after ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const elapsed = (performance.now() - started) / 1000;

  const corrected = await repository.log({ ...(await repository.get(sessionIds[0]!, '100000', 'Attendee 0'))!, status: 'absent' });
  const firstSession = await repository.forSession(sessionIds[0]!);
  await store.close();

  console.log(`\n${total.toLocaleString('en-GB')} logs in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)} a second)`);
  const start = describe(`first ${window.toLocaleString('en-GB')} logs`, costs.subarray(0, window));
  const end = describe(`last ${window.toLocaleString('en-GB')} logs`, costs.subarray(total - window));
  const ratio = end.median / start.median;
  console.log(`ratio (end / start)      median ${ratio.toFixed(3)}   p99 ${(end.p99 / start.p99).toFixed(3)}`);
  console.log(`a second log for the same attendee corrected the record: ${corrected.corrected}; ${sessionIds[0]} holds ${firstSession.length.toLocaleString('en-GB')} records (one per school)`);
  if (!corrected.corrected || firstSession.length !== schools) throw new Error('a correction added a record instead of replacing one');
  if (ratio > ALLOWED_RATIO) {
    console.error(`FAIL: logging at the end costs ${ratio.toFixed(2)}× what it cost at the start (allowed ${ALLOWED_RATIO}×)`);
    process.exitCode = 1;
  } else {
    console.log(`PASS: within ${ALLOWED_RATIO}×`);
  }
} finally {
  await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(warmUpDir, { recursive: true, force: true })]);
}
