import { CARD_SCHEMA_VERSION, type AdaptiveCard } from './render.js';

/** The key an answer card's Action.Submit carries its answer under; the router reads it as the typed answer. */
export const ANSWER_KEY = 'answer';

/** Teams shows at most six top-level actions on a card. */
const MOST_BUTTONS = 6;
/**
 * Teams cuts a button's title at about this many characters, so longer choices (a school's name
 * before its URN) are listed as wrapped radio buttons instead, where the whole text shows.
 */
const LONGEST_BUTTON_TITLE = 30;

/**
 * A question with its choices, each answerable by tap: up to six short choices as Action.Submit
 * buttons carrying the choice, more or longer ones as a list and one button. Action.Submit, not
 * imBack: the Agents Playground refuses imBack, and Teams and the Playground both send Submit data.
 */
export function choiceCard(question: string, choices: readonly string[]): AdaptiveCard {
  const asButtons = choices.length <= MOST_BUTTONS && choices.every((choice) => choice.length <= LONGEST_BUTTON_TITLE);
  // The question is the card's heading, so a screen reader announces it first.
  const text = { type: 'TextBlock', text: question, wrap: true, style: 'heading' };
  if (asButtons) {
    return {
      type: 'AdaptiveCard',
      version: CARD_SCHEMA_VERSION,
      body: [text],
      actions: choices.map((choice) => ({ type: 'Action.Submit', title: choice, data: { [ANSWER_KEY]: choice } })),
    };
  }
  return {
    type: 'AdaptiveCard',
    version: CARD_SCHEMA_VERSION,
    body: [
      text,
      {
        type: 'Input.ChoiceSet',
        id: ANSWER_KEY,
        label: 'Choose one',
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: 'Choose one of these first.',
        choices: choices.map((choice) => ({ title: choice, value: choice })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: 'Choose' }],
  };
}

/** A journey offered by its button, which sends the words that start it (as the help card's buttons do). */
export interface CommandButton {
  readonly title: string;
  readonly command: string;
}

/** "Did you mean …?": a line and a button for each journey the words were closest to, and one for help. */
export function suggestionCard(question: string, journeys: readonly CommandButton[]): AdaptiveCard {
  const buttons = [...journeys.slice(0, MOST_BUTTONS - 1), { title: 'Something else', command: 'help' }];
  return {
    type: 'AdaptiveCard',
    version: CARD_SCHEMA_VERSION,
    body: [{ type: 'TextBlock', text: question, wrap: true, style: 'heading' }],
    actions: buttons.map((button) => ({ type: 'Action.Submit', title: button.title, data: { command: button.command } })),
  };
}
