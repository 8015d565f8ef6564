import { WaterfallDialog } from 'botbuilder-dialogs';
import { actorOf } from '../actor.js';
import type { SignUpStatement } from '../../domain/attendance/signUp.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { ownSchoolOf, type AttendanceContext } from './context.js';

export const SIGN_UP_DIALOG = 'attendance.signUp';

/**
 * Signing up to the universal offer, or withdrawing: a headteacher for their own school, the
 * SIT for any schools by URN (the survey's answers, several at once). Each school is checked
 * on its own, so one unknown URN does not stop the rest.
 */
export function signUpDialogs(context: AttendanceContext): WaterfallDialog[] {
  return [
    new WaterfallDialog(SIGN_UP_DIALOG, [
      async (step) => {
        const statement = step.options as SignUpStatement;
        const actor = actorOf(step.context);
        let urns: readonly string[];
        if ('ownSchool' in statement) {
          const own = ownSchoolOf(actor);
          if ('refused' in own) {
            await step.context.sendActivity(actor.isSitAdmin ? 'Name the schools by URN, for example “sign up 110123 110124”.' : own.refused);
            return step.endDialog();
          }
          urns = [own.urn];
        } else {
          urns = statement.urns;
        }
        const now = context.deps.now();
        const lines: string[] = [];
        for (const urn of urns) {
          const decision = decide(actor, 'programme.signUp', { urn });
          if (!decision.allowed) {
            lines.push(refusalText(decision));
            continue;
          }
          const school = await context.deps.directory.getSchool(urn);
          if (!school) {
            lines.push(`There is no school with URN ${urn} in the directory.`);
            continue;
          }
          await context.signUps.set({ urn, signedUp: statement.signedUp, by: actor.aadObjectId, at: now.toISOString(), via: actor.isSitAdmin ? 'sit' : 'headteacher' });
          lines.push(
            statement.signedUp
              ? `${school.name} (URN ${urn}) is signed up to the universal offer: it is counted in the registers and gets session reminders.`
              : `${school.name} (URN ${urn}) has withdrawn from the universal offer: it is no longer counted in the registers or reminded. Its attendance so far is kept.`,
          );
        }
        await step.context.sendActivity(lines.join('\n\n'));
        return step.endDialog();
      },
    ]),
  ];
}
