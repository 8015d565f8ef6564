/**
 * The bot's copy of the deployment form as an Excel workbook, laid out like the sections of DfE's form: one sheet per
 * section, in the form's order, each a list of questions and answers.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from '../excel.js';
import { fail, ok, type Result } from '../result.js';
import { displayAnswer } from './answers.js';
import { formatSortCode, maskBankDetails, type BankDetails, type MaskedBankDetails } from './bankDetails.js';
import type { DeploymentDraft } from './draft.js';
import { claimPayment, formatPounds } from './payment.js';
import { DEPLOYMENT_PROGRAMME } from './programme.js';
import { applicableSpecs, fieldsOf, SECTION_NUMBERS, sectionTitle, type FieldValue, type SectionNumber, type SectionValues } from './sections.js';

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

export async function buildDeploymentWorkbook(draft: DeploymentDraft, options: WorkbookOptions): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'School improvement bot';
  workbook.created = new Date(draft.updatedAt);
  for (const section of SECTION_NUMBERS) {
    const sheet = workbook.addWorksheet(sheetName(section));
    sheet.columns = [{ width: 42 }, { width: 80 }];
    const heading = sheet.addRow([sheetTitle(section)]);
    heading.font = { bold: true, size: 14 };
    for (const row of sectionRows(draft, section, options)) {
      const added = sheet.addRow([row.label, row.value]);
      added.getCell(1).font = { bold: true };
      added.alignment = { vertical: 'top', wrapText: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cellText = (value: ExcelJS.CellValue): string | number => {
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return String(value);
};

/** Reads a workbook back sheet by sheet: what a person opening it would see. */
export async function readDeploymentWorkbook(buffer: Buffer): Promise<Result<WorkbookSheet[]>> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fail('That file is not an Excel workbook that can be read.');
  }
  return ok(
    workbook.worksheets.map((sheet) => {
      const rows: WorkbookRow[] = [];
      sheet.eachRow((row, rowNumber) => {
        if (rowNumber > 1) rows.push({ label: String(cellText(row.getCell(1).value)), value: cellText(row.getCell(2).value) });
      });
      return { name: sheet.name, title: String(cellText(sheet.getCell('A1').value)), rows };
    }),
  );
}
