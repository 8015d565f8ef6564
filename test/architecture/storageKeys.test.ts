import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse } from '@swc/core';
import { describe, expect, it } from 'vitest';

/**
 * Storage keys are named only in storage/ (docs/architecture.md): everything above asks a
 * repository. An import rule cannot see a key, so this reads the code: outside storage/, no call
 * reaches a Store's own methods (`store.read(…)`, `deps.store.list(…)`, `this.store.write(…)`) or
 * the store's key-taking helpers (`updateRecord`, `writeIfAbsent`). The Store itself may be passed
 * around (a repository is built from it); only its keys are storage's.
 */
const ROOT = resolve(import.meta.dirname, '../..');
/** Everything the running bot and its tools are made of, storage/ aside. bench/ fills stores with raw filler on purpose. */
const ABOVE_STORAGE = ['bot', 'dialogs', 'domain', 'cards', 'files', 'lib', 'scripts', 'devtools', 'manifest'];
const STORE_METHODS = new Set(['read', 'write', 'delete', 'list']);
const KEY_HELPERS = new Set(['updateRecord', 'writeIfAbsent']);

type Node = { readonly type?: string; readonly span?: { readonly start: number } } & Record<string, unknown>;

const nameOf = (node: Node | undefined): string | undefined => {
  if (!node) return undefined;
  if (node.type === 'Identifier' || node.type === 'PrivateName') return node.value as string;
  if (node.type === 'MemberExpression') return nameOf(node.property as Node);
  return undefined;
};

/** Calls in `source` that name a storage key: the callee's text as written, for the failure message. */
async function keyCallsIn(source: string): Promise<string[]> {
  const module = await parse(source, { syntax: 'typescript', target: 'es2022' });
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const current = node as Node;
    if (current.type === 'CallExpression') {
      const callee = current.callee as Node;
      if (callee.type === 'MemberExpression') {
        const method = nameOf(callee.property as Node);
        const receiver = nameOf(callee.object as Node);
        if (method && STORE_METHODS.has(method) && receiver && /store$/i.test(receiver)) found.push(`${receiver}.${method}(…)`);
      } else if (callee.type === 'Identifier' && KEY_HELPERS.has(callee.value as string)) {
        found.push(`${callee.value as string}(…)`);
      }
    }
    for (const value of Object.values(current)) visit(value);
  };
  visit(module.body);
  return found;
}

async function typeScriptFilesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
}

async function keyCallsUnder(folders: readonly string[]): Promise<string[]> {
  const files = (await Promise.all(folders.map(typeScriptFilesUnder))).flat();
  const calls = await Promise.all(files.map(async (file) => (await keyCallsIn(await readFile(file, 'utf8'))).map((call) => `${relative(ROOT, file)}: ${call}`)));
  return calls.flat();
}

describe('storage keys are named only in storage/', () => {
  it('no code above storage/ reads, writes, lists or deletes a key of its own', async () => {
    expect(await keyCallsUnder(ABOVE_STORAGE)).toEqual([]);
  });

  it('the check sees key calls where they are (storage/) and in a module that builds its own key', async () => {
    // storage/ is where keys live: finding them there shows the reading works on this code.
    expect((await keyCallsUnder(['storage'])).length).toBeGreaterThan(20);
    const shell = [
      "const keyOf = (id: string) => `exports/${id}`;",
      'export class Links {',
      '  constructor(private readonly store: Store, readonly deps: { store: Store }) {}',
      '  open(id: string) { return this.store.read(keyOf(id)); }',
      "  purge() { return this.deps.store.list('exports/'); }",
      "  mark() { return writeIfAbsent(this.store, 'marks/1', {}); }",
      "  file() { return readFile('x'); }",
      '}',
    ].join('\n');
    expect(await keyCallsIn(shell)).toEqual(['store.read(…)', 'store.list(…)', 'writeIfAbsent(…)']);
  });
});
