/**
 * Recording a step in the system leader's words: which deployment it is for (named, the only one
 * under way, or tapped from a card), the domain rule that records it, and the card that answers.
 */
import { extensionDraftCard, lifecycleCard, whichDeploymentCard } from '../../cards/deploymentLifecycleCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import { isUnderWay } from '../../domain/deploymentLifecycle/due.js';
import { applyExtensionEvent, extensionRequestText } from '../../domain/deploymentLifecycle/extension.js';
import { withApprovedExtension } from '../../domain/deploymentLifecycle/formLink.js';
import { applyPartnershipEvent } from '../../domain/deploymentLifecycle/partnership.js';
import { reconcileOnceDelivered } from '../../domain/deploymentLifecycle/reconcile.js';
import {
  logDeliveredDay,
  newLifecycle,
  recordChecklist,
  recordEngagement,
  recordMidReturn,
  recordRdpContact,
  type DeploymentLifecycle,
  type Recipient,
} from '../../domain/deploymentLifecycle/record.js';
import { recipientNamed } from '../../domain/deploymentLifecycle/recipient.js';
import { recipientNoun } from '../../domain/deploymentLifecycle/recipientNoun.js';
import { parseLifecycleStatement, type LifecycleStatement } from '../../domain/deploymentLifecycle/statements.js';
import { recordDeliveredDay } from '../../domain/deployment/draft.js';
import type { Result } from '../../domain/result.js';
import type { Actor } from '../actor.js';
import type { DeploymentLifecycleContext } from './context.js';

export type StepAnswer = { readonly kind: 'card'; readonly card: AdaptiveCard } | { readonly kind: 'message'; readonly text: string } | { readonly kind: 'refused'; readonly text: string };

const refused = (text: string): StepAnswer => ({ kind: 'refused', text });
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The deployment a named school or trust means: the whole name, or the only one whose name starts with the words. */
function named(records: readonly DeploymentLifecycle[], name: string): DeploymentLifecycle | undefined {
  const exact = records.find((record) => sameName(record.recipient.name, name) || record.recipient.urn === name.trim());
  if (exact) return exact;
  const starting = records.filter((record) => record.recipient.name.toLowerCase().startsWith(name.trim().toLowerCase()));
  return starting.length === 1 ? starting[0] : undefined;
}

export function createSteps(context: DeploymentLifecycleContext) {
  const { lifecycles, deps } = context;

  /** The system leader's own deployments only: anyone else is refused by the policy. */
  function mayRecord(actor: Actor): string | undefined {
    const decision = decide(actor, 'lifecycle.record', { ownerAadObjectId: actor.aadObjectId });
    return decision.allowed ? undefined : refusalText(decision);
  }

  async function answerWith(record: DeploymentLifecycle, notice: string, problems?: string[]): Promise<StepAnswer> {
    const view = await context.viewOf(record);
    const reconciliation = reconcileOnceDelivered(view.record, view.stage, view.form?.claimedDays);
    const mismatch = reconciliation?.kind === 'mismatch' ? [reconciliation.message] : [];
    return { kind: 'card', card: lifecycleCard({ ...view, notice, problems: [...(problems ?? []), ...mismatch] }, true) };
  }

  /** The school or trust the system leader names, as the directory knows it when it does. */
  const recipientFrom = (name: string): Recipient => recipientNamed(name, deps.directory.findSchools(name, { limit: 5 }), deps.directory.trustNames());

  /** A new deployment, or the one already recorded for that school or trust. */
  async function startOrFind(actor: Actor, mine: DeploymentLifecycle[], name: string, rdpContactOn: string): Promise<Result<DeploymentLifecycle>> {
    const recipient = recipientFrom(name);
    const existing = named(mine, recipient.name) ?? (recipient.urn ? mine.find((record) => record.recipient.urn === recipient.urn) : undefined);
    if (existing) return { ok: true, value: existing };
    const made = newLifecycle({ id: context.newId(), ownerAadObjectId: actor.aadObjectId, ownerName: actor.name, recipient, rdpContactOn, now: deps.now() });
    if (!made.ok) return made;
    await lifecycles.create(made.value);
    deps.logger.info({ deploymentId: made.value.id }, 'a system leader started recording a deployment');
    return made;
  }

  /** Applies the statement to one deployment, saves it, and answers with the deployment's card. */
  async function apply(target: DeploymentLifecycle, statement: LifecycleStatement): Promise<StepAnswer> {
    const today = context.today();
    const form = await context.linkedForm(target);
    let notice = '';
    const change = (record: DeploymentLifecycle): Result<DeploymentLifecycle> => {
      switch (statement.kind) {
        case 'rdpContact':
          notice = `Recorded: your RDP asked you to support ${record.recipient.name}.`;
          return recordRdpContact(record, statement.on, today);
        case 'ability':
          notice = statement.canSupport
            ? `Recorded: you can support ${record.recipient.name}. Next, contact the ${recipientNoun(record.recipient)} to arrange the initial meeting.` : `Recorded: you cannot support ${record.recipient.name}. Tell your RDP, so that alternative support can be found.`;
          return recordEngagement(record, 'ability', statement.on, today, statement.canSupport);
        case 'engagement':
          notice = { deploymentInfo: 'Recorded the deployment information.', schoolContacted: `Recorded your contact with the ${recipientNoun(record.recipient)}.`, firstVisit: 'Recorded the first visit.' }[statement.step];
          return recordEngagement(record, statement.step, statement.on, today);
        case 'day':
          notice = `Logged ${statement.days === 1 ? 'a day' : 'half a day'} of support.`;
          return logDeliveredDay(record, { date: statement.on, days: statement.days }, today);
        case 'checklist':
          notice = `Recorded the ${statement.checklist === 'preEngagement' ? 'pre-engagement' : 'mid-engagement'} checklist as done.${statement.checklist === 'midEngagement' ? ' Remember its return to the RDP.' : ''}`;
          return recordChecklist(record, statement.checklist, { on: statement.on, note: statement.note }, today);
        case 'midReturn':
          notice = 'Recorded the mid-engagement return to the RDP.';
          return recordMidReturn(record, statement.on, today);
        case 'extensionDraft':
          notice = 'Drafted your extension request.';
          return applyExtensionEvent(record, { kind: 'draft', days: statement.days, reason: statement.reason, on: today }, today, form?.recommends);
        case 'extensionSent':
          notice = 'Recorded the request as sent. DfE aims to decide within 5 working days; I will remind you to chase after that.';
          return applyExtensionEvent(record, { kind: 'send', on: statement.on }, today, form?.recommends);
        case 'extensionApproved':
          return applyExtensionEvent(record, { kind: 'approve', on: statement.on, days: statement.days, reference: statement.reference }, today, form?.recommends);
        case 'extensionRefused':
          notice = 'Recorded DfE’s refusal.';
          return applyExtensionEvent(record, { kind: 'refuse', on: statement.on, rationale: statement.rationale }, today, form?.recommends);
        case 'partnership':
          notice = { submit: 'Recorded the case as submitted with the end-of-deployment return.', approve: 'Recorded DfE’s approval: the grant offer letter comes next.', decline: 'Recorded DfE’s decision not to fund the partnership.', grantOfferSigned: 'Recorded the signed grant offer: the first £5,000 is due.', endReport: 'Recorded the trust’s end report: the second £5,000 is due once DfE has it with the school’s confirmation that the activities went ahead as described.' }[statement.event];
          return applyPartnershipEvent(record, { kind: statement.event, on: statement.on }, today, form?.recommends);
      }
    };
    const saved = await lifecycles.change(target.ownerAadObjectId, target.id, deps.now(), change);
    if (!saved.ok) return refused(saved.errors.join(' '));
    const record = saved.value;
    if (statement.kind === 'extensionApproved' && record.extension.status === 'approved') {
      notice = `Recorded DfE’s approval: ${record.agreedDays} days are now agreed, to deliver by the window’s end.`;
      if (form) {
        await context.forms.update(form.record.draft.ownerAadObjectId, form.record.draft.id, deps.now(), (current) => ({ ...current, draft: withApprovedExtension(current.draft, record) }));
        notice += ` Your deployment form now allows a claim of up to ${record.agreedDays} days.`;
      }
    }
    if (statement.kind === 'day' && form) {
      // The form's own timeline (which sections are due) counts the days it knows of.
      await context.forms.update(form.record.draft.ownerAadObjectId, form.record.draft.id, deps.now(), (current) => {
        const next = recordDeliveredDay(current.draft, statement.on);
        return next.ok && next.value !== current.draft ? { ...current, draft: next.value } : undefined;
      });
    }
    if (statement.kind === 'extensionDraft') {
      const text = extensionRequestText(record) ?? '';
      return { kind: 'card', card: extensionDraftCard(record.id, record.ownerAadObjectId, text, notice) };
    }
    return answerWith(record, notice);
  }

  /**
   * What the system leader said, recorded on the deployment it is for: the one named, the only one
   * under way, or (when several could be meant) the one they tap.
   */
  async function record(actor: Actor, typed: string, chosenId?: string): Promise<StepAnswer> {
    const refusal = mayRecord(actor);
    if (refusal) return refused(refusal);
    const parsed = parseLifecycleStatement(typed, context.today());
    if (parsed === undefined) return refused('I could not read that as a step of a deployment. Say, for example, “met the school on 12 January”.');
    if (!parsed.ok) return refused(parsed.errors.join(' '));
    const statement = parsed.value;
    const mine = await lifecycles.listFor(actor.aadObjectId);

    if (chosenId !== undefined) {
      const chosen = mine.find((item) => item.id === chosenId);
      return chosen ? apply(chosen, statement) : refused('That deployment is not one of yours.');
    }
    if (statement.kind === 'rdpContact' || statement.kind === 'ability') {
      const started = await startOrFind(actor, mine, statement.school, statement.on);
      if (!started.ok) return refused(started.errors.join(' '));
      return apply(started.value, statement);
    }
    const school = 'school' in statement ? statement.school : undefined;
    if (school !== undefined) {
      const target = named(mine, school) ?? named(mine, recipientFrom(school).name);
      if (target) return apply(target, statement);
      // "met Willowmere on …" for a school with no deployment: say how to start one.
      if (mine.length === 0 || !mine.some(isUnderWay)) return refused(`You have no deployment recorded for ${school}. When your RDP asks you, say “I can support ${school}”.`);
    }
    const candidates = mine.filter(isUnderWay);
    if (candidates.length === 0) return refused('You have no deployment under way. When your RDP asks you to support a school, say for example “I can support Willowmere Primary”.');
    if (candidates.length === 1 && candidates[0]) return apply(candidates[0], statement);
    const views = await Promise.all(candidates.map((item) => context.viewOf(item)));
    return { kind: 'card', card: whichDeploymentCard(views.map((view) => context.rowOf(view, false)), typed) };
  }

  return { record, mayRecord, answerWith };
}
