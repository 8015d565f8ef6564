import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. What a user typed, their names and bank details never go in a log line:
 * log ids, counts, verbs and outcomes only. The redaction below is a second net, not the first.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'school-improvement-bot' },
      redact: {
        paths: ['text', '*.text', 'value', '*.value', 'password', '*.password', 'sortCode', '*.sortCode', 'accountNumber', '*.accountNumber', 'authorization', '*.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** What a log line says of an error: its kind, message and stack, never the request, a token or what a user typed. */
export function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error instanceof Error) return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { name: typeof error, message: String(error).slice(0, 200) };
}
