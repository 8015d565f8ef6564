import { newLifecycle, type DeploymentLifecycle } from '../../../domain/deploymentLifecycle/record.js';

/** A deployment for Willowmere whose RDP contact arrived on `rdpContactOn`, with any changes laid over it. */
export function lifecycle(changes: Partial<DeploymentLifecycle> = {}, rdpContactOn = '2025-01-06'): DeploymentLifecycle {
  const made = newLifecycle({
    id: 'dep-1',
    ownerAadObjectId: 'aad-leader',
    ownerName: 'Lee Leader',
    recipient: { kind: 'school', name: 'Willowmere Primary', urn: '100001' },
    rdpContactOn,
    now: new Date('2025-01-06T09:00:00Z'),
  });
  if (!made.ok) throw new Error(made.errors.join(' '));
  return { ...made.value, ...changes };
}

/** `count` whole days delivered on consecutive dates from `from`. */
export function daysFrom(from: string, count: number): DeploymentLifecycle['days'] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(`${from}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + index);
    return { date: date.toISOString().slice(0, 10), days: 1 };
  });
}

export const CAN_SUPPORT = { rdpContactOn: '2025-01-06', ability: { canSupport: true, on: '2025-01-07' } };
