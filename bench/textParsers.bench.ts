/**
 * Every parser of typed text on hostile strings of 10,000 and 100,000 characters (runs of
 * punctuation, of mixed white space and punctuation, between the words the parsers look for):
 * the slowest input's best time of 15 runs at each length (the least disturbed by this shared
 * machine's noise), and their ratio. Linear work gives a ratio
 * near 10; quadratic work near 100. The trailing-punctuation pattern the bot used before is
 * timed the same way, for comparison.
 *
 *   npx tsx bench/textParsers.bench.ts
 */
import { parseRecipient, parseSchoolQuery } from '../domain/tsi/answers.js';
import { readSessionTime } from '../domain/attendance/sessionEdit.js';
import { lineOfText } from '../domain/attendance/userInput.js';
import { parseFieldAnswer } from '../domain/deployment/answers.js';
import { parseDeliveredDay, readFormCommand } from '../domain/deployment/formCommands.js';
import { parseChatLinkStatement, parseProfileStatement } from '../domain/directory/profileStatement.js';
import { parseDateAnswer } from '../domain/tsi/dateAnswer.js';
import { normaliseCommandText } from '../domain/text.js';

const ROUNDS = 15;

const run = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const hostile = (length: number): string[] => [
  `x${run('.', length)}x`,
  `x${run(' .,!?', length)}x`,
  `I'm the head of ${run(' !', length)}x`,
  `delivered day 1${run(' ', length)}x`,
  `1${run(' ', length)}x days`,
];

const parsers: Record<string, (text: string) => unknown> = {
  'command normaliser': normaliseCommandText,
  'profile statement': parseProfileStatement,
  'chat-link statement': parseChatLinkStatement,
  'deployment form commands': (text) => [readFormCommand(text), parseDeliveredDay(text, '2024-03-20', 10)],
  'deployment form answers': (text) => [parseFieldAnswer(6, 'daysDelivered', text), parseFieldAnswer(3, 'reviewDate', text)],
  'TSI answers and dates': (text) => [parseRecipient(text), parseSchoolQuery(text), parseDateAnswer(text, '2024-03-20')],
  'attendance input and session time': (text) => [lineOfText('the name').safeParse(text), readSessionTime(text)],
  // eslint-disable-next-line regexp/no-super-linear-move -- the pattern the bot used before, kept here to measure what it cost
  'the old pattern [.!?]+$ (before)': (text) => text.replace(/[.!?]+$/, ''),
};

/** The slowest input's best time, in milliseconds. */
function time(parse: (text: string) => unknown, inputs: string[]): number {
  return Math.max(
    ...inputs.map((input) => {
      const samples: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const started = performance.now();
        parse(input);
        samples.push(performance.now() - started);
      }
      return Math.min(...samples);
    }),
  );
}

const short = hostile(10_000);
const long = hostile(100_000);
console.log('| parser | 10,000 chars (ms) | 100,000 chars (ms) | ratio |');
console.log('| --- | --- | --- | --- |');
for (const [name, parse] of Object.entries(parsers)) {
  // The old pattern is quadratic: at 100,000 characters it would take minutes, so it is timed at 10,000 and 20,000.
  const before = name.includes('(before)');
  const small = time(parse, before ? hostile(10_000) : short);
  const large = time(parse, before ? hostile(20_000) : long);
  console.log(`| ${name}${before ? ' (20,000 chars in the second column)' : ''} | ${small.toFixed(2)} | ${large.toFixed(2)} | ${(large / small).toFixed(1)} |`);
}
