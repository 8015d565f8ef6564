/**
 * A person's traces in records: their own (a profile, a check, a form) and other people's (a
 * school's attendance, a liaison group's nomination, a chat's link, a form sent to them). A
 * record names someone as `{ aadObjectId, name }`, or by an id in one of the fields below.
 * Pure: it reads and rewrites plain JSON values.
 */

export const ERASED_ID = 'erased';
export const ERASED_NAME = 'Removed at their request';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Fields that hold one person's AAD object id (or a list of them) outside a `{ aadObjectId, name }` object. */
const ID_FIELDS = new Set(['linkedBy', 'ownerAadObjectId', 'confirmerAadObjectIds', 'confirmedByAadObjectId', 'trustCeoAadObjectId', 'userAadObjectId', 'by']);

/** Someone a record names: their AAD object id, and the name it records them under if any. */
export interface NamedPerson {
  readonly aadObjectId: string;
  readonly name?: string;
}

/** Everyone a record names, each once (with a name when the record gives one). */
export function peopleIn(value: unknown): NamedPerson[] {
  const found = new Map<string, string | undefined>();
  const add = (aadObjectId: string, name?: string) => {
    if (aadObjectId.length === 0 || aadObjectId === ERASED_ID) return;
    if (!found.has(aadObjectId) || (found.get(aadObjectId) === undefined && name !== undefined)) found.set(aadObjectId, name);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, Json>;
      if (typeof record.aadObjectId === 'string') add(record.aadObjectId, typeof record.name === 'string' && record.name !== ERASED_NAME ? record.name : undefined);
      for (const [key, item] of Object.entries(record)) {
        if (ID_FIELDS.has(key) && typeof item === 'string') add(item);
        else if (ID_FIELDS.has(key) && Array.isArray(item)) item.forEach((id) => typeof id === 'string' && add(id));
        else visit(item);
      }
    }
  };
  visit(value);
  return [...found].map(([aadObjectId, name]) => (name === undefined ? { aadObjectId } : { aadObjectId, name }));
}

/** Who is to be taken out: every id they are known by (AAD object id, Teams user ids) and every name recorded for them. */
export interface ErasedPerson {
  readonly ids: readonly string[];
  readonly names: readonly string[];
}

/** A name shorter than this is not looked for inside other text: it would match ordinary words. */
const SHORTEST_NAME_SEARCHED = 3;

/** Whether a record names the person anywhere: by id, or by a name recorded for them. */
export function mentionsPerson(value: unknown, person: ErasedPerson): boolean {
  const text = JSON.stringify(value) ?? '';
  return [...person.ids, ...person.names.filter((name) => name.trim().length >= SHORTEST_NAME_SEARCHED)].some((needle) => text.includes(JSON.stringify(needle).slice(1, -1)));
}

/** A character that can continue an id: an id inside text counts only where none is either side of it. */
const ID_CHARACTER = /[\w-]/;

/** Every whole occurrence of the id in the text replaced by {@link ERASED_ID}: "aad-sit" is not taken out of "aad-sit-2". */
function replaceWholeId(text: string, id: string): string {
  let result = '';
  let from = 0;
  for (let at = text.indexOf(id); at !== -1; at = text.indexOf(id, at + 1)) {
    const end = at + id.length;
    if (at < from || ID_CHARACTER.test(text.charAt(at - 1)) || ID_CHARACTER.test(text.charAt(end))) continue;
    result += text.slice(from, at) + ERASED_ID;
    from = end;
  }
  return result + text.slice(from);
}

/**
 * The record with the person taken out and everything else kept: wherever it names them (an
 * object with their id, one of their ids, one of their names, in a value or inside other
 * text) the id becomes {@link ERASED_ID} and the name {@link ERASED_NAME}; their id is dropped
 * from lists of who acted.
 */
export function withoutPerson<T>(value: T, person: ErasedPerson): T {
  const ids = new Set(person.ids);
  const names = person.names.filter((name) => name.trim().length >= SHORTEST_NAME_SEARCHED).sort((a, b) => b.length - a.length);
  const scrubText = (text: string): string => {
    if (ids.has(text)) return ERASED_ID;
    let result = text;
    for (const id of ids) result = replaceWholeId(result, id);
    for (const name of names) result = result.split(name).join(ERASED_NAME);
    return result;
  };
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.filter((item) => typeof item !== 'string' || !ids.has(item)).map(rewrite);
    if (typeof node === 'string') return scrubText(node);
    if (node && typeof node === 'object') {
      const record = node as Record<string, Json>;
      const rewritten = Object.fromEntries(Object.entries(record).map(([key, item]) => [key, rewrite(item)]));
      const isThem = (typeof record.aadObjectId === 'string' && ids.has(record.aadObjectId)) || (typeof record.id === 'string' && ids.has(record.id));
      return isThem && typeof record.name === 'string' ? { ...rewritten, name: ERASED_NAME } : rewritten;
    }
    return node;
  };
  return rewrite(value) as T;
}
