import { InputHints, MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import type { Result } from '../../domain/result.js';
import { askWithChoices } from '../tapPrompts.js';
import { normaliseCommandText } from '../../domain/text.js';

/** A typed answer, or "change": the user wants to give what the directory filled in themselves. */
export type Answer<T> = { readonly change: true } | { readonly change: false; readonly value: T };

/** What one asking of a question needs, carried in the prompt's options (so it survives a restart). */
export interface QuestionContext {
  /** Whether "change" is accepted as an answer. */
  readonly allowChange: boolean;
  /** The latest judgement's date, when asking for the one before it. */
  readonly latestDate?: string;
  /** For a yes-or-no question: what it means and where each answer leads, said to "not sure". */
  readonly whenUnsure?: string;
}

export interface AnswerContext {
  readonly today: string;
  readonly choices: readonly string[];
  readonly latestDate: string | undefined;
  readonly whenUnsure: string | undefined;
}

export type AnswerParser<T> = (text: string, context: AnswerContext) => Result<T>;

interface AskState {
  reason?: string;
}

export interface AskOptions extends PromptOptions {
  readonly prompt: string;
  readonly choices?: string[];
  readonly validations: QuestionContext;
}

/**
 * Asks one question in plain words, with buttons when it has choices, and reads the answer with
 * a pure parser. An answer the parser refuses is asked again with its reason, in one message.
 */
export class AnswerPrompt<T> extends Prompt<Answer<T>> {
  readonly #parse: AnswerParser<T>;
  readonly #today: () => string;

  constructor(dialogId: string, parse: AnswerParser<T>, today: () => string) {
    super(dialogId);
    this.#parse = parse;
    this.#today = today;
  }

  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const question = typeof options.prompt === 'string' ? options.prompt : '';
    const reason = isRetry ? (state as AskState).reason : undefined;
    const text = reason ? `${reason}\n\n${question}` : question;
    const choices = options.choices ?? [];
    if (choices.length > 0) await askWithChoices(context, text, choices);
    else await context.sendActivity(MessageFactory.text(text, undefined, InputHints.ExpectingInput));
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<Answer<T>>> {
    const text = context.activity.text ?? '';
    const question = (options.validations ?? { allowChange: false }) as QuestionContext;
    if (question.allowChange && normaliseCommandText(text) === 'change') return { succeeded: true, value: { change: true } };
    const choices = (options.choices ?? []).map((choice) => (typeof choice === 'string' ? choice : choice.value));
    const result = this.#parse(text, { today: this.#today(), choices, latestDate: question.latestDate, whenUnsure: question.whenUnsure });
    if (result.ok) return { succeeded: true, value: { change: false, value: result.value } };
    (state as AskState).reason = result.errors.join(' ');
    return { succeeded: false };
  }
}
