/**
 * Merging imported entries into an existing catalogue file, and writing catalogue files.
 *
 * - Entries are matched by kind + id. An imported entry replaces the existing one, except that
 *   every field the import does not carry (none, or an empty list) keeps its existing value:
 *   an importer must never lose what a person wrote (a curated summary, keywords, Question, a
 *   deliverable's study groups or working group).
 * - Existing entries that the import does not mention are kept as they are.
 * - Counts: `added` (new ids), `updated` (existing ids whose fields changed), `unchanged`, and
 *   `withdrawn` (existing ids whose status changed to withdrawn in this import — counted there,
 *   not under `updated`). The four add up to the number of imported entries.
 * - Order: by id in natural order (`Y.4600` < `Y.4900` < `Y.41000`, `H.770` < `H.770.1`), so
 *   the output does not depend on input order and a second identical import writes the same bytes.
 */
import {stringify} from 'yaml'
import {compareText} from '../catalogue/problems.js'
import {FIELDS} from '../catalogue/schema.js'
import type {Entry, EntryKind} from '../catalogue/types.js'
import {checkTarget, writeFileAtomic} from '../io/atomic-write.js'
import {readRegularFile} from '../io/read-text.js'

export interface ImportCounts {
  added: number
  updated: number
  unchanged: number
  withdrawn: number
}

export function emptyCounts(): ImportCounts {
  return {added: 0, updated: 0, unchanged: 0, withdrawn: 0}
}

export function formatCounts(c: ImportCounts): string {
  return `added ${c.added}, updated ${c.updated}, unchanged ${c.unchanged}, withdrawn ${c.withdrawn}`
}

/** What says where an entry was read, not what it is: never carried over. */
const NOT_CONTENT = new Set(['origin'])

export interface MergeResult {
  entries: Entry[]
  counts: ImportCounts
}

export function mergeEntries(existing: readonly Entry[], imported: readonly Entry[]): MergeResult {
  const counts = emptyCounts()
  const byKey = new Map<string, Entry>()
  for (const entry of existing) byKey.set(keyOf(entry), entry)
  const seen = new Set<string>()
  for (const incoming of imported) {
    const key = keyOf(incoming)
    if (seen.has(key)) continue // the importers hand over one entry per id; a repeat changes nothing
    seen.add(key)
    const old = byKey.get(key)
    if (!old) {
      byKey.set(key, incoming)
      counts.added++
      continue
    }
    const merged = keepHandWritten(old, incoming)
    if (sameRecord(old, merged)) {
      counts.unchanged++
      continue
    }
    byKey.set(key, merged)
    const wasWithdrawn = old.kind === 'standard' && old.status === 'withdrawn'
    const isWithdrawn = merged.kind === 'standard' && merged.status === 'withdrawn'
    if (isWithdrawn && !wasWithdrawn) counts.withdrawn++
    else counts.updated++
  }
  return {entries: sortEntries([...byKey.values()]), counts}
}

function keyOf(entry: Entry): string {
  return `${entry.kind}\u0000${entry.id}`
}

function keepHandWritten(old: Entry, incoming: Entry): Entry {
  const out: Record<string, unknown> = {...incoming}
  const previous = old as unknown as Record<string, unknown>
  for (const field of Object.keys(previous)) {
    if (NOT_CONTENT.has(field)) continue
    const value = out[field]
    const missing = value === undefined || (Array.isArray(value) && value.length === 0)
    const kept = previous[field]
    const hasKept = kept !== undefined && !(Array.isArray(kept) && kept.length === 0)
    if (missing && hasKept) out[field] = kept
  }
  return out as unknown as Entry
}

function sameRecord(a: Entry, b: Entry): boolean {
  return JSON.stringify(toRecord(a)) === JSON.stringify(toRecord(b))
}

export function sortEntries(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => compareNatural(a.id, b.id) || compareText(a.kind, b.kind))
}

/** Natural order: runs of digits compare as numbers, the rest as text (case-insensitive first). */
export function compareNatural(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? []
  const pb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === y) continue
    const dx = /^\d/.test(x)
    const dy = /^\d/.test(y)
    if (dx && dy) {
      const diff = Number(x) - Number(y)
      if (diff !== 0) return diff
      if (x.length !== y.length) return x.length - y.length
      continue
    }
    return compareText(x.toLowerCase(), y.toLowerCase()) || compareText(x, y)
  }
  return pa.length - pb.length || compareText(a, b)
}

// --- serialisation -------------------------------------------------------------------------------

/** camelCase model property for each snake_case file field. */
const PROPERTY: Record<string, string> = {
  source_url: 'sourceUrl',
  working_group: 'workingGroup',
  building_block: 'buildingBlock',
  source_refs: 'sourceRefs',
  sg_derived: 'sgDerived',
  derived_terms: 'derivedTerms',
  replaced_by: 'replacedBy',
}

/** An entry as a catalogue-file record: snake_case fields in schema order, without empty values. */
function toRecord(entry: Entry, withKind = false): Record<string, unknown> {
  const source = entry as unknown as Record<string, unknown>
  const out: Record<string, unknown> = {}
  // Ids and titles first so files read well; then the schema's own order.
  const order = [
    'id',
    'title',
    ...FIELDS[entry.kind].filter((f) => f !== 'id' && f !== 'title' && f !== 'kind'),
  ]
  if (withKind) out.kind = entry.kind
  for (const field of order) {
    const value = source[PROPERTY[field] ?? field]
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    if (field === 'questions') {
      out.questions = (value as {id: string; title: string; sourceUrl?: string}[]).map((q) => ({
        id: q.id,
        title: q.title,
        ...(q.sourceUrl ? {source_url: q.sourceUrl} : {}),
      }))
      continue
    }
    out[field] = value
  }
  return out
}

export type OutputFormat = 'yaml' | 'jsonl'

export function formatForPath(path: string): OutputFormat | undefined {
  const lower = path.toLowerCase()
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl'
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml'
  return undefined
}

/** A `{kind, entries}` YAML catalogue file. */
export function serialiseYaml(kind: EntryKind, entries: readonly Entry[], header?: string): string {
  const body = stringify({kind, entries: entries.map((e) => toRecord(e))}, {lineWidth: 0, indentSeq: true})
  return header ? `${commentLines(header)}${body}` : body
}

/** JSON Lines: one compact object per line, each with its `kind`. */
export function serialiseJsonl(entries: readonly Entry[]): string {
  return entries.map((e) => JSON.stringify(toRecord(e, true))).join('\n') + (entries.length ? '\n' : '')
}

export function serialise(
  format: OutputFormat,
  kind: EntryKind,
  entries: readonly Entry[],
  header?: string,
): string {
  return format === 'yaml' ? serialiseYaml(kind, entries, header) : serialiseJsonl(entries)
}

function commentLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n')
    .concat('\n')
}

/** Writes `content` atomically unless the file already holds exactly these bytes. Returns whether it wrote. */
export function writeIfChanged(path: string, content: string): boolean {
  // Checked before reading: a pipe or device as the target must be refused, not read (it blocks).
  if (checkTarget(path, 'file') && readRegularFile(path).toString('utf8') === content) return false
  writeFileAtomic(path, content)
  return true
}
