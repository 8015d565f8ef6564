import type { Config } from '../../bot/config.js';
import type { ExportLinks } from '../../bot/exportLinks.js';
import type { Logger } from '../../bot/logger.js';
import type { ProactiveMessenger } from '../../bot/proactive.js';
import type { FormRef } from '../../cards/deploymentCards.js';
import { londonDateOf } from '../../domain/attendance/londonTime.js';
import { parseBankDetailsKey } from '../../domain/deployment/bankDetails.js';
import type { DeploymentFormResource } from '../../domain/directory/policy.js';
import type { School } from '../../domain/directory/types.js';
import { DeploymentRepository, type DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { EligibilityRepository } from '../../storage/eligibilityRepository.js';
import type { Store } from '../../storage/store.js';

/** What the deployment journey needs from the school directory (DirectoryRepository has it). */
export interface SchoolLookup {
  getSchool(urn: string): Promise<School | undefined>;
}

export interface DeploymentJourneyDeps {
  readonly store: Store;
  readonly now: () => Date;
  /** BANK_DETAILS_KEY (without it no bank details are taken) and BANK_DETAILS_RETENTION_DAYS. */
  readonly config: Pick<Config, 'BANK_DETAILS_KEY' | 'BANK_DETAILS_RETENTION_DAYS'>;
  readonly directory: SchoolLookup;
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  readonly exports: Pick<ExportLinks, 'create'>;
  readonly logger: Logger;
}

/** The journey's parts, built once: what its dialog, verbs and reminders share. */
export interface DeploymentContext {
  readonly deps: DeploymentJourneyDeps;
  readonly forms: DeploymentRepository;
  readonly eligibility: EligibilityRepository;
  /** The key that seals bank details; undefined when none is configured. */
  readonly bankDetailsKey: Buffer | undefined;
  /** Today in England, YYYY-MM-DD. */
  today(): string;
}

/** The date in England at an instant (an ISO timestamp or a Date), YYYY-MM-DD. */
export function londonDate(instant: string | Date): string {
  return londonDateOf(typeof instant === 'string' ? new Date(instant) : instant);
}

export function createDeploymentContext(deps: DeploymentJourneyDeps): DeploymentContext {
  let bankDetailsKey: Buffer | undefined;
  if (deps.config.BANK_DETAILS_KEY !== undefined) {
    const key = parseBankDetailsKey(deps.config.BANK_DETAILS_KEY);
    // The configuration is checked at start, so this is only reached by a caller that skipped it.
    if (key.ok) bankDetailsKey = key.value;
    else deps.logger.warn('BANK_DETAILS_KEY is not a valid key; bank details will not be taken');
  }
  return {
    deps,
    forms: new DeploymentRepository(deps.store),
    eligibility: new EligibilityRepository(deps.store),
    bankDetailsKey,
    today: () => londonDate(deps.now()),
  };
}

export const refOf = (record: DeploymentFormRecord): FormRef => ({ ownerAadObjectId: record.draft.ownerAadObjectId, draftId: record.draft.id });

/** The form as the policy sees it: whose it is, and who speaks for the school or trust it supports. */
export function resourceOf(record: DeploymentFormRecord): DeploymentFormResource {
  const { recipientKind, urn } = record.draft.sections[1];
  return {
    ownerAadObjectId: record.draft.ownerAadObjectId,
    supportedSchoolUrn: recipientKind === 'school' ? urn : undefined,
    supportedTrustCeoAadObjectId: recipientKind === 'trust' ? record.schoolRequest?.trustCeoAadObjectId : undefined,
    confirmerAadObjectIds: record.schoolRequest?.confirmerAadObjectIds,
  };
}

/** A refusal as the person reads it: why, then what they can do instead. */
export const refusalText = (decision: { readonly reason: string; readonly instead: string }): string => `${decision.reason} ${decision.instead}`;
