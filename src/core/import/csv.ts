/**
 * Importing catalogue entries from a spreadsheet export (CSV). `--map field=Column,...` names the
 * column that holds each catalogue field; a field that is not mapped is read from the column of
 * the same name, if there is one. Column names match whatever their case. Every row is validated with the catalogue schema; problems name
 * `file:line: field`.
 */
import type {Problem} from '../catalogue/problems.js'
import {readRecords, type RawRecord, type RawValue} from '../catalogue/readers.js'
import {FIELDS, parseEntry} from '../catalogue/schema.js'
import type {Entry, EntryKind} from '../catalogue/types.js'
import {UsageError} from '../errors.js'

export type ColumnMap = Record<string, string>

/** `title=Title,id=Number` → {title: 'Title', id: 'Number'}; fields must be catalogue fields of `kind`. */
export function parseColumnMap(spec: string | undefined, kind: EntryKind): ColumnMap {
  const map: ColumnMap = {}
  if (!spec) return map
  for (const part of spec.split(',')) {
    if (!part.trim()) continue
    const eq = part.indexOf('=')
    const field = (eq < 0 ? '' : part.slice(0, eq)).trim()
    const column = (eq < 0 ? '' : part.slice(eq + 1)).trim()
    if (!field || !column) throw new UsageError(`--map: "${part.trim()}" is not field=Column`)
    if (!FIELDS[kind].includes(field) || field === 'kind') {
      const fields = FIELDS[kind].filter((f) => f !== 'kind').join(', ')
      throw new UsageError(`--map: "${field}" is not a ${kind} field (one of ${fields})`)
    }
    map[field] = column
  }
  return map
}

export interface CsvImportResult {
  entries: Entry[]
  problems: Problem[]
}

export function importCsv(file: string, text: string, kind: EntryKind, map: ColumnMap): CsvImportResult {
  const parsed = readRecords(file, text, 'csv')
  const problems: Problem[] = [...parsed.problems]
  if (parsed.problems.some((p) => p.severity === 'error')) return {entries: [], problems}
  const header = parsed.columns ?? []
  // Spreadsheet headers are written by hand: "Summary", "summary" and "SUMMARY" are one column.
  const columnNamed = new Map<string, string>()
  for (const name of header)
    if (!columnNamed.has(name.toLowerCase())) columnNamed.set(name.toLowerCase(), name)
  const columnOf = (name: string) => columnNamed.get(name.toLowerCase())
  for (const [field, column] of Object.entries(map)) {
    if (columnOf(column) === undefined) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        field,
        message: `column "${column}" is not in the header (${header.join(', ')})`,
      })
    }
  }
  if (problems.length > 0) return {entries: [], problems}
  const entries: Entry[] = []
  const firstLine = new Map<string, number>()
  for (const record of parsed.records) {
    const values: Record<string, RawValue> = {}
    for (const field of FIELDS[kind]) {
      if (field === 'kind') continue
      const column = columnOf(map[field] ?? field)
      const value = column === undefined ? undefined : record.values[column]
      if (value !== undefined && value !== '') values[field] = value
    }
    const raw: RawRecord = {values, line: record.line, fieldLines: {}}
    const result = parseEntry(file, raw, kind)
    problems.push(...result.problems.filter((p) => p.severity === 'error'))
    if (!result.entry) continue
    const first = firstLine.get(result.entry.id)
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        file,
        line: record.line,
        field: 'id',
        message: `duplicate id "${result.entry.id}" (first at line ${first})`,
      })
      continue
    }
    firstLine.set(result.entry.id, record.line)
    entries.push(result.entry)
  }
  return {entries, problems}
}
