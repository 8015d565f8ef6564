/**
 * The questions the deployment form journey answers from stored data, asked alike by its dialog
 * ("deployment form" carries on with the latest or lists the drafts) and by the tab's "My
 * deployment forms" (through dialogs/queries.ts), so the chat and the tab cannot list different forms.
 */
import type { DeploymentFormRecord, DeploymentRepository } from '../../storage/deploymentRepository.js';

export interface DeploymentFormQueries {
  /** A system leader's own deployment forms, the most recently changed first. */
  formsOf(ownerAadObjectId: string): Promise<DeploymentFormRecord[]>;
}

export function createDeploymentFormQueries(forms: DeploymentRepository): DeploymentFormQueries {
  return { formsOf: (ownerAadObjectId) => forms.listFor(ownerAadObjectId) };
}
