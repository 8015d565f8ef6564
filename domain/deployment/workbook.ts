/**
 * The bot's copy of the deployment form as an Excel workbook, laid out like the sections of DfE's form: one sheet per
 * section, in the form's order, each a list of questions and answers.
 */
import { displayAnswer } from './answers.js';
import { formatSortCode, maskBankDetails, type BankDetails, type MaskedBankDetails } from './bankDetails.js';
import type { DeploymentDraft } from './draft.js';
import { claimPayment, formatPounds } from './payment.js';
import { DEPLOYMENT_PROGRAMME } from './programme.js';
import { applicableSpecs, fieldsOf, sectionTitle, type FieldValue, type SectionNumber, type SectionValues } from './sections.js';

export interface WorkbookOptions {
  /** True only for the system leader's own copy: the bank details then appear in full. */
  readonly includeBankDetails: boolean;
  /** The opened bank details; without them, or without includeBankDetails, only the masked copy appears. */
  readonly bankDetails?: BankDetails;
}

export interface WorkbookRow {
  readonly label: string;
  readonly value: string | number;
}

export interface WorkbookSheet {
  readonly name: string;
  readonly title: string;
  readonly rows: readonly WorkbookRow[];
}

/** Excel allows 31 characters in a sheet name, so the tab is '1. School and system leader' and the full title heads the sheet. */
// Excel refuses a '/' in a sheet's name, and the guidance's section names have one ("School/Trust Details"),
// and cuts names at 31 characters, so "Supported School/Trust section" loses its last word (the sheet's title keeps it).
export const sheetName = (section: SectionNumber): string => `${section}. ${sectionTitle(section).replaceAll('/', '-').replace(/ section$/, '')}`;

export const sheetTitle = (section: SectionNumber): string => `Section ${section} - ${sectionTitle(section)}`;

function bankRows(draft: DeploymentDraft, options: WorkbookOptions): WorkbookRow[] {
  const [accountName, sortCode, accountNumber] = fieldsOf(5).map((field) => field.label) as [string, string, string];
  if (options.includeBankDetails && options.bankDetails !== undefined) {
    const { bankDetails } = options;
    return [
      { label: accountName, value: bankDetails.accountName },
      { label: sortCode, value: formatSortCode(bankDetails.sortCode) },
      { label: accountNumber, value: bankDetails.accountNumber },
    ];
  }
  const masked: MaskedBankDetails | undefined = options.bankDetails === undefined ? draft.sections[5].masked : maskBankDetails(options.bankDetails);
  return [
    { label: accountName, value: masked?.accountName ?? '' },
    { label: sortCode, value: masked?.sortCode ?? '' },
    { label: accountNumber, value: masked?.accountNumber ?? '' },
  ];
}

function paymentRows(draft: DeploymentDraft): WorkbookRow[] {
  const { daysDelivered, extensionApprovedDays, approvalReference } = draft.sections[6];
  const claim = claimPayment(daysDelivered, {
    ...(extensionApprovedDays === undefined ? {} : { extensionApprovedDays }),
    ...(approvalReference === undefined ? {} : { approvalReference }),
  });
  return [
    { label: 'Day rate (VAT and expenses included)', value: formatPounds(DEPLOYMENT_PROGRAMME.dayRatePence) },
    { label: 'Amount claimed', value: claim.ok ? formatPounds(claim.value.amountPence) : '' },
  ];
}

/** The rows of one section's sheet: each question that applies, answered or blank. */
export function sectionRows(draft: DeploymentDraft, section: SectionNumber, options: WorkbookOptions): WorkbookRow[] {
  if (section === 5) return bankRows(draft, options);
  const values = draft.sections[section] as SectionValues;
  const rows = applicableSpecs(section, values).map((field) => {
    const value = values[field.name];
    return { label: field.label, value: value === undefined ? '' : displayAnswer(field, value as FieldValue) };
  });
  return section === 6 ? [...rows, ...paymentRows(draft)] : rows;
}
