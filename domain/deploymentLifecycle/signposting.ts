import { ANNEX_A, type AnnexAProgramme, type AnnexAProgrammes } from './programme.js';

/**
 * Annex A's programmes linked to the areas of focus chosen in section 2 (the links are the
 * council's own), in Annex A's order; with no area chosen yet, all of Annex A.
 */
export function programmesFor(areaIds: readonly string[], annex: AnnexAProgrammes = ANNEX_A): AnnexAProgramme[] {
  if (areaIds.length === 0) return [...annex.programmes];
  const chosen = new Set(areaIds);
  return annex.programmes.filter((programme) => programme.areas.some((area) => chosen.has(area)));
}
