import { WaterfallDialog, type FoundChoice } from 'botbuilder-dialogs';
import { TapChoicePrompt } from '../tapPrompts.js';
import { z } from 'zod';
import { actorOf, type Actor } from '../actor.js';
import { EMPTY_TSI_FORM, RECENT_CHECKS_SHOWN, TSI_ASSESS_VERB, TSI_LOOKUP_VERB, tsiFormCard, tsiHistoryCard } from '../../cards/tsiCards.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { School } from '../../domain/directory/types.js';
import { EligibilityRepository } from '../../storage/eligibilityRepository.js';
import { OfferRepository } from '../../storage/offerRepository.js';
import type { Store } from '../../storage/store.js';
import { either, phrases, type CardVerb, type Journey } from '../journey.js';
import { schoolAskedAbout } from '../../domain/tsi/eligibilityQuestion.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { offerYearNotice, type Offer } from '../../domain/tsi/offer.js';
import { assessAndRecord } from './assessment.js';
import { answersFromForm, formValuesFrom, formValuesOfSchool } from './formSubmission.js';
import { QUESTIONS_DIALOG, questionDialogs, type QuestionsOptions } from './questionsDialog.js';
import type { SchoolDirectory } from './schoolDirectory.js';
import { cardActivity } from '../cardActivity.js';

export type { SchoolDirectory } from './schoolDirectory.js';

export interface TsiJourneyDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly directory: SchoolDirectory;
  /** Whether the deployment form journey exists yet: a system leader's result offers to start one. */
  readonly deploymentFormAvailable: () => boolean;
}

/** Any set of fields: a bad answer is told back on the form itself, not refused as a broken button. */
const FormSubmissionSchema = z.record(z.string(), z.unknown());

const START_DIALOG = 'tsi.start';
const HISTORY_DIALOG = 'tsi.history';
const HOW_TO_ANSWER = 'tsi.ask.howToAnswer';

interface StartValues {
  /** The user's own school, from their profile and the directory. */
  school?: School;
}

const HOW_TO_ANSWER_CHOICES = [
  { value: 'Fill in a form', synonyms: ['form', 'a form', 'the form', 'card', 'in one go'] },
  { value: 'Answer questions one at a time', synonyms: ['questions', 'one at a time', 'step by step', 'ask me', 'chat'] },
];

/** Whether every word asked about is in the school's name (or is its URN): the directory's search forgives much more, which is right for a list to pick from, not for taking one school without asking. */
function namesAllOf(school: School, asked: string): boolean {
  const name = new Set(school.name.toLowerCase().split(/[^a-z0-9]+/));
  return asked === school.urn || asked.split(/[^a-z0-9]+/).filter(Boolean).every((word) => name.has(word));
}

/** Why this person may not check eligibility here, or undefined when they may. */
function refusalFor(actor: Actor): string | undefined {
  const decision = decide(actor, 'eligibility.check', {});
  return decision.allowed ? undefined : refusalText(decision);
}

/** The TSI eligibility journey: check by form or by questions, see the outcome and offer, list past checks. */
export function createTsiJourney(deps: TsiJourneyDeps): Journey {
  const repository = new EligibilityRepository(deps.store);
  const offers = new OfferRepository(deps.store);
  const assessment = { repository, offers, now: deps.now, deploymentFormAvailable: deps.deploymentFormAvailable };

  const formCard = (offer: Offer, values = EMPTY_TSI_FORM, problems: readonly string[] = [], prefilledFrom?: string) =>
    tsiFormCard({ offerYear: offer.year, offerStart: offer.startDate, today: londonDateOf(deps.now()), values, problems, ...(prefilledFrom ? { prefilledFrom } : {}) });

  const start = new WaterfallDialog(START_DIALOG, [
    async (step) => {
      const actor = actorOf(step.context);
      const refusal = refusalFor(actor);
      if (refusal) {
        await step.context.sendActivity(refusal);
        return step.endDialog();
      }
      const { profile } = actor;
      // "is Oakfield Primary eligible?" checks the school named, found in the directory; otherwise the user's own.
      const { schoolQuery } = (step.options ?? {}) as { schoolQuery?: string };
      const named = schoolQuery === undefined ? undefined : (await deps.directory.findSchools(schoolQuery, 1)).find((found) => namesAllOf(found, schoolQuery));
      if (schoolQuery !== undefined && named === undefined) await step.context.sendActivity(`I could not find a school called “${schoolQuery}” in the directory, so I will ask about it.`);
      const school = named ?? (profile?.kind === 'school' && schoolQuery === undefined ? await deps.directory.getSchool(profile.urn) : undefined);
      if (school) (step.values as StartValues).school = school;
      const whom = school ? (named ? `${school.name} (URN ${school.urn})` : school.name) : 'a school or trust';
      const offer = await offers.current();
      const ended = offerYearNotice(offer, londonDateOf(deps.now()));
      return step.prompt(HOW_TO_ANSWER, {
        prompt: `Let's see whether ${whom} can get trust and school improvement support (TSI) under the ${offer.year} offer.${ended ? ` ${ended}` : ''} Would you like to fill in a form, or answer questions one at a time?`,
        retryPrompt: 'Please choose "Fill in a form" or "Answer questions one at a time".',
        choices: HOW_TO_ANSWER_CHOICES,
      });
    },
    async (step) => {
      const { school } = step.values as StartValues;
      if ((step.result as FoundChoice).index === 0) {
        const offer = await offers.current();
        const card = school ? formCard(offer, formValuesOfSchool(school), [], school.name) : formCard(offer);
        await step.context.sendActivity(cardActivity(card));
        return step.endDialog();
      }
      const options: QuestionsOptions = school ? { school } : {};
      return step.replaceDialog(QUESTIONS_DIALOG, options);
    },
  ]);

  const history = new WaterfallDialog(HISTORY_DIALOG, [
    async (step) => {
      const checks = await repository.recentFor(actorOf(step.context).aadObjectId, RECENT_CHECKS_SHOWN);
      await step.context.sendActivity(
        checks.length === 0
          ? 'You have not checked eligibility yet. Say "check eligibility" to start.'
          : cardActivity(tsiHistoryCard(checks)),
      );
      return step.endDialog();
    },
  ]);

  const assessVerb: CardVerb<typeof FormSubmissionSchema> = {
    verb: TSI_ASSESS_VERB,
    data: FormSubmissionSchema,
    handle: async (_context, data, actor) => {
      const refusal = refusalFor(actor);
      if (refusal) return { kind: 'refused', text: refusal };
      const offer = await offers.current();
      const answers = answersFromForm(data, londonDateOf(deps.now()), offer);
      const result = answers.ok ? await assessAndRecord(assessment, actor, answers.value, 'form') : answers;
      if (result.ok) return { kind: 'card', card: result.value };
      return { kind: 'card', card: formCard(offer, formValuesFrom(data), result.errors) };
    },
  };

  const fillFromDirectory: CardVerb<typeof FormSubmissionSchema> = {
    verb: TSI_LOOKUP_VERB,
    data: FormSubmissionSchema,
    handle: async (_context, data, actor) => {
      const refusal = refusalFor(actor);
      if (refusal) return { kind: 'refused', text: refusal };
      const typed = formValuesFrom(data);
      const lookup = typeof data.schoolLookup === 'string' ? data.schoolLookup.trim() : '';
      const school = /^\d{6}$/.test(lookup) ? await deps.directory.getSchool(lookup) : undefined;
      const offer = await offers.current();
      if (!school) return { kind: 'card', card: formCard(offer, typed, ['Pick a school in the “Find the school” box first (type part of its name or its URN), then press “Fill in from the directory”.']) };
      // The directory's facts replace what it knows; the answers only the user can give are kept.
      const known = formValuesOfSchool(school);
      const filled = { ...typed, ...Object.fromEntries(Object.entries(known).filter(([, value]) => value !== '')) };
      return { kind: 'card', card: formCard(offer, filled as typeof typed, [], school.name) };
    },
  };

  return {
    id: 'tsi',
    dialogs: [start, history, new TapChoicePrompt(HOW_TO_ANSWER), ...questionDialogs({ ...assessment, directory: deps.directory })],
    commands: [
      {
        summary: {
          title: 'Check TSI eligibility',
          description: 'See whether a school or trust can get trust and school improvement support under the TSI offer the School Improvement Team has loaded, why, and what is on offer.',
          command: 'check eligibility',
          example: 'is my school eligible?',
        },
        scopes: ['personal'],
        match: either(
          phrases(
            'check eligibility',
            'is my school eligible',
            'is my trust eligible',
            'am i eligible',
            'tsi',
            'tsi eligibility',
            'check tsi eligibility',
            'eligibility',
            'eligibility check',
            'check my eligibility',
          ),
          (text) => {
            const schoolQuery = schoolAskedAbout(text);
            return schoolQuery === undefined ? undefined : { schoolQuery };
          },
        ),
        dialogId: START_DIALOG,
        examples: ['can my school get support', 'do we qualify for tsi', 'are we eligible', 'is this school eligible', 'will we get improvement support', 'tell me whether we are eligible', 'is Millbrook Primary School eligible', 'does our trust qualify'],
      },
      {
        summary: {
          title: 'My eligibility checks',
          description: 'See your recent TSI eligibility checks.',
          command: 'my eligibility checks',
          example: 'my eligibility checks',
        },
        scopes: ['personal'],
        match: phrases('my eligibility checks', 'my checks', 'eligibility checks', 'my eligibility', 'my tsi checks'),
        dialogId: HISTORY_DIALOG,
        examples: ['my previous eligibility checks', 'past checks', 'the result of my last check', 'checks I have done'],
      },
    ],
    verbs: [assessVerb, fillFromDirectory],
  };
}
