/**
 * What the deployment form's cards send, parsed at the edge: the buttons answered in chat
 * (Action.Submit, read by the form's dialog) and the card verbs (Action.Execute). Past these
 * schemas the values are trusted; anything else is refused with a clear message.
 */
import { z } from 'zod';
import { isSectionNumber, type SectionNumber } from '../../domain/deployment/form.js';

const Id = z.string().min(1).max(200);

/** Which form a button is about. */
export const FormRefSchema = z.object({ ownerAadObjectId: Id, draftId: Id });
export type FormRefData = z.infer<typeof FormRefSchema>;

const SectionSchema = z.coerce.number().pipe(z.custom<SectionNumber>(isSectionNumber, 'There is no such section.'));

/** One input as a card sends it: text, a number, or a multi-select's values. */
const InputValueSchema = z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(200)).max(50)]);

/** A section saved on its card: which form and section, and each input, read by the form's rules. */
export const SaveSectionSchema = z.object({ ...FormRefSchema.shape, section: SectionSchema }).catchall(InputValueSchema);

export const SectionCardSchema = FormRefSchema.extend({ section: SectionSchema });

/** Send to the school; `daysSeen` once the system leader has seen that the days do not match and sends it as it is. */
export const SendSchema = FormRefSchema.extend({ daysSeen: z.string().max(64).optional() });

export const QuerySchema = FormRefSchema.extend({ queryNote: z.string().max(2000).optional() });
export type QueryData = z.infer<typeof QuerySchema>;

/**
 * A message's card data as the form's dialog reads it: the drafts card (carry on with a form, or
 * start one), the TSI result's button (start from an eligibility check), and a question card's
 * answer. A typed message has none of these.
 */
export const FormMessageSchema = z.object({
  command: z.string().max(200).optional(),
  draftId: Id.optional(),
  newForm: z.literal(true).optional(),
  eligibilityCheckId: Id.optional(),
  /** The question a button or a choice list answers. */
  deploymentField: z.string().min(1).max(100).optional(),
  /** The answer: a button's value, or the choice list's (several values joined by commas). */
  deploymentAnswer: z.union([z.string().max(5000), z.number()]).optional(),
});
export type FormMessage = z.infer<typeof FormMessageSchema>;

/** The card data of a message; a typed message gives none, data that does not parse gives undefined. */
export function readFormMessage(value: unknown): FormMessage | undefined {
  if (value === undefined || value === null) return {};
  const parsed = FormMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
