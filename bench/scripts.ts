/**
 * One turn of a scripted conversation: typed words, a card button (Action.Execute), or a card's
 * submitted values. `{urn}` in the words or in a value stands for the school the conversation
 * speaks for, so that conversations spread over the directory's schools as real ones do.
 */
export interface ScriptStep {
  readonly text?: string;
  readonly verb?: string;
  readonly data?: Record<string, unknown>;
  readonly value?: Record<string, unknown>;
}

const ELIGIBILITY_FORM = {
  recipient: 'school',
  name: 'Fictional Oakfield Primary School (demo)',
  urn: '900001',
  trust: '',
  region: 'South East',
  latestDate: '2023-10-10',
  latestGrade: 'requires_improvement',
  previousDate: '2021-05-03',
  previousGrade: 'requires_improvement',
  regionalDirectorAssessed: 'no',
  selfIdentifiesNeed: 'no',
  deliveryTeamJudgesNeed: 'no',
};

/** The multi-turn conversations the turn benchmark drives, by name. */
export const journeyScripts: Record<string, readonly ScriptStep[]> = {
  'eligibility check (card)': [{ text: 'check eligibility' }, { text: 'form' }, { verb: 'tsi.assess', data: ELIGIBILITY_FORM }, { text: 'my eligibility checks' }],
  'attendance log': [
    { text: "I'm the head of {urn}" },
    { text: 'yes' },
    { text: 'log attendance' },
    { verb: 'attendance.log', data: { sessionId: 'T1', attendeeName: 'Alex Head', attendeeRole: 'Headteacher', status: 'present' } },
    { text: "my school's attendance" },
  ],
};

/** The demo directory's open schools (URNs 900001 to 900128; the last two are closed), one per conversation in turn. */
export function schoolOfConversation(index: number): string {
  return String(900001 + (index % 128));
}

/** The step with `{urn}` replaced by the conversation's school. */
export function stepFor(step: ScriptStep, urn: string): ScriptStep {
  return JSON.parse(JSON.stringify(step).replaceAll('{urn}', urn)) as ScriptStep;
}
