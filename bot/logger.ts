import { format } from 'node:util';
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

const PEM_START = '-----BEGIN ';
const PEM_END = '-----END ';

/** Cuts every PEM block (keys, certificates) out of a text; a plain scan, no pattern to backtrack. */
function withoutPem(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(PEM_START, from);
    if (start === -1) return result + text.slice(from);
    result += `${text.slice(from, start)}[key removed]`;
    const end = text.indexOf(PEM_END, start);
    if (end === -1) return result;
    const close = text.indexOf('-----', end + PEM_END.length);
    from = close === -1 ? text.length : close + 5;
  }
}

/**
 * Sends what libraries write with `console.*` to the structured log, one JSON event per line:
 * botframework-connector prints the issuer's PEM keys and a stack trace for every refused token,
 * which would otherwise land in the log as loose lines. Keys are cut out; an error keeps its name
 * and message, not its stack.
 */
export function routeConsoleTo(logger: Logger): void {
  const route = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => {
    const errors = args.filter((arg): arg is Error => arg instanceof Error);
    const text = args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : typeof arg === 'string' ? arg : format('%o', arg))).join(' ');
    const fields = errors.length > 0 ? { source: 'console', err: { name: errors[0]!.name, message: withoutPem(errors[0]!.message) } } : { source: 'console' };
    logger[level](fields, withoutPem(text).slice(0, 2_000));
  };
  console.log = route('info');
  console.info = route('info');
  console.warn = route('warn');
  console.error = route('error');
  console.debug = route('debug');
  console.trace = route('debug');
}
