import { WaterfallDialog, type Dialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { actorOf } from '../actor.js';
import { GRADE_TITLES } from '../../cards/tsiCards.js';
import { NO_OVERALL_GRADE, REGIONS, type OfstedJudgement, type Region, type School } from '../../domain/directory/types.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { needsEarlierJudgement, type Judgement } from '../../domain/tsi/eligibility.js';
import { AnswerPrompt, type Answer, type AskOptions, type QuestionContext } from './answerPrompt.js';
import {
  chooseFrom,
  parseEarlierJudgementDate,
  parseGrade,
  parseLatestJudgementDate,
  parseOrganisationName,
  parseRecipient,
  parseRegion,
  parseSchoolQuery,
  parseYesNo,
  type SchoolQuery,
} from '../../domain/tsi/answers.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { assessAndRecord, type AssessmentDeps, type TsiAnswers } from './assessment.js';
import type { SchoolDirectory } from './schoolDirectory.js';
import { cardActivity } from '../cardActivity.js';

export const QUESTIONS_DIALOG = 'tsi.questions';
const FIND_SCHOOL_DIALOG = 'tsi.findSchool';
const JUDGEMENTS_DIALOG = 'tsi.judgements';

const ASK = {
  recipient: 'tsi.ask.recipient',
  school: 'tsi.ask.school',
  schoolChoice: 'tsi.ask.schoolChoice',
  trustName: 'tsi.ask.trustName',
  trustSchool: 'tsi.ask.trustSchool',
  region: 'tsi.ask.region',
  latestDate: 'tsi.ask.latestDate',
  earlierDate: 'tsi.ask.earlierDate',
  grade: 'tsi.ask.grade',
  yesNo: 'tsi.ask.yesNo',
} as const;

const BEST_MATCHES = 5;
const NONE_OF_THESE = 'None of these';

export interface QuestionsOptions {
  /** The user's own school, from their profile: its directory entry answers what it can. */
  readonly school?: School;
  /** After "change": ask for every detail rather than take any from the directory. */
  readonly askEverything?: boolean;
}

/** The answers so far; kept in the dialog's state between turns. */
interface Draft {
  askEverything: boolean;
  /** Some details came from the directory without being asked: "change" asks for them instead. */
  fromDirectory: boolean;
  recipient?: 'school' | 'trust';
  name?: string;
  urn?: string;
  trust?: string;
  region?: Region;
  /** The judgements given so far, latest first; complete once `judgementsDone`. */
  judgements: Judgement[];
  judgementsDone: boolean;
  /** For a trust: the school in it whose judgements are checked (a trust qualifies through its schools). */
  judgedSchool?: string;
  regionalDirector?: boolean;
  selfIdentifies?: boolean;
}

export interface QuestionsDeps extends AssessmentDeps {
  readonly directory: SchoolDirectory;
}

interface QuestionsValues {
  draft: Draft;
  findingSchool?: boolean;
}
interface FindSchoolValues {
  matches: School[];
}

const valuesOf = (step: WaterfallStepContext): QuestionsValues => step.values as QuestionsValues;
const draftOf = (step: WaterfallStepContext): Draft => valuesOf(step).draft;
const answerOf = <T>(step: WaterfallStepContext): Answer<T> | undefined => step.result as Answer<T> | undefined;

function ask(
  step: WaterfallStepContext,
  promptId: string,
  prompt: string,
  allowChange: boolean,
  choices?: readonly string[],
  question: Omit<QuestionContext, 'allowChange'> = {},
): Promise<DialogTurnResult> {
  const options: AskOptions = {
    prompt,
    ...(choices ? { choices: [...choices] } : {}),
    validations: { allowChange, ...question },
  };
  return step.prompt(promptId, options);
}

function gradeWords(grade: OfstedJudgement): string {
  return GRADE_TITLES[grade].toLowerCase();
}

function takeFromDirectory(draft: Draft, school: School): void {
  draft.recipient = 'school';
  draft.name = school.name;
  draft.urn = school.urn;
  if (school.trust) draft.trust = school.trust;
  if (draft.askEverything) return;
  if (school.region) draft.region = school.region;
  if (school.ofstedDate && school.ofstedGrade) draft.judgements = [{ date: school.ofstedDate, grade: school.ofstedGrade }];
  draft.fromDirectory = true;
}

/** What the directory told us, so the user can correct it. */
function directorySummary(lead: string, draft: Draft): string {
  const facts = [
    `**${draft.name}** (URN ${draft.urn})`,
    ...(draft.region ? [draft.region] : []),
    ...(draft.trust ? [`in ${draft.trust}`] : []),
  ].join(', ');
  if (draft.askEverything) return `${lead} ${facts}.`;
  const latest = draft.judgements[0];
  const judgement = latest ? `latest Ofsted judgement ${gradeWords(latest.grade)}, ${formatLongDate(latest.date)}` : 'no Ofsted judgement on record';
  return `${lead} ${facts}; ${judgement}. If any of that is wrong, say "change" and I will ask you instead.`;
}

async function startAgain(step: WaterfallStepContext): Promise<DialogTurnResult> {
  await step.context.sendActivity('All right: I will ask you for each detail instead.');
  const options: QuestionsOptions = { askEverything: true };
  return step.replaceDialog(QUESTIONS_DIALOG, options);
}

function schoolLabel(school: School): string {
  return `${school.name} (URN ${school.urn}${school.localAuthority ? `, ${school.localAuthority}` : ''})`;
}

function answersOf(draft: Draft, deliveryTeamJudgesNeed: boolean): TsiAnswers | undefined {
  const { recipient, name, region, judgements, regionalDirector, selfIdentifies } = draft;
  if (!recipient || !name || !region || regionalDirector === undefined || selfIdentifies === undefined) return undefined;
  return {
    subject: { name, ...(draft.urn ? { urn: draft.urn } : {}), ...(draft.trust ? { trust: draft.trust } : {}) },
    input: {
      recipient,
      region,
      judgements,
      regionalDirectorAssessedImmediateNeed: regionalDirector,
      selfIdentifiesNeed: selfIdentifies,
      regionalDeliveryTeamJudgesNeed: deliveryTeamJudgesNeed,
    },
  };
}

function findSchoolDialog(directory: SchoolDirectory): WaterfallDialog {
  const again = (step: WaterfallStepContext, notice: string) => step.replaceDialog(FIND_SCHOOL_DIALOG, { notice });
  return new WaterfallDialog(FIND_SCHOOL_DIALOG, [
    async (step) => {
      const { notice } = step.options as { notice?: string };
      const question = 'Which school is it? Type its name or its six-digit URN.';
      return ask(step, ASK.school, notice ? `${notice} ${question}` : question, false);
    },
    async (step) => {
      const query = (answerOf<SchoolQuery>(step) as { value: SchoolQuery }).value;
      if ('urn' in query) {
        const school = await directory.getSchool(query.urn);
        return school ? step.endDialog(school) : again(step, `I could not find a school with URN ${query.urn}.`);
      }
      const matches = await directory.findSchools(query.name, BEST_MATCHES);
      if (matches.length === 0) return again(step, `I could not find a school matching "${query.name}". Try part of its name, or its URN.`);
      (step.values as FindSchoolValues).matches = matches;
      return ask(step, ASK.schoolChoice, 'Which of these is it?', false, [...matches.map(schoolLabel), NONE_OF_THESE]);
    },
    async (step) => {
      const { matches } = step.values as FindSchoolValues;
      const position = (answerOf<number>(step) as { value: number }).value;
      const school = matches[position];
      return school ? step.endDialog(school) : again(step, 'No problem.');
    },
  ]);
}

interface JudgementsOptions {
  /** The school whose inspections are asked about. */
  readonly inspected: string;
  /** Given so far, latest first. */
  readonly judgements: readonly Judgement[];
  readonly allowChange: boolean;
}
type JudgementsResult = { readonly change: true } | { readonly change?: false; readonly judgements: Judgement[] };

/**
 * Asks for Ofsted judgements latest first, one date and grade at a time, for as long as the
 * rule needs an earlier one (needsEarlierJudgement) or until there is none.
 */
function judgementsDialog(deps: QuestionsDeps): WaterfallDialog {
  const optionsOf = (step: WaterfallStepContext) => step.options as JudgementsOptions;
  return new WaterfallDialog(JUDGEMENTS_DIALOG, [
    async (step) => {
      const { inspected, judgements, allowChange } = optionsOf(step);
      const earliest = judgements.at(-1);
      if (!earliest) {
        return ask(step, ASK.latestDate, `When was ${inspected}'s latest Ofsted judgement? Give its date, for example 14/06/2023, or say "none" if there has not been one.`, allowChange);
      }
      const when = formatLongDate(earliest.date);
      const why = earliest.grade === NO_OVERALL_GRADE ? `The inspection on ${when} has no overall grade, so I need the graded judgements before it. ` : '';
      return ask(step, ASK.earlierDate, `${why}And the judgement before the one on ${when}: what was its date? Say "none" if ${when} was the first.`, allowChange, undefined, { latestDate: earliest.date });
    },
    async (step) => {
      const answer = answerOf<string | 'none'>(step);
      if (answer?.change) return step.endDialog({ change: true } satisfies JudgementsResult);
      if (!answer || answer.value === 'none') return step.endDialog({ judgements: [...optionsOf(step).judgements] } satisfies JudgementsResult);
      (step.values as { date: string }).date = answer.value;
      return ask(step, ASK.grade, `What was the grade on ${formatLongDate(answer.value)}?`, optionsOf(step).allowChange, Object.values(GRADE_TITLES));
    },
    async (step) => {
      const answer = answerOf<OfstedJudgement>(step);
      if (answer?.change) return step.endDialog({ change: true } satisfies JudgementsResult);
      const options = optionsOf(step);
      const judgements = answer ? [...options.judgements, { date: (step.values as { date: string }).date, grade: answer.value }] : [...options.judgements];
      if (!needsEarlierJudgement(judgements, await deps.offers.current())) return step.endDialog({ judgements } satisfies JudgementsResult);
      return step.replaceDialog(JUDGEMENTS_DIALOG, { ...options, judgements } satisfies JudgementsOptions);
    },
  ]);
}

function questionsDialog(deps: QuestionsDeps): WaterfallDialog {
  return new WaterfallDialog(QUESTIONS_DIALOG, [
    async (step) => {
      const options = (step.options ?? {}) as QuestionsOptions;
      const draft: Draft = { askEverything: options.askEverything ?? false, fromDirectory: false, judgements: [], judgementsDone: false };
      valuesOf(step).draft = draft;
      if (options.school) {
        takeFromDirectory(draft, options.school);
        await step.context.sendActivity(directorySummary('From the school directory, your school is', draft));
        return step.next();
      }
      return ask(step, ASK.recipient, 'Is the support for a school or a trust?', draft.fromDirectory, ['A school', 'A trust']);
    },
    async (step) => {
      const draft = draftOf(step);
      const answer = answerOf<'school' | 'trust'>(step);
      if (answer?.change) return startAgain(step);
      if (answer) draft.recipient = answer.value;
      if (draft.name) return step.next();
      if (draft.recipient === 'school') {
        valuesOf(step).findingSchool = true;
        return step.beginDialog(FIND_SCHOOL_DIALOG, {});
      }
      return ask(step, ASK.trustName, "What is the trust's name?", draft.fromDirectory);
    },
    async (step) => {
      const draft = draftOf(step);
      if (valuesOf(step).findingSchool) {
        takeFromDirectory(draft, step.result as School);
        await step.context.sendActivity(directorySummary('Found it:', draft));
      } else {
        const answer = answerOf<string>(step);
        if (answer?.change) return startAgain(step);
        if (answer) draft.name = answer.value;
      }
      if (draft.region) return step.next();
      return ask(step, ASK.region, `Which DfE region is ${draft.name} in?`, draft.fromDirectory, REGIONS);
    },
    async (step) => {
      const draft = draftOf(step);
      const answer = answerOf<Region>(step);
      if (answer?.change) return startAgain(step);
      if (answer) draft.region = answer.value;
      if (draft.recipient !== 'trust' || draft.judgedSchool) return step.next();
      return ask(
        step,
        ASK.trustSchool,
        'A trust qualifies through the Ofsted judgements of its schools: the guidance’s criteria “apply to single schools and schools within a MAT”. ' +
          `Which school in ${draft.name} should I check? Tell me its name.`,
        draft.fromDirectory,
      );
    },
    async (step) => {
      const draft = draftOf(step);
      const answer = answerOf<string>(step);
      if (answer?.change) return startAgain(step);
      if (answer) draft.judgedSchool = answer.value;
      const offer = await deps.offers.current();
      if (draft.judgements.length > 0 && !needsEarlierJudgement(draft.judgements, offer)) draft.judgementsDone = true;
      if (draft.judgementsDone) return step.next();
      const options: JudgementsOptions = { inspected: draft.judgedSchool ?? draft.name ?? 'the school', judgements: draft.judgements, allowChange: draft.fromDirectory };
      return step.beginDialog(JUDGEMENTS_DIALOG, options);
    },
    async (step) => {
      const draft = draftOf(step);
      const result = step.result as JudgementsResult | undefined;
      if (result?.change) return startAgain(step);
      if (result) draft.judgements = result.judgements;
      draft.judgementsDone = true;
      const subject = draft.judgedSchool ?? draft.name;
      return ask(step, ASK.yesNo, `Has a DfE regional director assessed ${subject} as needing immediate support?`, draft.fromDirectory, ['Yes', 'No'], {
        whenUnsure:
          `"Yes" means a DfE regional director has assessed ${subject} as needing immediate support: that alone makes it eligible. ` +
          'If you do not know of such an assessment, say "no": I will check the other criteria, and the result names the Regional Delivery Partner to ask.',
      });
    },
    async (step) => {
      const draft = draftOf(step);
      const answer = answerOf<boolean>(step);
      if (answer?.change) return startAgain(step);
      if (answer) draft.regionalDirector = answer.value;
      return ask(step, ASK.yesNo, `Does ${draft.name} see itself as needing help?`, draft.fromDirectory, ['Yes', 'No'], {
        whenUnsure:
          `This asks whether ${draft.name}'s own leaders feel it needs help. It matters only when no other criterion holds: ` +
          'then it can ask for support by exception, through its Regional Delivery Partner. If its leaders would not ask for help, say "no".',
      });
    },
    async (step) => {
      const draft = draftOf(step);
      const answer = answerOf<boolean>(step);
      if (answer?.change) return startAgain(step);
      if (answer) draft.selfIdentifies = answer.value;
      return ask(step, ASK.yesNo, `Does the DfE regional delivery team judge that ${draft.name} needs help?`, draft.fromDirectory, ['Yes', 'No'], {
        whenUnsure:
          `This asks whether the DfE regional delivery team has judged that ${draft.name} needs help. It matters only when no other criterion holds: ` +
          'then it can ask for support by exception. If you have not heard that they have, say "no": the result names the Regional Delivery Partner to ask.',
      });
    },
    async (step) => {
      const draft = draftOf(step);
      const answer = answerOf<boolean>(step);
      if (answer?.change) return startAgain(step);
      const answers = answer ? answersOf(draft, answer.value) : undefined;
      if (!answers) return startAgain(step);
      const result = await assessAndRecord(deps, actorOf(step.context), answers, 'questions');
      if (!result.ok) {
        await step.context.sendActivity(`I could not check that: ${result.errors.join(' ')}`);
        return startAgain(step);
      }
      await step.context.sendActivity(cardActivity(result.value));
      return step.endDialog();
    },
  ]);
}

/** The step-by-step questions, the school search they use, and the prompts that ask them. */
export function questionDialogs(deps: QuestionsDeps): Dialog[] {
  const today = () => londonDateOf(deps.now());
  return [
    questionsDialog(deps),
    judgementsDialog(deps),
    findSchoolDialog(deps.directory),
    new AnswerPrompt(ASK.trustSchool, parseOrganisationName, today),
    new AnswerPrompt(ASK.recipient, parseRecipient, today),
    new AnswerPrompt(ASK.school, parseSchoolQuery, today),
    new AnswerPrompt(ASK.schoolChoice, (text, { choices }) => chooseFrom(text, choices, 'is not one of these. Please tap one, or say which, like "the first".'), today),
    new AnswerPrompt(ASK.trustName, parseOrganisationName, today),
    new AnswerPrompt(ASK.region, parseRegion, today),
    new AnswerPrompt(ASK.latestDate, (text, context) => parseLatestJudgementDate(text, context.today), today),
    new AnswerPrompt(
      ASK.earlierDate,
      (text, context) => parseEarlierJudgementDate(text, context.today, context.latestDate ?? context.today),
      today,
    ),
    new AnswerPrompt(ASK.grade, parseGrade, today),
    new AnswerPrompt(ASK.yesNo, (text, { whenUnsure }) => parseYesNo(text, whenUnsure), today),
  ];
}
