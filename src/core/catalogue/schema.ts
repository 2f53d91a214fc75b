/**
 * Field rules per entry kind: turns a raw record into a typed entry, or into problems that name
 * the field. Catalogue files use snake_case field names; the typed model uses camelCase.
 */
import {InputError} from '../errors.js'
import type {Problem} from './problems.js'
import type {RawRecord, RawValue} from './readers.js'
import {
  DELIVERABLE_TYPES,
  ENTRY_KINDS,
  REQUIREMENT_LEVELS,
  STANDARD_STATUSES,
  type Deliverable,
  type DeliverableType,
  type Entry,
  type EntryKind,
  type Origin,
  type Question,
  type Requirement,
  type RequirementLevel,
  type Standard,
  type StandardStatus,
  type StudyGroup,
} from './types.js'

const COMMON_FIELDS = ['kind', 'id', 'title', 'keywords', 'source_url']
export const FIELDS: Record<EntryKind, string[]> = {
  deliverable: [...COMMON_FIELDS, 'type', 'working_group', 'approved', 'summary', 'sgs'],
  requirement: [...COMMON_FIELDS, 'building_block', 'level', 'text', 'source_refs'],
  standard: [
    ...COMMON_FIELDS,
    'org',
    'status',
    'sg',
    'sg_derived',
    'question',
    'type',
    'published',
    'committee',
    'summary',
    'derived_terms',
    'replaced_by',
  ],
  'study-group': [...COMMON_FIELDS, 'number', 'summary', 'mandate', 'questions', 'questions_complete'],
}

const FIELD_SETS = Object.fromEntries(
  Object.entries(FIELDS).map(([kind, fields]) => [kind, new Set(fields)]),
) as unknown as Record<EntryKind, ReadonlySet<string>>

const MAX_TITLE = 1000
const MAX_TEXT = 50_000
// C0/C1 control characters other than tab and newline have no place in catalogue text.
// Cheap pre-check: almost all text is printable ASCII or Latin, so the full test rarely runs.
const HAS_SUSPECT = /[^\u0020-\u007e\u00a0-\u02ff]/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const CONTROL_ALL = new RegExp(CONTROL.source, 'g')
// An id is one line: no tab, newline or other control character at all.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ID_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/**
 * The form in which ids are compared for uniqueness: Unicode NFC, case-folded (upper then lower
 * case, so `ß` and `SS` fold alike). `Y.4600` and `y.4600`, or an `é` typed as one character
 * and as `e` + accent, are the same id.
 */
export function idKey(id: string): string {
  return id.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC')
}

/**
 * A field value as one trimmed text: the text, or why it is not one (a list or mapping, or
 * empty). Every reader of text fields (entries, subjects, gold pairs) decides with this.
 */
export function textValue(
  value: RawValue | undefined,
): {text: string} | {problem: keyof typeof TEXT_PROBLEMS} {
  if (value === undefined) return {problem: 'missing'}
  if (typeof value !== 'string') return {problem: 'notText'}
  const text = value.trim()
  return text === '' ? {problem: 'empty'} : {text}
}

const TEXT_PROBLEMS = {
  missing: 'required field is missing',
  empty: 'must not be empty',
  notText: 'must be a single text value, not a list or mapping',
}

/** A required text field of a record in a file whose first problem stops the job (subjects, gold pairs). */
export function requiredText(path: string, record: RawRecord, name: string): string {
  const value = textValue(record.values[name])
  if ('text' in value) return value.text
  throw new InputError(
    `${path}:${record.fieldLines[name] ?? record.line}: ${name}: ${TEXT_PROBLEMS[value.problem]}`,
  )
}

/** Why `id` is not acceptable as an id, or undefined: one line, no control characters. */
export function idProblem(id: string): string | undefined {
  return ID_CONTROL.test(id) ? 'must be one line without tabs or control characters' : undefined
}

/**
 * Text as importers store it: the control and bidi-override characters this schema refuses, and
 * runs of white space, become one space.
 */
export function cleanText(text: string): string {
  return text.replace(CONTROL_ALL, ' ').replace(/\s+/g, ' ').trim()
}

export function isEntryKind(value: string): value is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(value)
}

/** Field access that records problems against the right line. */
class FieldReader {
  readonly problems: Problem[] = []
  constructor(
    private readonly file: string,
    private readonly record: RawRecord,
  ) {}

  lineOf(field: string): number {
    return this.record.fieldLines[field] ?? this.record.line
  }

  fail(field: string, message: string, severity: Problem['severity'] = 'error'): void {
    this.problems.push({severity, file: this.file, line: this.lineOf(field), field, message})
  }

  private raw(field: string): RawValue | undefined {
    const value = this.record.values[field]
    if (value === undefined || value === '') return undefined
    return value
  }

  text(field: string, opts: {required?: boolean; max?: number} = {}): string | undefined {
    const value = textValue(this.raw(field))
    if ('problem' in value) {
      if (value.problem === 'notText' || opts.required) this.fail(field, TEXT_PROBLEMS[value.problem])
      return undefined
    }
    const trimmed = value.text
    if (HAS_SUSPECT.test(trimmed) && CONTROL.test(trimmed)) {
      this.fail(field, 'contains control or bidirectional-override characters')
      return undefined
    }
    const max = opts.max ?? MAX_TITLE
    if (trimmed.length > max) {
      this.fail(field, `is ${trimmed.length} characters long; at most ${max} allowed`)
      return undefined
    }
    return trimmed
  }

  /** An id: required text on one line, stored in Unicode NFC so every reader compares alike. */
  id(): string | undefined {
    const id = this.text('id', {required: true})
    if (id === undefined) return undefined
    const problem = idProblem(id)
    if (problem) {
      this.fail('id', problem)
      return undefined
    }
    return id.normalize('NFC')
  }

  /** A list, written as a YAML/JSON list or as `;`-separated text (CSV). */
  list(field: string): string[] {
    const value = this.raw(field)
    if (value === undefined) return []
    const items = typeof value === 'string' ? value.split(';') : Array.isArray(value) ? value : undefined
    if (!items) {
      this.fail(field, 'must be a list')
      return []
    }
    const out: string[] = []
    for (const item of items) {
      if (typeof item !== 'string') {
        this.fail(field, 'list items must be text')
        return []
      }
      const trimmed = item.trim()
      if (trimmed === '') continue
      if (HAS_SUSPECT.test(trimmed) && CONTROL.test(trimmed)) {
        this.fail(field, 'contains control or bidirectional-override characters')
        return []
      }
      out.push(trimmed)
    }
    return out
  }

  integer(field: string, opts: {required?: boolean} = {}): number | undefined {
    const text = this.text(field, opts)
    if (text === undefined) return undefined
    const n = parseSgNumber(text)
    if (n === undefined) this.fail(field, `must be a whole number, got "${clip(text)}"`)
    return n
  }

  integers(field: string): number[] {
    const out: number[] = []
    for (const item of this.list(field)) {
      const n = parseSgNumber(item)
      if (n === undefined) {
        this.fail(field, `must be a list of study group numbers, got "${clip(item)}"`)
        return []
      }
      out.push(n)
    }
    return out
  }

  choice<T extends string>(
    field: string,
    allowed: readonly T[],
    normalise: (v: string) => string,
    opts: {required?: boolean} = {},
  ): T | undefined {
    const text = this.text(field, opts)
    if (text === undefined) return undefined
    if ((allowed as readonly string[]).includes(text)) return text as T
    const value = normalise(text)
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.fail(field, `"${clip(text)}" is not one of ${allowed.join(', ')}`)
    return undefined
  }

  /** A yes/no field: YAML true/false, or the text `true` / `false` (CSV). */
  flag(field: string): boolean | undefined {
    const value = this.raw(field)
    if (value === undefined) return undefined
    if (typeof value === 'boolean') return value
    if (value === 'true' || value === 'false') return value === 'true'
    this.fail(field, `must be true or false, got "${clip(String(value))}"`)
    return undefined
  }

  questions(field: string): Question[] {
    const value = this.raw(field)
    if (value === undefined) return []
    if (!Array.isArray(value)) {
      this.fail(field, 'must be a list of {id, title} mappings')
      return []
    }
    const out: Question[] = []
    for (const item of value) {
      if (typeof item !== 'object' || Array.isArray(item) || typeof item.id !== 'string' || !item.id.trim()) {
        this.fail(field, 'each question needs an id (e.g. Q6/17) and a title')
        continue
      }
      const title = typeof item.title === 'string' ? item.title.trim() : ''
      if (!title) {
        this.fail(field, `question ${item.id} has an empty title`)
        continue
      }
      if ([item.id, title].some((t) => CONTROL.test(t))) {
        this.fail(field, 'contains control or bidirectional-override characters')
        continue
      }
      if (title.length > MAX_TITLE) {
        this.fail(
          field,
          `question ${clip(item.id.trim())} title is ${title.length} characters long; at most ${MAX_TITLE} allowed`,
        )
        continue
      }
      const sourceUrl = typeof item.source_url === 'string' ? item.source_url.trim() : undefined
      out.push({id: item.id.trim(), title, ...(sourceUrl ? {sourceUrl} : {})})
    }
    return out
  }

  unknownFields(known: ReadonlySet<string>): void {
    const values = this.record.values
    for (const key in values) {
      // An empty cell in a CSV of mixed kinds is not a field of this entry.
      if (!known.has(key) && values[key] !== '') this.fail(key, 'unknown field (ignored)', 'warning')
    }
  }
}

/** `20`, `SG20`, `SG 20` and `ITU-T Study Group 20` all name study group 20. */
export function parseSgNumber(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text)
  const match = /^(?:ITU-T\s+)?(?:SG|Study\s+Group)?\s*0*(\d{1,3})$/i.exec(text.trim())
  return match ? Number(match[1]) : undefined
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

const upper = (v: string) => v.toUpperCase()
const deliverableType = (v: string) =>
  ({'technical report': 'TR', 'technical specification': 'TS'})[v.toLowerCase()] ?? v.toUpperCase()
const STATUS_ALIASES: Record<string, StandardStatus> = {
  published: 'in-force',
  'in-force': 'in-force',
  active: 'in-force',
  withdrawal: 'withdrawn',
  withdrawn: 'withdrawn',
  superseded: 'withdrawn',
  'under-development': 'under-study',
  draft: 'under-study',
}
const standardStatus = (v: string) => {
  const s = v.toLowerCase().replace(/[\s_]+/g, '-')
  return STATUS_ALIASES[s] ?? s
}

export interface ParsedEntry {
  entry?: Entry
  problems: Problem[]
}

/** Validates one record as an entry of `kind`; entries with errors are not returned. */
const OPTIONAL_STANDARD_TEXT = ['question', 'type', 'published', 'committee'] as const

export function parseEntry(file: string, record: RawRecord, kind: EntryKind): ParsedEntry {
  const f = new FieldReader(file, record)
  f.unknownFields(FIELD_SETS[kind])
  const origin: Origin =
    Object.keys(record.fieldLines).length > 0
      ? {file, line: record.line, fieldLines: record.fieldLines}
      : {file, line: record.line}
  const id = f.id()
  const keywords = f.list('keywords')
  const sourceUrl = f.text('source_url')
  // Only the small kinds spread a shared base; standards (tens of thousands) are built directly,
  // because object spread is several times slower in V8.
  const base = () => ({id: id ?? '', keywords, ...(sourceUrl ? {sourceUrl} : {}), origin})
  let entry: Entry | undefined
  switch (kind) {
    case 'deliverable': {
      const title = f.text('title', {required: true})
      const type = f.choice<DeliverableType>('type', DELIVERABLE_TYPES, deliverableType, {required: true})
      entry = {
        ...base(),
        kind,
        title: title ?? '',
        type: type ?? 'TR',
        ...optional('workingGroup', f.text('working_group')),
        ...optional('approved', f.text('approved')),
        ...optional('summary', f.text('summary', {max: MAX_TEXT})),
        sgs: f.integers('sgs'),
      } satisfies Deliverable
      break
    }
    case 'requirement': {
      const text = f.text('text', {required: true, max: MAX_TEXT})
      const title = f.text('title') ?? (text ? titleFromText(text) : '')
      entry = {
        ...base(),
        kind,
        title,
        buildingBlock: f.text('building_block', {required: true}) ?? '',
        ...optional('level', f.choice<RequirementLevel>('level', REQUIREMENT_LEVELS, upper)),
        text: text ?? '',
        sourceRefs: f.list('source_refs'),
      } satisfies Requirement
      break
    }
    case 'standard': {
      const standard: Standard = {
        kind,
        id: id ?? '',
        keywords,
        origin,
        title: f.text('title', {required: true}) ?? '',
        org: f.text('org', {required: true}) ?? '',
        status:
          f.choice<StandardStatus>('status', STANDARD_STATUSES, standardStatus, {required: true}) ??
          'in-force',
      }
      if (sourceUrl !== undefined) standard.sourceUrl = sourceUrl
      const sg = f.integer('sg')
      if (sg !== undefined) standard.sg = sg
      if (f.flag('sg_derived') === true) {
        if (sg === undefined) f.fail('sg_derived', 'is true but the standard has no sg')
        else standard.sgDerived = true
      }
      for (const field of OPTIONAL_STANDARD_TEXT) {
        const value = f.text(field)
        if (value !== undefined) standard[field] = value
      }
      const summary = f.text('summary', {max: MAX_TEXT})
      if (summary !== undefined) standard.summary = summary
      const derivedTerms = f.list('derived_terms')
      if (derivedTerms.length > 0) standard.derivedTerms = derivedTerms
      const replacedBy = f.list('replaced_by')
      if (replacedBy.length > 0) standard.replacedBy = replacedBy
      entry = standard
      break
    }
    case 'study-group': {
      const title = f.text('title', {required: true})
      const number = f.integer('number', {required: true})
      if (number !== undefined && id !== undefined && id !== `SG${number}`) {
        f.fail('id', `must be SG${number} to match number ${number}`)
      }
      entry = {
        ...base(),
        kind,
        title: title ?? '',
        number: number ?? 0,
        ...optional('summary', f.text('summary', {max: MAX_TEXT})),
        mandate: f.list('mandate'),
        questions: f.questions('questions'),
        questionsComplete: f.flag('questions_complete') ?? false,
      } satisfies StudyGroup
      break
    }
  }
  const failed = f.problems.some((p) => p.severity === 'error')
  return {entry: failed ? undefined : entry, problems: f.problems}
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
  return (value === undefined ? EMPTY : {[key]: value}) as {[P in K]?: V}
}
const EMPTY = Object.freeze({})

/** A requirement without a title is shown by the start of its text. */
export function titleFromText(text: string): string {
  const sentence = text.split(/(?<=[.;:])\s/)[0]
  return sentence.length <= 90 ? sentence : `${sentence.slice(0, 87).replace(/\s+\S*$/, '')}…`
}
