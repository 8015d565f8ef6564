import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_LIAISON_GROUPS, loadLiaisonGroups } from '../../../domain/directory/liaisonGroups.js';

const shippedFile = (): { groups: { id: string; name: string }[] } & Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../../data/programme/liaison-groups.json', import.meta.url), 'utf8'));

describe('Buckinghamshire’s liaison groups, shipped as data', () => {
  it('are 18 groups, lg-01 to lg-18', () => {
    expect(SHIPPED_LIAISON_GROUPS.map((group) => group.id)).toEqual(Array.from({ length: 18 }, (_, n) => `lg-${String(n + 1).padStart(2, '0')}`));
  });

  it('have names that say they are placeholders, since the sources do not give the real ones', () => {
    for (const group of SHIPPED_LIAISON_GROUPS) expect(group.name).toMatch(/\(placeholder name\)$/);
    expect(new Set(SHIPPED_LIAISON_GROUPS.map((group) => group.name)).size).toBe(18);
  });

  it('load from an administrator’s edit of the file', () => {
    const file = shippedFile();
    file.groups[0] = { id: 'lg-01', name: 'Fictional North Vale group' };
    const loaded = loadLiaisonGroups(file);
    expect(loaded.ok && loaded.value[0]).toEqual({ id: 'lg-01', name: 'Fictional North Vale group' });
  });

  it.each([
    ['a group id used twice', (file: ReturnType<typeof shippedFile>) => void (file.groups[1] = { id: 'lg-01', name: 'Another' }), /at groups\.1\.id: the id lg-01 is used twice/],
    ['a group without a name', (file: ReturnType<typeof shippedFile>) => void (file.groups[2] = { id: 'lg-03', name: '  ' }), /at groups\.2\.name/],
    ['an id with capitals or spaces', (file: ReturnType<typeof shippedFile>) => void (file.groups[3] = { id: 'Group 4', name: 'Four' }), /at groups\.3\.id/],
    ['no groups at all', (file: ReturnType<typeof shippedFile>) => void (file.groups = []), /at groups: there must be at least one group/],
    ['no area', (file: ReturnType<typeof shippedFile>) => void delete file.area, /at area/],
  ])('refuse a file with %s', (_rule, change, message) => {
    const file = shippedFile();
    change(file);
    const loaded = loadLiaisonGroups(file);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors.join(' ')).toMatch(message);
  });

  it('refuse something that is not a liaison groups file', () => {
    expect(loadLiaisonGroups('lg-01').ok).toBe(false);
    expect(loadLiaisonGroups(null).ok).toBe(false);
  });
});
