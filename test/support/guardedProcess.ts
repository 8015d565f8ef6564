/**
 * A process with the bot's process guard and its real logger, told by its argument what
 * escapes: `rejection` leaves a promise rejected with nobody waiting, `exception` throws from a
 * timer. It logs `alive` each 100 ms until it ends, and `stopped` when the guard stops it.
 */
import { createLogger } from '../../bot/logger.js';
import { guardProcess } from '../../bot/processGuard.js';

const logger = createLogger('info');
guardProcess(logger, async () => logger.info('stopped'), 1_000);
const heartbeat = setInterval(() => logger.info('alive'), 100);
setTimeout(() => clearInterval(heartbeat), 3_000);

if (process.argv[2] === 'rejection') void Promise.reject(new Error('a lost promise'));
if (process.argv[2] === 'exception') setTimeout(() => { throw new Error('a thrown error'); }, 300);
