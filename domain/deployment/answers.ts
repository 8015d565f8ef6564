/**
 * Turning what a system leader types (or a card sends) into a field's value, and a value back
 * into words. Answers come from chat, so they are read generously: '12/03/2024', '9.5 days',
 * 'NLE', '1, 3' or 'the first, the third' for the first and third choices; anything else gets a plain reason.
 */
import { fail, ok, type Result } from '../result.js';
import { fieldSpec, type Choice, type FieldSpec, type FieldValue, type SectionNumber } from './sections.js';
import { NO_WORDS, ordinalChoice, YES_WORDS } from '../text.js';

/** Lower case, '&' read as 'and', everything but letters and digits dropped: 'Teaching & Learning' = 'teaching and learning'. */
const normalise = (text: string): string => text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]/g, '');

const NONE_WORDS = new Set(['', 'none', 'no', 'na', 'nil', 'nothing', 'skip']);

const sentence = (message: string): string => {
  const trimmed = message.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!]$/.test(capital) ? capital : `${capital}.`;
};

function asText(raw: unknown, field: FieldSpec): Result<string> {
  let text: string;
  if (typeof raw === 'string') text = raw.trim();
  else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
  else return fail(`Please answer in words: ${field.question}`);
  if (field.optional && NONE_WORDS.has(normalise(text))) return ok('');
  return ok(text);
}

type ChoiceMatch = { readonly choice: Choice } | { readonly error: string };

function matchChoice(answer: string, choices: readonly Choice[]): ChoiceMatch {
  const trimmed = answer.trim();
  if (/^\d+$/.test(trimmed)) {
    const byPosition = choices[Number(trimmed) - 1];
    if (byPosition !== undefined) return { choice: byPosition };
  }
  const byOrder = ordinalChoice(trimmed, choices.length);
  const ordered = byOrder === undefined ? undefined : choices[byOrder];
  if (ordered !== undefined) return { choice: ordered };
  const key = normalise(trimmed);
  if (key.length > 0) {
    const exact = choices.find((choice) => normalise(choice.value) === key || normalise(choice.label) === key);
    if (exact !== undefined) return { choice: exact };
    if (key.length >= 3) {
      const starting = choices.filter((choice) => normalise(choice.label).startsWith(key) || normalise(choice.value).startsWith(key));
      if (starting.length === 1 && starting[0] !== undefined) return { choice: starting[0] };
      if (starting.length > 1) {
        return { error: `"${trimmed}" could be ${starting.map((choice) => choice.label).join(' or ')}: say which.` };
      }
    }
  }
  const listed = choices.length <= 12 ? ` Choose one of: ${choices.map((choice) => choice.label).join('; ')}.` : ' Choose from the list.';
  return { error: `"${trimmed}" is not one of the choices.${listed}` };
}

function asChoice(raw: unknown, field: FieldSpec): Result<string> {
  if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isInteger(raw))) return fail(`Please choose an answer: ${field.question}`);
  const choices = field.choices ?? [];
  const saysNone = normalise(String(raw)) !== '' && NONE_WORDS.has(normalise(String(raw)));
  if (saysNone && choices.some((choice) => choice.value === 'none')) return ok('none');
  const match = matchChoice(String(raw), choices);
  return 'choice' in match ? ok(match.choice.value) : fail(match.error);
}

/**
 * Splits 'Behaviour, Pupil wellbeing, mental health and safeguarding' into choices even though
 * a label holds a comma: at each piece, the longest run of pieces that names a choice wins.
 */
function splitChoices(text: string, choices: readonly Choice[]): Result<string[]> {
  const pieces = text
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
  const chosen: string[] = [];
  let start = 0;
  while (start < pieces.length) {
    let matched = false;
    for (let end = pieces.length; end > start && !matched; end -= 1) {
      const match = matchChoice(pieces.slice(start, end).join(', '), choices);
      if ('choice' in match) {
        chosen.push(match.choice.value);
        start = end;
        matched = true;
      } else if (end === start + 1) {
        return fail(match.error);
      }
    }
  }
  return ok(chosen);
}

function asChoices(raw: unknown, field: FieldSpec): Result<string[]> {
  const choices = field.choices ?? [];
  let chosen: Result<string[]>;
  if (Array.isArray(raw)) {
    const values: string[] = [];
    for (const item of raw as unknown[]) {
      if (typeof item !== 'string' && typeof item !== 'number') return fail(`Please choose from the list: ${field.question}`);
      const match = matchChoice(String(item), choices);
      if (!('choice' in match)) return fail(match.error);
      values.push(match.choice.value);
    }
    chosen = ok(values);
  } else if (typeof raw === 'string') {
    chosen = NONE_WORDS.has(normalise(raw)) ? ok([]) : splitChoices(raw, choices);
  } else {
    return fail(`Please choose from the list: ${field.question}`);
  }
  return chosen.ok ? ok([...new Set(chosen.value)]) : chosen;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const isoDate = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
};

const DATE_HELP = 'Give a date like 12/03/2024 or 12 March 2024.';

function asDate(raw: unknown): Result<string> {
  if (typeof raw !== 'string') return fail(DATE_HELP);
  const text = raw.trim().toLowerCase();
  let date: string | undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const british = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const written = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{4})$/.exec(text);
  if (iso) date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (british) date = isoDate(Number(british[3]), Number(british[2]), Number(british[1]));
  else if (written) {
    const monthName = written[2] ?? '';
    const month = monthName.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(monthName)) + 1 : 0;
    if (month > 0) date = isoDate(Number(written[3]), month, Number(written[1]));
  }
  return date === undefined ? fail(DATE_HELP) : ok(date);
}

const NUMBER_HELP = 'Give a number, such as 9 or 9.5.';

function asNumber(raw: unknown): Result<number> {
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : fail(NUMBER_HELP);
  if (typeof raw !== 'string') return fail(NUMBER_HELP);
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/(?<!\s)\s*days?$/, '')
    .replace(/^½$/, '0.5')
    .replace(/(\d)\s*½$/, '$1.5');
  return /^-?\d+(\.\d+)?$/.test(text) ? ok(Number(text)) : fail(NUMBER_HELP);
}

const YES = new Set(YES_WORDS);
const NO = new Set(NO_WORDS);

function asYesNo(raw: unknown): Result<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  if (typeof raw === 'string') {
    const key = normalise(raw);
    if (YES.has(key)) return ok(true);
    if (NO.has(key)) return ok(false);
  }
  return fail('Answer yes or no.');
}

function coerce(raw: unknown, field: FieldSpec): Result<unknown> {
  switch (field.kind) {
    case 'text':
    case 'longText':
      return asText(raw, field);
    case 'choice':
      return asChoice(raw, field);
    case 'multiChoice':
      return asChoices(raw, field);
    case 'date':
      return asDate(raw);
    case 'dateTime':
      return typeof raw === 'string' ? ok(raw.trim()) : fail('Give a date and time.');
    case 'number':
      return asNumber(raw);
    case 'yesNo':
      return asYesNo(raw);
  }
}

/**
 * Reads one answer to one question of the form. Never throws: an unknown question or an answer
 * that does not fit gives ok:false with what to say instead.
 */
export function parseFieldAnswer(section: SectionNumber, field: string, raw: unknown): Result<FieldValue> {
  const spec = typeof field === 'string' ? fieldSpec(section, field) : undefined;
  // Named only when they are plain values: an object's own toString may throw.
  if (spec === undefined) {
    const sectionName = typeof section === 'number' ? `Section ${section}` : 'That section';
    return fail(`${sectionName} of the deployment form has no question called "${typeof field === 'string' ? field : '(not a name)'}".`);
  }
  const coerced = coerce(raw, spec);
  if (!coerced.ok) return coerced;
  const parsed = spec.schema.safeParse(coerced.value);
  if (!parsed.success) return fail(...new Set(parsed.error.issues.map((issue) => sentence(issue.message))));
  return ok(parsed.data as FieldValue);
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** '2024-03-12' as people write it: '12 March 2024'. */
export const formatDate = (isoDate: string): string => DATE_FORMAT.format(new Date(`${isoDate}T00:00:00Z`));

const choiceLabel = (field: FieldSpec, value: string): string => field.choices?.find((choice) => choice.value === value)?.label ?? value;

/** A stored answer as the form shows it: choices by their labels, dates in words, "None" for a question answered with nothing. */
export function displayAnswer(field: FieldSpec, value: FieldValue): string | number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map((item) => choiceLabel(field, item)).join('; ');
  const text = value as string;
  switch (field.kind) {
    case 'choice':
      return choiceLabel(field, text);
    case 'date':
      return formatDate(text);
    case 'dateTime': {
      const moment = new Date(text);
      return `${DATE_FORMAT.format(moment)}, ${TIME_FORMAT.format(moment)} UTC`;
    }
    default:
      return text === '' ? 'None' : text;
  }
}
