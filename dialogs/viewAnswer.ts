/**
 * What a journey's query answers another face of the bot (the tab): the view, or why not, in the
 * policy's words (with what to do instead) and the HTTP status the face replies with.
 */
export type ViewAnswer<T> = { readonly ok: true; readonly view: T } | { readonly ok: false; readonly status: 403 | 404; readonly reason: string; readonly instead?: string };

/** The answer when the policy refused: its reason, and what to do instead. */
export const refusedView = (decision: { readonly reason: string; readonly instead: string }): ViewAnswer<never> => ({ ok: false, status: 403, reason: decision.reason, instead: decision.instead });
