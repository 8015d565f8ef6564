import { describe, expect, it } from 'vitest';
import { nominationCoverage, sizeBandOf } from '../../../domain/nomination/coverage.js';
import { newNomination, type Nomination } from '../../../domain/nomination/nomination.js';
import { submitNomination } from '../../../domain/nomination/submit.js';
import { ALICE, completeNomination, CONTEXT, edited, GROUPS, NOW, OTHER_GROUP, SCHOOLS_BY_URN } from './fixtures.js';

function submitted(nomination: Nomination, group = GROUPS[0]!): Nomination {
  const result = submitNomination(nomination, { by: ALICE, now: NOW, commitmentsConfirmed: true, group, schoolsByUrn: SCHOOLS_BY_URN });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('nominationCoverage', () => {
  const otherContext = { ...CONTEXT, group: OTHER_GROUP };
  const otherGroupNomination = edited(newNomination(OTHER_GROUP.id), [
    ...['first', 'second'].flatMap((choice) => [
      { kind: 'set_school', choice, urn: choice === 'first' ? '100004' : '100005' },
      { kind: 'set_champion_name', choice, name: 'Dee Lead' },
      { kind: 'set_champion_role', choice, role: 'slt' },
      { kind: 'set_not_inadequate', choice, confirmed: true },
      { kind: 'set_stable_slt', choice, stableSlt: true },
      { kind: 'set_gap_evidence', choice, text: 'Attendance gap of 6 points.' },
    ]),
  ], otherContext);
  const nominations = [submitted(completeNomination()), submitted(otherGroupNomination, OTHER_GROUP), newNomination(GROUPS[2]!.id)];
  const coverage = nominationCoverage(nominations, GROUPS, SCHOOLS_BY_URN);

  it('counts groups with a submitted nomination out of all 18; a draft does not count', () => {
    expect(coverage.nominated).toBe(2);
    expect(coverage.of).toBe(18);
    expect(coverage.missingGroups).toHaveLength(16);
    expect(coverage.missingGroups.map((group) => group.id)).toContain(GROUPS[2]!.id);
  });

  it('shows the mix of phases and sizes over first choices', () => {
    expect(coverage.phaseMix).toMatchObject({ primary: 2, secondary: 0, special: 0 });
    expect(coverage.sizeMix).toEqual({ 'small (under 200)': 1, 'medium (200-599)': 1, 'large (600+)': 0, 'size not known': 0 });
  });

  it.each([
    [undefined, 'size not known'],
    [0, 'small (under 200)'],
    [199, 'small (under 200)'],
    [200, 'medium (200-599)'],
    [599, 'medium (200-599)'],
    [600, 'large (600+)'],
  ] as const)('size bands: %s pupils is %s', (pupils, band) => {
    expect(sizeBandOf(pupils)).toBe(band);
  });
});
