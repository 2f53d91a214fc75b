/**
 * Reading Relaton bibliographic data (raw Relaton YAML, one edition per file, and the compact
 * JSON Lines form, one number per line) into standard entries.
 *
 * Conventions:
 * - id: the number as its body writes it: ITU-T numbers without the `ITU-T` prefix and without the
 *   edition date (`Y.4600`, `Y.4900/L.1600`, `Y Suppl. 73`, `X.509 (2019) Cor. 1`); other bodies
 *   with their prefix and without year or version (`ISO/IEC 23005-1`, `ETSI TS 103 000`).
 * - One entry per number: the latest edition (by publication date; equal dates: the record read
 *   last wins).
 * - status: published/active/in force → in-force; withdrawn/withdrawal/superseded/replaced/
 *   inactive/retired/deleted → withdrawn; drafts and work under development → under-study. An ITU-T
 *   record with no stage takes its status from the edition URL (`-I`/`-P` in force, `-S`/`-W`/`-T`
 *   withdrawn), else in-force. A record naming its successors (`obsoleted_by`) is withdrawn and
 *   lists them as `replaced_by`; IETF and OpenID statuses: see `statusOf`.
 * - ITU-T study group: "ITU-T Study Group 20" → sg 20; the TSAG → committee "TSAG", no sg.
 * - type: recommendation, amendment, corrigendum, supplement, annex (from the ITU-T doctype),
 *   erratum for `Err.` numbers; other bodies' doctype as given.
 * - A record with no title is titled from its number (`Corrigendum 1 to ITU-T D.43 (1988)`, with
 *   the base Recommendation's title when the import holds it).
 * - Abstracts are read as plain text (markup removed, `plainAbstract`). With `abstract: true` the
 *   abstract becomes `summary`; otherwise only facts are kept plus up to 8 key terms drawn from the
 *   abstract (`keywords`) and its content words as an unordered bag (`derived_terms`).
 */
import type {Problem} from '../catalogue/problems.js'
import {formatOf, readRecords, type RawRecord, type RawValue} from '../catalogue/readers.js'
import {cleanText, parseEntry, parseSgNumber} from '../catalogue/schema.js'
import type {Standard, StandardStatus} from '../catalogue/types.js'
import {readText} from '../io/read-text.js'
import {parseYaml, yamlToData} from '../io/yaml.js'
import {listInputFiles} from './inputs.js'
import {plainAbstract} from './abstract-text.js'
import {deriveTerms, type DerivedTermSource} from './derived-terms.js'
import {keyTerms} from './key-terms.js'

/** A Relaton record reduced to the facts gapscan uses, whichever form it was read from. */
export interface RelatonRecord {
  file: string
  line: number
  number: string
  docid: string
  org: string
  title?: string
  published?: string
  /** "ITU-T Study Group 20", "Telecommunication Standardization Advisory Group", "ISO/IEC JTC 1/SC 24"… */
  committee?: string
  /** The status or stage as the source writes it. */
  status?: string
  doctype?: string
  abstract?: string
  url?: string
  /** Numbers of the documents that replace this one (the RFC index's "Obsoleted by"). */
  obsoletedBy?: string[]
}

export interface RelatonReadResult {
  records: RelatonRecord[]
  problems: Problem[]
}

const KNOWN_ORGS = [
  'ITU-T',
  'ISO',
  'IEC',
  'ISO/IEC',
  'IEEE',
  'ETSI',
  '3GPP',
  'W3C',
  'OASIS',
  'IETF',
  'OGC',
  'NIST',
]

// --- reading ----------------------------------------------------------------------------------

/** Reads a raw Relaton YAML file (one bibitem, or a list of them). */
function readRelatonYaml(content: string, file: string): RelatonReadResult {
  const parsed = parseYaml(file, content, {uniqueKeys: false})
  if (!parsed.yaml) return {records: [], problems: parsed.problems.slice(0, 1)}
  const doc = yamlToData(parsed.yaml)
  const items = Array.isArray(doc) ? doc : [doc]
  const records: RelatonRecord[] = []
  const problems: Problem[] = []
  for (const item of items) {
    if (!isObject(item)) {
      problems.push(
        problem(file, 1, undefined, 'not a Relaton record: expected a mapping with docidentifier and title'),
      )
      continue
    }
    const result = fromBibitem(item, file)
    if ('message' in result) problems.push(result)
    else records.push(result)
  }
  return {records, problems}
}

function fromBibitem(item: Record<string, unknown>, file: string): RelatonRecord | Problem {
  const ids = asArray(item.docidentifier).filter(isObject)
  const primary =
    ids.find((d) => d.primary === true && d.type === 'ITU') ?? ids.find((d) => d.primary === true) ?? ids[0]
  const docid = text(primary?.content ?? primary?.id ?? item.docid ?? item.id)
  if (!docid) return problem(file, 1, 'docidentifier', 'required field is missing')
  const org = orgOf(docid, item)
  if (!org) return problem(file, 1, 'docidentifier', `cannot tell the organisation of "${docid}"`)
  const title = pickLanguage(
    asArray(item.title).filter(isObject),
    (t) => t.type === 'main' || t.type === undefined,
  )
  const abstract = pickLanguage(asArray(item.abstract).filter(isObject), () => true)
  const dates = asArray(item.date).filter(isObject)
  const date = dates.find((d) => d.type === 'published') ?? dates.find((d) => d.type === 'issued') ?? dates[0]
  const status = isObject(item.status)
    ? text(isObject(item.status.stage) ? item.status.stage.content : item.status.stage)
    : text(item.status)
  const ext = isObject(item.ext) ? item.ext : {}
  const doctype =
    text(isObject(ext.doctype) ? (ext.doctype.content ?? ext.doctype.type) : ext.doctype) ??
    text(isObject(item.doctype) ? item.doctype.type : item.doctype)
  const source = asArray(item.source ?? item.link).filter(isObject)
  const url = text((source.find((s) => s.type === 'src') ?? source[0])?.content)
  return clean({
    file,
    line: 1,
    number: numberOf(docid, org),
    docid,
    org,
    title,
    published: text(date?.at ?? date?.value ?? date?.on),
    committee: committeeOf(item),
    status,
    doctype,
    abstract,
    url,
  })
}

/** Reads the compact JSON Lines form (`number`, `docid`, `title`, `study_group` or `committee`…). */
export function readRelatonJsonl(content: string, file: string): RelatonReadResult {
  const records: RelatonRecord[] = []
  // The catalogue's JSON Lines reader: one object per line, problems as file:line.
  const parsed = readRecords(file, content, 'jsonl')
  const problems: Problem[] = [...parsed.problems]
  for (const {values: value, line} of parsed.records) {
    const docid = text(value.docid) ?? text(value.number)
    if (!docid) {
      problems.push(problem(file, line, 'number', 'required field is missing'))
      continue
    }
    const org = text(value.org) ?? orgOf(docid, {})
    if (!org) {
      problems.push(problem(file, line, 'org', `cannot tell the organisation of "${docid}"`))
      continue
    }
    records.push(
      clean({
        file,
        line,
        number: text(value.number) ?? numberOf(docid, org),
        docid,
        org,
        title: text(value.title),
        published: text(value.published),
        committee: text(value.study_group) ?? text(value.committee),
        status: text(value.stage) ?? text(value.status),
        doctype: text(value.doctype),
        abstract: text(value.abstract),
        url: text(value.url),
        obsoletedBy: texts(value.obsoleted_by),
      }),
    )
  }
  return {records, problems}
}

// --- numbers, organisations, committees ----------------------------------------------------------

function orgOf(docid: string, item: Record<string, unknown>): string | undefined {
  if (/^ITU-T\b/.test(docid)) return 'ITU-T'
  const first = docid.split(/\s+/)[0]
  if (KNOWN_ORGS.includes(first) || /^(ISO|IEC|IEEE)(\/[A-Z0-9]+)+$/.test(first)) return first
  if (first === 'CISPR') return 'IEC'
  for (const c of asArray(item.contributor).filter(isObject)) {
    const roles = asArray(c.role).map((r) => (isObject(r) ? r.type : r))
    if (!roles.includes('publisher') || !isObject(c.organization)) continue
    const abbr = text(
      isObject(c.organization.abbreviation)
        ? c.organization.abbreviation.content
        : c.organization.abbreviation,
    )
    if (abbr) return abbr === 'ITU' ? 'ITU-T' : abbr
  }
  return undefined
}

/** The number of an edition's document identifier, as its body writes it. */
export function numberOf(docid: string, org: string): string {
  let n = docid.trim().replace(/\s+/g, ' ')
  switch (org) {
    case 'ITU-T':
      return n.replace(/^ITU-T /, '').replace(/ \((\d{2}\/)?\d{4}\)$/, '')
    case 'ETSI':
      return n.replace(/ V\d+\.\d+\.\d+.*$/, '').replace(/ \(\d{4}(-\d{2})?\)$/, '')
    case '3GPP':
      return n.replace(/:.*$/, '')
    case 'W3C':
      return n.replace(/^W3C (?:[A-Z]+-)?(.+?)(?:-\d{8})?$/, 'W3C $1')
    case 'OASIS':
      return n.replace(/(-(CS|PS|OS|CSD|CSPRD|CND|CN|PR|WD)\d*)+(-plus-Errata\d+)?$/i, '')
    case 'IEEE':
      n = n
        .replace(/\bStd /, '')
        .replace(/ (IEEE )?P(?=\d)/, ' ')
        .replace(/\/D[\d.]+.*$/, '')
      return n.replace(/-(19|20)\d{2}$/, '')
    default:
      // ISO, IEC and their joint forms: drop years (`:2020`) and draft-stage prefixes.
      return n
        .replace(/:\d{4}(-\d{2})?/g, '')
        .replace(/ (AWI|NP|PWI|WD|CD|DIS|FDIS|PRF) /, ' ')
        .replace(/ D(TS|TR) /, ' $1 ')
  }
}

function committeeOf(item: Record<string, unknown>): string | undefined {
  for (const c of asArray(item.contributor).filter(isObject)) {
    const roles = asArray(c.role).map((r) => (isObject(r) ? r.type : r))
    if (!roles.includes('author') || !isObject(c.organization)) continue
    for (const sub of asArray(c.organization.subdivision).filter(isObject)) {
      if (sub.subtype === 'tsag') return 'Telecommunication Standardization Advisory Group'
      const name = pickLanguage(asArray(sub.name).filter(isObject), () => true)
      const identifier = asArray(sub.identifier).filter(isObject)[0]
      const id = text(identifier?.content)
      if (id) return id
      if (name) return name
    }
  }
  const group = isObject(item.editorialgroup) ? item.editorialgroup : undefined
  if (group) {
    const tc = asArray(group.technical_committee ?? group.committee).filter(isObject)[0]
    const name = text(tc?.name ?? tc?.content)
    if (name) return name
  }
  return undefined
}

// --- status, type, latest edition ------------------------------------------------------------------

/**
 * A record's status in the catalogue's terms. A record that names its successors is withdrawn,
 * whatever its category says. IETF statuses are RFC categories, all of published documents (a
 * "Draft Standard" is a published maturity level), except Historic: withdrawn. OpenID Foundation:
 * Final (with or without errata) in force; Implementer's Drafts and Drafts under study.
 */
export function statusOf(record: RelatonRecord): StandardStatus | undefined {
  if (record.obsoletedBy?.length) return 'withdrawn'
  const raw = record.status?.trim().toLowerCase()
  if (record.org === 'IETF' && raw !== undefined) {
    if (raw === 'historic') return 'withdrawn'
    return IETF_CATEGORIES.includes(raw) ? 'in-force' : undefined
  }
  if (record.org === 'OpenID Foundation' && raw !== undefined) {
    if (/^final\b/.test(raw)) return 'in-force'
    if (/draft/.test(raw)) return 'under-study'
    return undefined
  }
  return mapStatus(record.status, record.org === 'ITU-T' ? record.url : undefined)
}

const IETF_CATEGORIES = [
  'internet standard',
  'draft standard',
  'proposed standard',
  'best current practice',
  'informational',
  'experimental',
  // Early RFCs the index gives no category: published, and never declared Historic.
  'unknown',
]

export function mapStatus(raw: string | undefined, url?: string): StandardStatus | undefined {
  if (raw === undefined) {
    const suffix = /-\d{6}-([A-Z])(?:!|$)/.exec(url ?? '')?.[1]
    return suffix && 'SWT'.includes(suffix) ? 'withdrawn' : 'in-force'
  }
  const s = raw.trim().toLowerCase()
  const stage = /^(\d{2})\.(\d{2})$/.exec(s)
  if (stage) {
    const [major, minor] = [Number(stage[1]), Number(stage[2])]
    if (major === 95 && minor === 99) return 'withdrawn'
    if (minor === 98) return 'withdrawn'
    return major >= 60 ? 'in-force' : 'under-study'
  }
  if (/withdraw|supersed|replaced|inactive|retired|deleted|abandon|obsolete|rescinded/.test(s)) {
    return s.startsWith('published (withdrawal') ? 'in-force' : 'withdrawn'
  }
  if (
    /draft|under development|development|proposal|preliminary|work item|under study|candidate|approved for/.test(
      s,
    )
  ) {
    return 'under-study'
  }
  if (
    /^(published|active|in[- ]force|current|valid|confirmed|recommendation|note|statement|standard|under publication|registry)/.test(
      s,
    )
  ) {
    return 'in-force'
  }
  return undefined
}

export function typeOf(record: RelatonRecord): string | undefined {
  if (record.org === 'ITU-T') {
    if (/ Err\. \d+$/.test(record.number)) return 'erratum'
    const doctype = record.doctype?.toLowerCase()
    if (!doctype) return undefined
    return doctype.startsWith('recommendation-') ? doctype.slice('recommendation-'.length) : doctype
  }
  return record.doctype
}

/** The latest edition per (organisation, number): by publication date; equal dates: the later record. */
export function latestEditions(records: readonly RelatonRecord[]): RelatonRecord[] {
  const best = new Map<string, RelatonRecord>()
  for (const record of records) {
    const key = record.number
    const current = best.get(key)
    if (!current || (record.published ?? '') >= (current.published ?? '')) best.set(key, record)
  }
  return [...best.values()]
}

// --- to catalogue entries ----------------------------------------------------------------------------

export interface RelatonToEntriesOptions {
  /** Keep the abstract as `summary` (default); false keeps facts and key terms only. */
  abstract?: boolean
}

export interface RelatonToEntriesResult {
  entries: Standard[]
  problems: Problem[]
}

/** Validates each record as a standard entry; problems name the input file and line. */
export function relatonToStandards(
  records: readonly RelatonRecord[],
  opts: RelatonToEntriesOptions = {},
): RelatonToEntriesResult {
  const keepAbstract = opts.abstract ?? true
  const titles = new Map(records.filter((r) => r.title).map((r) => [r.number, r.title as string]))
  const entries: Standard[] = []
  const problems: Problem[] = []
  const derivedFrom: DerivedTermSource[] = []
  for (const record of records) {
    const status = statusOf(record)
    if (status === undefined) {
      problems.push(
        problem(
          record.file,
          record.line,
          'status',
          `"${record.status}" is not a status gapscan knows (published, withdrawn, draft…)`,
        ),
      )
      continue
    }
    const values: Record<string, RawValue> = {
      id: record.number,
      org: record.org,
      title: record.title ?? fallbackTitle(record, titles),
      status,
    }
    if (record.org === 'ITU-T' && record.committee) {
      const sg = parseSgNumber(record.committee)
      if (sg !== undefined) values.sg = String(sg)
      else if (/advisory group|^tsag$/i.test(record.committee)) values.committee = 'TSAG'
      else values.committee = record.committee
    } else if (record.committee) values.committee = record.committee
    const type = typeOf(record)
    if (type) values.type = type
    if (record.published) values.published = record.published
    if (record.url) values.source_url = record.url
    if (record.obsoletedBy?.length) values.replaced_by = record.obsoletedBy
    const abstract = record.abstract ? plainAbstract(record.abstract) : undefined
    if (abstract) {
      if (keepAbstract) values.summary = abstract
      else {
        const terms = keyTerms(abstract)
        if (terms.length) values.keywords = terms
      }
    }
    const raw: RawRecord = {values: sanitise(values), line: record.line, fieldLines: {}}
    const parsed = parseEntry(record.file, raw, 'standard')
    problems.push(...parsed.problems.filter((p) => p.severity === 'error'))
    if (!parsed.entry) continue
    entries.push(parsed.entry as Standard)
    if (!keepAbstract) derivedFrom.push({title: parsed.entry.title, abstract})
  }
  // Without the abstract, its content words stand in for it (idf over this batch's abstracts).
  if (!keepAbstract) {
    deriveTerms(derivedFrom).forEach((terms, i) => {
      if (terms.length > 0) entries[i].derivedTerms = terms
    })
  }
  return {entries, problems}
}

const PART_NAMES: Record<string, string> = {
  Cor: 'Corrigendum',
  Amd: 'Amendment',
  Err: 'Erratum',
  Suppl: 'Supplement',
}

function fallbackTitle(record: RelatonRecord, titles: Map<string, string>): string {
  const prefix = record.org === 'ITU-T' ? 'ITU-T ' : ''
  const match = /^(.+?) (Cor|Amd|Err|Suppl)\. (\d+)$/.exec(record.number)
  if (!match) return `${prefix}${record.number}`
  const [, base, part, n] = match
  const baseTitle = titles.get(base.replace(/ \(\d{4}\)$/, ''))
  return `${PART_NAMES[part]} ${n} to ${prefix}${base}${baseTitle ? `: ${baseTitle}` : ''}`
}

/** Imported text is normalised: control characters and runs of white space become one space. */
function sanitise(values: Record<string, RawValue>): Record<string, RawValue> {
  const out: Record<string, RawValue> = {}
  for (const [key, value] of Object.entries(values)) {
    out[key] = typeof value === 'string' ? cleanText(value) : value
  }
  return out
}

// --- helpers --------------------------------------------------------------------------------------

function problem(file: string, line: number, field: string | undefined, message: string): Problem {
  return {severity: 'error', file, line, ...(field ? {field} : {}), message}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.replace(/\s+/g, ' ').trim()
  return trimmed === '' ? undefined : trimmed
}

function texts(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const out = value.map(text).filter((t): t is string => t !== undefined)
  return out.length > 0 ? out : undefined
}

function pickLanguage(
  items: Record<string, unknown>[],
  accept: (item: Record<string, unknown>) => boolean,
): string | undefined {
  const candidates = items.filter(accept)
  const isEnglish = (i: Record<string, unknown>) =>
    asArray(i.language).includes('en') || i.language === undefined
  return text((candidates.find(isEnglish) ?? candidates[0])?.content)
}

function clean(record: RelatonRecord): RelatonRecord {
  for (const key of Object.keys(record) as (keyof RelatonRecord)[])
    if (record[key] === undefined) delete record[key]
  return record
}

// --- files ----------------------------------------------------------------------------------------

export const RELATON_EXTENSIONS = ['.yaml', '.yml', '.jsonl', '.ndjson']

/** Reads Relaton files and folders (YAML: one edition per file; .jsonl: one record per line). */
export function readRelatonFiles(paths: readonly string[]): RelatonReadResult {
  const listing = listInputFiles(paths, RELATON_EXTENSIONS)
  const records: RelatonRecord[] = []
  const problems: Problem[] = [...listing.problems]
  for (const file of listing.files) {
    const input = readText(file)
    problems.push(...input.problems)
    if (input.text === undefined) continue
    const result =
      formatOf(file) === 'jsonl' ? readRelatonJsonl(input.text, file) : readRelatonYaml(input.text, file)
    records.push(...result.records)
    problems.push(...result.problems)
  }
  return {records, problems}
}
