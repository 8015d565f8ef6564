/* What people type into cards, and who they are: the rules shared by attendance and nomination. */
import { z } from 'zod';
import { UrnSchema } from '../directory/types.js';

// Control characters (line breaks, escapes) have no place in a one-line name and can break cards and exports.
const CONTROL_CHARACTER = /\p{Cc}/u;

/** A string field whose message says whether it was left out or was not text. */
export function textField(label: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `${label} is missing` : `${label} must be text`) });
}

/** A school's URN as a user or a card sends it. */
export const SchoolUrnSchema = textField("the school's URN").pipe(UrnSchema);

/**
 * One line of text a person types, such as a name or a role: trimmed, 1 to `max` characters,
 * no control characters. `label` names the field in the message ("the attendee's name").
 */
export function lineOfText(label: string, max = 100) {
  return textField(label)
    .trim()
    .min(1, `${label} is empty`)
    .max(max, `${label} is longer than ${max} characters`)
    .refine((text) => !CONTROL_CHARACTER.test(text), `${label} contains characters that cannot be used (such as line breaks)`);
}

/** A short note that may run over several lines (tabs and line breaks allowed, other control characters not). */
export function noteText(label: string, max: number) {
  return textField(label)
    .trim()
    .min(1, `${label} is empty`)
    .max(max, `${label} is longer than ${max} characters`)
    .refine((text) => !/[^\P{Cc}\t\n\r]/u.test(text), `${label} contains characters that cannot be used`);
}

/** Who did something: the Teams user's Azure AD object id and display name. */
export const PersonSchema = z.object(
  {
    aadObjectId: lineOfText("the user's id", 200),
    name: lineOfText("the user's name"),
  },
  { error: 'who made the change is missing' },
);
export type Person = z.infer<typeof PersonSchema>;

/**
 * Zod issues as the plain sentences a Result carries, without duplicates. `where` names the
 * place in a data file an administrator must look (a user typing into a card needs no path).
 */
export function issueMessages(error: z.ZodError, where?: string): string[] {
  const messages = error.issues.map((issue) => {
    const sentence = issue.message + (/[.!?]$/.test(issue.message) ? '' : '.');
    if (where !== undefined && issue.path.length > 0) return `${where}, at ${issue.path.join('.')}: ${sentence}`;
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  });
  return [...new Set(messages)];
}
