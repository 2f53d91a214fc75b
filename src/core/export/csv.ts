/**
 * CSV output shared by every gapscan CSV writer (the TSAG export, gaps.csv, overlaps.csv):
 * RFC 4180 records (CRLF record delimiter, fields quoted only when needed, quotes doubled),
 * UTF-8 with an optional byte-order mark, and neutralisation of spreadsheet formula injection.
 */
import {stringify} from 'csv-stringify/sync'
import {UsageError} from '../errors.js'

/**
 * First characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a
 * formula or a DDE payload — the OWASP "CSV Injection" list.
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const

function startsWithTrigger(cell: string, from = 0): boolean {
  return (FORMULA_TRIGGERS as readonly string[]).includes(cell.charAt(from))
}

/**
 * Neutralises a cell against spreadsheet formula injection: a cell starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'`, so spreadsheets show it as text. A cell
 * that already starts with `'` followed by one of those characters also gets one, so that
 * {@link restoreCell} gives back exactly the original value. Every other cell is unchanged.
 */
export function neutraliseCell(cell: string): string {
  if (startsWithTrigger(cell) || (cell.startsWith("'") && startsWithTrigger(cell, 1))) return `'${cell}`
  return cell
}

/** The inverse of {@link neutraliseCell}, for reading back a CSV that gapscan wrote. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") &&
    (startsWithTrigger(cell, 1) || (cell.charAt(1) === "'" && startsWithTrigger(cell, 2)))
    ? cell.slice(1)
    : cell
}

export interface CsvOptions {
  /** Field delimiter: one character, not a quote or line break (default `,`). */
  delimiter?: string
  /** Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 (default false). */
  bom?: boolean
}

/**
 * The delimiter a user asked for: one character, or `tab` / `\t` for a tab. Throws a
 * UsageError for anything else (a quote, a line break, several characters).
 */
export function resolveDelimiter(value: string | undefined): string {
  if (value === undefined) return ','
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new UsageError(`--delimiter: "${value}" is not a single character other than a quote or line break`)
  }
  return delimiter
}

/**
 * Renders rows as RFC 4180 CSV text: CRLF after every record, a field quoted when it contains
 * the delimiter, a quote, CR or LF (quotes doubled), and every cell neutralised first.
 * Write the result as UTF-8 (a JS string written by node:fs is).
 */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const delimiter = resolveDelimiter(options.delimiter)
  const text = stringify(
    rows.map((row) => row.map(neutraliseCell)),
    // quoted_match: csv-stringify only quotes the record delimiter itself (CRLF), not a lone CR or LF.
    {delimiter, record_delimiter: 'windows', quote: '"', escape: '"', quoted_match: /[\r\n]/},
  )
  return (options.bom ? '\ufeff' : '') + text
}
