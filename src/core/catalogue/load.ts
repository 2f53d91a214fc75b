/**
 * Loads a catalogue folder: every YAML/JSON/JSON Lines/CSV file under it (recursively, in sorted
 * order), validated entry by entry, then checked as a whole (unique ids, cross-references).
 * All problems are collected so `validate` can report them at once.
 */
import {statSync} from 'node:fs'
import {basename, dirname, relative} from 'node:path'
import {readText} from '../io/read-text.js'
import {walkFolder} from '../io/walk.js'
import {RESERVED_FILES} from './files.js'
import {InputError} from '../errors.js'
import {describeFsError} from '../io/fs-error.js'
import {oneLine, sortProblems, type Problem} from './problems.js'
import {formatOf, readRecords, type ParsedFile} from './readers.js'
import {idKey, isEntryKind, parseEntry} from './schema.js'
import {
  ENTRY_KINDS,
  type Catalogue,
  type Entry,
  type EntryKind,
  type Standard,
  type StudyGroup,
} from './types.js'

const IGNORED = /^(readme|licen[cs]e|notice|copying)(\..*)?$|\.(md|txt)$/i

export interface LoadResult {
  catalogue: Catalogue
  problems: Problem[]
  files: string[]
}

export function emptyCatalogue(): Catalogue {
  return {deliverables: [], requirements: [], standards: [], studyGroups: []}
}

/** Lists catalogue files under `dir` (paths joined to `dir`), sorted; other files become warnings. */
export function listCatalogueFiles(dir: string): {files: string[]; problems: Problem[]} {
  const walked = walkFolder(dir)
  const files: string[] = []
  const problems = walked.problems
  for (const path of walked.files) {
    const name = basename(path)
    if (relative(dir, dirname(path)) === '' && RESERVED_FILES.includes(name)) continue
    if (formatOf(name)) files.push(path)
    else if (!IGNORED.test(name)) {
      problems.push({severity: 'warning', file: path, line: 0, message: 'not a catalogue file (ignored)'})
    }
  }
  return {files, problems}
}

export const UNSUPPORTED_FILE_TYPE = 'unsupported file type (use .yaml, .json, .jsonl or .csv)'

/** Reads and validates one file's entries; `defaultKind` applies when neither file nor record says. */
export function loadFile(path: string, defaultKind?: EntryKind): {entries: Entry[]; problems: Problem[]} {
  const format = formatOf(path)
  if (!format)
    return {entries: [], problems: [{severity: 'error', file: path, line: 0, message: UNSUPPORTED_FILE_TYPE}]}
  const {text, problems} = readText(path)
  if (text === undefined) return {entries: [], problems}
  const read = entriesOf(path, readRecords(path, text, format), defaultKind)
  return {entries: read.entries, problems: [...problems, ...read.problems]}
}

/** A parsed file's entries, each checked against the schema; the parser's problems included. */
export function entriesOf(
  path: string,
  parsed: ParsedFile,
  defaultKind?: EntryKind,
): {entries: Entry[]; problems: Problem[]} {
  const problems = [...parsed.problems]
  if (parsed.kind !== undefined && !isEntryKind(parsed.kind)) {
    problems.push({
      severity: 'error',
      file: path,
      line: parsed.kindLine ?? 1,
      field: 'kind',
      message: `"${parsed.kind}" is not one of ${ENTRY_KINDS.join(', ')}`,
    })
    return {entries: [], problems}
  }
  const entries: Entry[] = []
  for (const record of parsed.records) {
    const declared = record.values.kind
    let kind: EntryKind | undefined = parsed.kind as EntryKind | undefined
    if (typeof declared === 'string' && declared !== '') {
      if (!isEntryKind(declared)) {
        problems.push({
          severity: 'error',
          file: path,
          line: record.fieldLines.kind ?? record.line,
          field: 'kind',
          message: `"${declared}" is not one of ${ENTRY_KINDS.join(', ')}`,
        })
        continue
      }
      kind = declared
    }
    kind ??= defaultKind
    if (!kind) {
      problems.push({
        severity: 'error',
        file: path,
        line: record.line,
        field: 'kind',
        message: `required field is missing (one of ${ENTRY_KINDS.join(', ')})`,
      })
      continue
    }
    const result = parseEntry(path, record, kind)
    problems.push(...result.problems)
    if (result.entry) entries.push(result.entry)
  }
  return {entries, problems}
}

/** Loads the catalogue under `dir`; a folder that cannot be read at all is an InputError (exit 3). */
export function loadCatalogue(dir: string): LoadResult {
  let listing: {files: string[]; problems: Problem[]}
  try {
    if (!statSync(dir).isDirectory())
      throw new InputError(`${oneLine(dir)}: cannot read catalogue: not a folder`)
    listing = listCatalogueFiles(dir)
  } catch (e) {
    if (e instanceof InputError) throw e
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder not found' : describeFsError(e)
    throw new InputError(`${oneLine(dir)}: cannot read catalogue: ${reason}`)
  }
  const problems = [...listing.problems]
  const entries: Entry[] = []
  for (const file of listing.files) {
    const result = loadFile(file)
    problems.push(...result.problems)
    entries.push(...result.entries)
  }
  const catalogue = assemble(entries, problems)
  if (listing.files.length === 0) {
    problems.push({
      severity: 'error',
      file: dir,
      line: 0,
      message: 'no catalogue files (.yaml, .json, .jsonl, .csv) found',
    })
  }
  return {catalogue, problems: sortProblems(problems), files: listing.files}
}

/** Groups entries by kind, dropping (and reporting) duplicate ids, then checks cross-references. */
export function assemble(entries: Entry[], problems: Problem[]): Catalogue {
  const catalogue = emptyCatalogue()
  const seen: Record<EntryKind, Map<string, Entry>> = {
    deliverable: new Map(),
    requirement: new Map(),
    standard: new Map(),
    'study-group': new Map(),
  }
  for (const entry of entries) {
    const key = idKey(entry.id)
    const first = seen[entry.kind].get(key)
    if (first) {
      const same = first.id === entry.id ? '' : ` as "${first.id}": ids differ only in case or Unicode form`
      problems.push({
        severity: 'error',
        file: entry.origin.file,
        line: entry.origin.line,
        field: 'id',
        message: `duplicate ${entry.kind} id "${entry.id}" (first at ${first.origin.file}:${first.origin.line}${same})`,
      })
      continue
    }
    seen[entry.kind].set(key, entry)
    switch (entry.kind) {
      case 'deliverable':
        catalogue.deliverables.push(entry)
        break
      case 'requirement':
        catalogue.requirements.push(entry)
        break
      case 'standard':
        catalogue.standards.push(entry)
        break
      case 'study-group':
        catalogue.studyGroups.push(entry)
        break
    }
  }
  problems.push(...checkReferences(catalogue))
  return catalogue
}

/** A standard's SG and Question, and a deliverable's SGs, must be in the catalogue's study groups. */
export function checkReferences(catalogue: Catalogue): Problem[] {
  const problems: Problem[] = []
  const groups = new Map(catalogue.studyGroups.map((g) => [g.number, g]))
  const knownSgs = [...groups.keys()].sort((a, b) => a - b).join(', ') || 'none in the catalogue'
  for (const standard of catalogue.standards) {
    const where = {severity: 'error' as const, file: standard.origin.file}
    const lineOf = (field: string) => standard.origin.fieldLines?.[field] ?? standard.origin.line
    if (standard.sg !== undefined && !groups.has(standard.sg)) {
      problems.push({
        ...where,
        line: lineOf('sg'),
        field: 'sg',
        message: `unknown study group ${standard.sg} (known: ${knownSgs})`,
      })
      continue
    }
    if (standard.question !== undefined) {
      const group = questionGroup(groups, standard.sg, standard.question)
      if (!group?.questions.some((q) => q.id === standard.question)) {
        problems.push({
          ...where,
          line: lineOf('question'),
          field: 'question',
          message: `unknown Question "${standard.question}"${group ? ` in SG${group.number}` : ''}`,
        })
      }
    }
  }
  problems.push(...checkReplacements(catalogue.standards))
  for (const deliverable of catalogue.deliverables) {
    for (const sg of deliverable.sgs) {
      if (!groups.has(sg)) {
        const line = deliverable.origin.fieldLines?.sgs ?? deliverable.origin.line
        problems.push({
          severity: 'error',
          file: deliverable.origin.file,
          line,
          field: 'sgs',
          message: `unknown study group ${sg} (known: ${knownSgs})`,
        })
      }
    }
  }
  return problems
}

/** A successor named in `replaced_by` should be in the catalogue too: a warning, as a partial catalogue may lack it. */
function checkReplacements(standards: readonly Standard[]): Problem[] {
  const problems: Problem[] = []
  let ids: Set<string> | undefined
  for (const standard of standards) {
    if (!standard.replacedBy) continue
    ids ??= new Set(standards.map((s) => s.id))
    const missing = standard.replacedBy.filter((id) => !ids?.has(id))
    if (missing.length === 0) continue
    problems.push({
      severity: 'warning',
      file: standard.origin.file,
      line: standard.origin.fieldLines?.replaced_by ?? standard.origin.line,
      field: 'replaced_by',
      message: `successor ${missing.map((id) => `"${id}"`).join(', ')} is not in the catalogue`,
    })
  }
  return problems
}

/**
 * The study group a standard's Question is looked up in: the standard's own SG, else the one the
 * Question names (`Q6/17` → 17). The loader and the importers decide with this the same way.
 */
export function questionGroup(
  groups: ReadonlyMap<number, StudyGroup>,
  sg: number | undefined,
  question: string,
): StudyGroup | undefined {
  const named = /^Q\d+\/(\d+)$/.exec(question)
  const number = sg ?? (named ? Number(named[1]) : undefined)
  return number === undefined ? undefined : groups.get(number)
}
