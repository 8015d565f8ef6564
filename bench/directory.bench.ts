/**
 * The directory's benchmark: `npx tsx bench/directory.bench.ts [ROWS]` (50,000 unless given).
 *
 * Generates a GIAS-format establishment file (Windows-1252, ~270 columns, fictional schools)
 * in a temporary folder, then, each in a fresh process so that its peak memory is its own:
 * imports it into an in-memory store (the cost of reading, mapping and indexing) and into the
 * embedded LowdbStore (one file per school), reopens the stored directory, and times name
 * search over the schools with about 1,000 mixed queries. Prints a table, and writes the
 * figures to bench/results/directory.json.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GIAS_COLUMNS } from '../domain/directory/gias.js';
import { SHIPPED_LIAISON_GROUPS } from '../domain/directory/liaisonGroups.js';
import { SchoolSearchIndex, type SchoolMatch } from '../domain/directory/search.js';
import type { School } from '../domain/directory/types.js';
import { DirectoryRepository, importSchools } from '../storage/directoryRepository.js';
import { LowdbStore } from '../storage/lowdbStore.js';
import { ConflictError, assertValidKey, assertValidPrefix, type Store, type StoredRecord, type WriteCondition } from '../storage/store.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const QUERIES = 1_000;
const WARM_UP = 100;
const ROUNDS = 3;
const EXTRA_COLUMNS = 257;

/** A deterministic random sequence, so that every run measures the same file and queries. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PREFIXES = ['Oak', 'Ash', 'Beech', 'Birch', 'Elm', 'Hazel', 'Holly', 'Willow', 'Alder', 'Rowan', 'Maple', 'Lark', 'Wren', 'Kestrel', 'Heron', 'Fern', 'Bramble', 'Clover', 'Meadow', 'Brook', 'Mill', 'Stone', 'Thorn', 'Fox', 'Badger', 'Otter', 'Swan', 'Linnet', 'Finch', 'Robin', 'Plover', 'Teal', 'Sedge', 'Reed', 'Moss', 'Heather', 'Gorse', 'Bracken', 'Chalk', 'Flint', 'Iron', 'Copper', 'Silver', 'Gold', 'Amber', 'Cherry', 'Apple', 'Pear', 'Plum', 'Rose', 'Lily', 'Daisy', 'Poppy', 'Bluebell', 'Primrose', 'Juniper', 'Cedar', 'Larch', 'Pine', 'Yew', 'Noël', 'Brontë'];
const SUFFIXES = ['field', 'brook', 'mead', 'wood', 'hill', 'dale', 'ley', 'combe', 'ford', 'bury', 'well', 'gate', 'hurst', 'stead', 'ton', 'by', 'worth', 'ham', 'mere', 'marsh', 'bridge', 'cross', 'grove', 'lands', 'side', 'down', 'wick', 'holme', 'thorpe', 'cote'];
const SECOND_WORDS = ['Hill', 'Green', 'Vale', 'Park', 'Cross', 'End', 'Common', 'Heath', 'Lane', 'Valley'];
const SAINTS = ["Mary's", "Peter's", "John's", "Michael's", "Andrew's", "Nicholas'", "James'", "Edmund's", "Paul's", "George's", "Anne's", "Thomas'", "Margaret's", "Luke's", "Joseph's", "Catherine's", "Bede's", "Aidan's", "Chad's", "Hilda's"];
const PATTERNS: [weight: number, phase: string, type: string, make: (place: string, saint: string) => string][] = [
  [30, 'Primary', 'Community school', (place) => `${place} Primary School`],
  [8, 'Primary', 'Community school', (place) => `${place} Infant School`],
  [8, 'Primary', 'Academy converter', (place) => `${place} Junior School`],
  [10, 'Primary', 'Voluntary controlled school', (place) => `${place} Church of England Primary School`],
  [6, 'Primary', 'Voluntary aided school', (place, saint) => `St ${saint} Catholic Primary School, ${place}`],
  [3, 'Primary', 'Voluntary aided school', (place, saint) => `St ${saint} C of E (VA) Primary School ${place}`],
  [8, 'Secondary', 'Academy sponsor led', (place) => `${place} Academy`],
  [5, 'Secondary', 'Academy converter', (place) => `${place} High School`],
  [3, 'Secondary', 'Foundation school', (place) => `${place} Community College`],
  [3, 'All-through', 'Free schools', (place) => `The ${place} School`],
  [3, 'Nursery', 'Local authority nursery school', (place) => `${place} Nursery School`],
  [4, 'Not applicable', 'Community special school', (place) => `${place} Special School`],
  [2, '16 plus', 'Academy 16-19 converter', (place) => `${place} Sixth Form College`],
  [2, 'Not applicable', 'Pupil referral unit', (place) => `${place} Learning Centre`],
];
const GORS = ['North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West', 'Wales (pseudo)'];
const RATINGS = ['Good', 'Good', 'Good', 'Outstanding', 'Requires improvement', 'Inadequate', 'Serious Weaknesses', ''];


const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the file; returns how many columns it has. */
async function generateGiasFile(file: string, rows: number): Promise<number> {
  const random = randomFrom(20_240_115);
  const totalWeight = PATTERNS.reduce((sum, [weight]) => sum + weight, 0);
  const filler = Array.from({ length: EXTRA_COLUMNS }, (_, n) => `ExtraField${n + 1} (name)`);
  const header = ['URN', 'LA (code)', ...Object.values(GIAS_COLUMNS).filter((column) => column !== 'LiaisonGroup' && column !== 'URN'), ...filler];
  const out = createWriteStream(file);
  const write = async (line: string) => {
    // GIAS publishes Windows-1252; these names use only characters latin1 writes the same way.
    if (!out.write(Buffer.from(`${line}\r\n`, 'latin1'))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(header.map(csvField).join(','));
  for (let n = 0; n < rows; n++) {
    const urn = String(100_000 + n);
    let place = `${pick(random, PREFIXES)}${pick(random, SUFFIXES)}`;
    if (random() < 0.2) place = `${place} ${pick(random, SECOND_WORDS)}`;
    let choice = random() * totalWeight;
    const pattern = PATTERNS.find(([weight]) => (choice -= weight) < 0) ?? PATTERNS[0]!;
    const [, phase, type, make] = pattern;
    const name = make(place, pick(random, SAINTS));
    const rating = pick(random, RATINGS);
    const date = rating === '' ? '' : `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${2015 + Math.floor(random() * 10)}`;
    const values = [
      urn,
      String(800 + Math.floor(random() * 150)),
      name,
      type,
      'Open',
      phase,
      `Bench authority ${1 + Math.floor(random() * 150)}`,
      pick(random, GORS),
      random() < 0.4 ? `Bench trust ${1 + Math.floor(random() * 1200)}` : '',
      String(20 + Math.floor(random() * 1800)),
      rating,
      date,
      ...filler.map((_, column) => (column % 3 === 0 ? '' : column % 3 === 1 ? 'Not applicable' : String(Math.floor(random() * 100)))),
    ];
    await write(values.map(csvField).join(','));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return header.length;
}

/** A store in memory, so that the import's own cost can be told apart from the disk's. */
class MemoryStore implements Store {
  readonly #records = new Map<string, StoredRecord<unknown>>();

  async read<T>(key: string): Promise<StoredRecord<T> | undefined> {
    assertValidKey(key);
    return this.#records.get(key) as StoredRecord<T> | undefined;
  }

  async write<T>(key: string, value: T, condition: WriteCondition): Promise<string> {
    assertValidKey(key);
    const current = this.#records.get(key);
    if (condition !== '*' && (current?.eTag ?? null) !== condition) throw new ConflictError(key, condition);
    const eTag = randomUUID();
    this.#records.set(key, { key, value, eTag });
    return eTag;
  }

  async delete(key: string): Promise<void> {
    this.#records.delete(key);
  }

  async list<T>(prefix: string): Promise<StoredRecord<T>[]> {
    assertValidPrefix(prefix);
    return [...this.#records.values()].filter((record) => record.key.startsWith(prefix)) as StoredRecord<T>[];
  }

  async close(): Promise<void> {}
}

interface PhaseResult {
  readonly seconds: number;
  readonly rows?: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly extra?: Record<string, unknown>;
}

/** Runs `work`, measuring its time and the process's peak memory (sampled, and the kernel's maximum RSS). */
async function measured(work: () => Promise<Omit<PhaseResult, 'seconds' | 'peakRssMb' | 'peakHeapMb'>>): Promise<PhaseResult> {
  let peakHeap = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  sample();
  return { ...result, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 2 ** 20 };
}

async function importInto(store: Store, file: string): Promise<{ rows: number; extra: Record<string, unknown> }> {
  const directory = await DirectoryRepository.open(store);
  await directory.addLiaisonGroupsIfMissing(SHIPPED_LIAISON_GROUPS);
  const imported = await importSchools(createReadStream(file), directory);
  if (!imported.ok) throw new Error(imported.errors.join(' '));
  await store.close();
  const { read, imported: count, refused } = imported.value;
  return { rows: read, extra: { imported: count, refused: refused.length } };
}

type QueryKind = 'whole name' | 'word beginnings' | 'typo' | 'word order' | 'URN' | 'one rare word' | 'one common word' | 'nothing matches';

interface BenchQuery {
  readonly kind: QueryKind;
  readonly text: string;
  /** The school the query means, when it means one; any school of the same name is as good an answer. */
  readonly meant?: Pick<School, 'urn' | 'name'>;
}

/** A typo of one of the commonest kinds: two letters swapped, one missing or one wrong. */
function misspelt(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1);
}

function mixedQueries(schools: readonly School[], count: number): BenchQuery[] {
  const random = randomFrom(7);
  const kinds: [QueryKind, number][] = [
    ['whole name', 20],
    ['word beginnings', 20],
    ['typo', 20],
    ['word order', 10],
    ['URN', 10],
    ['one rare word', 10],
    ['one common word', 5],
    ['nothing matches', 5],
  ];
  const queries: BenchQuery[] = [];
  for (const [kind, share] of kinds) {
    for (let n = 0; n < (count * share) / 100; n++) {
      const school = pick(random, schools);
      const words = school.name.replace(/[,()]/g, '').split(' ');
      // The word that tells the school apart: its place name, not the saint, the phase or the church.
      const distinctive = words.filter((word) => !word.includes("'") && !['St', 'School', 'Primary', 'Church', 'of', 'England', 'The', 'C', 'E', 'VA', 'Catholic'].includes(word));
      const main = distinctive.reduce((longest, word) => (word.length > longest.length ? word : longest), '') || (words[0] ?? '');
      switch (kind) {
        case 'whole name':
          queries.push({ kind, text: school.name, meant: school });
          break;
        case 'word beginnings':
          // As people type: most of the word that tells the school apart, the start of the others.
          queries.push({
            kind,
            text: [main.slice(0, Math.max(4, Math.ceil(main.length * 0.75))), ...words.filter((word) => word !== main).slice(0, 2).map((word) => word.slice(0, 4))].join(' '),
            meant: school,
          });
          break;
        case 'typo':
          queries.push({ kind, text: [misspelt(main, random), ...words.filter((word) => word !== main).slice(0, 2)].join(' '), meant: school });
          break;
        case 'word order':
          queries.push({ kind, text: [...words].reverse().join(' '), meant: school });
          break;
        case 'URN':
          queries.push({ kind, text: school.urn, meant: school });
          break;
        case 'one rare word':
          queries.push({ kind, text: main.toLowerCase() });
          break;
        case 'one common word':
          queries.push({ kind, text: pick(random, ['primary', 'academy', 'school', 'st', 'church']) });
          break;
        case 'nothing matches':
          queries.push({ kind, text: `zq${Math.floor(random() * 1e6).toString(36)} xv` });
          break;
      }
    }
  }
  // Interleave the kinds, so that no kind is measured only warm or only cold.
  return queries.map((query) => ({ query, order: random() })).sort((a, b) => a.order - b.order).map(({ query }) => query);
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

async function searchPhase(file: string): Promise<PhaseResult> {
  const store = new MemoryStore();
  await importInto(store, file);
  const schools = (await store.list<School>('directory/schools/')).map((record) => record.value);
  const queries = mixedQueries(schools, QUERIES);

  let index: SchoolSearchIndex | undefined;
  const built = await measured(async () => {
    index = new SchoolSearchIndex(schools);
    return {};
  });
  const searching = index as SchoolSearchIndex;
  for (const query of queries.slice(0, WARM_UP)) searching.search(query.text);

  // Each query's time is the best of a few rounds: this machine is shared, and a query
  // descheduled half-way says nothing about the search.
  const times = queries.map(() => Number.POSITIVE_INFINITY);
  const results = queries.map(() => [] as SchoolMatch[]);
  for (let round = 0; round < ROUNDS; round++) {
    queries.forEach((query, n) => {
      const started = performance.now();
      results[n] = searching.search(query.text, { limit: 10 });
      times[n] = Math.min(times[n] as number, performance.now() - started);
    });
  }
  const byKind = new Map<QueryKind, number[]>();
  const found = new Map<QueryKind, [hits: number, of: number]>();
  queries.forEach((query, n) => {
    byKind.set(query.kind, [...(byKind.get(query.kind) ?? []), times[n] as number]);
    const meant = query.meant;
    if (meant === undefined) return;
    const [hits, of] = found.get(query.kind) ?? [0, 0];
    const answered = (results[n] ?? []).some((match) => match.school.urn === meant.urn || (query.kind !== 'URN' && match.school.name === meant.name));
    found.set(query.kind, [hits + (answered ? 1 : 0), of + 1]);
  });
  const sorted = [...times].sort((a, b) => a - b);
  return {
    seconds: built.seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: built.peakHeapMb,
    extra: {
      schools: schools.length,
      queries: queries.length,
      medianMs: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.at(-1),
      byKind: Object.fromEntries(
        [...byKind].map(([kind, kindTimes]) => {
          const kindSorted = [...kindTimes].sort((a, b) => a - b);
          const [hits, of] = found.get(kind) ?? [0, 0];
          return [kind, { medianMs: percentile(kindSorted, 0.5), p99Ms: percentile(kindSorted, 0.99), foundInTop10: of === 0 ? undefined : hits / of }];
        }),
      ),
    },
  };
}

/** One phase, run in this process: what a child process does. */
async function runPhase(phase: string, file: string, workDir: string): Promise<PhaseResult> {
  switch (phase) {
    case 'import-memory':
      return measured(() => importInto(new MemoryStore(), file));
    case 'import-lowdb':
      return measured(() => importInto(new LowdbStore(path.join(workDir, 'lowdb')), file));
    case 'open-lowdb':
      return measured(async () => {
        const store = new LowdbStore(path.join(workDir, 'lowdb'));
        const directory = await DirectoryRepository.open(store);
        await store.close();
        return { rows: directory.schoolCount };
      });
    case 'search':
      return searchPhase(file);
    default:
      throw new Error(`Unknown phase ${phase}`);
  }
}

async function inChildProcess(phase: string, file: string, workDir: string): Promise<PhaseResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', phase, file, workDir], {
    cwd: root,
    maxBuffer: 16 * 2 ** 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as PhaseResult;
}

const number = (value: number, digits = 0) => value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 50_000);
  const workDir = await mkdtemp(path.join(tmpdir(), 'directory-bench-'));
  try {
    const file = path.join(workDir, 'edubasealldata.csv');
    const generatedAt = performance.now();
    const columns = await generateGiasFile(file, rows);
    const generateSeconds = (performance.now() - generatedAt) / 1000;
    const sizeMb = (await stat(file)).size / 2 ** 20;

    const results: Record<string, PhaseResult> = {};
    for (const phase of ['import-memory', 'import-lowdb', 'open-lowdb', 'search']) {
      process.stderr.write(`running ${phase}…\n`);
      results[phase] = await inChildProcess(phase, file, workDir);
    }

    const line = (label: string, result: PhaseResult | undefined, rate = true) =>
      result
        ? `${label.padEnd(34)}${`${number(result.seconds, 2)} s`.padStart(10)}${(rate && result.rows ? number(result.rows / result.seconds) : '').padStart(12)}${`${number(result.peakRssMb)} MB`.padStart(12)}${`${number(result.peakHeapMb)} MB`.padStart(12)}`
        : '';
    const search = results.search?.extra as
      | { medianMs: number; p95Ms: number; p99Ms: number; maxMs: number; schools: number; queries: number; byKind: Record<string, { medianMs: number; p99Ms: number; foundInTop10?: number }> }
      | undefined;

    console.log(`\nDirectory benchmark: ${number(rows)} rows, GIAS-format file of ${number(sizeMb, 1)} MB (${columns} columns, Windows-1252), Node ${process.version}`);
    console.log(`${'phase'.padEnd(34)}${'time'.padStart(10)}${'rows/s'.padStart(12)}${'peak RSS'.padStart(12)}${'peak heap'.padStart(12)}`);
    console.log(`${'generate the file'.padEnd(34)}${`${number(generateSeconds, 2)} s`.padStart(10)}`);
    console.log(line('import into a memory store', results['import-memory']));
    console.log(line('import into LowdbStore (files)', results['import-lowdb']));
    console.log(line('open the stored directory (load)', results['open-lowdb']));
    console.log(line('build the search index', results.search, false));
    if (search) {
      console.log(`\nName search over ${number(search.schools)} schools, ${number(search.queries)} mixed queries (limit 10), each the best of ${ROUNDS} rounds, after ${WARM_UP} warm-up queries`);
      console.log(`  median ${number(search.medianMs, 3)} ms   p95 ${number(search.p95Ms, 3)} ms   p99 ${number(search.p99Ms, 3)} ms   max ${number(search.maxMs, 3)} ms`);
      console.log(`  ${'query kind'.padEnd(20)}${'median'.padStart(12)}${'p99'.padStart(12)}${'school meant in top 10'.padStart(26)}`);
      for (const [kind, figures] of Object.entries(search.byKind)) {
        const found = figures.foundInTop10 === undefined ? '' : `${number(figures.foundInTop10 * 100, 1)} %`;
        console.log(`  ${kind.padEnd(20)}${`${number(figures.medianMs, 3)} ms`.padStart(12)}${`${number(figures.p99Ms, 3)} ms`.padStart(12)}${found.padStart(26)}`);
      }
    }
    await mkdir(path.join(root, 'bench/results'), { recursive: true });
    await writeFile(path.join(root, 'bench/results/directory.json'), `${JSON.stringify({ rows, columns, sizeMb, generateSeconds, node: process.version, results }, null, 2)}\n`);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--phase') {
  const [phase, file, workDir] = process.argv.slice(3);
  const result = await runPhase(phase ?? '', file ?? '', workDir ?? '');
  console.log(JSON.stringify(result));
} else {
  await main();
}
