import { readFormCommand, type FormCommand } from '../../domain/deployment/formCommands.js';
import { phrases, type Command, type Journey } from '../journey.js';
import { createDeploymentContext, DEPLOYMENT_JOURNEY, type DeploymentJourneyDeps } from './context.js';
import { DEPLOYMENT_DIALOG, DeploymentFormDialog, NEW_FORM_PHRASES, START_PHRASES, type DeploymentStart } from './formDialog.js';
import { deploymentScheduledWork } from './reminders.js';
import { deploymentVerbs } from './verbs.js';
import { DAY_REMINDERS_EVERY_MINUTES } from '../../domain/time/reminderHours.js';

export type { DeploymentJourneyDeps, SchoolLookup } from './context.js';

const opening = phrases(...START_PHRASES);
const newForm = phrases(...NEW_FORM_PHRASES);
const openingOrNew = Object.assign(
  (text: string): DeploymentStart | undefined => (newForm(text) ? { intent: 'open', newForm: true } : opening(text) ? { intent: 'open' } : undefined),
  { phrases: [...START_PHRASES, ...NEW_FORM_PHRASES] },
);

/** Outside the form, only its own unmistakable words act on it: "export" alone may belong to another journey. */
const exportWords = phrases('export deployment form', 'download deployment form', 'submit deployment form', 'export my deployment form', 'deployment form workbook');
const progressWords = phrases('deployment status', 'deployment progress', 'deployment form status', 'form status', 'days delivered');

/**
 * What the form understands once its conversation has ended (a section done, the next not due):
 * moving about it, seeing it, recording days, sending it on. Not "skip" or "help", which need a question.
 */
const AFTERWARDS: readonly FormCommand['kind'][] = ['back', 'review', 'goTo', 'noSuchSection', 'sectionCard', 'delivered', 'agreedDays', 'progress', 'sendToSchool', 'export'];

const commandFrom = (text: string, kinds: readonly FormCommand['kind'][]): DeploymentStart | undefined => {
  const command = readFormCommand(text);
  return command !== undefined && kinds.includes(command.kind) ? { intent: 'command', command } : undefined;
};

/**
 * The TSI deployment form, drafted by a system leader in conversation: one question at a time or a
 * section per card, saved as it goes; delivered days recorded against the 10-day model with
 * reminders; section 7 sent to the supported school to confirm; the form exported for the RDP.
 */
export function createDeploymentJourney(deps: DeploymentJourneyDeps): Journey {
  const context = createDeploymentContext(deps);
  const commands: Command[] = [
    {
      summary: {
        title: 'TSI deployment form',
        description: 'Draft the deployment form for the support you deliver, one question at a time, and carry on later from where you left it.',
        command: 'deployment form',
        example: 'deployment form',
      },
      scopes: ['personal'],
      match: openingOrNew,
      dialogId: DEPLOYMENT_DIALOG,
      examples: [
        'resume my deployment form',
        'carry on with the form I started',
        'fill in the deployment form',
        'complete my end of deployment form',
        'where did I get to on my deployment form',
        'the paperwork for my deployment',
      ],
    },
    {
      summary: {
        title: 'Record a day of support',
        description: 'Tell me each day of TSI support as you deliver it, and I will tell you which sections of the deployment form are due.',
        command: 'delivered a day today',
        example: 'delivered day 3 on 12 March',
      },
      scopes: ['personal'],
      match: (text) => commandFrom(text, ['delivered', 'agreedDays']),
      dialogId: DEPLOYMENT_DIALOG,
      examples: ['log a day of support', 'I delivered support today', 'another support day done', 'record a support day'],
    },
    {
      scopes: ['personal'],
      match: (text) =>
        commandFrom(text, ['goTo', 'sendToSchool']) ??
        (exportWords(text) ? { intent: 'command', command: { kind: 'export' } } : undefined) ??
        (progressWords(text) ? { intent: 'command', command: { kind: 'progress' } } : undefined),
      dialogId: DEPLOYMENT_DIALOG,
      examples: ['deployment progress', 'how many days delivered so far', 'deployment form progress', 'days of support delivered', 'download my deployment form', 'the deployment form as a workbook for my RDP', 'submit my form to the RDP', 'send it to the school to sign'],
    },
  ];
  return {
    id: DEPLOYMENT_JOURNEY,
    dialogs: [new DeploymentFormDialog(context)],
    commands,
    verbs: deploymentVerbs(context),
    scheduled: deploymentScheduledWork(context),
    scheduledEveryMinutes: DAY_REMINDERS_EVERY_MINUTES,
    understandsWhileAsking: (text) => readFormCommand(text) !== undefined,
    afterwards: { dialogId: DEPLOYMENT_DIALOG, match: (text) => commandFrom(text, AFTERWARDS) },
  };
}
