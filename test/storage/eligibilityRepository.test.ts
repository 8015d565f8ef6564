import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EligibilityRepository, type NewEligibilityCheck } from '../../storage/eligibilityRepository.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { TempDirs } from '../support/tempDir.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

let store: LowdbStore;
let repository: EligibilityRepository;
beforeEach(async () => {
  store = new LowdbStore(await dirs.make('eligibility'));
  repository = new EligibilityRepository(store);
});
afterEach(() => store.close());

function checkAt(checkedAt: string, aadObjectId = 'aad-user-1', name = 'Oakfield Primary School'): NewEligibilityCheck {
  return {
    aadObjectId,
    checkedAt,
    via: 'form',
    subject: { name, urn: '100001' },
    input: {
      recipient: 'school',
      region: 'South East',
      judgements: [{ date: '2023-10-10', grade: 'inadequate' }],
      regionalDirectorAssessedImmediateNeed: false,
      selfIdentifiesNeed: false,
      regionalDeliveryTeamJudgesNeed: false,
    },
    offerYear: '2023/24',
    outcome: { status: 'eligible', criteria: ['C2'], reasons: ['C2 is met.'], rdp: { name: 'Amanda Parry', email: 'A.parry@hispmat.org' } },
  };
}

describe('EligibilityRepository', () => {
  it('saves a check with its inputs and outcome under eligibility/<user>/<sortable timestamp>-<id>', async () => {
    const saved = await repository.save(checkAt('2024-03-01T10:00:00.000Z'));
    const [record] = await store.list('eligibility/aad-user-1/');
    expect(record?.key).toBe(`eligibility/aad-user-1/20240301T100000000Z-${saved.id}`);
    expect(record?.value).toEqual(saved);
    expect(await repository.get('aad-user-1', saved.id)).toEqual(saved);
  });

  it('lists a user\'s checks newest first, at most the limit asked for', async () => {
    for (const day of ['03', '01', '02']) await repository.save(checkAt(`2024-03-${day}T09:00:00.000Z`, 'aad-user-1', `School ${day}`));
    const recent = await repository.recentFor('aad-user-1', 2);
    expect(recent.map((check) => check.subject.name)).toEqual(['School 03', 'School 02']);
  });

  it('keeps each user\'s checks to themselves', async () => {
    const mine = await repository.save(checkAt('2024-03-01T10:00:00.000Z', 'aad-user-1'));
    await repository.save(checkAt('2024-03-01T11:00:00.000Z', 'aad-user-2'));
    expect((await repository.recentFor('aad-user-1', 10)).map((check) => check.id)).toEqual([mine.id]);
    expect(await repository.get('aad-user-2', mine.id)).toBeUndefined();
  });

  it('finds nothing for an id that is not one of ours', async () => {
    await repository.save(checkAt('2024-03-01T10:00:00.000Z'));
    expect(await repository.get('aad-user-1', '../../etc')).toBeUndefined();
    expect(await repository.get('aad-user-1', 'nothere')).toBeUndefined();
  });

  it('stores a user id that holds a slash (the emulator\'s stand-in id) under one key segment', async () => {
    const saved = await repository.save(checkAt('2024-03-01T10:00:00.000Z', 'user/with/slashes'));
    expect((await repository.recentFor('user/with/slashes', 10)).map((check) => check.id)).toEqual([saved.id]);
  });

  it('leaves out a stored record that is not a check, rather than failing', async () => {
    await store.write('eligibility/aad-user-1/20240101T000000000Z-broken', { nonsense: true }, null);
    const saved = await repository.save(checkAt('2024-03-01T10:00:00.000Z'));
    expect((await repository.recentFor('aad-user-1', 10)).map((check) => check.id)).toEqual([saved.id]);
  });
});
