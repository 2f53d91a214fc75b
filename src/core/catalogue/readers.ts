/**
 * Format readers: YAML (and JSON, read by the same YAML 1.2 parser so positions come for free),
 * JSON Lines and CSV, each turned into raw records that remember the line of every field.
 * Readers never throw for bad content: they return problems.
 */
import {parse as parseCsv, CsvError} from 'csv-parse/sync'
import {isAlias, isMap, isScalar, isSeq, type Document, type Node} from 'yaml'
import {JsonError, parseJson} from '../io/json.js'
import {parseYaml} from '../io/yaml.js'
import type {Problem} from './problems.js'

export type RawValue = string | RawValue[] | {[key: string]: RawValue}

export interface RawRecord {
  /**
   * Built with own properties only (Object.fromEntries, JSON.parse), never by assignment, so any
   * text, `__proto__` included, is an ordinary field name.
   */
  values: Record<string, RawValue>
  /** Line of the record's first line. */
  line: number
  /** Line of each field, where the format tells it apart from the record's line. */
  fieldLines: Record<string, number>
}

export interface ParsedFile {
  /** The file-wide `kind`, for YAML/JSON files that declare one. */
  kind?: string
  kindLine?: number
  records: RawRecord[]
  problems: Problem[]
  /** A CSV file's column names, as read from its header (trimmed). */
  columns?: string[]
}

export type FileFormat = 'yaml' | 'jsonl' | 'csv'

export function formatOf(path: string): FileFormat | undefined {
  const lower = path.toLowerCase()
  if (lower.endsWith('.yaml') || lower.endsWith('.yml') || lower.endsWith('.json')) return 'yaml'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  if (lower.endsWith('.csv')) return 'csv'
  return undefined
}

export function readRecords(file: string, text: string, format: FileFormat): ParsedFile {
  switch (format) {
    case 'yaml':
      return readYaml(file, text)
    case 'jsonl':
      return readJsonLines(file, text)
    case 'csv':
      return readCsv(file, text)
  }
}

function error(file: string, line: number, message: string, field?: string): Problem {
  return {severity: 'error', file, line, field, message}
}

/** `{kind, entries: [...]}` documents. The failsafe schema keeps every scalar a string (`010` stays `010`). */
function readYaml(file: string, text: string): ParsedFile {
  const {yaml, problems: parseProblems} = parseYaml(file, text, {failsafe: true})
  if (!yaml) return {records: [], problems: parseProblems}
  const {doc, lineOf} = yaml
  const root = doc.contents
  if (!isMap(root)) {
    return {records: [], problems: [error(file, lineOf(root) || 1, notCatalogue)]}
  }
  const kindNode = root.get('kind', true)
  const entries = root.get('entries', true)
  if (!isSeq(entries)) {
    const line = lineOf(entries ?? root)
    return {records: [], problems: [error(file, line || 1, notCatalogue, 'entries')]}
  }
  const problems: Problem[] = []
  const records: RawRecord[] = []
  for (const item of entries.items) {
    const line = lineOf(item)
    if (!isMap(item)) {
      problems.push(error(file, line, 'each entry must be a mapping of field: value'))
      continue
    }
    const keys = item.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)))
    const values = Object.fromEntries(
      item.items.map((pair, i) => [keys[i], toRaw(pair.value as Node | null, doc)]),
    )
    const fieldLines = Object.fromEntries(item.items.map((pair, i) => [keys[i], lineOf(pair.key) || line]))
    records.push({values, line, fieldLines})
  }
  const kind = isScalar(kindNode) ? String(kindNode.value) : undefined
  return {kind, kindLine: lineOf(kindNode), records, problems}
}

const notCatalogue = 'not a catalogue file: expected a mapping with `kind` and an `entries` list'

function toRaw(node: Node | null, doc: Document): RawValue {
  if (node === null || node === undefined) return ''
  if (isAlias(node)) return toRaw((node.resolve(doc) as Node | undefined) ?? null, doc)
  if (isScalar(node)) {
    // The failsafe schema keeps `null`/`~` as text; a plain (unquoted) one means "no value".
    if (node.value === null || (node.type === 'PLAIN' && /^(~|null|Null|NULL)$/.test(String(node.value))))
      return ''
    return String(node.value)
  }
  if (isSeq(node)) return node.items.map((n) => toRaw(n as Node, doc))
  if (isMap(node)) {
    return Object.fromEntries(
      node.items.map((pair) => [
        String(isScalar(pair.key) ? pair.key.value : pair.key),
        toRaw(pair.value as Node, doc),
      ]),
    )
  }
  return String(node)
}

/** One JSON object per line; numbers and booleans become strings so all formats validate alike. */
function readJsonLines(file: string, text: string): ParsedFile {
  const problems: Problem[] = []
  const records: RawRecord[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i].trim()
    if (source === '') continue
    let value: unknown
    try {
      value = parseJson(source)
    } catch (e) {
      const message = (e as Error).message
      problems.push(
        error(
          file,
          i + 1,
          e instanceof JsonError
            ? message
            : `malformed JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        ),
      )
      continue
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(error(file, i + 1, 'each line must be a JSON object'))
      continue
    }
    records.push({
      values: toRawInPlace(value as Record<string, unknown>),
      line: i + 1,
      fieldLines: NO_FIELD_LINES,
    })
  }
  return {records, problems}
}

const NO_FIELD_LINES: Record<string, number> = Object.freeze({}) as Record<string, number>

/**
 * Turns parsed JSON into raw values where it stands (numbers and booleans become text, nulls
 * go): large JSON Lines files are read without copying every record.
 */
function toRawInPlace(object: Record<string, unknown>): Record<string, RawValue> {
  for (const key in object) {
    const value = object[key]
    if (value === null) delete object[key]
    else if (typeof value !== 'string') object[key] = jsonValueToRaw(value)
  }
  return object as Record<string, RawValue>
}

function jsonValueToRaw(value: unknown): RawValue {
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === 'string')
      ? (value as string[])
      : value.filter((v) => v !== null).map(jsonValueToRaw)
  }
  if (value !== null && typeof value === 'object') return toRawInPlace(value as Record<string, unknown>)
  return String(value)
}

/** A header row of field names; list fields hold `;`-separated items. Accepts a BOM and CRLF. */
function readCsv(file: string, text: string): ParsedFile {
  const normalised = text.replace(/\r\n?/g, '\n')
  let rows: {record: Record<string, string>; info: {lines: number}}[]
  let columns: string[] = []
  try {
    rows = parseCsv(normalised, {
      // csv-parse fills records by assignment, which would make a `__proto__` column set the
      // record's prototype: it gets positions as keys, and the records are rebuilt below.
      columns: (header: string[]) => {
        columns = header.map((name) => name.trim())
        return header.map((_, i) => `c${i}`)
      },
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
    })
  } catch (e) {
    const line = e instanceof CsvError ? csvErrorLine(e, normalised) : 0
    return {records: [], problems: [error(file, line, `malformed CSV: ${firstLine((e as Error).message)}`)]}
  }
  const records = rows.map(({record, info}) => {
    const cells = columns.map((_, i) => record[`c${i}`] ?? '')
    // csv-parse reports the record's last line; quoted newlines push it past the first.
    const inner = cells.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0)
    const values = Object.fromEntries(columns.map((name, i) => [name, cells[i]]))
    return {values, line: info.lines - inner, fieldLines: {}}
  })
  return {records, problems: [], columns}
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim()
}

/** Where a CSV error starts: for an unclosed quote, the line the quote opens on, not the file's end. */
function csvErrorLine(error: CsvError, text: string): number {
  const detail = error as CsvError & {lines?: number; bytes_records?: number}
  if (error.code === 'CSV_QUOTE_NOT_CLOSED' && typeof detail.bytes_records === 'number') {
    return (
      text.slice(0, detail.bytes_records).split('\n').length + (text[detail.bytes_records] === '\n' ? 1 : 0)
    )
  }
  return Number(detail.lines ?? 0)
}
