import { PHASES, type LiaisonGroup, type Phase } from '../directory/types.js';
import type { Nomination, SchoolsByUrn } from './nomination.js';

/**
 * School size by pupils on roll. The letter asks for a range of sizes without bands; ours
 * split Buckinghamshire's schools roughly into small primaries, larger primaries and most
 * secondaries: under 200, 200 to 599, 600 and over. A school with no pupil count in the
 * directory is counted as size not known.
 */
export const SIZE_BANDS = ['small (under 200)', 'medium (200-599)', 'large (600+)', 'size not known'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

export function sizeBandOf(pupils: number | undefined): SizeBand {
  if (pupils === undefined) return 'size not known';
  if (pupils < 200) return 'small (under 200)';
  if (pupils < 600) return 'medium (200-599)';
  return 'large (600+)';
}

export interface NominationCoverage {
  /** Groups with a submitted (or decided) nomination. */
  readonly nominated: number;
  /** All the groups: 18 in Buckinghamshire. */
  readonly of: number;
  readonly missingGroups: LiaisonGroup[];
  /** Phases of the nominated groups' first choices. */
  readonly phaseMix: Record<Phase, number>;
  /** Sizes of the nominated groups' first choices. */
  readonly sizeMix: Record<SizeBand, number>;
}

/**
 * What the SIT sees while choosing a range of champion schools: how many groups have
 * nominated, who is still to, and the mix of first choices. A draft (including one being
 * redrafted after a submission) does not count until it is submitted.
 */
export function nominationCoverage(nominations: readonly Nomination[], groups: readonly LiaisonGroup[], schoolsByUrn: SchoolsByUrn): NominationCoverage {
  const submittedByGroup = new Map(nominations.filter((nomination) => nomination.status !== 'draft').map((nomination) => [nomination.groupId, nomination]));
  const phaseMix = Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>;
  const sizeMix = Object.fromEntries(SIZE_BANDS.map((band) => [band, 0])) as Record<SizeBand, number>;
  const missingGroups: LiaisonGroup[] = [];
  let nominated = 0;
  for (const group of groups) {
    const nomination = submittedByGroup.get(group.id);
    if (!nomination) {
      missingGroups.push(group);
      continue;
    }
    nominated++;
    const school = nomination.first.urn === undefined ? undefined : schoolsByUrn.get(nomination.first.urn);
    if (!school) continue;
    phaseMix[school.phase]++;
    sizeMix[sizeBandOf(school.pupils)]++;
  }
  return { nominated, of: groups.length, missingGroups, phaseMix, sizeMix };
}
