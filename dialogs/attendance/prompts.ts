import { TextPrompt } from 'botbuilder-dialogs';
import type { Result } from '../../domain/result.js';

/**
 * A typed answer read by a domain rule. When the rule refuses, the person is told why (the
 * rule's own words, with examples) and asked again; the next step reads the answer again
 * with the same rule, knowing it passes. `validations` carries what the rule needs from
 * earlier answers, such as the start time an end time must follow.
 */
export function readAnswerPrompt(dialogId: string, read: (text: string, validations: unknown) => Result<unknown>): TextPrompt {
  return new TextPrompt(dialogId, async (prompt) => {
    const result = read(String(prompt.recognized.value ?? ''), prompt.options.validations);
    if (result.ok) return true;
    await prompt.context.sendActivity(result.errors.join(' '));
    return false;
  });
}
