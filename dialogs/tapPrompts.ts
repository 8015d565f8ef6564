import { InputHints, type TurnContext } from 'botbuilder';
import { ChoicePrompt, ConfirmPrompt, type Choice, type PromptOptions } from 'botbuilder-dialogs';
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

/** botbuilder's ChoicePrompt (typed answers recognised as before), asking with a tap-to-answer card instead of imBack buttons. */
export class TapChoicePrompt extends ChoicePrompt {
  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    await askWithChoices(context, questionOf(options, isRetry), options.choices ?? []);
  }
}

/** botbuilder's ConfirmPrompt (yes, no, y, nope… recognised as before), asking with Yes and No buttons that work by tap. */
export class TapConfirmPrompt extends ConfirmPrompt {
  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    await askWithChoices(context, questionOf(options, isRetry), ['Yes', 'No']);
  }
}
