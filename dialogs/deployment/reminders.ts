/**
 * The deployment form's own work, run by the bot's scheduler: reminding system leaders of what
 * is due (section 3 after day 6, sending the form to the school, submitting it to the RDP), each
 * reminder once, and erasing bank details once they have been kept as long as configured.
 */
import { supportedName } from '../../cards/deploymentCards.js';
import { formatDate } from '../../domain/deployment/form.js';
import { remindersToSend } from '../../domain/deployment/reminders.js';
import { bankDetailsDueForErasure, eraseBankDetails } from '../../domain/deployment/retention.js';
import { agreedDaysOf, sectionDueAfterDay, type Reminder } from '../../domain/deployment/timeline.js';
import { recipientNoun } from '../../domain/deploymentLifecycle/recipientNoun.js';
import { mayRemindByTheDay } from '../../domain/time/reminderHours.js';
import type { DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { londonDate, type DeploymentContext } from './context.js';

function reminderText(record: DeploymentFormRecord, reminder: Reminder): string {
  const name = supportedName(record.draft);
  const by = `${reminder.overdue ? 'it was due by' : 'it is due by'} ${formatDate(reminder.dueDate)}`;
  switch (reminder.kind) {
    case 'section3_due':
      return `The mid-engagement review for ${name} is due: you delivered day ${sectionDueAfterDay(3, agreedDaysOf(record.draft))} of support on ${formatDate(reminder.dueDate)}. Say "go to section 3" to fill in section 3 of the deployment form.`;
    case 'send_to_school': {
      const recipient = recipientNoun({ kind: record.draft.sections[1].recipientKind });
      return `Please send the signed deployment form for ${name} to the ${recipient} to sign (${by}). Say "send to ${recipient}" and I will send it to them.`;
    }
    case 'submit_to_rdp':
      return `Please submit the deployment form for ${name} via your Regional Delivery Partner (RDP) (${by}): where to email it is on the final page of DfE's deployment form. Say "export deployment form" to download the bot's copy.`;
  }
}

export function deploymentScheduledWork(context: DeploymentContext): (now: Date) => Promise<void> {
  const { forms } = context;
  const { proactive, logger, config } = context.deps;
  return async (now) => {
    const today = londonDate(now);
    // Reminders go in the working day (domain/time/reminderHours.ts); bank details past their retention are erased whatever the hour.
    const reminding = mayRemindByTheDay(now);
    for (const record of await forms.listAll()) {
      const { draft } = record;
      for (const reminder of reminding ? remindersToSend(draft, today) : []) {
        // Recorded before sending, so that two instances, or a run that fails half way, never send it twice.
        if (!(await forms.markReminderSent(draft.id, reminder.kind, now))) continue;
        try {
          const delivery = await proactive.sendToPerson(draft.ownerAadObjectId, { type: 'message', text: reminderText(record, reminder) });
          logger.info({ draftId: draft.id, reminder: reminder.kind, delivery }, 'sent a deployment form reminder');
        } catch (error) {
          logger.error({ draftId: draft.id, reminder: reminder.kind, err: (error as Error).message }, 'could not send a deployment form reminder');
        }
      }
      if (bankDetailsDueForErasure(draft, today, config.BANK_DETAILS_RETENTION_DAYS)) {
        await forms.update(draft.ownerAadObjectId, draft.id, now, (current) =>
          bankDetailsDueForErasure(current.draft, today, config.BANK_DETAILS_RETENTION_DAYS) ? { ...current, draft: eraseBankDetails(current.draft) } : undefined,
        );
        logger.info({ draftId: draft.id }, 'erased bank details kept past their retention period');
      }
    }
  };
}
