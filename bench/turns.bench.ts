/**
 * Turns over HTTP: our bot against the framework's floor (a bare botbuilder echo bot), and our
 * bot on a store already holding many records against an empty one. Every server runs as its
 * own process on loopback; a local connector stub takes the replies. Rounds interleave the
 * targets so that the shared machine's noise falls on all of them alike, and each ratio is taken
 * within a round (runs seconds apart) and reported as the median over the rounds, with its range.
 *
 *   npx tsx bench/turns.bench.ts            (BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS,
 *                                           BENCH_STORE_RECORDS to change the defaults)
 *
 * BENCH_BUILD=dist runs our bot as production does, the build in dist/ (`npm run build` first)
 * on plain node, and the floor on Node's own type stripping, so neither process carries tsx.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConnectorStub } from '../devtools/connectorStub.js';
import { startBotProcess, type BotProcess } from '../devtools/botProcess.js';
import { teamsCardAction, teamsMessage } from '../devtools/teamsActivities.js';
import { populateStore } from './populateStore.js';
import { journeyScripts, schoolOfConversation, stepFor, type ScriptStep } from './scripts.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const storeRecords = Number(process.env.BENCH_STORE_RECORDS ?? 1_000_000);
const built = process.env.BENCH_BUILD === 'dist';
const oursScript = built ? { script: 'dist/bot/start.js' } : {};
const floorScript = { script: 'bench/echoBot.ts', plainNode: built };

interface RoundResult {
  turns: number;
  elapsedMs: number;
  latencies: number[];
  cpuMs: number;
  errors: number;
}

const TICK_MS = 10;

async function cpuMsOf(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** VmHWM: the most resident memory the process has had; VmRSS: what it has now. */
async function rssMb(pid: number, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function drive(target: BotProcess, connector: ConnectorStub, script: readonly ScriptStep[], forSeconds = seconds): Promise<RoundResult> {
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = await cpuMsOf(target.child.pid!);
  const started = performance.now();
  const deadline = started + forSeconds * 1000;
  let conversations = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const userId = `bench-${randomUUID()}`;
        const urn = schoolOfConversation(conversations++);
        for (const step of script.map((scripted) => stepFor(scripted, urn))) {
          const activity = step.verb
            ? teamsCardAction({ serviceUrl: connector.url, userId, verb: step.verb, data: step.data ?? {} })
            : teamsMessage({ serviceUrl: connector.url, userId, text: step.text ?? '', ...(step.value ? { value: step.value } : {}) });
          const sent = performance.now();
          const response = await fetch(`${target.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          await response.arrayBuffer();
          latencies.push(performance.now() - sent);
          if (response.status >= 300) errors++;
        }
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  connector.calls.length = 0;
  return { turns: latencies.length, elapsedMs, latencies, cpuMs: (await cpuMsOf(target.child.pid!)) - cpuBefore, errors };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A ratio taken round by round: its median and its range over the rounds. */
function ratioOverRounds(numerators: RoundResult[], denominators: RoundResult[], measure: (round: RoundResult) => number) {
  const ratios = numerators.map((round, index) => measure(round) / measure(denominators[index] as RoundResult));
  return { median: round2(median(ratios)), min: round2(Math.min(...ratios)), max: round2(Math.max(...ratios)) };
}

const throughputOf = (round: RoundResult) => round.turns / round.elapsedMs;
const percentileOf = (p: number) => (round: RoundResult) => percentile([...round.latencies].sort((a, b) => a - b), p);

function summarise(results: RoundResult[]) {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const turns = results.reduce((sum, result) => sum + result.turns, 0);
  const elapsed = results.reduce((sum, result) => sum + result.elapsedMs, 0);
  return {
    turnsPerSecond: turns / (elapsed / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMsPerTurn: results.reduce((sum, result) => sum + result.cpuMs, 0) / turns,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    turns,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const connector = await new ConnectorStub().start();
  const emptyDir = await mkdtemp(path.join(tmpdir(), 'sib-bench-empty-'));
  const largeDir = path.join(tmpdir(), `sib-bench-store-${storeRecords}`);
  const started = performance.now();
  const populated = await populateStore(largeDir, storeRecords);
  console.log(`store with ${storeRecords.toLocaleString('en-GB')} records: ${populated ? `populated in ${Math.round((performance.now() - started) / 1000)} s` : 'reused from an earlier run'} (${largeDir})`);

  // Authentication off (nothing here can mint Bot Framework tokens); info logs carry no per-turn lines.
  const env = { BOT_AUTH: 'off', LOG_LEVEL: 'info', NODE_ENV: 'development', TYPING_DELAY_MS: '60000' };
  const floor = await startBotProcess({}, floorScript);
  const ours = await startBotProcess({ ...env, DATA_DIR: emptyDir }, oursScript);
  const oursLarge = await startBotProcess({ ...env, DATA_DIR: largeDir }, oursScript);
  const targets = { floor, ours, oursLarge } as const;
  // Idle: started, settled, no turn taken yet.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const idle = { floor: await rssMb(floor.child.pid!, 'VmRSS'), ours: await rssMb(ours.child.pid!, 'VmRSS') };
  console.log(`idle RSS MB (${built ? 'ours built, on plain node' : 'under tsx'}): floor ${round2(idle.floor)}, ours ${round2(idle.ours)}, ratio ${round2(idle.ours / idle.floor)}`);

  try {
    for (const [name, script] of Object.entries(journeyScripts)) {
      const results: Record<keyof typeof targets, RoundResult[]> = { floor: [], ours: [], oursLarge: [] };
      const floorScript = script.map((step) => ({ text: step.text ?? step.verb ?? 'card' }));
      // A short run each first, not counted, so that no round measures a process still warming up.
      for (const target of ['floor', 'ours', 'oursLarge'] as const) await drive(targets[target], connector, target === 'floor' ? floorScript : script, 2);
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (['floor', 'ours', 'oursLarge'] as const) : (['oursLarge', 'ours', 'floor'] as const);
        for (const target of order) results[target].push(await drive(targets[target], connector, target === 'floor' ? floorScript : script));
      }
      const floorSummary = summarise(results.floor);
      const oursSummary = summarise(results.ours);
      const largeSummary = summarise(results.oursLarge);
      console.log(`\n## ${name} (${script.length} turns a conversation, ${connections} connections, ${rounds} rounds of ${seconds} s each)`);
      console.table({
        floor: { ...mapRound(floorSummary) },
        ours: { ...mapRound(oursSummary) },
        'ours, large store': { ...mapRound(largeSummary) },
      });
      console.log(
        JSON.stringify({
          journey: name,
          throughputRatioOursToFloor: ratioOverRounds(results.ours, results.floor, throughputOf),
          p50RatioOursToFloor: ratioOverRounds(results.ours, results.floor, percentileOf(50)),
          p99RatioOursToFloor: ratioOverRounds(results.ours, results.floor, percentileOf(99)),
          largeStoreP50RatioToEmpty: ratioOverRounds(results.oursLarge, results.ours, percentileOf(50)),
          largeStoreP99RatioToEmpty: ratioOverRounds(results.oursLarge, results.ours, percentileOf(99)),
          largeStoreThroughputRatioToEmpty: ratioOverRounds(results.oursLarge, results.ours, throughputOf),
        }),
      );
    }
    console.log(
      `\npeak RSS MB: floor ${round2(await rssMb(floor.child.pid!))}, ours ${round2(await rssMb(ours.child.pid!))} (ratio ${round2((await rssMb(ours.child.pid!)) / (await rssMb(floor.child.pid!)))}), ours on the large store ${round2(await rssMb(oursLarge.child.pid!))}`,
    );
  } finally {
    await Promise.all([floor.stop(), ours.stop(), oursLarge.stop()]);
    await connector.stop();
    await rm(emptyDir, { recursive: true, force: true });
  }
  await stat(largeDir);
}

function mapRound(summary: ReturnType<typeof summarise>) {
  return {
    'turns/s': round2(summary.turnsPerSecond),
    'p50 ms': round2(summary.p50),
    'p99 ms': round2(summary.p99),
    'CPU ms/turn': round2(summary.cpuMsPerTurn),
    turns: summary.turns,
    errors: summary.errors,
  };
}

await main();
