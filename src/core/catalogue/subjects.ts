/**
 * Subjects given outside the catalogue (`match --subjects FILE`): any catalogue file of
 * deliverables or requirements, or JSON Lines / CSV of `{id, text}` as the minimal form.
 */
import {InputError} from '../errors.js'
import {formatProblem, type Problem} from './problems.js'
import {entriesOf, UNSUPPORTED_FILE_TYPE} from './load.js'
import {readTextFile} from '../io/read-text.js'
import {formatOf, readRecords, type ParsedFile} from './readers.js'
import {idKey, idProblem, requiredText} from './schema.js'
import type {MatchSubject} from '../match/matcher.js'
import {entryBody, subjectsOf, type Catalogue, type Subject} from './types.js'

/** The subjects in a file; its warnings (a legacy encoding, unknown fields) go to `warnings`. */
export function loadSubjects(path: string, warnings: Problem[]): MatchSubject[] {
  const format = formatOf(path)
  if (!format) throw new InputError(`${path}: ${UNSUPPORTED_FILE_TYPE}`)
  // Read and parsed once, whichever form the file turns out to be in.
  const parsed = readRecords(path, readTextFile(path, warnings), format)
  if (format !== 'yaml' && !parsed.records.some((r) => r.values.kind !== undefined)) {
    return minimalSubjects(path, parsed)
  }
  const {entries, problems} = entriesOf(path, parsed)
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
  warnings.push(...problems)
  return subjects
}

/** The `{id, text}` form, recognised in JSON Lines and CSV when no record declares a kind. */
function minimalSubjects(path: string, parsed: ParsedFile): MatchSubject[] {
  if (parsed.problems.length > 0) throw new InputError(formatProblem(parsed.problems[0]))
  if (parsed.records.length === 0) throw new InputError(`${path}: no subjects found`)
  const seen = new Map<string, number>()
  return parsed.records.map((record) => {
    const id = requiredText(path, record, 'id')
    const problem = idProblem(id)
    if (problem) throw new InputError(`${path}:${record.line}: id: ${problem}`)
    const body = requiredText(path, record, 'text')
    checkUnique(path, id.normalize('NFC'), record.line, seen)
    return {id: id.normalize('NFC'), kind: 'text', title: '', body}
  })
}

function checkUnique(path: string, id: string, line: number, seen: Map<string, number>): void {
  const first = seen.get(idKey(id))
  if (first !== undefined)
    throw new InputError(`${path}:${line}: id: duplicate subject id "${id}" (first at line ${first})`)
  seen.set(idKey(id), line)
}

/** The subjects a command scores: those in `file` when given (its warnings to `warnings`), else the catalogue's own. */
export function subjectsToMatch(
  catalogue: Catalogue,
  file: string | undefined,
  warnings: Problem[],
): MatchSubject[] {
  return file ? loadSubjects(file, warnings) : subjectsOf(catalogue).map(toMatchSubject)
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
