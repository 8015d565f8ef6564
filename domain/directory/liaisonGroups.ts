import { z } from 'zod';
import shippedLiaisonGroups from '../../data/programme/liaison-groups.json' with { type: 'json' };
import { fail, ok, type Result } from '../result.js';
import { LiaisonGroupSchema, type LiaisonGroup } from './types.js';

/** The liaison groups file in data/programme/: an area's groups, with names an administrator edits. */
export const LiaisonGroupsFileSchema = z
  .object({
    area: z.string().trim().min(1),
    note: z.string().optional(),
    groups: z.array(LiaisonGroupSchema.extend({ name: z.string().trim().min(1) })).min(1, 'there must be at least one group'),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.groups.forEach((group, index) => {
      if (seen.has(group.id)) context.addIssue({ code: 'custom', path: ['groups', index, 'id'], message: `the id ${group.id} is used twice` });
      seen.add(group.id);
    });
  });

/** Validates a liaison groups file, naming every problem. */
export function loadLiaisonGroups(json: unknown): Result<LiaisonGroup[]> {
  const parsed = LiaisonGroupsFileSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data.groups);
  return fail(
    ...parsed.error.issues.map((issue) =>
      issue.path.length === 0 ? `The liaison groups file: ${issue.message}.` : `The liaison groups file, at ${issue.path.join('.')}: ${issue.message}.`,
    ),
  );
}

function loadShipped(): LiaisonGroup[] {
  const loaded = loadLiaisonGroups(shippedLiaisonGroups);
  // The shipped file is ours, not user input: if it is wrong the bot must not start.
  if (!loaded.ok) throw new Error(`data/programme/liaison-groups.json is invalid: ${loaded.errors.join(' ')}`);
  return loaded.value;
}

/** Buckinghamshire's 18 liaison groups as shipped, validated when this module loads. */
export const SHIPPED_LIAISON_GROUPS: readonly LiaisonGroup[] = loadShipped();
