import { isConflict, type Store } from './store.js';

interface Lease {
  readonly holder: string;
  readonly expiresAt: string;
}

/**
 * Named leases shared by every instance on the store: one holder at a time, until the lease
 * expires. Taking a free lease is a create-only write and taking over an expired one or
 * renewing one's own is a write conditional on the eTag read, so two instances can never both
 * believe they hold it.
 */
export class LeaseRepository {
  constructor(private readonly store: Store) {}

  static keyOf(name: string): string {
    return `leases/${encodeURIComponent(name)}`;
  }

  /** True when `holder` holds the lease until `now + durationMs`: taken if free or expired, renewed if already its own. */
  async acquire(name: string, holder: string, now: Date, durationMs: number): Promise<boolean> {
    const key = LeaseRepository.keyOf(name);
    const current = await this.store.read<Lease>(key);
    if (current && current.value.holder !== holder && Date.parse(current.value.expiresAt) > now.getTime()) return false;
    const lease: Lease = { holder, expiresAt: new Date(now.getTime() + durationMs).toISOString() };
    try {
      await this.store.write(key, lease, current ? current.eTag : null);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}
