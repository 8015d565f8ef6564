import { InputHints, type TurnContext } from 'botbuilder';
import { ChoicePrompt, ConfirmPrompt, type Choice, type FoundChoice, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { saysUnsure } from '../domain/text.js';
import { choiceCard } from '../cards/choiceCard.js';
import { cardActivity } from './cardActivity.js';

/** The question a prompt asks this time (its retry wording when asked again), as plain text. */
function questionOf(options: PromptOptions, isRetry: boolean): string {
  const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
  return typeof prompt === 'string' ? prompt : (prompt?.text ?? '');
}

/** Sends a question with its choices as a tap-to-answer card: the one way every journey offers choices. */
export async function askWithChoices(context: TurnContext, question: string, choices: readonly (string | Choice)[]): Promise<void> {
  const values = choices.map((choice) => (typeof choice === 'string' ? choice : choice.value));
  await context.sendActivity({ ...cardActivity(choiceCard(question, values)), inputHint: InputHints.ExpectingInput });
}

/**
 * What a question says to "not sure" ("I don't know", "no idea"…): carried in the prompt's
 * `validations`, so that each question explains itself and says where each answer leads.
 */
export interface UnsureHelp {
  readonly whenUnsure?: string;
}

interface UnsureState {
  unsure?: string;
}

/** The question, asked again after "not sure" with its explanation first. */
function questionAfterUnsure(state: object, options: PromptOptions, isRetry: boolean): string {
  const unsure = isRetry ? (state as UnsureState).unsure : undefined;
  delete (state as UnsureState).unsure;
  return unsure ? `${unsure}\n\n${questionOf(options, false)}` : questionOf(options, isRetry);
}

/** "Not sure" to a question that explains itself: not an answer, so the question is asked again with its explanation. */
function heardUnsure(context: TurnContext, state: object, options: PromptOptions): boolean {
  const whenUnsure = (options.validations as UnsureHelp | undefined)?.whenUnsure;
  if (!whenUnsure || !saysUnsure(context.activity.text ?? '')) return false;
  (state as UnsureState).unsure = whenUnsure;
  return true;
}

/** botbuilder's ChoicePrompt (typed answers recognised as before), asking with a tap-to-answer card instead of imBack buttons. */
export class TapChoicePrompt extends ChoicePrompt {
  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    await askWithChoices(context, questionAfterUnsure(state, options, isRetry), options.choices ?? []);
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    return heardUnsure(context, state, options) ? { succeeded: false } : super.onRecognize(context, state, options);
  }
}

/** botbuilder's ConfirmPrompt (yes, no, y, nope… recognised as before), asking with Yes and No buttons that work by tap. */
export class TapConfirmPrompt extends ConfirmPrompt {
  protected override async onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    await askWithChoices(context, questionAfterUnsure(state, options, isRetry), ['Yes', 'No']);
  }

  protected override async onRecognize(context: TurnContext, state: object, options: PromptOptions): Promise<PromptRecognizerResult<boolean>> {
    return heardUnsure(context, state, options) ? { succeeded: false } : super.onRecognize(context, state, options);
  }
}
