/**
 * Reminders before each due point of a deployment (not the form's own, which it sends itself):
 * each claimed with a create-only mark before it goes, so a restart or a second instance sends
 * nothing twice; a message that could not be delivered for a passing reason is tried again. They
 * go in the working day, not when their day begins (domain/time/reminderHours.ts).
 */
import { remindersToSend, type DueStep } from '../../domain/deploymentLifecycle/due.js';
import { formatLongDate } from '../../domain/tsi/academicYear.js';
import { escapeMarkdown } from '../../cards/markdown.js';
import type { DeploymentLifecycle } from '../../domain/deploymentLifecycle/record.js';
import { mayRemindByTheDay } from '../../domain/time/reminderHours.js';
import type { DeploymentLifecycleContext } from './context.js';

function reminderText(record: DeploymentLifecycle, step: DueStep): string {
  const when = step.overdue ? `It was due by ${formatLongDate(step.dueOn)}.` : `It is due by ${formatLongDate(step.dueOn)}.`;
  return `Deployment with ${escapeMarkdown(record.recipient.name)}: ${step.title}. ${when} Say “my deployments” to see what else is due.`;
}

export function lifecycleScheduledWork(context: DeploymentLifecycleContext): (now: Date) => Promise<void> {
  const { lifecycles, deps } = context;
  return async (now) => {
    if (!mayRemindByTheDay(now)) return;
    const today = context.today();
    for (const stored of await lifecycles.all()) {
      const view = await context.viewOf(stored);
      for (const step of remindersToSend(view.record, today, view.form?.facts)) {
        if (!(await lifecycles.claimReminder(stored.id, step.kind, step.dueOn, deps.now()))) continue;
        try {
          const delivery = await deps.proactive.sendToPerson(stored.ownerAadObjectId, { type: 'message', text: reminderText(view.record, step) });
          deps.logger.info({ deploymentId: stored.id, reminder: step.kind, delivery }, 'sent a deployment reminder');
        } catch (error) {
          await lifecycles.releaseReminder(stored.id, step.kind, step.dueOn);
          deps.logger.error({ deploymentId: stored.id, reminder: step.kind, err: (error as Error).message }, 'could not send a deployment reminder');
        }
      }
    }
  };
}
