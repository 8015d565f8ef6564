import { z } from 'zod';

/**
 * The shape of an activity as the bot reads it, checked before the token and the turn: a
 * field of the wrong type would otherwise fail deep inside botbuilder or a dialog, after the
 * conversation's state had been read. Fields the bot does not read pass through unchecked; an
 * activity refused here is answered 400 and changes nothing.
 */

const account = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

/** What a card button sends: an object of fields, never a bare string or a list. */
const cardData = z.record(z.string(), z.unknown());

const ActivitySchema = z
  .looseObject({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    name: z.string().max(256).optional(),
    channelId: z.string().max(256).optional(),
    serviceUrl: z.string().max(2048).optional(),
    text: z.string().optional(),
    textFormat: z.string().optional(),
    locale: z.string().max(64).optional(),
    value: z.unknown().optional(),
    from: account.optional(),
    recipient: account.optional(),
    conversation: z.looseObject({
      id: z.string().min(1).max(1024),
      conversationType: z.string().optional(),
      tenantId: z.string().optional(),
      isGroup: z.boolean().optional(),
    }),
    membersAdded: z.array(account).optional(),
    membersRemoved: z.array(account).optional(),
    entities: z.array(z.looseObject({ type: z.string() })).optional(),
    attachments: z.array(z.looseObject({})).optional(),
    channelData: z.looseObject({}).optional(),
    replyToId: z.string().optional(),
  })
  .superRefine((activity, context) => {
    // A card's Action.Submit (message) and Action.Execute or type-ahead (invoke) carry an object.
    if ((activity.type === 'message' || activity.type === 'invoke') && activity.value !== undefined && !cardData.safeParse(activity.value).success) {
      context.addIssue({ code: 'custom', path: ['value'], message: 'must be an object' });
    }
  });

export type ActivityCheck = { readonly ok: true } | { readonly ok: false; readonly problems: string[] };

/** Whether a parsed JSON body is an activity the bot can take; the problems name fields, never their values. */
export function checkActivity(body: unknown): ActivityCheck {
  const parsed = ActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true };
  return { ok: false, problems: parsed.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || 'the activity'}: ${issue.message}`) };
}
