import { describeError, type Logger } from './logger.js';

/**
 * What the process does with an error that nothing caught (the README's "When something fails"
 * gives the reasons):
 *
 * - a promise rejected with nobody waiting for it is logged, and the bot carries on. Such an
 *   error has already unwound to the promise's boundary, so no code was stopped half-way, and
 *   every record is written whole. It is most often one of the bot's own calls to the network
 *   (a typing indicator, a reminder) failing after the turn that started it: ending the process
 *   for that would let one flaky connection, or one person who can cause one, stop the bot for
 *   everyone.
 * - an exception thrown past every handler is logged as fatal; the bot stops taking requests,
 *   lets the turns under way finish (up to the shutdown grace period), flushes the store and
 *   exits with 1, for the host (App Service, a container runtime, systemd) to start it again.
 *   A synchronous throw can leave memory half-changed (a lock held, a count not taken back),
 *   and Node does not promise that carrying on after one is safe.
 */
export function guardProcess(logger: Logger, stop: () => Promise<void>, graceMs: number): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: describeError(reason) }, 'a promise failed with nothing to handle it; carrying on');
  });

  let stopping = false;
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: describeError(error), origin }, 'an error escaped every handler; stopping for the host to restart the bot');
    if (stopping) return;
    stopping = true;
    // However the clean stop goes, the process ends: a stop that hangs must not keep a broken bot up.
    setTimeout(() => process.exit(1), graceMs + 5_000);
    stop().then(
      () => process.exit(1),
      (stopError: unknown) => {
        logger.error({ err: describeError(stopError) }, 'stopping after the error failed');
        process.exit(1);
      },
    );
  });
}
