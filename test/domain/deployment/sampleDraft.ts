import type { BankDetails } from '../../../domain/deployment/bankDetails.js';
import { sealBankDetails } from '../../../domain/deployment/draft.js';
import { newDeploymentDraft, setField, type DeploymentDraft, type FieldValue, type SectionNumber } from '../../../domain/deployment/form.js';

export const TEST_KEY = Buffer.alloc(32, 7);

export const SAMPLE_BANK_DETAILS: BankDetails = { accountName: 'Oak Learning Trust', sortCode: '401276', accountNumber: '31926819' };

/** Answers to the form's fields, in the order they are given. */
export type Answers = readonly (readonly [SectionNumber, string, FieldValue])[];

export const answerAll = (draft: DeploymentDraft, answers: Answers): DeploymentDraft =>
  answers.reduce((current, [section, field, value]) => setField(current, section, field, value), draft);

export const emptyDraft = (): DeploymentDraft => newDeploymentDraft('deployment-1', 'aad-system-leader', '2024-01-08T09:00:00.000Z');

/** The system leader's part of the form (sections 1 to 4 and 6), filled in as the conversation would. */
export const SYSTEM_LEADER_ANSWERS: Answers = [
  [1, 'recipientKind', 'school'],
  [1, 'recipientName', 'Millbrook Primary School'],
  [1, 'urn', '123456'],
  [1, 'trust', ''],
  [1, 'phase', 'primary'],
  [1, 'localAuthority', 'Buckinghamshire'],
  [1, 'region', 'South East'],
  [1, 'systemLeaderName', 'Jo Patel'],
  [1, 'systemLeaderRole', 'mat_ceo'],
  [1, 'systemLeaderOrganisation', 'Oak Learning Trust'],
  [1, 'systemLeaderEmail', 'jo.patel@oaklearning.org.uk'],
  [2, 'whyEligible', 'C1'],
  [2, 'additionalInformation', 'New headteacher since September.'],
  [2, 'areasOfFocus', ['teaching_and_learning', 'other']],
  [2, 'otherAreaNote', 'Transition to secondary'],
  [2, 'mechanismsOfSupport', ['english_hubs', 'npqs']],
  [3, 'reviewDate', '2024-03-12'],
  [3, 'progressSoFar', 'Phonics lead appointed; reading audit done.'],
  [3, 'amendments', ''],
  [4, 'allActivitiesCompleted', false],
  [4, 'notCompletedReason', 'Governor training moved to the summer term.'],
  [4, 'nextSteps', 'Join the English Hub programme.'],
  [4, 'enhancedStrand', 'extra_days'],
  [4, 'extraDaysRecommended', 3],
  [6, 'daysDelivered', 10],
];

export const SCHOOL_CONFIRMATION: Answers = [
  [7, 'confirmedByName', 'Sam Green'],
  [7, 'confirmedByRole', 'headteacher'],
  [7, 'confirmedByAadObjectId', 'aad-headteacher'],
  [7, 'outcome', 'confirmed'],
  [7, 'at', '2024-04-22T10:15:00.000Z'],
];

/** A form ready to go to the RDP: everything filled, signed, sent to the school and confirmed by it. */
export function readyDraft(): DeploymentDraft {
  const filled = answerAll(emptyDraft(), SYSTEM_LEADER_ANSWERS);
  return answerAll(sealBankDetails(filled, SAMPLE_BANK_DETAILS, TEST_KEY), [
    [8, 'signedBySystemLeaderAt', '2024-04-19'],
    [8, 'sentToSchoolAt', '2024-04-20'],
    ...SCHOOL_CONFIRMATION,
  ]);
}
