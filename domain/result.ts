/** What a rule returns: a value, or every problem with the input in plain words. Rules never throw on bad input. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: string[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(...errors: string[]): Result<T> => ({ ok: false, errors });
