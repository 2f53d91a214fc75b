/**
 * A snapshot of an analysis' per-subject results — coverage and responsible study groups — read
 * from a report.json, from a TSAG export CSV, or taken from an `Analysis` in memory. Snapshots
 * are what `gapscan diff` and `gapscan export --previous` compare.
 */
import {extname} from 'node:path'
import {CsvError, parse as parseCsv} from 'csv-parse/sync'
import {SCHEMA_VERSION, type Analysis} from '../analysis/analyse.js'
import {idKey} from '../catalogue/schema.js'
import {JsonError, parseJson} from '../io/json.js'
import {readTextFile} from '../io/read-text.js'
import {parseYaml} from '../io/yaml.js'
import {compareText, formatProblem, type Problem} from '../catalogue/problems.js'
import {InputError} from '../errors.js'
import {COVERAGE_STATUSES, type CoverageStatus} from '../match/matcher.js'
import {restoreCell} from './csv.js'

export type SnapshotFormat = 'report' | 'tsag'

export interface SnapshotSubject {
  id: string
  kind?: string
  title?: string
  coverage: CoverageStatus
  /** Responsible study groups, ascending; undefined when the file does not say. */
  sgs?: number[]
}

export interface Snapshot {
  file: string
  format: SnapshotFormat
  /** The report's date, or the export's run_date when all rows share one. */
  date?: string
  /** Ordered by subject id. */
  subjects: SnapshotSubject[]
}

const bySubjectId = (a: {id: string}, b: {id: string}) => compareText(a.id, b.id)

export function snapshotOfAnalysis(analysis: Analysis, file = '(current analysis)'): Snapshot {
  return {
    file,
    format: 'report',
    ...(analysis.date ? {date: analysis.date} : {}),
    subjects: analysis.subjects
      .map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        coverage: s.coverage,
        sgs: [...s.responsible.sgs].sort((a, b) => a - b),
      }))
      .sort(bySubjectId),
  }
}

/**
 * Reads a report.json or a TSAG export CSV: `.json` is a report, `.csv` / `.tsv` / `.txt` an
 * export, anything else is decided by content (a `{` first means JSON). Throws an InputError
 * `file:line: field: message` for an unreadable or invalid file.
 */
export function loadSnapshot(path: string, warnings?: Problem[]): Snapshot {
  const text = readTextFile(path, warnings)
  return parseSnapshot(text, path, snapshotFormatOf(path, text))
}

export function snapshotFormatOf(path: string, text: string): SnapshotFormat {
  const ext = extname(path).toLowerCase()
  if (ext === '.json') return 'report'
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'tsag'
  return text.trimStart().startsWith('{') ? 'report' : 'tsag'
}

export function parseSnapshot(text: string, file: string, format: SnapshotFormat): Snapshot {
  return format === 'report' ? parseReport(text, file) : parseTsagCsv(text, file)
}

function fail(file: string, line: number, field: string | undefined, message: string): never {
  throw new InputError(formatProblem({severity: 'error', file, line, ...(field ? {field} : {}), message}))
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** The line of the first `"key": value` (value JSON-encoded), or 0. */
function lineOfKey(text: string, key: string, value?: unknown): number {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = `${escape(JSON.stringify(key))}\\s*:${value === undefined ? '' : `\\s*${escape(JSON.stringify(value))}`}`
  const match = new RegExp(pattern).exec(text)
  return match ? lineAt(text, match.index) : 0
}

function jsonErrorLine(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message)
  if (position) return lineAt(text, Number(position[1]))
  if (/end of JSON input/.test(message)) return lineAt(text, text.length)
  // Node 20 names no position for some errors; the YAML parser (JSON is YAML) usually finds it.
  return parseYaml('', text).problems[0]?.line ?? 0
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function isCoverage(value: unknown): value is CoverageStatus {
  return typeof value === 'string' && (COVERAGE_STATUSES as readonly string[]).includes(value)
}

function parseReport(text: string, file: string): Snapshot {
  let data: unknown
  try {
    data = parseJson(text)
  } catch (e) {
    if (e instanceof JsonError) fail(file, 1, undefined, e.message)
    fail(
      file,
      jsonErrorLine(text, (e as Error).message),
      undefined,
      `malformed JSON: ${(e as Error).message}`,
    )
  }
  if (!isRecord(data)) fail(file, 1, undefined, 'not a gapscan report.json (expected a JSON object)')
  const version = data.schemaVersion
  const major = SCHEMA_VERSION.split('.')[0]
  if (version === undefined)
    fail(file, 1, 'schemaVersion', 'required field is missing (not a gapscan report.json?)')
  if (typeof version !== 'string' || version.split('.')[0] !== major) {
    fail(
      file,
      lineOfKey(text, 'schemaVersion'),
      'schemaVersion',
      `${JSON.stringify(version)} is not supported (expected ${major}.x)`,
    )
  }
  if (!Array.isArray(data.subjects))
    fail(file, lineOfKey(text, 'subjects'), 'subjects', 'expected a list of subjects')
  const seen = new Set<string>()
  const subjects: SnapshotSubject[] = (data.subjects as unknown[]).map((item, i) => {
    const where = `subjects[${i}]`
    if (!isRecord(item)) fail(file, 0, where, 'expected an object')
    const {id} = item
    if (typeof id !== 'string' || id === '') fail(file, 0, `${where}.id`, 'required field is missing')
    // Found only for an error message: a search of the whole text per subject made reading a
    // large report quadratic (2,000 subjects: 12 s).
    const line = () => lineOfKey(text, 'id', id)
    if (seen.has(idKey(id))) fail(file, line(), `${where}.id`, `duplicate subject "${id}"`)
    seen.add(idKey(id))
    if (!isCoverage(item.coverage)) {
      fail(
        file,
        line(),
        `${where}.coverage`,
        `${JSON.stringify(item.coverage)} is not one of ${COVERAGE_STATUSES.join(', ')}`,
      )
    }
    const sgs = isRecord(item.responsible) ? item.responsible.sgs : undefined
    if (!Array.isArray(sgs) || !sgs.every((sg) => Number.isInteger(sg))) {
      fail(file, line(), `${where}.responsible.sgs`, 'expected a list of study group numbers')
    }
    return {
      id,
      ...(typeof item.kind === 'string' ? {kind: item.kind} : {}),
      ...(typeof item.title === 'string' ? {title: item.title} : {}),
      coverage: item.coverage,
      sgs: [...(sgs as number[])].sort((a, b) => a - b),
    }
  })
  return {
    file,
    format: 'report',
    ...(typeof data.date === 'string' ? {date: data.date} : {}),
    subjects: subjects.sort(bySubjectId),
  }
}

/** Parses `SG17;SG20` (or `17;20`); undefined when malformed. */
export function parseSgs(cell: string): number[] | undefined {
  const items = cell
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const sgs: number[] = []
  for (const item of items) {
    const match = /^(?:SG)?(\d{1,3})$/i.exec(item)
    if (!match) return undefined
    sgs.push(Number(match[1]))
  }
  return [...new Set(sgs)].sort((a, b) => a - b)
}

function parseTsagCsv(text: string, file: string): Snapshot {
  const normalised = text.replace(/\r\n?/g, '\n')
  const header = /^id([^A-Za-z0-9_\n])/.exec(normalised)
  if (!header) fail(file, 1, 'id', 'not a gapscan TSAG export (the header must start with the "id" column)')
  const delimiter = header[1]
  let rows: {record: string[]; info: {lines: number}}[]
  try {
    rows = parseCsv(normalised, {delimiter, info: true, skip_empty_lines: true}) as unknown as typeof rows
  } catch (e) {
    const line = e instanceof CsvError ? Number((e as CsvError & {lines?: number}).lines ?? 0) : 0
    fail(file, line, undefined, `malformed CSV: ${(e as Error).message.split('\n')[0].trim()}`)
  }
  const columns = rows[0].record.map((c) => c.trim())
  const column = (name: string) => columns.indexOf(name)
  for (const required of ['id', 'coverage']) {
    if (column(required) < 0)
      fail(file, 1, required, 'required column is missing (not a gapscan TSAG export?)')
  }
  const [idAt, coverageAt, sgsAt, kindAt, titleAt, dateAt] = [
    'id',
    'coverage',
    'responsible_sgs',
    'kind',
    'title',
    'run_date',
  ].map(column)
  const seen = new Set<string>()
  const dates = new Set<string>()
  const subjects = rows.slice(1).map(({record, info}): SnapshotSubject => {
    const inner = record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0)
    const line = info.lines - inner
    const cell = (at: number) => (at < 0 ? '' : restoreCell(record[at] ?? ''))
    const id = cell(idAt).trim()
    if (id === '') fail(file, line, 'id', 'required field is missing')
    if (seen.has(idKey(id))) fail(file, line, 'id', `duplicate subject "${id}"`)
    seen.add(idKey(id))
    const coverage = cell(coverageAt).trim()
    if (!isCoverage(coverage))
      fail(file, line, 'coverage', `"${coverage}" is not one of ${COVERAGE_STATUSES.join(', ')}`)
    let sgs: number[] | undefined
    if (sgsAt >= 0) {
      sgs = parseSgs(cell(sgsAt))
      if (!sgs)
        fail(file, line, 'responsible_sgs', `"${cell(sgsAt)}" is not a list of study groups (e.g. SG17;SG20)`)
    }
    if (dateAt >= 0 && cell(dateAt) !== '') dates.add(cell(dateAt))
    return {
      id,
      ...(kindAt >= 0 && cell(kindAt) !== '' ? {kind: cell(kindAt)} : {}),
      ...(titleAt >= 0 ? {title: cell(titleAt)} : {}),
      coverage,
      ...(sgs ? {sgs} : {}),
    }
  })
  return {
    file,
    format: 'tsag',
    ...(dates.size === 1 ? {date: [...dates][0]} : {}),
    subjects: subjects.sort(bySubjectId),
  }
}
