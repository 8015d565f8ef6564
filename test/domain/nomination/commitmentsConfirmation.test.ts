import { describe, expect, it } from 'vitest';
import { confirmCommitments, nominationNamingSchool } from '../../../domain/nomination/commitmentsConfirmation.js';
import type { Nomination } from '../../../domain/nomination/nomination.js';
import { selectNomination, submitNomination } from '../../../domain/nomination/submit.js';
import { ALICE, completeNomination, GROUP, NOW, SCHOOLS_BY_URN, SIT } from './fixtures.js';

const HEAD = { aadObjectId: 'aad-head', name: 'Harriet Head' };

function submitted(): Nomination {
  const result = submitNomination(completeNomination(), { by: ALICE, now: NOW, commitmentsConfirmed: true, group: GROUP, schoolsByUrn: SCHOOLS_BY_URN });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

function decided(decision: string): Nomination {
  const result = selectNomination(submitted(), decision, { by: SIT, now: NOW });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.value;
}

describe('nominationNamingSchool', () => {
  it.each([
    ['a submitted nomination names its first choice', () => submitted(), '100001', 'first'],
    ['a submitted nomination names its second choice', () => submitted(), '100002', 'second'],
    ['a selected nomination still names its schools', () => decided('selected'), '100001', 'first'],
    ['a reserve-selected nomination still names its schools', () => decided('reserve_selected'), '100002', 'second'],
  ] as const)('%s', (_rule, nomination, urn, choice) => {
    expect(nominationNamingSchool([nomination()], urn)?.choice).toBe(choice);
  });

  it.each([
    ['a draft names no school to the SIT', () => completeNomination()],
    ['a nomination not selected no longer names its schools', () => decided('not_selected')],
  ])('%s', (_rule, nomination) => {
    expect(nominationNamingSchool([nomination()], '100001')).toBeUndefined();
  });
});

describe('confirmCommitments', () => {
  it('records who confirmed, when, and which commitments, for a school a submitted nomination names', () => {
    const result = confirmCommitments([submitted()], '100002', { by: HEAD, now: NOW, commitmentIds: ['named_champion', 'universal_sessions'] });
    expect(result).toEqual({
      ok: true,
      value: { urn: '100002', groupId: GROUP.id, choice: 'second', commitmentIds: ['named_champion', 'universal_sessions'], confirmedBy: HEAD, confirmedAt: NOW.toISOString() },
    });
  });

  it('refuses when no submitted nomination names the school, saying when it can be done', () => {
    const result = confirmCommitments([completeNomination()], '100001', { by: HEAD, now: NOW, commitmentIds: ['named_champion'] });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/not named in a submitted champion school nomination/)] });
  });

  it('refuses without a valid clock or person, changing nothing', () => {
    expect(confirmCommitments([submitted()], '100001', { by: HEAD, now: new Date('nonsense'), commitmentIds: ['x'] }).ok).toBe(false);
    expect(confirmCommitments([submitted()], '100001', { by: { aadObjectId: '', name: '' }, now: NOW, commitmentIds: ['x'] }).ok).toBe(false);
  });
});
