/**
 * A person's traces in records that belong to someone else (a school's attendance, a liaison
 * group's nomination): wherever a record names someone it does so as `{ aadObjectId, name }`,
 * or lists their id among who acted. Pure: it reads and rewrites plain JSON values.
 */

export const ERASED_ID = 'erased';
export const ERASED_NAME = 'Removed at their request';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPersonOf(value: Record<string, Json>, aadObjectId: string): boolean {
  return value.aadObjectId === aadObjectId;
}

/** Whether a record names the person anywhere. */
export function mentionsPerson(value: unknown, aadObjectId: string): boolean {
  if (Array.isArray(value)) return value.some((item) => item === aadObjectId || mentionsPerson(item, aadObjectId));
  if (value && typeof value === 'object') {
    const record = value as Record<string, Json>;
    if (isPersonOf(record, aadObjectId)) return true;
    return Object.values(record).some((item) => mentionsPerson(item, aadObjectId));
  }
  return false;
}

/**
 * The record with the person taken out and everything else kept: their id and name replaced
 * wherever the record names them, their id dropped from lists of who acted, and any name they
 * were recorded under elsewhere in the record (an attendee's name) replaced too.
 */
export function withoutPerson<T>(value: T, aadObjectId: string): T {
  const names = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, Json>;
      if (isPersonOf(record, aadObjectId) && typeof record.name === 'string' && record.name.trim()) names.add(record.name);
      Object.values(record).forEach(collect);
    }
  };
  collect(value);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.filter((item) => item !== aadObjectId).map(rewrite);
    if (typeof node === 'string') return names.has(node) ? ERASED_NAME : node;
    if (node && typeof node === 'object') {
      const record = node as Record<string, Json>;
      if (isPersonOf(record, aadObjectId)) {
        return { ...Object.fromEntries(Object.entries(record).map(([key, item]) => [key, rewrite(item)])), aadObjectId: ERASED_ID, name: ERASED_NAME };
      }
      return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, rewrite(item)]));
    }
    return node;
  };
  return rewrite(value) as T;
}
