/**
 * The deployment form in conversation: one question at a time, saved after every answer, with
 * "back", "skip", "review", "go to section N" and the form's other commands at every question.
 * Where the conversation stands is kept on the form itself, so after a restart, or from another
 * device, it carries on at the same question; the dialog's own state holds only which form it is
 * on and, while bank details are being given, those given so far, sealed.
 */
import { type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { actorOf, type Actor } from '../actor.js';
import {
  BANK_DETAILS_KEY_MISSING,
  currentAnswerLine,
  draftsCard,
  isAskedOnACard,
  progressCard,
  questionCard,
  sectionFormCard,
  sectionReviewCard,
  sectionStartCard,
  supportedName,
} from '../../cards/deploymentCards.js';
import { BankDetailsSchema, type MaskedBankDetails } from '../../domain/deployment/bankDetails.js';
import { sealBankDetails } from '../../domain/deployment/draft.js';
import { readFormCommand, type FormCommand } from '../../domain/deployment/formCommands.js';
import {
  displayAnswer,
  fieldSpec,
  parseFieldAnswer,
  sectionCompleteness,
  sectionTitle,
  setField,
  type FieldValue,
  type SectionNumber,
} from '../../domain/deployment/form.js';
import { isAnswered, isSectionOpen, nextQuestionAfter, previousPosition, sectionAfter, startOfSection, type FormPosition } from '../../domain/deployment/navigation.js';
import { openPendingBankDetails, sealPendingBankDetails, type PendingBankDetails } from '../../domain/deployment/pendingBankDetails.js';
import { prefillDraft } from '../../domain/deployment/prefill.js';
import type { SectionValues } from '../../domain/deployment/sections.js';
import { agreedDaysOf, sectionDueAfterDay } from '../../domain/deployment/timeline.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { londonDate, refOf, resourceOf, type DeploymentContext } from './context.js';
import { exportForm, prefillFromUrn, recordAgreedDays, recordDay, sendToSchool, startForm } from './formActions.js';
import { listed, normaliseCommandText } from '../../domain/text.js';
import { cardActivity } from '../cardActivity.js';

export const DEPLOYMENT_DIALOG = 'deployment.form';

/** The words that open the form (also what the TSI result's button sends as its command). */
export const START_PHRASES = [
  'deployment form',
  'deployment forms',
  'my deployment form',
  'my deployment forms',
  'new deployment form',
  'start a deployment form',
  'start deployment form',
  'draft a deployment form',
  'resume deployment form',
  'continue deployment form',
  'tsi deployment form',
];
const START = new Set(START_PHRASES.map(normaliseCommandText));
const NEW_FORM = new Set(['new', 'new form', 'a new form', 'start a new form', 'start new form', 'start a new one', 'new one']);

/** How the dialog is started: to open the form, or to do one of its commands from outside it. */
export type DeploymentStart = { readonly intent: 'open' } | { readonly intent: 'command'; readonly command: FormCommand };

interface FormDialogState {
  draftId?: string;
  /** The forms offered to carry on with, in the order listed. */
  choosing?: string[];
  /** Bank details given so far, sealed with the bank details key. */
  pendingBank?: string;
}

interface AskOptions {
  readonly heading?: boolean;
  /** Said before the question (and before the section's heading). */
  readonly notes?: readonly string[];
  /** About the section, shown on its heading. */
  readonly sectionNotes?: readonly string[];
  /** Shown after the section's heading, before the question. */
  readonly cards?: readonly Partial<Activity>[];
}

const MOST_DRAFTS_LISTED = 10;

const valueOf = (context: TurnContext): Record<string, unknown> => {
  const value: unknown = context.activity.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

/** What was said: typed words, or the command a card button sent. */
const wordsOf = (context: TurnContext): string => {
  const command = valueOf(context)['command'];
  return typeof command === 'string' ? command : (context.activity.text ?? '');
};

const say = async (context: TurnContext, ...messages: (string | Partial<Activity>)[]): Promise<void> => {
  for (const message of messages) await context.sendActivity(message);
};

export class DeploymentFormDialog extends Dialog<DeploymentStart> {
  constructor(private readonly context: DeploymentContext) {
    super(DEPLOYMENT_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: DeploymentStart): Promise<DialogTurnResult> {
    const actor = actorOf(dc.context);
    const allowed = decide(actor, 'deployment.create', {});
    if (!allowed.allowed) {
      await say(dc.context, refusalText(allowed));
      return dc.endDialog();
    }
    if (options?.intent !== 'command') return this.#open(dc, actor);

    const latest = (await this.context.forms.listFor(actor.aadObjectId))[0];
    if (latest === undefined) {
      await say(dc.context, 'You have no deployment form yet. Say "deployment form" to start one.');
      return dc.endDialog();
    }
    this.#state(dc).draftId = latest.draft.id;
    return this.#command(dc, actor, latest, options.command, false);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const actor = actorOf(dc.context);
    const words = wordsOf(dc.context);
    const value = valueOf(dc.context);
    if (START.has(normaliseCommandText(words))) return this.#open(dc, actor);
    const state = this.#state(dc);
    if (state.choosing !== undefined) return this.#choose(dc, actor, words, value);

    const record = state.draftId === undefined ? undefined : await this.context.forms.get(actor.aadObjectId, state.draftId);
    if (record === undefined) {
      await say(dc.context, 'I cannot find that deployment form any more. Say "deployment form" to see your forms.');
      return dc.endDialog();
    }
    const command = value['deploymentAnswer'] === undefined && value['deploymentField'] === undefined ? readFormCommand(words) : undefined;
    if (command !== undefined) return this.#command(dc, actor, record, command, true);
    return this.#answer(dc, record, words, value);
  }

  #state(dc: DialogContext): FormDialogState {
    return dc.activeDialog?.state as FormDialogState;
  }

  // Opening: a new form, or the list of drafts to carry on with.

  async #open(dc: DialogContext, actor: Actor): Promise<DialogTurnResult> {
    const state = this.#state(dc);
    delete state.choosing;
    delete state.pendingBank;
    const value = valueOf(dc.context);
    if (typeof value['draftId'] === 'string') return this.#resumeById(dc, actor, value['draftId']);
    const eligibilityCheckId = typeof value['eligibilityCheckId'] === 'string' ? value['eligibilityCheckId'] : undefined;
    if (value['newForm'] === true || eligibilityCheckId !== undefined) return this.#startNew(dc, actor, eligibilityCheckId);

    const drafts = (await this.context.forms.listFor(actor.aadObjectId)).slice(0, MOST_DRAFTS_LISTED);
    if (drafts.length === 0) return this.#startNew(dc, actor, undefined);
    state.choosing = drafts.map((record) => record.draft.id);
    const summaries = drafts.map((record) => ({ draft: record.draft, at: whereItStands(record) }));
    await say(dc.context, cardActivity(draftsCard(summaries, londonDate)), 'Which form would you like to carry on with? Press its button or say its number, or say "new" to start another.');
    return Dialog.EndOfTurn;
  }

  async #choose(dc: DialogContext, actor: Actor, words: string, value: Record<string, unknown>): Promise<DialogTurnResult> {
    const choices = this.#state(dc).choosing ?? [];
    const said = normaliseCommandText(words);
    if (value['newForm'] === true || NEW_FORM.has(said)) return this.#startNew(dc, actor, undefined);
    if (typeof value['draftId'] === 'string') return this.#resumeById(dc, actor, value['draftId']);
    const chosen = /^\d+$/.test(said) ? choices[Number(said) - 1] : undefined;
    if (chosen !== undefined) return this.#resumeById(dc, actor, chosen);
    await say(dc.context, `Please choose a form by its number, 1 to ${choices.length}, or say "new" to start another.`);
    return Dialog.EndOfTurn;
  }

  async #startNew(dc: DialogContext, actor: Actor, eligibilityCheckId: string | undefined): Promise<DialogTurnResult> {
    const { record, notes } = await startForm(this.context, actor, eligibilityCheckId);
    const state = this.#state(dc);
    delete state.choosing;
    state.draftId = record.draft.id;
    return this.#carryOnIn(dc, record, record.position.section, notes);
  }

  async #resumeById(dc: DialogContext, actor: Actor, draftId: string): Promise<DialogTurnResult> {
    const record = await this.context.forms.get(actor.aadObjectId, draftId);
    if (record === undefined) {
      await say(dc.context, 'I cannot find that form among yours. Say "deployment form" to see the forms you can carry on with.');
      return dc.endDialog();
    }
    const state = this.#state(dc);
    delete state.choosing;
    state.draftId = draftId;
    const welcome = `Welcome back to the deployment form for ${supportedName(record.draft)}.`;
    const { section, field } = record.position;
    if (field !== undefined && !isAnswered(record.draft, section, field)) return this.#ask(dc, record, { heading: true, notes: [welcome] });
    return this.#carryOnIn(dc, record, section, [welcome]);
  }

  // Answers

  async #answer(dc: DialogContext, record: DeploymentFormRecord, words: string, value: Record<string, unknown>): Promise<DialogTurnResult> {
    const { section, field } = record.position;
    if (field === undefined) return this.#carryOnIn(dc, record, section, []);
    if (typeof value['deploymentField'] === 'string' && value['deploymentField'] !== field) {
      await say(dc.context, 'That button was for an earlier question.');
      return this.#ask(dc, record);
    }
    if (section === 5) return this.#answerBankDetail(dc, record, field, words);

    const answer = parseFieldAnswer(section, field, value['deploymentAnswer'] ?? words);
    if (!answer.ok) {
      await say(dc.context, answer.errors.join(' '));
      return this.#ask(dc, record);
    }
    const fromUrn = section === 1 && field === 'urn' ? await prefillFromUrn(this.context, record.draft.ownerAadObjectId, String(answer.value)) : undefined;
    let filled: string[] = [];
    const saved = await this.#save(dc, record, (current) => {
      const answered = setField(current.draft, section, field, answer.value as FieldValue);
      const prefilled = fromUrn === undefined ? { draft: answered, filled: [] } : prefillDraft(answered, fromUrn);
      filled = prefilled.filled;
      return { ...current, draft: prefilled.draft, position: { section, field: nextQuestionAfter(prefilled.draft, section, field)?.name } };
    });
    if (saved === undefined) return dc.endDialog();
    const notes = filled.length > 0 ? [`I have filled in the ${listed(filled.map((label) => label.charAt(0).toLowerCase() + label.slice(1)))} from what I know about URN ${String(answer.value)}. Say "review" to check them.`] : [];
    if (saved.position.field !== undefined) return this.#ask(dc, saved, { notes });
    return this.#sectionDone(dc, saved, section, notes);
  }

  /** Bank details, one at a time: each checked, kept sealed until all three are in, then sealed into the form. */
  async #answerBankDetail(dc: DialogContext, record: DeploymentFormRecord, field: string, words: string): Promise<DialogTurnResult> {
    const key = this.context.bankDetailsKey;
    const state = this.#state(dc);
    if (key === undefined) {
      delete state.pendingBank;
      return this.#moveOn(dc, record, 5, [BANK_DETAILS_KEY_MISSING]);
    }
    const answer = parseFieldAnswer(5, field, words);
    if (!answer.ok) {
      await say(dc.context, answer.errors.join(' '));
      return this.#ask(dc, record);
    }
    const opened = state.pendingBank === undefined ? undefined : openPendingBankDetails(state.pendingBank, key);
    const given: PendingBankDetails = { ...(opened?.ok ? opened.value : {}), [field]: answer.value };
    const next = nextQuestionAfter(record.draft, 5, field);
    if (next !== undefined) {
      state.pendingBank = sealPendingBankDetails(given, key);
      const saved = await this.#save(dc, record, (current) => ({ ...current, position: { section: 5, field: next.name } }));
      return saved === undefined ? dc.endDialog() : this.#ask(dc, saved);
    }
    delete state.pendingBank;
    const details = BankDetailsSchema.safeParse(given);
    if (!details.success) {
      await say(dc.context, 'I have lost the details you gave before this one, so let us take them again from the start. Nothing was saved.');
      const saved = await this.#save(dc, record, (current) => ({ ...current, position: { section: 5, field: 'accountName' } }));
      return saved === undefined ? dc.endDialog() : this.#ask(dc, saved);
    }
    const saved = await this.#save(dc, record, (current) => ({ ...current, draft: sealBankDetails(current.draft, details.data, key), position: { section: 5 } }));
    if (saved === undefined) return dc.endDialog();
    const masked = saved.draft.sections[5].masked as MaskedBankDetails;
    return this.#moveOn(dc, saved, 5, [
      `Thank you: your bank details are saved, encrypted. I only ever show them masked: ${masked.accountName}, sort code ${masked.sortCode}, account number ${masked.accountNumber}.`,
    ]);
  }

  // Commands

  async #command(dc: DialogContext, actor: Actor, record: DeploymentFormRecord, command: FormCommand, inForm: boolean): Promise<DialogTurnResult> {
    const context = dc.context;
    const ref = refOf(record);
    switch (command.kind) {
      case 'back': {
        const back = previousPosition(record.draft, record.position);
        if (back === undefined) {
          await say(context, 'This is the first question of the form: there is nothing before it.');
          return this.#ask(dc, record);
        }
        const changesSection = back.section !== record.position.section;
        // Bank details are given together, so going back into section 5 starts it again.
        return this.#goTo(dc, record, changesSection && back.section === 5 ? startOfSection(record.draft, 5) : back, { heading: changesSection });
      }
      case 'skip': {
        const { section, field } = record.position;
        if (section === 5) {
          delete this.#state(dc).pendingBank;
          return this.#moveOn(dc, record, 5, ['I will leave the bank details for now.']);
        }
        const next = nextQuestionAfter(record.draft, section, field);
        if (next !== undefined) return this.#goTo(dc, record, { section, field: next.name });
        return this.#sectionDone(dc, record, section, []);
      }
      case 'review':
        await say(context, cardActivity(sectionReviewCard({ ref, draft: record.draft, section: record.position.section, canEdit: true })));
        return this.#afterCommand(dc, record, inForm);
      case 'sectionCard': {
        const { section } = record.position;
        const card = sectionFormCard({
          ref,
          draft: record.draft,
          section,
          today: this.context.today(),
          bankDetailsKeyMissing: this.context.bankDetailsKey === undefined,
        });
        await say(context, cardActivity(card), 'Fill it in and press Save, or carry on answering here.');
        return this.#afterCommand(dc, record, inForm);
      }
      case 'goTo':
        return this.#goToSection(dc, actor, record, command.section, inForm);
      case 'noSuchSection':
        await say(context, `The form has sections 1 to 8, so there is no section ${command.section}.`);
        return this.#afterCommand(dc, record, inForm);
      case 'delivered':
      case 'agreedDays':
      case 'progress': {
        let shown = record;
        let notice: string | undefined;
        if (command.kind !== 'progress') {
          const recorded =
            command.kind === 'delivered' ? await recordDay(this.context, actor, record, command.text) : await recordAgreedDays(this.context, actor, record, command.days);
          if (!recorded.ok) {
            await say(context, recorded.errors.join(' '));
            return this.#afterCommand(dc, record, inForm);
          }
          shown = recorded.value.record;
          notice = recorded.value.notice;
        }
        await say(context, cardActivity(progressCard({ ref, draft: shown.draft, sentToSchool: shown.schoolRequest !== undefined, ...(notice ? { notice } : {}) })));
        return this.#afterCommand(dc, shown, inForm);
      }
      case 'sendToSchool':
        await say(context, await sendToSchool(this.context, actor, record));
        return this.#afterCommand(dc, (await this.context.forms.get(ref.ownerAadObjectId, ref.draftId)) ?? record, inForm);
      case 'export': {
        const exported = await exportForm(this.context, actor, record);
        await say(context, exported.ok ? cardActivity(exported.value) : exported.errors.join(' '));
        return this.#afterCommand(dc, record, inForm);
      }
    }
  }

  /** After a command said inside the form, the question is asked again; from outside it, the conversation ends there. */
  async #afterCommand(dc: DialogContext, record: DeploymentFormRecord, inForm: boolean): Promise<DialogTurnResult> {
    if (!inForm || record.position.field === undefined) return dc.endDialog();
    return this.#ask(dc, record);
  }

  async #goToSection(dc: DialogContext, actor: Actor, record: DeploymentFormRecord, section: SectionNumber, inForm: boolean): Promise<DialogTurnResult> {
    if (section === 7) {
      const decision = decide(actor, 'deployment.confirmSection7', resourceOf(record));
      if (!decision.allowed) await say(dc.context, refusalText(decision));
      return this.#afterCommand(dc, record, inForm);
    }
    if (section === 5 && this.context.bankDetailsKey === undefined) {
      await say(dc.context, BANK_DETAILS_KEY_MISSING);
      return this.#afterCommand(dc, record, inForm);
    }
    const sectionNotes = isSectionOpen(record.draft, section)
      ? []
      : [`Section ${section} is due after day ${sectionDueAfterDay(section, agreedDaysOf(record.draft))} of support; you can fill it in now if you are ready.`];
    const cards = section === 8 ? [await this.#submission(actor, record)] : [];
    return this.#goTo(dc, record, startOfSection(record.draft, section), { heading: true, sectionNotes, cards });
  }

  async #goTo(dc: DialogContext, record: DeploymentFormRecord, position: FormPosition, options: AskOptions = {}): Promise<DialogTurnResult> {
    const saved = await this.#save(dc, record, (current) => ({ ...current, position }));
    return saved === undefined ? dc.endDialog() : this.#ask(dc, saved, options);
  }

  // Moving from section to section

  /** A section has no question left: say so, and move on. */
  async #sectionDone(dc: DialogContext, record: DeploymentFormRecord, section: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const { complete, missing, problems } = sectionCompleteness(record.draft, section);
    const done = complete
      ? `That is section ${section} done.`
      : missing.length > 0
        ? `That is the end of section ${section}. Still to answer: ${missing.join(', ')}. Say "go to section ${section}" when you have them.`
        : `That is the end of section ${section}, but please check it: ${problems.join(' ')} Say "go to section ${section}" to change it.`;
    return this.#moveOn(dc, record, section, [...notes, done]);
  }

  /** Carries on in a section (when it is open and has questions left), or moves on from it. */
  async #carryOnIn(dc: DialogContext, record: DeploymentFormRecord, section: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const bankDetailsDone = section === 5 && (isAnswered(record.draft, 5, 'accountName') || this.context.bankDetailsKey === undefined);
    const next = bankDetailsDone ? undefined : nextQuestionAfter(record.draft, section);
    if (next === undefined) return this.#moveOn(dc, record, section, notes);
    if (!isSectionOpen(record.draft, section)) return this.#pause(dc, record, section, notes);
    return this.#goTo(dc, record, { section, field: next.name }, { heading: true, notes });
  }

  async #moveOn(dc: DialogContext, record: DeploymentFormRecord, from: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const said = [...notes];
    let next = sectionAfter(from);
    if (next === 5 && this.context.bankDetailsKey === undefined) {
      if (!isAnswered(record.draft, 5, 'accountName')) said.push(`Section 5 is your bank details. ${BANK_DETAILS_KEY_MISSING}`);
      next = sectionAfter(5);
    }
    if (next === undefined) {
      const saved = await this.#save(dc, record, (current) => ({ ...current, position: { section: from } }));
      if (saved !== undefined) {
        await say(dc.context, [...said, 'That is the end of the form. Say "export deployment form" to download it, or "go to section 8" to change the dates.'].join('\n\n'));
      }
      return dc.endDialog();
    }
    if (!isSectionOpen(record.draft, next)) return this.#pause(dc, record, next, said);
    const cards: Partial<Activity>[] = [];
    if (next === 8) {
      said.push('Section 7 is for the school or trust: when you are ready, say "send to school" and I will send their headteacher (or chief executive) the work reported to confirm.');
      cards.push(await this.#submission(actorOf(dc.context), record));
    }
    return this.#goTo(dc, record, startOfSection(record.draft, next), { heading: true, notes: said, cards });
  }

  /** The next section is not due yet: stop here, and say when it will be. */
  async #pause(dc: DialogContext, record: DeploymentFormRecord, section: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const saved = await this.#save(dc, record, (current) => ({ ...current, position: { section } }));
    if (saved === undefined) return dc.endDialog();
    // Only the mid-engagement section (3) and the report-and-claim steps have reminders.
    const reminder = section === 3 ? ' I will remind you when it is due.' : '';
    const due = `Section ${section} (${sectionTitle(section)}) is due after day ${sectionDueAfterDay(section, agreedDaysOf(record.draft))} of support, so that is all for now.${reminder} Tell me each day as you deliver it, like "delivered day 3 on 12 March". To carry on now anyway, say "go to section ${section}".`;
    await say(dc.context, [...notes, due].join('\n\n'));
    return dc.endDialog();
  }

  /** Section 8's card: where to send the form, and the form to download. */
  async #submission(actor: Actor, record: DeploymentFormRecord): Promise<Partial<Activity>> {
    const exported = await exportForm(this.context, actor, record);
    return exported.ok ? cardActivity(exported.value) : { text: exported.errors.join(' ') };
  }

  // Asking

  /** Asks the question at the form's position: a card where the form has a dropdown, plain words otherwise. */
  async #ask(dc: DialogContext, record: DeploymentFormRecord, options: AskOptions = {}): Promise<DialogTurnResult> {
    const { section, field } = record.position;
    const spec = field === undefined ? undefined : fieldSpec(section, field);
    if (spec === undefined) return this.#carryOnIn(dc, record, section, options.notes ?? []);
    const messages: (string | Partial<Activity>)[] = [];
    const notes = options.notes ?? [];
    if (notes.length > 0) messages.push(notes.join('\n\n'));
    if (options.heading === true) {
      const sectionNotes = [...(options.sectionNotes ?? []), ...(section === 5 ? ['I keep bank details encrypted and only ever show them masked.'] : [])];
      messages.push(cardActivity(sectionStartCard({ ref: refOf(record), section, notes: sectionNotes })));
    }
    messages.push(...(options.cards ?? []));
    const saved = savedAnswer(record, section, spec.name);
    const current = saved === undefined ? undefined : currentAnswerLine(saved);
    if (isAskedOnACard(spec)) messages.push(cardActivity(questionCard({ field: spec, current })));
    else messages.push(current === undefined ? spec.question : `${spec.question}\n\n${current}`);
    await say(dc.context, ...messages);
    return Dialog.EndOfTurn;
  }

  /** Saves a change to the form; when the form has gone, says so and resolves with undefined. */
  async #save(dc: DialogContext, record: DeploymentFormRecord, change: (current: DeploymentFormRecord) => DeploymentFormRecord): Promise<DeploymentFormRecord | undefined> {
    const saved = await this.context.forms.update(record.draft.ownerAadObjectId, record.draft.id, this.context.deps.now(), change);
    if (saved === undefined) await say(dc.context, 'I cannot find that deployment form any more. Say "deployment form" to see your forms.');
    return saved;
  }
}

/** A saved answer in words, for a question asked again; bank details only ever masked. */
function savedAnswer(record: DeploymentFormRecord, section: SectionNumber, field: string): string | undefined {
  if (section === 5) {
    const masked = record.draft.sections[5].masked;
    return masked === undefined ? undefined : masked[field as keyof MaskedBankDetails];
  }
  const value = (record.draft.sections[section] as SectionValues)[field];
  const spec = fieldSpec(section, field);
  return value === undefined || spec === undefined ? undefined : String(displayAnswer(spec, value as FieldValue));
}

/** Where a form's conversation stands, for the list of forms to carry on with. */
function whereItStands(record: DeploymentFormRecord): string {
  const { section, field } = record.position;
  const label = field === undefined ? undefined : fieldSpec(section, field)?.label;
  return label === undefined ? `section ${section} (${sectionTitle(section)})` : `section ${section}, ${label}`;
}
