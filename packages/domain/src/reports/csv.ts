// Reports as CSV (`Accept: text/csv`): the same fields as the JSON rows, one column each, in the same units —
// amounts in minor units, rates as decimal strings, dates `YYYY-MM-DD` — so a file and a JSON answer never
// disagree. RFC 4180 quoting; a header line names the columns.

export type Cell = string | number | boolean | null | undefined;

export type CsvDelimiter = ',' | ';';

const NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One cell. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`
 * (OWASP "CSV injection"); numbers — negative amounts included — are written as they are, since they are
 * data, not formulas.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[], delimiter: CsvDelimiter = ','): string {
  return `${cells.map(csvCell).join(delimiter)}\r\n`;
}

/** Rows of objects as CSV with a header: `columns` names the fields, in order. */
export function toCsv<T extends object>(
  columns: readonly (keyof T & string)[],
  rows: readonly T[],
  delimiter: CsvDelimiter = ',',
): string {
  let out = csvLine(columns, delimiter);
  for (const row of rows)
    out += csvLine(
      columns.map((c) => row[c] as Cell),
      delimiter,
    );
  return out;
}
