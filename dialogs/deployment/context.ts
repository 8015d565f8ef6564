import type { JourneyContext, JourneyDeps } from '../journey.js';
import type { BankDetailsSettings, DaysReconciliation, ExportLinks, ProactiveMessenger } from '../ports.js';
import type { FormRef } from '../../cards/deploymentCards.js';
import { londonDateOf } from '../../domain/time/londonTime.js';
import { parseBankDetailsKey } from '../../domain/deployment/bankDetails.js';
import type { DeploymentFormResource } from '../../domain/access/policy.js';
import type { School } from '../../domain/directory/types.js';
import { DeploymentRepository, type DeploymentFormRecord } from '../../storage/deploymentRepository.js';
import { EligibilityRepository } from '../../storage/eligibilityRepository.js';
import { ProfileRepository } from '../../storage/profileRepository.js';
import { createDeploymentFormQueries, type DeploymentFormQueries } from './queries.js';

/** What the deployment journey needs from the school directory (DirectoryRepository has it). */
/** The deployment journey's id (its card saves close the chat question they answer). */
export const DEPLOYMENT_JOURNEY = 'deployment';

export interface SchoolLookup {
  getSchool(urn: string): Promise<School | undefined>;
}

export interface DeploymentJourneyDeps extends JourneyDeps {
  /** BANK_DETAILS_KEY (without it no bank details are taken) and BANK_DETAILS_RETENTION_DAYS. */
  readonly config: BankDetailsSettings;
  readonly directory: SchoolLookup;
  readonly proactive: Pick<ProactiveMessenger, 'sendToPerson'>;
  readonly exports: Pick<ExportLinks, 'create'>;
  /** Asked before the form is sent to the school: a mismatch of days is shown first. */
  readonly days: DaysReconciliation;
}

/** The journey's parts, built once: what its dialog, verbs and reminders share. */
export interface DeploymentContext extends JourneyContext<DeploymentJourneyDeps> {
  readonly forms: DeploymentRepository;
  /** The questions the tab asks too (dialogs/queries.ts). */
  readonly queries: DeploymentFormQueries;
  readonly eligibility: EligibilityRepository;
  readonly profiles: ProfileRepository;
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
  } else {
    // Users are told only that the key is not set up; the setting's name is for whoever runs the bot.
    deps.logger.warn('BANK_DETAILS_KEY is not set; the deployment form takes no bank details (see README)');
  }
  const forms = new DeploymentRepository(deps.store);
  return {
    deps,
    forms,
    queries: createDeploymentFormQueries(forms),
    eligibility: new EligibilityRepository(deps.store),
    profiles: new ProfileRepository(deps.store),
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
