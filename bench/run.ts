/** `npm run bench`: every benchmark, one after the other. Figures go in the README. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const only = process.argv[2];
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort();
let failed = false;
for (const bench of benches) {
  console.log(`\n# ${bench}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
