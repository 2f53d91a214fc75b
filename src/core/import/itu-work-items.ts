/**
 * ITU-T work items from the hand-collected tables (`recommendations.csv`: number, title, sg,
 * question, status, approved, url; `metaverse-work-items.csv`: item, alt_id, title, sg, question,
 * type, status, url; `work-items-more.csv`: provisional_name, final_number, title, sg, question,
 * type, status, source_url) as standard entries: rows whose number the Relaton data does not
 * already hold (also not as part of a joint number such as Y.4000/Y.2060), e.g. Y.aidt-reqts,
 * XSTR.dpama. The id is the final number when a row gives one, else its provisional name.
 * - A number in several tables: the first table's row wins (pass the newest first); a study group
 *   or Question only a later row gives is added to it.
 *
 * - sg: "SG20", "20", "SG17 (inferred from X-series prefix)" → 20/17: parenthesised notes are
 *   ignored, the fact is kept; a cell that names no number gives no sg.
 * - question: `Q7/17 (inferred…)` → Q7/17.
 * - status: the row's wording: "under study…", "carried…", "registered", "consented…",
 *   "determined…" → under-study; "in force", "published", "agreed", "approved", "active" → in-force.
 * - type: the row's type (lower-cased), else "technical report" for TR-style numbers (XSTR.x,
 *   GSTR-x, PSTR-x, TR.x), else "recommendation". Question rows are not standards and are skipped.
 * - url: the first of several `;`-separated URLs, without a note after it ("(read via … mirror)").
 */
import type {Problem} from '../catalogue/problems.js'
import {readRecords, type RawValue} from '../catalogue/readers.js'
import {parseEntry, parseSgNumber} from '../catalogue/schema.js'
import type {Standard, StandardStatus} from '../catalogue/types.js'

export interface WorkItemsResult {
  entries: Standard[]
  problems: Problem[]
  skipped: {known: number; questions: number; duplicates: number}
}

/** Numbers already known, with each part of a joint number (`Y.4000/Y.2060` → Y.4000, Y.2060). */
export function knownNumbers(numbers: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const n of numbers) {
    out.add(n)
    if (/^[A-Z]+\.\d/.test(n) && n.includes('/')) for (const part of n.split('/')) out.add(part.trim())
  }
  return out
}

export function readWorkItems(files: {file: string; text: string}[], known: Set<string>): WorkItemsResult {
  const entries: Standard[] = []
  const problems: Problem[] = []
  const skipped = {known: 0, questions: 0, duplicates: 0}
  const seen = new Map<string, Standard>()
  for (const {file, text} of files) {
    // The catalogue's CSV reader: same options, and a record's line is its first, not its last.
    const parsed = readRecords(file, text, 'csv')
    problems.push(...parsed.problems)
    for (const {values: cells, line} of parsed.records) {
      const record = cells as Record<string, string | undefined> // CSV cells are strings
      const id = (record.number || record.item || record.final_number || record.provisional_name || '').trim()
      if (/^question/i.test(record.type ?? '') || /^Q\d+\/\d+$/.test(id)) {
        skipped.questions++
        continue
      }
      if (known.has(id)) {
        skipped.known++
        continue
      }
      const sg = parseSgNumber(withoutNotes(record.sg ?? ''))
      const question = /Q\d+\/\d+/.exec(record.question ?? '')?.[0]
      const earlier = seen.get(id)
      if (earlier) {
        if (earlier.sg === undefined && sg !== undefined) earlier.sg = sg
        if (earlier.question === undefined && question) earlier.question = question
        skipped.duplicates++
        continue
      }
      const status = workItemStatus(record.status ?? '')
      if (!status) {
        problems.push({
          severity: 'error',
          file,
          line,
          field: 'status',
          message: `cannot tell in force from under study in "${record.status}"`,
        })
        continue
      }
      const values: Record<string, RawValue> = {id, org: 'ITU-T', title: record.title ?? '', status}
      if (sg !== undefined) values.sg = String(sg)
      if (question) values.question = question
      values.type = workItemType(id, record.type)
      if (record.approved) values.published = record.approved
      const url = (record.url ?? record.source_url ?? '')
        .split(/\s+;\s+|;\s*/)[0]
        ?.trim()
        .split(/\s+/)[0]
      if (url) values.source_url = url
      const entry = parseEntry(file, {values, line, fieldLines: {}}, 'standard')
      problems.push(...entry.problems.filter((p) => p.severity === 'error'))
      if (!entry.entry) continue
      seen.set(id, entry.entry as Standard)
      entries.push(entry.entry as Standard)
    }
  }
  return {entries, problems, skipped}
}

function withoutNotes(text: string): string {
  return text.replace(/\([^)]*\)/g, '').trim()
}

export function workItemStatus(text: string): StandardStatus | undefined {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
  if (/^(under study|carried|registered|consented|determined|draft|new work item)/.test(s))
    return 'under-study'
  if (/^(in force|published|pre-published|agreed|approved|active)/.test(s)) return 'in-force'
  if (/^(withdrawn|superseded|deleted)/.test(s)) return 'withdrawn'
  if (/under study/.test(s)) return 'under-study'
  if (/in force|published|approved/.test(s)) return 'in-force'
  return undefined
}

function workItemType(id: string, type: string | undefined): string {
  const given = withoutNotes(type ?? '').toLowerCase()
  if (given) return given
  return /^(?:[A-Z]{0,2}STR[.-]|TR[.-])/.test(id) ? 'technical report' : 'recommendation'
}
