import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logDeliveredDay, recordEngagement } from '../../domain/deploymentLifecycle/record.js';
import { LowdbStore } from '../../storage/lowdbStore.js';
import { DeploymentLifecycleRepository } from '../../storage/deploymentLifecycleRepository.js';
import { PersonIndex } from '../../storage/personIndex.js';
import { TempDirs } from '../support/tempDir.js';
import { lifecycle } from '../domain/deploymentLifecycle/support.js';

const dirs = new TempDirs();
afterAll(() => dirs.removeAll());

let store: LowdbStore;
beforeEach(async () => {
  store = new LowdbStore(await dirs.make('lifecycle'));
});
afterEach(() => store.close());

const NOW = new Date('2025-02-01T09:00:00Z');
const TODAY = '2025-02-01';

describe('the deployment lifecycle repository', () => {
  it('keeps each system leader’s deployments apart and lists the whole council’s', async () => {
    const repository = new DeploymentLifecycleRepository(store);
    await repository.create(lifecycle());
    await repository.create({ ...lifecycle(), id: 'dep-2', ownerAadObjectId: 'aad/other' });
    expect((await repository.listFor('aad-leader')).map((record) => record.id)).toEqual(['dep-1']);
    expect((await repository.listFor('aad/other')).map((record) => record.id)).toEqual(['dep-2']);
    expect((await repository.all()).length).toBe(2);
    expect(await new PersonIndex(store).countsOf('aad-leader')).toEqual({ deploymentLifecycle: 1 });
  });

  it('saves an allowed change stamped with the time, and a refused one changes nothing', async () => {
    const repository = new DeploymentLifecycleRepository(store);
    await repository.create(lifecycle());
    const saved = await repository.change('aad-leader', 'dep-1', NOW, (record) => recordEngagement(record, 'ability', '2025-01-07', TODAY));
    expect(saved.ok && saved.value.updatedAt).toBe(NOW.toISOString());
    const refused = await repository.change('aad-leader', 'dep-1', NOW, (record) => logDeliveredDay(record, { date: '2025-02-02', days: 1 }, TODAY));
    expect(refused.ok).toBe(false);
    expect((await repository.get('aad-leader', 'dep-1'))?.days).toEqual([]);
    expect((await repository.change('aad-leader', 'nope', NOW, (record) => ({ ok: true, value: record }))).ok).toBe(false);
  });

  it('two days logged at the same moment are both kept', async () => {
    const repository = new DeploymentLifecycleRepository(store);
    await repository.create(lifecycle());
    await repository.change('aad-leader', 'dep-1', NOW, (record) => recordEngagement(record, 'ability', '2025-01-07', TODAY));
    await Promise.all(['2025-01-20', '2025-01-21', '2025-01-22'].map((date) => repository.change('aad-leader', 'dep-1', NOW, (record) => logDeliveredDay(record, { date, days: 1 }, TODAY))));
    expect((await repository.get('aad-leader', 'dep-1'))?.days.map((day) => day.date)).toEqual(['2025-01-20', '2025-01-21', '2025-01-22']);
  });

  it('a reminder is claimed once per step and due date, and can be given back', async () => {
    const repository = new DeploymentLifecycleRepository(store);
    expect(await repository.claimReminder('dep-1', 'confirm_ability', '2025-01-09', NOW)).toBe(true);
    expect(await repository.claimReminder('dep-1', 'confirm_ability', '2025-01-09', NOW)).toBe(false);
    expect(await repository.claimReminder('dep-1', 'confirm_ability', '2025-01-10', NOW)).toBe(true);
    await repository.releaseReminder('dep-1', 'confirm_ability', '2025-01-09');
    expect(await repository.claimReminder('dep-1', 'confirm_ability', '2025-01-09', NOW)).toBe(true);
  });
});
