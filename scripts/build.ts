/**
 * The production build: the bot compiled to JavaScript under dist/, with the files it reads at
 * run time beside the code that reads them (the tab's pages from dist/web/, the demo schools from
 * dist/data/demo/; card templates and programme data are imported JSON, which tsc emits itself).
 * `npm start` then runs dist/bot/start.js with plain node and production dependencies only.
 *
 *   npx tsx scripts/build.ts [OUT_DIR]      (dist/ by default; the production-path test builds elsewhere)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
/** Read or started at run time through a path, not imported, so tsc leaves them out (the writer thread is plain JavaScript). */
const ASSETS = ['web', path.join('data', 'demo'), path.join('storage', 'recordFileWriterThread.js')];

rmSync(DIST, { recursive: true, force: true });
const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', DIST], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
for (const asset of ASSETS) cpSync(path.join(ROOT, asset), path.join(DIST, asset), { recursive: true });
process.stdout.write(`Built ${path.relative(process.cwd(), DIST) || '.'}: start it with npm start.\n`);
