import type { AttendanceStatus } from './record.js';

/** What a sentence about going to a session says: which session, and how the school attended. */
export interface LogStatement {
  readonly sessionId: string;
  readonly status: AttendanceStatus;
}

const STATUS_WORDS: Record<string, AttendanceStatus> = { present: 'present', attended: 'present', there: 'present', apologies: 'apologies', absent: 'absent' };
const SESSION = '(?:the )?(?:session )?([a-z][a-z0-9-]{0,19})';
const WHEN = '(?: (?:yesterday|today|this morning|this afternoon|last week))?';
/** "log me present at T1", "mark us as attended for T2", "put me down as apologies for W3". */
const LOG_AT = new RegExp(`^(?:log|mark|put|record) (?:me|us)(?: down)?(?: as)? (present|attended|apologies|absent) (?:at|for) ${SESSION}$`);
/** "I went to T1 yesterday, log me as present", "we attended T2, mark us present". */
const WENT_TO = new RegExp(`^(?:i|we) (?:went to|attended|was at|were at) ${SESSION}${WHEN},? (?:please )?(?:log|mark|put|record) (?:me|us)(?: down)?(?: as)? (present|attended|there)$`);
/** "we sent apologies for T3". */
const APOLOGIES = new RegExp(`^(?:i|we) sent (?:our |my )?apologies (?:for|to) ${SESSION}$`);

/**
 * Reads a sentence that logs attendance at a named session, so the log opens with the session
 * and the status already chosen. Undefined for anything else.
 */
export function parseLogStatement(text: string): LogStatement | undefined {
  const said = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(?<![.!?])[.!?]+$/, '');
  const at = LOG_AT.exec(said);
  if (at) return { sessionId: at[2]!.toUpperCase(), status: STATUS_WORDS[at[1]!]! };
  const went = WENT_TO.exec(said);
  if (went) return { sessionId: went[1]!.toUpperCase(), status: STATUS_WORDS[went[2]!]! };
  const apologies = APOLOGIES.exec(said);
  if (apologies) return { sessionId: apologies[1]!.toUpperCase(), status: 'apologies' };
  return undefined;
}
