/** One turn of a scripted conversation: typed words, a card button (Action.Execute), or a card's submitted values. */
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
  'profile and help': [{ text: "I'm the head of 900001" }, { text: 'yes' }, { text: 'my profile' }, { text: 'help' }],
};
