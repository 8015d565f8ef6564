import { csvField } from '../nomination/export.js';

/**
 * CSV as RFC 4180 writes it, for people who open it in Excel: lines end with CRLF and the file
 * starts with a byte order mark so that Excel reads it as UTF-8. Fields are quoted (and text
 * that a spreadsheet would run as a formula made plain text) by the nomination export's
 * csvField, so both exports read the same way.
 */
export type CsvValue = string | number;

export { csvField };

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
