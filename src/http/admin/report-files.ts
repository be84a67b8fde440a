// A report's tables as files: a CSV Excel opens with Arabic intact (UTF-8 with a byte order mark, every
// field quoted, CRLF, the tables one under the other with their titles), and an XLSX workbook with one
// sheet per table, right to left in Arabic. write-excel-file writes the OOXML zip (its one dependency is fflate).
import writeXlsxFile from 'write-excel-file/node';
import type { SheetData } from 'write-excel-file/node';
import { csvField, type CsvLocale } from './bookings-csv.ts';
import type { ReportTable } from './report-tables.ts';

/** @example reportCsv([{ title: 'Total', header: ['Places'], rows: [[40]] }]) // '\uFEFF"Total"\r\n"Places"\r\n"40"\r\n' */
export function reportCsv(tables: readonly ReportTable[]): string {
  const lines = tables.flatMap((table, i) => [...(i > 0 ? [[]] : []), [table.title], table.header, ...table.rows.map((row) => row.map(String))]);
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel refuses the file otherwise). */
const sheetName = (title: string, i: number) => `${i + 1} ${title.replace(/[[\]:*?/\\]/g, ' ')}`.slice(0, 31);

export async function reportXlsx(tables: readonly ReportTable[], locale: CsvLocale): Promise<Buffer> {
  const sheets = tables.map((table, i) => {
    const data: SheetData = [
      table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => (typeof value === 'number' ? { value, type: Number } : { value, type: String }))),
    ];
    return { data, sheet: sheetName(table.title, i), rightToLeft: locale === 'ar', columns: table.header.map((h) => ({ width: Math.max(12, h.length + 2) })) };
  });
  return writeXlsxFile(sheets).toBuffer();
}
