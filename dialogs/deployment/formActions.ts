/**
 * What the system leader can do to a form, whether they say it in chat or press a button:
 * start one, record a delivered day, send it to the school, export it. Each asks the policy,
 * calls the form's rules, saves, and says what happened.
 */
import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { confirmerRole, recipientNoun } from '../../domain/deploymentLifecycle/recipientNoun.js';
import type { Actor } from '../actor.js';
import { XLSX } from '../ports.js';
import {
  daysMismatchCard,
  formHelpText,
  progressCard,
  schoolConfirmationCard,
  sectionFormCard,
  sectionReviewCard,
  submissionCard,
  supportedName,
} from '../../cards/deploymentCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { decryptBankDetails, type BankDetails } from '../../domain/deployment/bankDetails.js';
import { confirmersOf, sentToSchool, unfinishedForSchool } from '../../domain/deployment/confirmers.js';
import { parseDeliveredDay, type DeliveredDay, type FormCommand } from '../../domain/deployment/formCommands.js';
import { formatDate, newDeploymentDraft, recordDeliveredDay, setAgreedDays } from '../../domain/deployment/form.js';
import { nextQuestionAfter, sectionInHand } from '../../domain/deployment/navigation.js';
import { prefillDraft, type EligibilityFacts, type SystemLeaderFacts } from '../../domain/deployment/prefill.js';
import { DEPLOYMENT_PROGRAMME } from '../../domain/deployment/programme.js';
import { buildDeploymentWorkbook } from '../../files/deploymentWorkbook.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { Profile } from '../../domain/directory/types.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import type { EligibilityCheck } from '../../storage/eligibilityRepository.js';
import { londonDate, refOf, resourceOf, type DeploymentContext } from './context.js';
import { cardActivity } from '../cardActivity.js';

const systemLeaderFacts = (profile: Profile | undefined): SystemLeaderFacts | undefined =>
  profile?.kind === 'system_leader' ? { name: profile.name, role: profile.role, organisation: profile.organisation, email: profile.email } : undefined;

export const eligibilityFacts = (check: EligibilityCheck): EligibilityFacts => ({
  recipient: check.input.recipient,
  name: check.subject.name,
  urn: check.subject.urn,
  trust: check.subject.trust,
  region: check.input.region,
  status: check.outcome.status,
  criteria: check.outcome.criteria,
});

export interface NewForm {
  readonly record: DeploymentFormRecord;
  /** What to tell the system leader about what was filled in for them. */
  readonly notes: string[];
}

/** Starts a form, filled in from the system leader's profile, the eligibility check they started it from, and the directory. */
export async function startForm(context: DeploymentContext, actor: Actor, eligibilityCheckId: string | undefined): Promise<NewForm> {
  const now = context.deps.now();
  const check = eligibilityCheckId === undefined ? undefined : await context.eligibility.get(actor.aadObjectId, eligibilityCheckId);
  const school = check?.subject.urn === undefined ? undefined : await context.deps.directory.getSchool(check.subject.urn);
  const { draft, filled } = prefillDraft(newDeploymentDraft(randomUUID(), actor.aadObjectId, now.toISOString()), {
    systemLeader: systemLeaderFacts(actor.profile),
    eligibility: check === undefined ? undefined : eligibilityFacts(check),
    school,
  });
  const record: DeploymentFormRecord = { draft, position: { section: 1, field: nextQuestionAfter(draft, 1)?.name } };
  await context.forms.create(record);

  const notes = [
    'Let us fill in the TSI deployment form together. I save every answer as you give it, so you can stop at any time and carry on later, on any device: just say "deployment form".',
  ];
  if (eligibilityCheckId !== undefined && check === undefined) notes.push('I could not find that eligibility check, so I will ask you for everything.');
  if (filled.length > 0) {
    const from = check === undefined ? 'your profile' : school === undefined ? 'your profile and your eligibility check' : 'your profile, your eligibility check and the school directory';
    notes.push(`I have filled in what I already know from ${from}: ${filled.join(', ')}. Say "review" to check it.`);
  }
  return { record, notes };
}

/**
 * After the URN is answered: what the directory says about the school, and why it became eligible
 * if the system leader checked it with me, fill in the questions not answered yet.
 */
export async function prefillFromUrn(context: DeploymentContext, ownerAadObjectId: string, urn: string) {
  const [school, checks] = await Promise.all([context.deps.directory.getSchool(urn), context.eligibility.recentFor(ownerAadObjectId, 20)]);
  const check = checks.find((candidate) => candidate.subject.urn === urn);
  return { school, eligibility: check === undefined ? undefined : eligibilityFacts(check) };
}

const MAX_DAY = DEPLOYMENT_PROGRAMME.maxDays + DEPLOYMENT_PROGRAMME.maxExtensionDays;

export interface DayRecorded {
  readonly record: DeploymentFormRecord;
  readonly notice: string;
}

/** Records a delivered day from what the system leader said ("delivered day 3 on 12 March"), or today when they pressed the button. */
export async function recordDay(context: DeploymentContext, actor: Actor, record: DeploymentFormRecord, said: string | undefined): Promise<Result<DayRecorded>> {
  const decision = decide(actor, 'deployment.edit', resourceOf(record));
  if (!decision.allowed) return fail(refusalText(decision));
  const today = context.today();
  const reported: Result<DeliveredDay> = said === undefined ? ok({ date: today }) : parseDeliveredDay(said, today, MAX_DAY);
  if (!reported.ok) return reported;
  const { date, day } = reported.value;
  const alreadyKnown = record.draft.daysDeliveredLog.includes(date);
  const saved = await context.forms.update(record.draft.ownerAadObjectId, record.draft.id, context.deps.now(), (current) => {
    const recorded = recordDeliveredDay(current.draft, date);
    return recorded.ok ? { ...current, draft: recorded.value } : undefined;
  });
  if (saved === undefined) return fail('I could not find that deployment form any more.');
  const count = saved.draft.daysDeliveredLog.length;
  const when = date === today ? 'today' : `on ${formatDate(date)}`;
  let notice = alreadyKnown
    ? `I already had a day delivered ${when}, so nothing has changed: ${count} ${count === 1 ? 'day' : 'days'} so far.`
    : `Thank you: a day of support delivered ${when} is recorded. That makes ${count} ${count === 1 ? 'day' : 'days'} so far.`;
  if (day !== undefined && day !== count) {
    notice += ` You called it day ${day}: if you delivered other days, tell me their dates too, like "delivered day ${Math.max(1, day - 1)} on 5 March".`;
  }
  return ok({ record: saved, notice });
}

/** Records how many days of support were agreed, so that the form's due points fit the deployment. */
export async function recordAgreedDays(context: DeploymentContext, actor: Actor, record: DeploymentFormRecord, days: number): Promise<Result<DayRecorded>> {
  const decision = decide(actor, 'deployment.edit', resourceOf(record));
  if (!decision.allowed) return fail(refusalText(decision));
  const checked = setAgreedDays(record.draft, days, DEPLOYMENT_PROGRAMME);
  if (!checked.ok) return checked;
  const saved = await context.forms.update(record.draft.ownerAadObjectId, record.draft.id, context.deps.now(), (current) => {
    const set = setAgreedDays(current.draft, days, DEPLOYMENT_PROGRAMME);
    return set.ok ? { ...current, draft: set.value } : undefined;
  });
  if (saved === undefined) return fail('I could not find that deployment form any more.');
  const beyond = days > DEPLOYMENT_PROGRAMME.maxDays ? ` Days beyond ${DEPLOYMENT_PROGRAMME.maxDays} are paid only where DfE formally agreed them.` : '';
  return ok({ record: saved, notice: `Thank you: ${days} days of support agreed. The form's sections now fall due in step with ${days} days.${beyond}` });
}

/** A short stand-in for what a card showed, to tell later whether it still holds. */
const fingerprintOf = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * Sends the supported school's headteacher (or the trust's CEO) the work reported, sections 1 to 4
 * and 6 and never the bank details, to confirm or query in section 7. Says what happened. Days
 * logged by date that do not match the claim are shown first, to send as it is or correct;
 * `daysSeen` is the mismatch the system leader chose to send with, which holds only while the
 * days and the claim are still what they saw.
 */
export async function sendToSchool(context: DeploymentContext, actor: Actor, record: DeploymentFormRecord, daysSeen?: string): Promise<string | AdaptiveCard> {
  const decision = decide(actor, 'deployment.edit', resourceOf(record));
  if (!decision.allowed) return refusalText(decision);
  const { draft } = record;
  const unfinished = unfinishedForSchool(draft);
  if (unfinished.length > 0) {
    const lines = unfinished.map(({ section, needs }) => `section ${section} (${needs.join(', ')})`);
    return `Before the school or trust can confirm the work, please finish ${lines.join('; ')}. Say "go to section ${unfinished[0]?.section}" to carry on.`;
  }
  const days = await context.deps.days.reconcileForm(draft);
  if (days?.kind === 'mismatch') {
    const seen = fingerprintOf(days.message);
    if (seen !== daysSeen) {
      const notice = daysSeen === undefined ? undefined : 'The days or the claim have changed since you last saw them, so nothing was sent. This is how they stand now:';
      return daysMismatchCard({ ref: refOf(record), draft, message: days.message, seen, ...(notice ? { notice } : {}) });
    }
  }

  const noun = recipientNoun({ kind: draft.sections[1].recipientKind });
  const name = supportedName(draft);
  const confirmers = confirmersOf(draft, await context.profiles.all());
  if (confirmers.length === 0) {
    return noun === 'school'
      ? `I do not know the headteacher of ${name} yet, so I cannot send it. Ask them to open a chat with me in Teams and tell me who they are (for example "I am the head of ${name}"), then say "send to school" again.`
      : `I do not know the chief executive of ${name} yet, so I cannot send it. Ask them to open a chat with me in Teams and tell me they are a MAT CEO at ${name}, then say "send to trust" again.`;
  }

  const now = context.deps.now();
  const card = schoolConfirmationCard({ ref: refOf(record), draft: sentToSchool(draft, context.today()), londonDate });
  const outcomes = await Promise.all(
    confirmers.map(async (confirmer) => {
      try {
        return await context.deps.proactive.sendToPerson(confirmer.aadObjectId, cardActivity(card));
      } catch (error) {
        context.deps.logger.error({ draftId: draft.id, err: (error as Error).message }, 'could not send a deployment form to the school');
        return 'failed' as const;
      }
    }),
  );
  const reached = confirmers.filter((_, index) => outcomes[index] === 'sent');
  const missed = confirmers.filter((_, index) => outcomes[index] !== 'sent');
  const names = (people: readonly Profile[]) => people.map((person) => person.name).join(' and ');
  if (reached.length === 0) {
    return `${names(missed)} has not added me in Teams yet, so I could not send them the form. Ask them to open a chat with me (search for me in Teams apps and say hello), then say "send to ${noun}" again.`;
  }

  const today = context.today();
  await context.forms.update(draft.ownerAadObjectId, draft.id, now, (current) => {
    return {
      ...current,
      draft: sentToSchool(current.draft, today),
      schoolRequest: {
        confirmerAadObjectIds: reached.map((person) => person.aadObjectId),
        ...(noun === 'trust' && reached[0] !== undefined ? { trustCeoAadObjectId: reached[0].aadObjectId } : {}),
        sentAt: now.toISOString(),
      },
    };
  });
  const notReached = missed.length === 0 ? '' : ` I could not reach ${names(missed)}: they have not added me in Teams yet.`;
  return `I have sent the work reported (sections 1 to 4 and 6, not your bank details) to ${names(reached)}, ${confirmerRole(noun)} of ${name}, to confirm in section 7. I will tell you when they answer.${notReached}`;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'form';

/**
 * The form as an Excel workbook behind an expiring link that opens only for whoever asked, and
 * where to send it. The bank details are in full only in the system leader's own copy.
 */
export async function exportForm(context: DeploymentContext, actor: Actor, record: DeploymentFormRecord): Promise<Result<AdaptiveCard>> {
  const decision = decide(actor, 'deployment.export', resourceOf(record));
  if (!decision.allowed) return fail(refusalText(decision));
  const { draft } = record;
  const isOwner = actor.aadObjectId === draft.ownerAadObjectId;
  const key = context.bankDetailsKey;
  let bankDetails: BankDetails | undefined;
  if (isOwner && key !== undefined && draft.sections[5].sealed !== undefined) {
    const opened = decryptBankDetails(draft.sections[5].sealed, key);
    if (opened.ok) bankDetails = opened.value;
  }
  const bytes = await buildDeploymentWorkbook(draft, {
    includeBankDetails: bankDetails !== undefined,
    ...(bankDetails === undefined ? {} : { bankDetails }),
  });
  const filename = `deployment-form-${slug(supportedName(draft))}-${context.today()}.xlsx`;
  const link = await context.deps.exports.create(actor.aadObjectId, { filename, contentType: XLSX, bytes });
  return ok(
    submissionCard({
      draft,
      download: { url: link.url, minutes: Math.max(1, Math.round((link.expiresAt.getTime() - context.deps.now().getTime()) / 60_000)) },
      fullBankDetails: bankDetails !== undefined,
    }),
  );
}


/** The commands that show something and leave the conversation where it was. */
export type ShowingCommand = Exclude<FormCommand, { readonly kind: 'back' | 'skip' | 'startOver' | 'goTo' }>;

export interface CommandReply {
  readonly messages: (string | Partial<Activity>)[];
  /** The form as it is after the command (a day recorded, the form sent to the school). */
  readonly record: DeploymentFormRecord;
}

/** Does a command that moves nowhere in the form, and says what came of it. */
export async function replyToCommand(context: DeploymentContext, actor: Actor, record: DeploymentFormRecord, command: ShowingCommand): Promise<CommandReply> {
  const ref = refOf(record);
  const inHand = sectionInHand(record.draft, record.position);
  switch (command.kind) {
    case 'help':
      return { messages: [formHelpText(inHand)], record };
    case 'review':
      return { messages: [cardActivity(sectionReviewCard({ ref, draft: record.draft, section: inHand, canEdit: true }))], record };
    case 'sectionCard': {
      const card = sectionFormCard({ ref, draft: record.draft, section: inHand, today: context.today(), bankDetailsKeyMissing: context.bankDetailsKey === undefined });
      return { messages: [cardActivity(card), 'Fill it in and press Save, or carry on answering here.'], record };
    }
    case 'noSuchSection':
      return { messages: [`The form has sections 1 to 8, so there is no section ${command.section}.`], record };
    case 'progress':
      return { messages: [cardActivity(progressCard({ ref, draft: record.draft, sentToSchool: record.schoolRequest !== undefined }))], record };
    case 'delivered':
    case 'agreedDays': {
      const recorded = command.kind === 'delivered' ? await recordDay(context, actor, record, command.text) : await recordAgreedDays(context, actor, record, command.days);
      if (!recorded.ok) return { messages: [recorded.errors.join(' ')], record };
      const { record: shown, notice } = recorded.value;
      return { messages: [cardActivity(progressCard({ ref, draft: shown.draft, sentToSchool: shown.schoolRequest !== undefined, notice }))], record: shown };
    }
    case 'sendToSchool': {
      const said = await sendToSchool(context, actor, record);
      return { messages: [typeof said === 'string' ? said : cardActivity(said)], record: (await context.forms.get(ref.ownerAadObjectId, ref.draftId)) ?? record };
    }
    case 'export': {
      const exported = await exportForm(context, actor, record);
      return { messages: [exported.ok ? cardActivity(exported.value) : exported.errors.join(' ')], record };
    }
  }
}
