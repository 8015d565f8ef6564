import { DEFAULT_OFFER, parseOffer, type Offer } from '../domain/tsi/offer.js';
import type { Result } from '../domain/result.js';
import { ANY_ETAG, type Store } from './store.js';

const KEY = 'tsi/offer';

/**
 * The TSI offer the eligibility check uses: the one an administrator loaded (a year's offer
 * file, validated), or the shipped 2023/24 offer until one is loaded. Read on every check, so a
 * load takes effect without a restart or a release.
 */
export class OfferRepository {
  #validated: { readonly eTag: string; readonly offer: Offer } | undefined;

  constructor(private readonly store: Store) {}

  async current(): Promise<Offer> {
    const stored = await this.store.read<unknown>(KEY);
    if (!stored) return DEFAULT_OFFER;
    if (this.#validated?.eTag !== stored.eTag) {
      const parsed = parseOffer(stored.value);
      // Only load() writes this record, after validating it: a broken one was edited by hand.
      if (!parsed.ok) throw new Error(`The stored offer (${KEY}) is not valid: ${parsed.errors.join(' ')}`);
      this.#validated = { eTag: stored.eTag, offer: parsed.value };
    }
    return this.#validated.offer;
  }

  /** Validates an offer file and, only if it is valid, makes it the offer every check uses. */
  async load(json: unknown): Promise<Result<Offer>> {
    const parsed = parseOffer(json);
    if (parsed.ok) await this.store.write(KEY, parsed.value, ANY_ETAG);
    return parsed;
  }
}
