import { describe, expect, it } from 'vitest';
import { setField } from '../../domain/deployment/form.js';
import { type WorkbookSheet } from '../../domain/deployment/workbook.js';
import { buildDeploymentWorkbook, readDeploymentWorkbook } from '../../files/deploymentWorkbook.js';
import { emptyDraft, readyDraft, SAMPLE_BANK_DETAILS } from '../domain/deployment/sampleDraft.js';

const readBack = async (buffer: Buffer): Promise<WorkbookSheet[]> => {
  const read = await readDeploymentWorkbook(buffer);
  if (!read.ok) throw new Error(read.errors.join(' '));
  return read.value;
};

const submitted = () => setField(readyDraft(), 8, 'submittedToRdpAt', '2024-04-23');

const MASKED_BANK_ROWS = [
  { label: 'Account name', value: 'Oak Learning Trust' },
  { label: 'Sort code', value: '••-••-76' },
  { label: 'Account number', value: '••••••19' },
];

const EXPECTED_SHEETS = (bankRows: WorkbookSheet['rows']): WorkbookSheet[] => [
  {
    name: '1. School-Trust Details',
    title: 'Section 1 - School/Trust Details',
    rows: [
      { label: 'Supporting a school or a trust', value: 'A school' },
      { label: 'School or trust name', value: 'Millbrook Primary School' },
      { label: 'URN', value: '123456' },
      { label: 'Trust', value: 'None' },
      { label: 'Phase', value: 'Primary' },
      { label: 'Local authority', value: 'Buckinghamshire' },
      { label: 'Region', value: 'South East' },
      { label: 'System leader name', value: 'Jo Patel' },
      { label: 'System leader role', value: 'MAT CEO' },
      { label: 'System leader organisation', value: 'Oak Learning Trust' },
      { label: 'System leader email', value: 'jo.patel@oaklearning.org.uk' },
    ],
  },
  {
    name: '2. Scope and diagnostics',
    title: 'Section 2 - Scope and diagnostics',
    rows: [
      { label: 'Why eligible', value: 'C1: 2 or more consecutive "requires improvement" judgements, the latest in the offer year' },
      { label: 'Additional information', value: 'New headteacher since September.' },
      { label: 'Areas of focus', value: 'Teaching & Learning; Other' },
      { label: 'Other area of focus', value: 'Transition to secondary' },
      { label: 'Mechanisms of support', value: 'English Hubs; National Professional Qualifications (NPQs)' },
    ],
  },
  {
    name: '3. Mid engagement',
    title: 'Section 3 - Mid engagement',
    rows: [
      { label: 'Review date', value: '12 March 2024' },
      { label: 'Progress so far', value: 'Phonics lead appointed; reading audit done.' },
      { label: 'Amendments to the programme of support', value: 'None' },
    ],
  },
  {
    name: '4. Closure and next steps',
    title: 'Section 4 - Closure and next steps',
    rows: [
      { label: 'All planned activities completed', value: 'No' },
      { label: 'Why not all completed', value: 'Governor training moved to the summer term.' },
      { label: 'Next steps', value: 'Join the English Hub programme.' },
      { label: 'Enhanced strand recommendation', value: 'Up to 5 additional days' },
      { label: 'Additional days recommended', value: 3 },
    ],
  },
  { name: '5. Bank details', title: 'Section 5 - Bank details', rows: bankRows },
  {
    name: '6. Payment claim',
    title: 'Section 6 - Payment claim',
    rows: [
      { label: 'Days delivered', value: 10 },
      { label: 'Day rate (VAT and expenses included)', value: '£600.00' },
      { label: 'Amount claimed', value: '£6,000.00' },
    ],
  },
  {
    name: '7. Supported School-Trust',
    title: 'Section 7 - Supported School/Trust section',
    rows: [
      { label: 'Confirmed by', value: 'Sam Green' },
      { label: 'Their role', value: 'Headteacher' },
      { label: 'Their Teams user id', value: 'aad-headteacher' },
      { label: 'Confirmed or queried', value: 'Confirmed' },
      { label: 'Answered at', value: '22 April 2024, 10:15 UTC' },
    ],
  },
  {
    name: '8. Submission',
    title: 'Section 8 - Submission',
    rows: [
      { label: 'Signed by the system leader', value: '19 April 2024' },
      { label: 'Sent to the school or trust', value: '20 April 2024' },
      { label: 'Submitted to the RDP', value: '23 April 2024' },
    ],
  },
];

describe('the deployment form as a workbook', () => {
  it('reads back, sheet by sheet in the form order, as the draft holds it, with bank details masked', async () => {
    const sheets = await readBack(await buildDeploymentWorkbook(submitted(), { includeBankDetails: false }));
    expect(sheets).toEqual(EXPECTED_SHEETS(MASKED_BANK_ROWS));
  });

  it("shows the bank details in full only in the system leader's own export", async () => {
    const sheets = await readBack(await buildDeploymentWorkbook(submitted(), { includeBankDetails: true, bankDetails: SAMPLE_BANK_DETAILS }));
    expect(sheets).toEqual(
      EXPECTED_SHEETS([
        { label: 'Account name', value: 'Oak Learning Trust' },
        { label: 'Sort code', value: '40-12-76' },
        { label: 'Account number', value: '31926819' },
      ]),
    );
  });

  it('masks opened bank details when the export is not the system leader’s own', async () => {
    const sheets = await readBack(await buildDeploymentWorkbook(submitted(), { includeBankDetails: false, bankDetails: SAMPLE_BANK_DETAILS }));
    expect(sheets[4]?.rows).toEqual(MASKED_BANK_ROWS);
    expect(JSON.stringify(sheets)).not.toContain(SAMPLE_BANK_DETAILS.accountNumber);
    expect(JSON.stringify(sheets)).not.toContain(SAMPLE_BANK_DETAILS.sortCode);
  });

  it('an empty draft gives every section its sheet, with blank answers to the questions that apply', async () => {
    const sheets = await readBack(await buildDeploymentWorkbook(emptyDraft(), { includeBankDetails: false }));
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      '1. School-Trust Details',
      '2. Scope and diagnostics',
      '3. Mid engagement',
      '4. Closure and next steps',
      '5. Bank details',
      '6. Payment claim',
      '7. Supported School-Trust',
      '8. Submission',
    ]);
    expect(sheets[5]?.rows).toEqual([
      { label: 'Days delivered', value: '' },
      { label: 'Day rate (VAT and expenses included)', value: '£600.00' },
      { label: 'Amount claimed', value: '' },
    ]);
    expect(sheets[7]?.rows).toEqual([{ label: 'Signed by the system leader', value: '' }]);
  });

  it('a file that is not a workbook is refused in plain words', async () => {
    expect(await readDeploymentWorkbook(Buffer.from('not a workbook'))).toEqual({ ok: false, errors: ['That file is not an Excel workbook that can be read.'] });
  });
});
