/**
 * The common end of every importer: check imported entries against the target catalogue (drop
 * study-group and Question references it does not know, refuse ids that another catalogue file
 * already holds), merge them into the output file, validate the result with the catalogue schema
 * and write it atomically — or write nothing and throw an InputError.
 */
import {existsSync, statSync} from 'node:fs'
import {relative, resolve} from 'node:path'
import {loadCatalogue, loadFile, questionGroup} from '../catalogue/load.js'
import {formatProblem, type Problem} from '../catalogue/problems.js'
import {readRecords} from '../catalogue/readers.js'
import {parseEntry} from '../catalogue/schema.js'
import type {Entry, EntryKind, Standard, StudyGroup} from '../catalogue/types.js'
import {InputError, UsageError} from '../errors.js'
import {
  formatForPath,
  mergeEntries,
  serialise,
  writeIfChanged,
  type ImportCounts,
  type OutputFormat,
} from './merge.js'

export interface DroppedReferences {
  /** Study-group numbers the catalogue does not have (kept as the standard's committee). */
  sg: number
  /** Question ids the catalogue's study group does not list. */
  question: number
}

export interface ApplyImportOptions {
  kind: EntryKind
  imported: Entry[]
  out: string
  format?: OutputFormat
  /** Catalogue folder whose study groups the references must exist in; and whose other files must not hold the same ids. */
  catalogue?: string
  /** Study groups to check against instead of loading `catalogue`. */
  studyGroups?: StudyGroup[]
  /** Comment written at the top of a YAML file. */
  header?: string
}

export interface ApplyImportResult {
  counts: ImportCounts
  dropped: DroppedReferences
  out: string
  format: OutputFormat
  written: boolean
  total: number
}

/** Throws an InputError listing input problems (errors only), one line each. */
export function failOnProblems(problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length === 0) return
  const shown = errors.slice(0, 20).map(formatProblem)
  const more = errors.length > shown.length ? `\n(and ${errors.length - shown.length} more)` : ''
  throw new InputError(`${shown.join('\n')}${more}\nnothing written`)
}

export function applyImport(opts: ApplyImportOptions): ApplyImportResult {
  const format = opts.format ?? formatForPath(opts.out)
  if (!format) throw new UsageError(`--out ${opts.out}: use a .yaml or .jsonl file name (or --format)`)
  const context = loadContext(opts)
  const dropped = dropUnknownReferences(opts.imported, context.studyGroups)
  checkDuplicates(opts.imported, context.otherIds)

  let existing: Entry[] = []
  if (existsSync(opts.out)) {
    const loaded = loadFile(opts.out, opts.kind)
    failOnProblems(loaded.problems)
    existing = loaded.entries
    const foreign = existing.find((e) => e.kind !== opts.kind)
    if (foreign) {
      throw new InputError(
        `${opts.out}:${foreign.origin.line}: kind: holds ${foreign.kind} entries; import ${opts.kind} entries into another file`,
      )
    }
  }
  const {entries, counts} = mergeEntries(existing, opts.imported)
  const content = serialise(format, opts.kind, entries, opts.header)
  validateOutput(opts.out, content, format, opts.kind)
  const written = writeIfChanged(opts.out, content)
  return {counts, dropped, out: opts.out, format, written, total: entries.length}
}

interface Context {
  studyGroups: StudyGroup[]
  /** id → file, for entries of the imported kind held by other catalogue files. */
  otherIds: Map<string, string>
}

function loadContext(opts: ApplyImportOptions): Context {
  const otherIds = new Map<string, string>()
  if (opts.studyGroups) return {studyGroups: opts.studyGroups, otherIds}
  if (!opts.catalogue || !existsSync(opts.catalogue) || !statSync(opts.catalogue).isDirectory()) {
    return {studyGroups: [], otherIds}
  }
  const {catalogue} = loadCatalogue(opts.catalogue)
  const out = resolve(opts.out)
  const all: Entry[] = [...catalogue.deliverables, ...catalogue.requirements, ...catalogue.standards]
  for (const entry of all) {
    if (entry.kind === opts.kind && resolve(entry.origin.file) !== out)
      otherIds.set(entry.id, entry.origin.file)
  }
  return {studyGroups: catalogue.studyGroups, otherIds}
}

/** Removes sg/Question references the catalogue cannot resolve, so the written catalogue stays valid. */
export function dropUnknownReferences(
  entries: Entry[],
  studyGroups: readonly StudyGroup[],
): DroppedReferences {
  const groups = new Map(studyGroups.map((g) => [g.number, g]))
  const dropped: DroppedReferences = {sg: 0, question: 0}
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    if (entry.kind === 'deliverable') {
      const known = entry.sgs.filter((sg) => groups.has(sg))
      if (known.length !== entry.sgs.length) {
        dropped.sg += entry.sgs.length - known.length
        entries[i] = {...entry, sgs: known}
      }
      continue
    }
    if (entry.kind !== 'standard') continue
    const standard: Standard = {...entry}
    if (standard.sg !== undefined && !groups.has(standard.sg)) {
      dropped.sg++
      standard.committee ??= `${standard.org === 'ITU-T' ? 'ITU-T ' : ''}Study Group ${standard.sg}`
      delete standard.sg
    }
    // Dropped exactly when the catalogue loader would refuse it (see checkReferences).
    if (standard.question !== undefined) {
      const group = questionGroup(groups, standard.sg, standard.question)
      if (!group?.questions.some((q) => q.id === standard.question)) {
        dropped.question++
        delete standard.question
      }
    }
    entries[i] = standard
  }
  return dropped
}

function checkDuplicates(imported: readonly Entry[], otherIds: Map<string, string>): void {
  const problems: Problem[] = []
  for (const entry of imported) {
    const file = otherIds.get(entry.id)
    if (file) {
      problems.push({
        severity: 'error',
        file: entry.origin.file,
        line: entry.origin.line,
        field: 'id',
        message: `${entry.kind} "${entry.id}" is already in ${relative(process.cwd(), file) || file}: import into that file with --out`,
      })
    }
  }
  failOnProblems(problems)
}

/** The file about to be written must read back as a valid catalogue file. */
function validateOutput(out: string, content: string, format: OutputFormat, kind: EntryKind): void {
  const parsed = readRecords(out, content, format)
  const problems = [...parsed.problems]
  for (const record of parsed.records) problems.push(...parseEntry(out, record, kind).problems)
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    throw new InputError(
      `the imported entries would not make a valid catalogue file: ${formatProblem(errors[0])}; nothing written`,
    )
  }
}
