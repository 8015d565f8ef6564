/**
 * What a system leader types to record a step, in their own words: "I can support Willowmere",
 * "met the school on 12 January", "delivered day 3 on 14 January", "request an extension of 3
 * days because …". Dates without a year are taken as the latest such date on or before today
 * (steps are recorded when they have happened).
 */
import { fail, ok, type Result } from '../result.js';
import { parseDateAnswer } from '../tsi/dateAnswer.js';
import type { ChecklistKind, EngagementStep } from './record.js';

type PartnershipStep = 'submit' | 'approve' | 'decline' | 'grantOfferSigned' | 'endReport';

export type LifecycleStatement =
  | { readonly kind: 'rdpContact'; readonly school: string; readonly on: string }
  | { readonly kind: 'ability'; readonly school: string; readonly canSupport: boolean; readonly on: string }
  | { readonly kind: 'engagement'; readonly step: Exclude<EngagementStep, 'ability'>; readonly school?: string | undefined; readonly on: string }
  | { readonly kind: 'day'; readonly day?: number | undefined; readonly days: number; readonly school?: string | undefined; readonly on: string }
  | { readonly kind: 'checklist'; readonly checklist: ChecklistKind; readonly school?: string | undefined; readonly on: string; readonly note?: string | undefined }
  | { readonly kind: 'midReturn'; readonly school?: string | undefined; readonly on: string }
  | { readonly kind: 'extensionDraft'; readonly days: number; readonly reason: string; readonly school?: string | undefined }
  | { readonly kind: 'extensionSent'; readonly school?: string | undefined; readonly on: string }
  | { readonly kind: 'extensionApproved'; readonly days?: number | undefined; readonly reference?: string | undefined; readonly school?: string | undefined; readonly on: string }
  | { readonly kind: 'extensionRefused'; readonly rationale?: string | undefined; readonly school?: string | undefined; readonly on: string }
  | { readonly kind: 'partnership'; readonly event: PartnershipStep; readonly school?: string | undefined; readonly on: string };

const MAX_TYPED = 2000;
// "on" starts a date only when a date follows ("on 12 January", "on 2025-01-12"), not "on track".
const DATE_TAIL = / (?:on|dated) ((?:\d|today$|yesterday$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d).*)$/i;
const SCHOOL_WORDS = /^(?:the school|the trust|school|trust|them|it)$/i;

/** The date at the end of the words ("… on 12 January"), or today; and the words before it. */
function splitDate(words: string, today: string): Result<{ head: string; on: string; dated: boolean }> {
  const found = DATE_TAIL.exec(words);
  if (!found) {
    if (words.toLowerCase().endsWith(' today')) return ok({ head: words.slice(0, -' today'.length), on: today, dated: true });
    if (words.toLowerCase().endsWith(' yesterday')) return ok({ head: words.slice(0, -' yesterday'.length), on: dayBefore(today), dated: true });
    return ok({ head: words, on: today, dated: false });
  }
  const date = readDate((found[1] ?? '').trim().toLowerCase(), today);
  return date.ok ? ok({ head: words.slice(0, found.index), on: date.value, dated: true }) : date;
}

const dayBefore = (date: string): string => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
};

/** A typed date; without a year, this year's, or last year's when this year's is still to come. */
export function readDate(text: string, today: string): Result<string> {
  const words = text.trim().replace(/[.,]$/, '');
  if (words === 'today') return ok(today);
  if (words === 'yesterday') return ok(dayBefore(today));
  const hasYear = /\d{4}/.test(words) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,}$/.test(words);
  if (hasYear) return parseDateAnswer(words, today);
  const year = Number(today.slice(0, 4));
  const thisYear = parseDateAnswer(`${words} ${year}`, `${year}-12-31`);
  if (!thisYear.ok) return thisYear;
  return thisYear.value <= today ? thisYear : parseDateAnswer(`${words} ${year - 1}`, today);
}

const schoolOf = (words: string | undefined): string | undefined => {
  const name = words?.trim();
  return name && !SCHOOL_WORDS.test(name) ? name : undefined;
};

const numberWord: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, half: 0.5, a: 1 };
const toNumber = (word: string): number => numberWord[word] ?? Number(word);

/**
 * Reads a step from the words typed (already lower case is not needed: matching ignores case);
 * undefined when the words are not a lifecycle step at all, a failure when they are one but
 * something in them (the date, the days) cannot be used.
 */
export function parseLifecycleStatement(typed: string, today: string): Result<LifecycleStatement> | undefined {
  if (typed.length > MAX_TYPED) return undefined;
  const original = typed.trim().replace(/\s+/g, ' ').replace(/[.!]$/, '');
  const words = original.toLowerCase().replace(/[\u2018\u2019]/g, "'");

  const extension = /^(?:request|ask for|draft) (?:an? )?extension of (-?[\d.]+|one|two|three|four|five) (?:additional |extra )?days? (?:because|as|since) (.+)$/i.exec(original);
  if (extension) {
    const days = toNumber((extension[1] ?? '').toLowerCase());
    if (!Number.isFinite(days)) return fail('Say how many days, like “request an extension of 3 days because …”.');
    return ok({ kind: 'extensionDraft', days, reason: (extension[2] ?? '').trim() });
  }

  const refusedWithReason = /^dfe (?:refused|declined|turned down) the extension(?: (?:because|as) (.+))?$/i.exec(original);
  if (refusedWithReason) {
    const rationaleWords = refusedWithReason[1]?.trim();
    return ok({ kind: 'extensionRefused', on: today, ...(rationaleWords ? { rationale: rationaleWords } : {}) });
  }

  const dated = splitDate(original, today);
  if (!dated.ok) return /^(?:i |we |rdp|the rdp|met|delivered|contacted|sent|returned|dfe|grant|pre|mid|end|submitted|first)/.test(words) ? dated : undefined;
  const { head, on } = dated.value;
  // "Met the SLT twice and agreed a plan" answers another journey's question: a meeting or a
  // contact is a step only with its date, or said of the school or trust itself.
  const meetingStep = (who: string | undefined) => dated.value.dated || SCHOOL_WORDS.test(who?.trim() ?? '');
  const name = (found: string | undefined) => schoolOf(found);

  const rdp = /^(?:the )?rdp (?:contacted me|asked me|asked if i can support|got in touch) (?:about|to support|for) (.+)$/i.exec(head);
  if (rdp) return ok({ kind: 'rdpContact', school: (rdp[1] ?? '').trim(), on });
  const ability = /^i (can|cannot|can't|can not) support (.+)$/i.exec(head);
  // "I can support them with …" is a sentence in some other answer, not a school's name.
  if (ability && !/^(?:them|it|you|this|that|him|her|the school|the trust)\b/i.test(ability[2] ?? '') && (ability[2] ?? '').length <= 150) {
    return ok({ kind: 'ability', school: (ability[2] ?? '').trim(), canSupport: ability[1]?.toLowerCase() === 'can', on });
  }

  const info = /^(?:i )?(?:received|got) the deployment (?:information|info|email)(?: for (.+))?$/i.exec(head);
  if (info) return ok({ kind: 'engagement', step: 'deploymentInfo', school: name(info[1]), on });
  const contacted = /^(?:i )?(?:contacted|emailed|rang|phoned|called) (.+?)(?: to arrange (?:the|an) (?:initial )?meeting)?$/i.exec(head);
  if (contacted && meetingStep(contacted[1])) return ok({ kind: 'engagement', step: 'schoolContacted', school: name(contacted[1]), on });
  const met = /^(?:i |we )?(?:met|visited) (.+?)(?: for the first time| for (?:the|a) first visit)?$/i.exec(head) ?? /^first visit(?: to| at| with)? ?(.*)$/i.exec(head);
  if (met && meetingStep(met[1])) return ok({ kind: 'engagement', step: 'firstVisit', school: name(met[1]), on });

  const day = /^(?:i |we )?delivered (?:day (\d{1,2})|(a|one|half a|a half) day)(?: (?:at|for|with) (.+))?$/i.exec(head);
  if (day) {
    const amount = /half/i.test(day[2] ?? '') ? 0.5 : 1;
    return ok({ kind: 'day', ...(day[1] ? { day: Number(day[1]) } : {}), days: amount, school: name(day[3]), on });
  }

  const checklist = /^(pre|mid)[- ]?engagement checklist (?:done|completed|complete)(?: (?:for|at) ([^:]+))?(?:: ?(.+))?$/i.exec(head);
  if (checklist) {
    const note = checklist[3]?.trim();
    return ok({ kind: 'checklist', checklist: checklist[1]?.toLowerCase() === 'pre' ? 'preEngagement' : 'midEngagement', school: name(checklist[2]), on, ...(note ? { note } : {}) });
  }
  const midReturn = /^(?:i )?(?:returned|sent) the mid[- ]?engagement (?:return|checklist)(?: to the rdp)?(?: for (.+))?$/i.exec(head);
  if (midReturn) return ok({ kind: 'midReturn', school: name(midReturn[1]), on });

  const sent = /^(?:i )?sent the extension request(?: to the rdp)?(?: for (.+))?$/i.exec(head);
  if (sent) return ok({ kind: 'extensionSent', school: name(sent[1]), on });
  const approved = /^dfe approved (?:the extension|(\d(?:\.5)?) (?:additional |extra )?days?)(?:,? (?:reference|ref) (.+))?$/i.exec(head);
  if (approved) {
    const reference = approved[2]?.trim();
    return ok({ kind: 'extensionApproved', ...(approved[1] ? { days: Number(approved[1]) } : {}), ...(reference ? { reference } : {}), on });
  }
  if (/^dfe (?:refused|declined|turned down) the extension$/i.test(head)) return ok({ kind: 'extensionRefused', on });

  const partnership: [RegExp, PartnershipStep][] = [
    [/^(?:i )?submitted the (?:trust )?partnership case$/i, 'submit'],
    [/^dfe approved the (?:trust )?partnership$/i, 'approve'],
    [/^dfe declined the (?:trust )?partnership$/i, 'decline'],
    [/^(?:the )?(?:signed )?grant offer (?:was )?(?:signed|returned)(?: and the sla signed)?$/i, 'grantOfferSigned'],
    [/^(?:the )?(?:trust'?s )?end report (?:was )?(?:sent|returned|submitted)$/i, 'endReport'],
  ];
  for (const [pattern, event] of partnership) if (pattern.test(head)) return ok({ kind: 'partnership', event, on });
  return undefined;
}
