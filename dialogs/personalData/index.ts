import { ActivityTypes } from 'botbuilder';
import { ChoiceFactory, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { TapChoicePrompt, type UnsureHelp } from '../tapPrompts.js';
import { actorOf } from '../actor.js';
import type { ConversationReferences, Logger } from '../ports.js';
import type { DeploymentLifecycleRepository } from '../../storage/deploymentLifecycleRepository.js';
import type { DeploymentRepository } from '../../storage/deploymentRepository.js';
import type { EligibilityRepository } from '../../storage/eligibilityRepository.js';
import type { PersonIndex, RecordKind } from '../../storage/personIndex.js';
import type { ProfileRepository } from '../../storage/profileRepository.js';
import { phrases, type Journey } from '../journey.js';

export interface PersonalDataDeps {
  readonly profiles: ProfileRepository;
  readonly eligibility: EligibilityRepository;
  readonly deployments: DeploymentRepository;
  /** The deployments a system leader recorded the steps of: theirs, erased with them. */
  readonly lifecycles: Pick<DeploymentLifecycleRepository, 'deleteAllFor'>;
  readonly references: ConversationReferences;
  /** Where each person appears: every record that names them, their own and other people's. */
  readonly people: PersonIndex;
  readonly logger: Logger;
}

const SHOW = 'personalData.show';
const ERASE = 'personalData.erase';
const CONFIRM = 'personalData.confirm';
const YES = 'Yes, delete my data';
const NO = 'No, keep it';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Records that name the person, beyond their profile, checks and forms, as the person reads them. */
const OTHER_RECORDS: Partial<Record<RecordKind, (count: number) => string>> = {
  attendance: (count) => `${plural(count, 'attendance record')} that name you (as the attendee or as who logged them)`,
  nomination: (count) => `${plural(count, 'liaison group nomination record')} (or commitments) that name you`,
  chatLink: (count) => `${plural(count, 'group chat')} you linked to a liaison group`,
  conversation: (count) => `how to reach you in ${plural(count, 'chat')}, for reminders and notices`,
  signUp: (count) => `${plural(count, 'school sign-up')} to the universal offer that you recorded`,
  selfEvaluation: (count) => `${plural(count, 'school self-evaluation')} that name you (as who wrote, submitted, commented, added or completed an action, or was invited as an adviser)`,
  selfEvaluationLook: () => 'when you last looked at schools’ self-evaluations across schools (School Improvement Team)',
  deploymentLifecycle: (count) => `${plural(count, 'deployment')} you recorded the steps of (engagement, days, checklists, enhanced strand)`,
  deploymentForm: (count) => `${plural(count, 'deployment form')} that name you (yours, or sent to you to confirm)`,
};

/** "What do you hold about me" and "delete my data": a person's view of, and say over, their data. */
export function createPersonalDataJourney(deps: PersonalDataDeps): Journey {
  async function show(step: WaterfallStepContext) {
    const actor = actorOf(step.context);
    const [profile, checks, forms, counts] = await Promise.all([
      deps.profiles.get(actor.aadObjectId),
      deps.eligibility.recentFor(actor.aadObjectId, 1_000),
      deps.deployments.listFor(actor.aadObjectId),
      deps.people.countsOf(actor.aadObjectId),
    ]);
    const lines = [
      profile
        ? profile.kind === 'school'
          ? `Your profile: ${profile.name}, ${profile.role === 'headteacher' ? 'headteacher' : 'member of staff'} at the school with URN ${profile.urn}${profile.verification?.status === 'verified' ? '' : ' (not yet verified)'}.`
          : `Your profile: ${profile.name}, system leader at ${profile.organisation}${profile.email ? ` (${profile.email})` : ''}.`
        : 'No profile.',
      `${plural(checks.length, 'eligibility check')} you made.`,
      `${plural(forms.length, 'deployment form')} you drafted (bank details are kept encrypted and shown only masked).`,
      ...Object.entries(OTHER_RECORDS).flatMap(([kind, describe]) => {
        const count = counts[kind as RecordKind] ?? 0;
        // Their own forms are counted above; these are the ones that name them otherwise.
        const others = kind === 'deploymentForm' ? count - forms.length : count;
        return others > 0 ? [`${describe(others)}.`] : [];
      }),
    ];
    await step.context.sendActivity({
      type: ActivityTypes.Message,
      textFormat: 'markdown',
      text: `This is what I hold about you:\n\n${lines.map((line) => `- ${line}`).join('\n')}\n\nSay “delete my data” to erase it. Records that belong to a school, a liaison group or someone else keep their facts but lose your name and ids.`,
    });
    return step.endDialog();
  }

  async function ask(step: WaterfallStepContext) {
    return step.prompt(CONFIRM, {
      prompt:
        'This erases your profile, your eligibility checks, your deployment form drafts and the deployments you recorded, and takes your name and ids out of every other record that names you: attendance, nominations, chat links, forms sent to you, and how to reach you (their facts stay). It cannot be undone. Delete your data?',
      choices: ChoiceFactory.toChoices([YES, NO]),
      validations: { whenUnsure: `Nothing is deleted unless you choose “${YES}”. Choose “${NO}” to keep everything; “what do you hold about me” shows what I hold first.` } satisfies UnsureHelp,
    });
  }

  async function erase(step: WaterfallStepContext) {
    if ((step.result as { value: string }).value !== YES) {
      await step.context.sendActivity('Nothing was deleted.');
      return step.endDialog();
    }
    const actor = actorOf(step.context);
    // Their own records go first; the index then takes them out of everyone else's.
    const [checks, forms, deployments] = await Promise.all([
      deps.eligibility.deleteAllFor(actor.aadObjectId),
      deps.deployments.deleteAllFor(actor.aadObjectId),
      deps.lifecycles.deleteAllFor(actor.aadObjectId),
    ]);
    await deps.profiles.delete(actor.aadObjectId);
    await deps.references.forget(actor.conversation.id);
    const scrubbed = await deps.people.erase(actor.aadObjectId);
    deps.logger.info({ checks, forms, deployments, sharedRecords: scrubbed.length }, 'erased a person’s data at their request');
    await step.context.sendActivity('Done: your data is deleted. If you talk to me again I will know nothing about you until you tell me.');
    return step.endDialog();
  }

  return {
    id: 'personalData',
    dialogs: [new TapChoicePrompt(CONFIRM), new WaterfallDialog(SHOW, [show]), new WaterfallDialog(ERASE, [ask, erase])],
    commands: [
      {
        summary: { title: 'Your data', description: 'See what I hold about you, or have it deleted.', command: 'what do you hold about me', example: 'what do you hold about me' },
        scopes: ['personal'],
        match: phrases('what do you hold about me', 'what do you know about me', 'my data', 'show my data'),
        dialogId: SHOW,
        examples: ['what personal data do you hold', 'subject access request', 'gdpr', 'what information do you have about me'],
      },
      { scopes: ['personal'], match: phrases('delete my data', 'erase my data', 'forget me', 'delete me'), dialogId: ERASE, examples: ['remove my details', 'remove my personal data', 'delete everything about me', 'gdpr erasure'] },
    ],
    verbs: [],
  };
}
