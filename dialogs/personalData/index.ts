import { ActivityTypes } from 'botbuilder';
import { ChoiceFactory, ChoicePrompt, ListStyle, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { actorOf } from '../actor.js';
import type { ConversationReferences, Logger } from '../ports.js';
import type { DeploymentRepository } from '../../storage/deploymentRepository.js';
import type { EligibilityRepository } from '../../storage/eligibilityRepository.js';
import type { ProfileRepository } from '../../storage/profileRepository.js';
import type { SharedRecordRepository, SharedRecordsNaming } from '../../storage/sharedRecordRepository.js';
import { phrases, type Journey } from '../journey.js';

export interface PersonalDataDeps {
  readonly shared: SharedRecordRepository;
  readonly profiles: ProfileRepository;
  readonly eligibility: EligibilityRepository;
  readonly deployments: DeploymentRepository;
  readonly references: ConversationReferences;
  readonly logger: Logger;
}

const SHOW = 'personalData.show';
const ERASE = 'personalData.erase';
const CONFIRM = 'personalData.confirm';
const YES = 'Yes, delete my data';
const NO = 'No, keep it';

function describeShared({ attendance, nominations }: SharedRecordsNaming): string[] {
  return [
    ...(attendance ? [`${attendance} attendance record${attendance === 1 ? '' : 's'} that name you (as the attendee or as who logged them)`] : []),
    ...(nominations ? [`${nominations} liaison group nomination record${nominations === 1 ? '' : 's'} that name you`] : []),
  ];
}

/** "What do you hold about me" and "delete my data": a person's view of, and say over, their data. */
export function createPersonalDataJourney(deps: PersonalDataDeps): Journey {
  async function show(step: WaterfallStepContext) {
    const actor = actorOf(step.context);
    const [profile, checks, forms, shared, reference] = await Promise.all([
      deps.profiles.get(actor.aadObjectId),
      deps.eligibility.recentFor(actor.aadObjectId, 1_000),
      deps.deployments.listFor(actor.aadObjectId),
      deps.shared.countNaming(actor.aadObjectId),
      deps.references.ofPerson(actor.aadObjectId),
    ]);
    const lines = [
      profile
        ? profile.kind === 'school'
          ? `Your profile: ${profile.name}, ${profile.role === 'headteacher' ? 'headteacher' : 'member of staff'} at the school with URN ${profile.urn}.`
          : `Your profile: ${profile.name}, system leader at ${profile.organisation}${profile.email ? ` (${profile.email})` : ''}.`
        : 'No profile.',
      `${checks.length} eligibility check${checks.length === 1 ? '' : 's'} you made.`,
      `${forms.length} deployment form${forms.length === 1 ? '' : 's'} you drafted (bank details are kept encrypted and shown only masked).`,
      ...describeShared(shared),
      reference ? 'How to reach you in this chat, for reminders.' : '',
    ].filter(Boolean);
    await step.context.sendActivity({
      type: ActivityTypes.Message,
      textFormat: 'markdown',
      text: `This is what I hold about you:\n\n${lines.map((line) => `- ${line}`).join('\n')}\n\nSay “delete my data” to erase it. Records that belong to a school or a liaison group keep the school’s facts but lose your name.`,
    });
    return step.endDialog();
  }

  async function ask(step: WaterfallStepContext) {
    return step.prompt(CONFIRM, {
      prompt: 'This erases your profile, your eligibility checks and your deployment form drafts, and takes your name out of attendance and nomination records (the schools’ facts stay). It cannot be undone. Delete your data?',
      choices: ChoiceFactory.toChoices([YES, NO]),
      style: ListStyle.heroCard,
    });
  }

  async function erase(step: WaterfallStepContext) {
    if ((step.result as { value: string }).value !== YES) {
      await step.context.sendActivity('Nothing was deleted.');
      return step.endDialog();
    }
    const actor = actorOf(step.context);
    const shared = await deps.shared.removePerson(actor.aadObjectId);
    const [checks, forms] = await Promise.all([deps.eligibility.deleteAllFor(actor.aadObjectId), deps.deployments.deleteAllFor(actor.aadObjectId)]);
    await deps.profiles.delete(actor.aadObjectId);
    await deps.references.forget(actor.conversation.id);
    deps.logger.info({ checks, forms, sharedRecords: shared }, 'erased a person’s data at their request');
    await step.context.sendActivity('Done: your data is deleted. If you talk to me again I will know nothing about you until you tell me.');
    return step.endDialog();
  }

  return {
    id: 'personalData',
    dialogs: [new ChoicePrompt(CONFIRM), new WaterfallDialog(SHOW, [show]), new WaterfallDialog(ERASE, [ask, erase])],
    commands: [
      {
        summary: { title: 'Your data', description: 'See what I hold about you, or have it deleted.', command: 'what do you hold about me', example: 'what do you hold about me' },
        scopes: ['personal'],
        match: phrases('what do you hold about me', 'what do you know about me', 'my data', 'show my data'),
        dialogId: SHOW,
      },
      { scopes: ['personal'], match: phrases('delete my data', 'erase my data', 'forget me', 'delete me'), dialogId: ERASE },
    ],
    verbs: [],
  };
}
