/**
 * The deployment form in conversation: one question at a time, saved after every answer, with
 * "back", "skip", "review", "go to section N" and the form's other commands at every question.
 * Where the conversation stands is kept on the form itself, so after a restart, or from another
 * device, it carries on at the same question; the dialog's own state holds only which form it is
 * on and, while bank details are being given, those given so far, sealed.
 */
import { type Activity, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { confirmerRole, recipientNoun } from '../../domain/deploymentLifecycle/recipientNoun.js';
import { actorOf, type Actor } from '../actor.js';
import {
  answeredQuestionCard,
  BANK_DETAILS_KEY_MISSING,
  currentAnswerLine,
  draftsCard,
  isAskedOnACard,
  questionCard,
  savedAnswerLine,
  sectionStartCard,
  supportedName,
} from '../../cards/deploymentCards.js';
import { checkAnswer } from '../../domain/deployment/answerChecks.js';
import { BankDetailsSchema, type MaskedBankDetails } from '../../domain/deployment/bankDetails.js';
import { sealBankDetails } from '../../domain/deployment/draft.js';
import { readFormCommand, type FormCommand } from '../../domain/deployment/formCommands.js';
import {
  answerInWords,
  displayAnswer,
  fieldSpec,
  optionalLeftBlank,
  parseFieldAnswer,
  sectionCompleteness,
  sectionTitle,
  setField,
  type FieldValue,
  type SectionNumber,
} from '../../domain/deployment/form.js';
import {
  hasQuestionsLeft,
  isAnswered,
  isSectionOpen,
  nextQuestionAfter,
  nextSectionToFill,
  previousPosition,
  restartSection,
  sectionInHand,
  startOfSection,
  whoFillsIn,
  type FormPosition,
} from '../../domain/deployment/navigation.js';
import { openPendingBankDetails, sealPendingBankDetails, type PendingBankDetails } from '../../domain/deployment/pendingBankDetails.js';
import { prefillDraft } from '../../domain/deployment/prefill.js';
import { formProgress } from '../../domain/deployment/progress.js';
import { agreedDaysOf, isReminded, sectionDueAfterDay } from '../../domain/deployment/timeline.js';
import { decide, refusalText } from '../../domain/access/policy.js';
import type { DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { readFormMessage, type FormMessage } from './cardData.js';
import { londonDate, refOf, resourceOf, type DeploymentContext } from './context.js';
import { exportForm, prefillFromUrn, replyToCommand, startForm } from './formActions.js';
import { questionHelp } from '../../domain/deployment/questionHelp.js';
import { listed, normaliseCommandText, ordinalChoice, saysUnsure } from '../../domain/text.js';
import { cardActivity } from '../cardActivity.js';

export const DEPLOYMENT_DIALOG = 'deployment.form';

/** The words that open the form (also what the TSI result's button sends as its command). */
export const START_PHRASES = [
  'deployment form',
  'deployment forms',
  'my deployment form',
  'my deployment forms',
  'start a deployment form',
  'start deployment form',
  'draft a deployment form',
  'resume deployment form',
  'continue deployment form',
  'tsi deployment form',
];
/** The words that start another form, whatever forms there are already. */
export const NEW_FORM_PHRASES = ['new deployment form', 'start a new deployment form', 'a new deployment form'];
const START = new Set(START_PHRASES.map(normaliseCommandText));
const NEW_FORM = new Set(['new', 'new form', 'a new form', 'start a new form', 'start new form', 'start a new one', 'new one', ...NEW_FORM_PHRASES]);

/** How the dialog is started: to open the form (or a new one), or to do one of its commands from outside it. */
export type DeploymentStart = { readonly intent: 'open'; readonly newForm?: boolean } | { readonly intent: 'command'; readonly command: FormCommand };

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

/** What was said: typed words, or the command a card button sent. */
const wordsOf = (context: TurnContext, message: FormMessage): string => message.command ?? context.activity.text ?? '';

const CARD_NOT_READ = 'Some of what the card sent is not valid, so nothing was saved. Please answer again.';

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
    if (options?.intent !== 'command') return this.#open(dc, actor, options?.newForm === true);

    const latest = (await this.context.queries.formsOf(actor.aadObjectId))[0];
    if (latest === undefined) {
      await say(dc.context, 'You have no deployment form yet. Say "deployment form" to start one.');
      return dc.endDialog();
    }
    this.#state(dc).draftId = latest.draft.id;
    return this.#command(dc, actor, latest, options.command, false);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const actor = actorOf(dc.context);
    const message = readFormMessage(dc.context.activity.value);
    if (message === undefined) {
      await say(dc.context, CARD_NOT_READ);
      return Dialog.EndOfTurn;
    }
    const words = normaliseCommandText(wordsOf(dc.context, message));
    if (NEW_FORM_PHRASES.includes(words)) return this.#startNew(dc, actor, undefined);
    if (START.has(words)) return this.#open(dc, actor, false);
    const state = this.#state(dc);
    if (state.choosing !== undefined) return this.#choose(dc, actor, words, message);

    const record = state.draftId === undefined ? undefined : await this.context.forms.get(actor.aadObjectId, state.draftId);
    if (record === undefined) {
      await say(dc.context, 'I cannot find that deployment form any more. Say "deployment form" to see your forms.');
      return dc.endDialog();
    }
    const tapped = message.deploymentField !== undefined || message.deploymentAnswer !== undefined;
    const command = tapped ? undefined : readFormCommand(wordsOf(dc.context, message));
    if (command !== undefined) return this.#command(dc, actor, record, command, true);
    return this.#answer(dc, record, wordsOf(dc.context, message), message);
  }

  #state(dc: DialogContext): FormDialogState {
    return dc.activeDialog?.state as FormDialogState;
  }

  // Opening: a new form, the one form there is, or the list of drafts to carry on with.

  async #open(dc: DialogContext, actor: Actor, newForm: boolean): Promise<DialogTurnResult> {
    const state = this.#state(dc);
    delete state.choosing;
    delete state.pendingBank;
    const message = readFormMessage(dc.context.activity.value) ?? {};
    if (message.draftId !== undefined) return this.#resumeById(dc, actor, message.draftId, []);
    if (newForm || message.newForm === true || message.eligibilityCheckId !== undefined) return this.#startNew(dc, actor, message.eligibilityCheckId);

    const drafts = (await this.context.queries.formsOf(actor.aadObjectId)).slice(0, MOST_DRAFTS_LISTED);
    const [only] = drafts;
    if (only === undefined) return this.#startNew(dc, actor, undefined);
    if (drafts.length === 1) return this.#resumeById(dc, actor, only.draft.id, ['To start another form instead, say "new deployment form".']);
    state.choosing = drafts.map((record) => record.draft.id);
    const summaries = drafts.map((record) => ({ draft: record.draft, position: record.position }));
    await say(dc.context, cardActivity(draftsCard(summaries, londonDate)), 'Which form would you like to carry on with? Press its button or say which, like "the first", or say "new" to start another.');
    return Dialog.EndOfTurn;
  }

  async #choose(dc: DialogContext, actor: Actor, said: string, message: FormMessage): Promise<DialogTurnResult> {
    const choices = this.#state(dc).choosing ?? [];
    if (message.newForm === true || NEW_FORM.has(said)) return this.#startNew(dc, actor, undefined);
    if (message.draftId !== undefined) return this.#resumeById(dc, actor, message.draftId, []);
    const position = /^\d+$/.test(said) ? Number(said) - 1 : ordinalChoice(said, choices.length);
    const chosen = position === undefined ? undefined : choices[position];
    if (chosen !== undefined) return this.#resumeById(dc, actor, chosen, []);
    if (readFormCommand(said)?.kind === 'startOver') return this.#open(dc, actor, false);
    await say(dc.context, `There are ${choices.length} forms: press one, or say which, like "the first" or "the last", or say "new" to start another.`);
    return Dialog.EndOfTurn;
  }

  async #startNew(dc: DialogContext, actor: Actor, eligibilityCheckId: string | undefined): Promise<DialogTurnResult> {
    const { record, notes } = await startForm(this.context, actor, eligibilityCheckId);
    const state = this.#state(dc);
    delete state.choosing;
    delete state.pendingBank;
    state.draftId = record.draft.id;
    return this.#carryOnIn(dc, record, record.position.section, notes);
  }

  async #resumeById(dc: DialogContext, actor: Actor, draftId: string, notes: readonly string[]): Promise<DialogTurnResult> {
    const record = await this.context.forms.get(actor.aadObjectId, draftId);
    if (record === undefined) {
      await say(dc.context, 'I cannot find that form among yours. Say "deployment form" to see the forms you can carry on with.');
      return dc.endDialog();
    }
    const state = this.#state(dc);
    delete state.choosing;
    state.draftId = draftId;
    const welcome = [`Welcome back to the deployment form for ${supportedName(record.draft)}.`, ...notes];
    const { section, field } = record.position;
    if (field !== undefined && !isAnswered(record.draft, section, field)) return this.#ask(dc, record, { heading: true, notes: welcome });
    if (hasQuestionsLeft(record.draft, section) && !isSectionOpen(record.draft, section)) return this.#pause(dc, record, section, welcome, true);
    return this.#carryOnIn(dc, record, section, welcome);
  }

  // Answers

  async #answer(dc: DialogContext, record: DeploymentFormRecord, words: string, message: FormMessage): Promise<DialogTurnResult> {
    const { section, field, revisiting } = record.position;
    if (field === undefined) return this.#carryOnIn(dc, record, section, []);
    if (message.deploymentField !== undefined && message.deploymentField !== field) {
      await say(dc.context, 'That button was for an earlier question.');
      return this.#ask(dc, record);
    }
    if (message.deploymentAnswer === undefined && saysUnsure(words)) {
      await say(dc.context, questionHelp(section, field));
      return this.#ask(dc, record);
    }
    if (section === 5) return this.#answerBankDetail(dc, record, field, words);

    const read = parseFieldAnswer(section, field, message.deploymentAnswer ?? words);
    const answer = read.ok ? checkAnswer(record.draft, section, field, read.value, this.context.today()) : read;
    if (!answer.ok) {
      await say(dc.context, answer.errors.join(' '));
      return this.#ask(dc, record);
    }
    const fromUrn = section === 1 && field === 'urn' ? await prefillFromUrn(this.context, record.draft.ownerAadObjectId, String(answer.value)) : undefined;
    let filled: string[] = [];
    const saved = await this.#save(dc, record, (current) => {
      const answered = setField(current.draft, section, field, answer.value);
      const prefilled = fromUrn === undefined ? { draft: answered, filled: [] } : prefillDraft(answered, fromUrn);
      filled = prefilled.filled;
      return { ...current, draft: prefilled.draft, position: { section, field: nextQuestionAfter(prefilled.draft, section, field, revisiting)?.name, revisiting } };
    });
    if (saved === undefined) return dc.endDialog();
    const notes = message.deploymentField === undefined ? [] : [await this.#echo(dc.context, section, field, answer.value)];
    if (filled.length > 0) {
      notes.push(`I have filled in the ${listed(filled.map((label) => label.charAt(0).toLowerCase() + label.slice(1)))} from what I know about URN ${String(answer.value)}. Say "review" to check them.`);
    }
    if (saved.position.field !== undefined) return this.#ask(dc, saved, { notes });
    return this.#sectionDone(dc, saved, section, notes);
  }

  /**
   * An answer given by a button or a choice list: Teams shows no message of the user's for it, so
   * the chat says what was saved, and the question's card is drawn again with the answer on it.
   */
  async #echo(context: TurnContext, section: SectionNumber, field: string, value: FieldValue): Promise<string> {
    const spec = fieldSpec(section, field);
    const answer = spec === undefined ? String(value) : String(displayAnswer(spec, value));
    const cardMessageId = context.activity.replyToId;
    if (spec !== undefined && cardMessageId !== undefined) {
      try {
        await context.updateActivity({ ...cardActivity(answeredQuestionCard({ question: spec.question, answer })), type: 'message', id: cardMessageId });
      } catch (error) {
        // The answer is saved and said in the chat; an old card left as it was is no reason to stop.
        this.context.deps.logger.warn({ err: (error as Error).message }, 'could not redraw an answered question card');
      }
    }
    return savedAnswerLine(answer);
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
    switch (command.kind) {
      case 'back': {
        const from: FormPosition = record.position.field === undefined ? { section: sectionInHand(record.draft, record.position) } : record.position;
        const back = previousPosition(record.draft, from);
        if (back === undefined) {
          await say(context, 'This is the first question of the form: there is nothing before it.');
          return this.#ask(dc, record);
        }
        return this.#goTo(dc, record, back, { heading: back.section !== record.position.section || record.position.field === undefined });
      }
      case 'skip': {
        const { section, field, revisiting } = record.position;
        if (section === 5) {
          delete this.#state(dc).pendingBank;
          return this.#moveOn(dc, record, 5, ['I will leave the bank details for now.']);
        }
        const next = nextQuestionAfter(record.draft, section, field, revisiting);
        if (next !== undefined) return this.#goTo(dc, record, { section, field: next.name, revisiting });
        return this.#sectionDone(dc, record, section, []);
      }
      case 'startOver': {
        const section = sectionInHand(record.draft, record.position);
        delete this.#state(dc).pendingBank;
        const kept = section === 5 ? 'Bank details are given all three together, so the ones saved stay until you give all three again.' : 'Your answers are kept: I show each one, so give a new answer to change it, or say "skip" to keep it.';
        return this.#goTo(dc, record, restartSection(record.draft, section), {
          heading: true,
          notes: [`Starting section ${section} (${sectionTitle(section)}) again from its first question. ${kept} To start a whole new form instead, say "new deployment form".`],
        });
      }
      case 'goTo':
        return this.#goToSection(dc, actor, record, command.section, inForm);
      default: {
        const reply = await replyToCommand(this.context, actor, record, command);
        await say(context, ...reply.messages);
        return this.#afterCommand(dc, reply.record, inForm);
      }
    }
  }

  /** After a command said inside the form, the question is asked again; from outside it, the conversation ends there. */
  async #afterCommand(dc: DialogContext, record: DeploymentFormRecord, inForm: boolean): Promise<DialogTurnResult> {
    if (!inForm || record.position.field === undefined) return dc.endDialog();
    return this.#ask(dc, record);
  }

  async #goToSection(dc: DialogContext, actor: Actor, record: DeploymentFormRecord, section: SectionNumber, inForm: boolean): Promise<DialogTurnResult> {
    switch (whoFillsIn(section, this.context.bankDetailsKey !== undefined)) {
      case 'supportedSchool': {
        const decision = decide(actor, 'deployment.confirmSection7', resourceOf(record));
        if (!decision.allowed) await say(dc.context, refusalText(decision));
        return this.#afterCommand(dc, record, inForm);
      }
      case 'nobodyUntilBankDetailsKeySet':
        await say(dc.context, BANK_DETAILS_KEY_MISSING);
        return this.#afterCommand(dc, record, inForm);
      case 'systemLeader': {
        const sectionNotes = isSectionOpen(record.draft, section)
          ? []
          : [`Section ${section} is due after day ${sectionDueAfterDay(section, agreedDaysOf(record.draft))} of support; you can fill it in now if you are ready.`];
        return this.#goTo(dc, record, startOfSection(record.draft, section), { heading: true, sectionNotes, cards: await this.#cardsOnArrival(actor, record, section) });
      }
    }
  }

  async #goTo(dc: DialogContext, record: DeploymentFormRecord, position: FormPosition, options: AskOptions = {}): Promise<DialogTurnResult> {
    const saved = await this.#save(dc, record, (current) => ({ ...current, position }));
    return saved === undefined ? dc.endDialog() : this.#ask(dc, saved, options);
  }

  // Moving from section to section

  /** A section has no question left: say so, and move on. */
  async #sectionDone(dc: DialogContext, record: DeploymentFormRecord, section: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const { complete, missing, problems } = sectionCompleteness(record.draft, section);
    const blank = optionalLeftBlank(record.draft, section);
    const leftBlank = blank.length === 0 ? '' : ` You left ${listed(blank)} blank, which is optional: say "go to section ${section}" to add ${blank.length === 1 ? 'it' : 'them'}.`;
    const done = complete
      ? `That is section ${section} done.${leftBlank}`
      : missing.length > 0
        ? `That is the end of section ${section}. Still to answer: ${missing.join(', ')}. Say "go to section ${section}" when you have them.`
        : `That is the end of section ${section}, but please check it: ${problems.join(' ')} Say "go to section ${section}" to change it.`;
    return this.#moveOn(dc, record, section, [...notes, done]);
  }

  /** Carries on in a section (when it is open and has questions left), or moves on from it. */
  async #carryOnIn(dc: DialogContext, record: DeploymentFormRecord, section: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const canAsk = whoFillsIn(section, this.context.bankDetailsKey !== undefined) === 'systemLeader' && hasQuestionsLeft(record.draft, section);
    const next = canAsk ? startOfSection(record.draft, section) : undefined;
    if (next?.field === undefined) return this.#moveOn(dc, record, section, notes);
    if (!isSectionOpen(record.draft, section)) return this.#pause(dc, record, section, notes);
    return this.#goTo(dc, record, next, { heading: true, notes });
  }

  /** On from a section: to the next one with questions left, skipping those already complete. */
  async #moveOn(dc: DialogContext, record: DeploymentFormRecord, from: SectionNumber, notes: readonly string[]): Promise<DialogTurnResult> {
    const said = [...notes];
    const { section: next, bankDetailsPassedOver } = nextSectionToFill(record.draft, from, this.context.bankDetailsKey !== undefined);
    if (bankDetailsPassedOver) said.push(`Section 5 is your bank details. ${BANK_DETAILS_KEY_MISSING}`);
    if (next === undefined) {
      const saved = await this.#save(dc, record, (current) => ({ ...current, position: { section: from } }));
      if (saved !== undefined) {
        await say(dc.context, [...said, 'That is the end of the form. Say "review" to check this section, "export deployment form" to download it, or "go to section 8" to change the dates.'].join('\n\n'));
      }
      return dc.endDialog();
    }
    if (!isSectionOpen(record.draft, next)) return this.#pause(dc, record, next, said);
    const actor = actorOf(dc.context);
    return this.#goTo(dc, record, startOfSection(record.draft, next), { heading: true, notes: said, cards: await this.#cardsOnArrival(actor, record, next) });
  }

  /**
   * The next section is not due yet: stop here, and say when it will be. Resuming a form that
   * waits there, also say where the deployment stands: nothing is due, or what is left to answer.
   */
  async #pause(dc: DialogContext, record: DeploymentFormRecord, section: SectionNumber, notes: readonly string[], resumed = false): Promise<DialogTurnResult> {
    const saved = await this.#save(dc, record, (current) => ({ ...current, position: { section } }));
    if (saved === undefined) return dc.endDialog();
    const dueAfter = sectionDueAfterDay(section, agreedDaysOf(saved.draft));
    const reminder = isReminded(section) ? ' I will remind you when it is due.' : '';
    const days = saved.draft.daysDeliveredLog.length;
    const due = resumed
      ? `Section ${section} (${sectionTitle(section)}) is next, due after day ${dueAfter} of support; you have told me of ${days} ${days === 1 ? 'day' : 'days'} so far.${reminder}`
      : `Section ${section} (${sectionTitle(section)}) is due after day ${dueAfter} of support, so that is all for now.${reminder}`;
    const unfinished = resumed ? formProgress(saved.draft).sections.filter((progress) => progress.due && progress.section < section && progress.missing.length > 0) : [];
    const left = unfinished.map((progress) => `Still to answer in section ${progress.section}: ${progress.missing.join(', ')} (say "go to section ${progress.section}").`);
    const how = `Tell me each day as you deliver it, like "delivered day 3 on 12 March". Say "review" to check what you have given. To carry on now anyway, say "go to section ${section}".`;
    await say(dc.context, [...notes, due, ...left, how].join('\n\n'));
    return dc.endDialog();
  }

  /** What comes with a section's heading: section 8 brings where to send the form and the form to download. */
  async #cardsOnArrival(actor: Actor, record: DeploymentFormRecord, section: SectionNumber): Promise<Partial<Activity>[]> {
    if (section !== 8) return [];
    const exported = await exportForm(this.context, actor, record);
    const noun = recipientNoun({ kind: record.draft.sections[1].recipientKind });
    return [
      { text: `Section 7 is for the ${noun}: when you are ready, say "send to ${noun}" and I will send their ${confirmerRole(noun)} the work reported to confirm.` },
      exported.ok ? cardActivity(exported.value) : { text: exported.errors.join(' ') },
    ];
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
      const sectionNotes = [...(options.sectionNotes ?? []), ...(spec.sensitive ? ['I keep bank details encrypted and only ever show them masked.'] : [])];
      messages.push(cardActivity(sectionStartCard({ ref: refOf(record), section, notes: sectionNotes })));
    }
    messages.push(...(options.cards ?? []));
    const saved = answerInWords(record.draft, section, spec.name);
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
