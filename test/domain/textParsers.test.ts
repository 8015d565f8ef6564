import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecipient, parseSchoolQuery, parseOrganisationName, parseRegion, parseLatestJudgementDate } from '../../domain/tsi/answers.js';
import { lineOfText, noteText } from '../../domain/attendance/userInput.js';
import { readSessionDate, readSessionTime } from '../../domain/attendance/sessionEdit.js';
import { parseFieldAnswer } from '../../domain/deployment/answers.js';
import { parseDeliveredDay, readFormCommand } from '../../domain/deployment/formCommands.js';
import { findLiaisonGroup, parseChatLinkStatement, parseProfileStatement } from '../../domain/directory/profileStatement.js';
import { SchoolSearchIndex } from '../../domain/directory/search.js';
import { parseMembershipStatement, resolveLiaisonGroup } from '../../domain/directory/membership.js';
import { parseSignUpStatement } from '../../domain/attendance/signUp.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import { parseDateAnswer } from '../../domain/tsi/dateAnswer.js';
import { mixedRun, punctuationRun } from '../support/hostileText.js';
import { normaliseCommandText } from '../../domain/text.js';

/**
 * Every parser that reads what a person typed, on 100,000-character hostile strings: runs of
 * punctuation and white space that a backtracking pattern anchored at the end (`[.!?]+$`) or two
 * neighbouring quantifiers (`\s*:?\s*`) read once per starting position, which is quadratic:
 * 20,000 full stops held the whole bot for about 24 s. A linear parser takes a few milliseconds
 * here; the bound is a whole second so that a slow shared machine never fails it, while a
 * quadratic parser would take minutes.
 */

const LENGTH = 100_000;
const BOUND_MS = 1_000;

const run = (unit: string, length = LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const HOSTILE: Readonly<Record<string, string>> = {
  'full stops between letters': `x${run('.')}x`,
  'mixed punctuation between letters': `x${run('.,!?;:')}x`,
  'spaces and full stops between letters': `x${run(' .')}x`,
  'white space of every kind between letters': `x${run(' \t\u00a0\u2003')}x`,
  'a command word, then spaces': `delivered day 1${run(' ')}x`,
  'a profile statement, then spaces and marks': `I'm the head of ${run(' !')}x`,
  'a chat link, then spaces': `this chat is the ${run(' ')}x liaison group`,
  'alternating words': run("i'm i am head of at "),
  'digits and spaces': `1${run(' ')}x days`,
  'digits, spaces and a half': `${run('1 ')}x½`,
  'a URN prefix, then spaces': `urn${run(' ')}:`,
  'emoji and right-to-left marks': run('👩‍🏫\u202e.'),
  'line breaks between letters': `x${run('\n')}x`,
  'blank lines, then a list marker': `${run('\n  \n')}-x`,
};

const SCHOOLS = new SchoolSearchIndex([{ urn: '900001', name: 'Oakfield Primary School', type: 'Community school', phase: 'primary', localAuthority: 'Buckinghamshire' }]);
const GROUPS = [{ id: 'lg-01', name: 'Aylesbury' }];

const PARSERS: Readonly<Record<string, (text: string) => unknown>> = {
  'the command normaliser': normaliseCommandText,
  'the profile statement': parseProfileStatement,
  'the chat-link statement': parseChatLinkStatement,
  'the liaison group finder': (text) => findLiaisonGroup(text, GROUPS),
  'the deployment form commands': readFormCommand,
  'the delivered-day wording': (text) => parseDeliveredDay(text, '2024-03-20', 10),
  'a deployment form number answer': (text) => parseFieldAnswer(6, 'daysDelivered', text),
  'a deployment form date answer': (text) => parseFieldAnswer(3, 'reviewDate', text),
  'the TSI date answer': (text) => parseDateAnswer(text, '2024-03-20'),
  'the TSI judgement date': (text) => parseLatestJudgementDate(text, '2024-03-20'),
  'the TSI recipient, school and region answers': (text) => [parseRecipient(text), parseSchoolQuery(text), parseOrganisationName(text), parseRegion(text)],
  'a session date and time': (text) => [readSessionDate(text), readSessionTime(text)],
  'attendance names and notes': (text) => [lineOfText('the name').safeParse(text), noteText('the note', 2000).safeParse(text)],
  'the school search': (text) => SCHOOLS.search(text),
  'the liaison-group membership statement': (text) => [parseMembershipStatement(text), resolveLiaisonGroup(text, GROUPS)],
  'the universal-offer sign-up statement': parseSignUpStatement,
  'the Markdown escape for text shown to another person': escapeMarkdown,
};

describe('text parsers on 100,000-character hostile strings', () => {
  for (const [parserName, parse] of Object.entries(PARSERS)) {
    it(`${parserName} reads each in linear time`, () => {
      for (const [inputName, text] of Object.entries(HOSTILE)) {
        const started = performance.now();
        parse(text);
        const elapsed = performance.now() - started;
        expect(elapsed, `${parserName} on ${inputName}`).toBeLessThan(BOUND_MS);
      }
    });
  }

  it('every parser reads generated runs of punctuation and mixed white space in linear time', () => {
    fc.assert(
      fc.property(fc.oneof(punctuationRun(50_000, LENGTH), mixedRun(50_000, LENGTH)), (text) => {
        for (const [parserName, parse] of Object.entries(PARSERS)) {
          const started = performance.now();
          parse(text);
          expect(performance.now() - started, parserName).toBeLessThan(BOUND_MS);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('the trailing-punctuation trim still keeps what a person meant', () => {
    expect(normaliseCommandText('  Check   eligibility?!  ')).toBe('check eligibility');
    expect(normaliseCommandText('... help ...')).toBe('help');
    expect(normaliseCommandText(' ?? ')).toBe('?');
    expect(normaliseCommandText('\uFF1F')).toBe('?');
    expect(normaliseCommandText('...')).toBe('');
    expect(readFormCommand('?')).toEqual({ kind: 'help' });
    expect(parseProfileStatement("I'm the head of Oakfield Primary!!")).toEqual({ kind: 'school', role: 'headteacher', schoolQuery: 'Oakfield Primary' });
    expect(parseChatLinkStatement('This chat is the Aylesbury liaison group.')).toEqual({ groupQuery: 'Aylesbury' });
    expect(readFormCommand('Go back.')).toEqual({ kind: 'back' });
    expect(parseFieldAnswer(6, 'daysDelivered', '9.5 days')).toEqual({ ok: true, value: 9.5 });
  });
});
