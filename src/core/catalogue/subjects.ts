/**
 * Subjects given outside the catalogue (`match --subjects FILE`): any catalogue file of
 * deliverables or requirements, or JSON Lines / CSV of `{id, text}` as the minimal form.
 */
import {InputError} from '../errors.js'
import {formatProblem, type Problem} from './problems.js'
import {loadFile} from './load.js'
import {readTextFile} from '../io/read-text.js'
import {formatOf, readRecords} from './readers.js'
import type {MatchSubject} from '../match/matcher.js'
import {entryBody, subjectsOf, type Catalogue, type Subject} from './types.js'

export function loadSubjects(path: string): {subjects: MatchSubject[]; warnings: Problem[]} {
  const format = formatOf(path)
  if (format === 'jsonl' || format === 'csv') {
    const minimal = readMinimal(path, format)
    if (minimal) return minimal
  }
  const {entries, problems} = loadFile(path)
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) throw new InputError(formatProblem(errors[0]))
  const subjects: MatchSubject[] = []
  const seen = new Map<string, number>()
  for (const entry of entries) {
    if (entry.kind !== 'deliverable' && entry.kind !== 'requirement') {
      throw new InputError(
        `${path}:${entry.origin.line}: kind: a subject must be a deliverable or a requirement, not ${entry.kind}`,
      )
    }
    checkUnique(path, entry.id, entry.origin.line, seen)
    subjects.push(toMatchSubject(entry))
  }
  if (subjects.length === 0) throw new InputError(`${path}: no subjects found`)
  return {subjects, warnings: problems}
}

/** The `{id, text}` form, recognised when no record declares a kind. */
function readMinimal(
  path: string,
  format: 'jsonl' | 'csv',
): {subjects: MatchSubject[]; warnings: Problem[]} | undefined {
  const text = readTextFile(path)
  const parsed = readRecords(path, text, format)
  if (parsed.problems.length > 0) throw new InputError(formatProblem(parsed.problems[0]))
  if (parsed.records.length === 0) throw new InputError(`${path}: no subjects found`)
  if (parsed.records.some((r) => r.values.kind !== undefined)) return undefined
  const seen = new Map<string, number>()
  const subjects = parsed.records.map((record) => {
    const id = typeof record.values.id === 'string' ? record.values.id.trim() : ''
    const body = typeof record.values.text === 'string' ? record.values.text.trim() : ''
    if (!id) throw new InputError(`${path}:${record.line}: id: required field is missing`)
    if (!body) throw new InputError(`${path}:${record.line}: text: must not be empty`)
    checkUnique(path, id, record.line, seen)
    return {id, kind: 'text', title: '', body}
  })
  return {subjects, warnings: []}
}

function checkUnique(path: string, id: string, line: number, seen: Map<string, number>): void {
  const first = seen.get(id)
  if (first !== undefined)
    throw new InputError(`${path}:${line}: id: duplicate subject id "${id}" (first at line ${first})`)
  seen.set(id, line)
}

/** The subjects a command scores: those in `file` when given, else the catalogue's own. */
export function subjectsToMatch(catalogue: Catalogue, file?: string): MatchSubject[] {
  if (file) return loadSubjects(file).subjects
  return subjectsOf(catalogue).map(toMatchSubject)
}

function toMatchSubject(entry: Subject): MatchSubject {
  return {
    id: entry.id,
    kind: entry.kind,
    title: entry.title,
    keywords: entry.keywords,
    body: entryBody(entry),
  }
}
