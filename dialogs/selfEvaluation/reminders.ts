import { actionReminderText } from '../../cards/selfEvaluationCards.js';
import { actionsToRemind, markReminded } from '../../domain/selfEvaluation/actionPlan.js';
import { isVerifiedMemberOf } from '../../domain/directory/verification.js';
import { ok } from '../../domain/result.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { mayRemindByTheDay } from '../../domain/time/reminderHours.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import type { SelfEvaluationContext } from './context.js';

/**
 * Reminds the person who added each open action, once, when its date is near (the days before
 * are the council's own, in domain/selfEvaluation/actionPlan.ts), in the working day
 * (domain/time/reminderHours.ts). The reminder is noted on the
 * action in the school's record (with its eTag) before the message goes, so a restart or a second
 * instance never sends it twice; a message that fails for a passing reason has its note taken
 * back, and goes on the next run. Someone no longer verified at the school is not told.
 */
export async function sendActionReminders(context: SelfEvaluationContext, schoolName: (urn: string) => Promise<string>, now: Date): Promise<void> {
  if (!mayRemindByTheDay(now)) return;
  const { deps, records, questions } = context;
  const profiles = new ProfileRepository(deps.store);
  const today = londonDateOf(now);
  for (const record of await records.all()) {
    for (const action of actionsToRemind(record, today)) {
      let claimed = false;
      const saved = await records.change(record.urn, (current) => {
        claimed = actionsToRemind(current, today).some((candidate) => candidate.number === action.number);
        return ok(claimed ? markReminded(current, action.number, now.toISOString()) : current);
      });
      if (!saved.ok || !claimed) continue;
      if (!isVerifiedMemberOf(await profiles.get(action.addedBy.aadObjectId), record.urn)) {
        deps.logger.info({ urn: record.urn, action: action.number }, 'an action’s reminder was not sent: whoever added it is no longer verified at the school');
        continue;
      }
      try {
        const text = actionReminderText(questions, await schoolName(record.urn), action, today);
        const delivery = await deps.proactive.sendToPerson(action.addedBy.aadObjectId, { type: 'message', text });
        deps.logger.info({ urn: record.urn, action: action.number, delivery }, 'sent an action plan reminder');
      } catch (error) {
        deps.logger.warn({ urn: record.urn, action: action.number, err: (error as Error).message }, 'an action plan reminder could not be sent; it will be tried again');
        await records.change(record.urn, (current) => ok(markReminded(current, action.number, undefined)));
      }
    }
  }
}
