/**
 * The entry point `npm start` runs (as dist/bot/start.js): checks the Node version before any
 * dependency loads, reads `.env` from the working directory when there is one (the environment
 * wins over it), then starts the bot. It imports nothing else statically, so that on too old a
 * Node the message below is what people see rather than a syntax error deep in a dependency.
 */
import { nodeVersionProblem } from './nodeVersion.js';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
try {
  process.loadEnvFile('.env');
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
await import('./main.js');
