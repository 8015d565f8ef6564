/**
 * The words a system leader can say at any question of the deployment form, instead of an
 * answer: move about the form, see it, record a delivered day, send it on. Anything else is an
 * answer to the question. The words are matched whole, so an answer such as "Delivered training
 * to staff" stays an answer.
 */
import { fail, ok, type Result } from '../result.js';
import { normaliseCommandText as words } from '../text.js';
import { isSectionNumber, type SectionNumber } from './sections.js';

export type FormCommand =
  | { readonly kind: 'back' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'review' }
  | { readonly kind: 'help' }
  | { readonly kind: 'startOver' }
  | { readonly kind: 'goTo'; readonly section: SectionNumber }
  | { readonly kind: 'noSuchSection'; readonly section: number }
  | { readonly kind: 'sectionCard' }
  | { readonly kind: 'delivered'; readonly text: string }
  | { readonly kind: 'agreedDays'; readonly days: number }
  | { readonly kind: 'progress' }
  | { readonly kind: 'sendToSchool' }
  | { readonly kind: 'export' };

const FIXED: Readonly<Record<string, FormCommand>> = Object.fromEntries(
  (
    [
      [['back', 'go back', 'previous', 'previous question'], { kind: 'back' }],
      [['skip', 'skip this', 'skip it', 'next', 'skip question', 'later'], { kind: 'skip' }],
      [['help', 'menu', 'what can you do', 'what can i say', '?'], { kind: 'help' }],
      [['start over', 'restart', 'start again', 'start the section again', 'start this section again'], { kind: 'startOver' }],
      [['review', 'review section', 'review this section', 'show section', 'show me the section'], { kind: 'review' }],
      [['card', 'section card', 'fill in on a card', 'use a card', 'show the card'], { kind: 'sectionCard' }],
      [['progress', 'status', 'form status', 'deployment status', 'what is due', "what's due", 'days delivered', 'timeline'], { kind: 'progress' }],
      [
        ['send to school', 'send to the school', 'send it to the school', 'send form to school', 'send the form to the school', 'send to trust', 'send to the trust', 'send section 7'],
        { kind: 'sendToSchool' },
      ],
      [
        ['export', 'export form', 'export deployment form', 'export the form', 'download', 'download form', 'download the form', 'download deployment form', 'where do i send the form', 'submit', 'submit form'],
        { kind: 'export' },
      ],
    ] as const
  ).flatMap(([phrases, command]) => phrases.map((phrase) => [phrase, command])),
);

const GO_TO = /^(?:go to |goto |open |jump to |back to )?(?:section|tab) (\d+)$/;
/** "we agreed 6 days", "agreed 15 days of support", "agreed days 6". */
const AGREED_DAYS = /^(?:(?:we |i )?agreed (\d{1,2}) days?(?: of support)?|agreed days:? (\d{1,2}))$/;
const DELIVERED = /^(?:i (?:have |'ve )?)?delivered (?:day \d+|(?:a|another|one) day(?: of support)?)(?: |$)/;

/** The command the words give, or undefined when they are an answer. */
export function readFormCommand(text: string): FormCommand | undefined {
  const said = words(text);
  const fixed = FIXED[said];
  if (fixed !== undefined) return fixed;
  const goTo = GO_TO.exec(said);
  if (goTo) {
    const section = Number(goTo[1]);
    return isSectionNumber(section) ? { kind: 'goTo', section } : { kind: 'noSuchSection', section };
  }
  if (DELIVERED.test(said)) return { kind: 'delivered', text: said };
  const agreed = AGREED_DAYS.exec(said);
  if (agreed) return { kind: 'agreedDays', days: Number(agreed[1] ?? agreed[2]) };
  return undefined;
}

/** A day of support as the system leader reported it: the date, and the day's number when they gave one. */
export interface DeliveredDay {
  readonly date: string;
  readonly day?: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const shiftDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

const isoDate = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
};

/** A date with no year is the most recent one: "12 March" said in January is last March. */
const latestWithoutYear = (month: number, day: number, today: string): string | undefined => {
  const year = Number(today.slice(0, 4));
  const thisYear = isoDate(year, month, day);
  if (thisYear !== undefined && thisYear <= today) return thisYear;
  return isoDate(year - 1, month, day);
};

function readDate(text: string, today: string): string | undefined {
  if (text === '' || text === 'today') return today;
  if (text === 'yesterday') return shiftDays(today, -1);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}))?$/.exec(text);
  if (numeric) {
    const [day, month] = [Number(numeric[1]), Number(numeric[2])];
    return numeric[3] === undefined ? latestWithoutYear(month, day, today) : isoDate(Number(numeric[3]), month, day);
  }
  const written = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d{4}))?$/.exec(text);
  if (written) {
    const name = written[2] ?? '';
    const month = name.length >= 3 ? MONTHS.findIndex((candidate) => candidate.startsWith(name)) + 1 : 0;
    if (month === 0) return undefined;
    const day = Number(written[1]);
    return written[3] === undefined ? latestWithoutYear(month, day, today) : isoDate(Number(written[3]), month, day);
  }
  return undefined;
}

const DAY_WORDING = /^(?:i (?:have |'ve )?)?delivered (?:day (\d+)|(?:a|another|one) day(?: of support)?)(?: (?:on )?(.*))?$/;

/**
 * Reads "delivered day 3 on 12 March", "delivered a day today", "delivered day 4 on 14/03/2024".
 * `today` (YYYY-MM-DD) places a date given without a year, and no day can be in the future.
 */
export function parseDeliveredDay(text: string, today: string, maxDay: number): Result<DeliveredDay> {
  const match = DAY_WORDING.exec(words(text));
  if (!match) return fail('Tell me the day like this: "delivered day 3 on 12 March".');
  const day = match[1] === undefined ? undefined : Number(match[1]);
  if (day !== undefined && (day < 1 || day > maxDay)) return fail(`Days of support are numbered from 1 to ${maxDay}.`);
  const date = readDate((match[2] ?? '').replace(/^the /, ''), today);
  if (date === undefined) return fail('I could not read that date. Say it like "delivered day 3 on 12 March" or "delivered day 3 on 12/03/2024".');
  if (date > today) return fail('That date has not come yet: tell me about a day once you have delivered it.');
  return ok(day === undefined ? { date } : { date, day });
}
