/**
 * Importing ITU-T Questions (`import csv --kind question`): CSV rows with columns `sg`, `id`,
 * `title` (and optionally `source_url`) are merged into the study-group file's `questions` lists.
 * A Question already listed (same id) gets the imported title; others are added, in Question
 * order. The file's comments and other fields are kept. Whether a list is complete stays a
 * reviewed fact (`questions_complete`), never set by an import.
 */
import {isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq} from 'yaml'
import {compareText, type Problem} from '../catalogue/problems.js'
import {readRecords} from '../catalogue/readers.js'
import {parseSgNumber} from '../catalogue/schema.js'
import type {ImportCounts} from './merge.js'

export interface QuestionRow {
  sg: number
  id: string
  title: string
  sourceUrl?: string
  line: number
}

/** The rows of a Question CSV; every bad row is a problem naming file, line and field. */
export function readQuestionRows(file: string, text: string): {rows: QuestionRow[]; problems: Problem[]} {
  const parsed = readRecords(file, text, 'csv')
  const problems: Problem[] = [...parsed.problems]
  if (problems.some((p) => p.severity === 'error')) return {rows: [], problems}
  for (const column of ['sg', 'id', 'title'])
    if (!(parsed.columns ?? []).includes(column))
      problems.push({severity: 'error', file, line: 1, field: column, message: 'required column is missing'})
  if (problems.length > 0) return {rows: [], problems}
  const rows: QuestionRow[] = []
  for (const {values, line} of parsed.records) {
    const cell = (name: string) => String(values[name] ?? '').trim()
    const fail = (field: string, message: string) =>
      problems.push({severity: 'error', file, line, field, message})
    const sg = parseSgNumber(cell('sg'))
    if (sg === undefined) {
      fail('sg', `"${cell('sg')}" is not a study group number`)
      continue
    }
    if (!new RegExp(`^Q\\d+/${sg}$`).test(cell('id'))) {
      fail('id', `"${cell('id')}" is not a Question of SG${sg} (Q<n>/${sg})`)
      continue
    }
    if (cell('title') === '') {
      fail('title', 'must not be empty')
      continue
    }
    rows.push({
      sg,
      id: cell('id'),
      title: cell('title'),
      ...(cell('source_url') ? {sourceUrl: cell('source_url')} : {}),
      line,
    })
  }
  return {rows, problems}
}

/** Question number, for ordering `Q2/17` before `Q10/17`. */
function questionNumber(id: string): number {
  return Number(/^Q(\d+)/.exec(id)?.[1] ?? 0)
}

/**
 * Merges rows into a study-group YAML file's text. Rows naming a study group the file lacks are
 * problems (nothing is merged then).
 */
export function mergeQuestions(
  file: string,
  text: string,
  rows: readonly QuestionRow[],
): {text: string; counts: ImportCounts; problems: Problem[]} {
  const doc = parseDocument(text)
  const entries = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined
  const groups = new Map<number, YAMLMap>()
  if (isSeq(entries))
    for (const item of (entries as YAMLSeq).items)
      if (isMap(item)) groups.set(Number(String(item.get('number'))), item as YAMLMap)
  const problems: Problem[] = rows
    .filter((r) => !groups.has(r.sg))
    .map((r) => ({
      severity: 'error',
      file,
      line: r.line,
      field: 'sg',
      message: `SG${r.sg} is not in ${file}`,
    }))
  const counts: ImportCounts = {added: 0, updated: 0, unchanged: 0, withdrawn: 0}
  if (problems.length > 0) return {text, counts, problems}
  for (const [sg, group] of groups) {
    const mine = rows.filter((r) => r.sg === sg)
    if (mine.length === 0) continue
    const existing =
      (group.toJSON() as {questions?: {id: string; title: string; source_url?: string}[]}).questions ?? []
    const byId = new Map(existing.map((q) => [q.id, q]))
    for (const r of mine) {
      const before = byId.get(r.id)
      const after = {
        id: r.id,
        title: r.title,
        ...((r.sourceUrl ?? before?.source_url) ? {source_url: r.sourceUrl ?? before?.source_url} : {}),
      }
      if (!before) counts.added++
      else if (before.title === after.title && before.source_url === after.source_url) counts.unchanged++
      else counts.updated++
      byId.set(r.id, after)
    }
    const merged = [...byId.values()].sort(
      (a, b) => questionNumber(a.id) - questionNumber(b.id) || compareText(a.id, b.id),
    )
    group.set('questions', doc.createNode(merged))
  }
  return {text: doc.toString({flowCollectionPadding: false, lineWidth: 0}), counts, problems}
}
