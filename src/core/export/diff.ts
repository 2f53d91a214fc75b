/**
 * Compares two snapshots of an analysis (report.json files, TSAG export CSVs, or one of each):
 * new gaps, closed gaps, other coverage changes, changed responsible study groups, and subjects
 * added or removed. Every list is ordered by subject id, so the same inputs give the same diff.
 */
import {compareText} from '../catalogue/problems.js'
import type {CoverageStatus} from '../match/matcher.js'
import type {Snapshot, SnapshotFormat, SnapshotSubject} from './snapshot.js'
import {formatSgs} from './tsag.js'
import {markdownText} from '../report/markdown.js'

export const DIFF_FORMATS = ['text', 'json', 'md'] as const
export type DiffFormat = (typeof DIFF_FORMATS)[number]

export interface DiffSide {
  file: string
  format: SnapshotFormat
  date?: string
  subjects: number
}

/** A subject that is a gap now and was not one before (`from: null`: it is new in the catalogue). */
export interface NewGap {
  id: string
  title?: string
  from: CoverageStatus | null
  sgs: number[]
}

/** A subject that was a gap and no longer is (it is still in the catalogue). */
export interface ClosedGap {
  id: string
  title?: string
  to: CoverageStatus
  sgs: number[]
}

/** A coverage change that is neither a new nor a closed gap (covered ↔ partial). */
export interface CoverageChange {
  id: string
  title?: string
  from: CoverageStatus
  to: CoverageStatus
}

export interface SgChange {
  id: string
  title?: string
  from: number[]
  to: number[]
}

export interface SubjectChange {
  id: string
  title?: string
  coverage: CoverageStatus
  sgs: number[]
}

export interface SnapshotDiff {
  old: DiffSide
  new: DiffSide
  /** Includes added subjects that are gaps (`from: null`), which also appear in `added`. */
  newGaps: NewGap[]
  closedGaps: ClosedGap[]
  coverage: CoverageChange[]
  responsibleSgs: SgChange[]
  added: SubjectChange[]
  removed: SubjectChange[]
}

const side = (s: Snapshot): DiffSide => ({
  file: s.file,
  format: s.format,
  ...(s.date ? {date: s.date} : {}),
  subjects: s.subjects.length,
})
const titled = (s: SnapshotSubject) => (s.title ? {title: s.title} : {})
const sameSgs = (a: number[], b: number[]) => a.length === b.length && a.every((sg, i) => sg === b[i])

export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  const old = new Map(before.subjects.map((s) => [s.id, s]))
  const now = new Map(after.subjects.map((s) => [s.id, s]))
  const diff: SnapshotDiff = {
    old: side(before),
    new: side(after),
    newGaps: [],
    closedGaps: [],
    coverage: [],
    responsibleSgs: [],
    added: [],
    removed: [],
  }
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort(compareText)
  for (const id of ids) {
    const a = old.get(id)
    const b = now.get(id)
    if (!b) {
      diff.removed.push({id, ...titled(a!), coverage: a!.coverage, sgs: a!.sgs ?? []})
      continue
    }
    const sgs = b.sgs ?? []
    if (!a) {
      diff.added.push({id, ...titled(b), coverage: b.coverage, sgs})
      if (b.coverage === 'gap') diff.newGaps.push({id, ...titled(b), from: null, sgs})
      continue
    }
    const title = titled(b.title ? b : a)
    if (a.coverage !== 'gap' && b.coverage === 'gap') diff.newGaps.push({id, ...title, from: a.coverage, sgs})
    else if (a.coverage === 'gap' && b.coverage !== 'gap')
      diff.closedGaps.push({id, ...title, to: b.coverage, sgs})
    else if (a.coverage !== b.coverage) diff.coverage.push({id, ...title, from: a.coverage, to: b.coverage})
    if (a.sgs && b.sgs && !sameSgs(a.sgs, b.sgs))
      diff.responsibleSgs.push({id, ...title, from: a.sgs, to: b.sgs})
  }
  return diff
}

/** Number of changes; an added gap counts once. */
export function changeCount(diff: SnapshotDiff): number {
  return (
    diff.newGaps.filter((g) => g.from !== null).length +
    diff.closedGaps.length +
    diff.coverage.length +
    diff.responsibleSgs.length +
    diff.added.length +
    diff.removed.length
  )
}

const sgList = (sgs: number[]) => (sgs.length > 0 ? formatSgs(sgs) : 'none')
const withSgs = (id: string, sgs: number[]) => (sgs.length > 0 ? `${id} (${formatSgs(sgs)})` : id)

/** One line per new gap, e.g. `new gap: FGMV-22 (SG21)`. */
export function formatNewGap(gap: NewGap): string {
  return `new gap: ${withSgs(gap.id, gap.sgs)}`
}

/**
 * One line per change, grouped by type in a fixed order (new gaps, closed gaps, coverage,
 * responsible SGs, added, removed), each group by subject id. `no changes` when there are none.
 */
export function formatDiffText(diff: SnapshotDiff): string {
  const lines = [
    ...diff.newGaps.map(formatNewGap),
    ...diff.closedGaps.map((g) => `closed gap: ${withSgs(g.id, g.sgs)}: now ${g.to}`),
    ...diff.coverage.map((c) => `changed coverage: ${c.id}: ${c.from} → ${c.to}`),
    ...diff.responsibleSgs.map((c) => `changed SG: ${c.id}: ${sgList(c.from)} → ${sgList(c.to)}`),
    ...diff.added.map((s) => describeSubject('added', s)),
    ...diff.removed.map((s) => describeSubject('removed', s)),
  ]
  return `${lines.length > 0 ? lines.join('\n') : 'no changes'}\n`
}

function describeSubject(change: string, s: SubjectChange): string {
  return `${change}: ${s.id} (${s.coverage}${s.sgs.length > 0 ? `, ${formatSgs(s.sgs)}` : ''})`
}

function table(heading: string, columns: string[], rows: string[][]): string[] {
  const out = [`## ${heading} (${rows.length})`, '']
  if (rows.length === 0) return [...out, 'None.', '']
  out.push(`| ${columns.join(' | ')} |`, `|${columns.map(() => ' --- |').join('')}`)
  for (const row of rows) out.push(`| ${row.map(markdownText).join(' | ')} |`)
  return [...out, '']
}

function describeSide(label: string, s: DiffSide): string {
  const what = s.format === 'report' ? 'report.json' : 'TSAG export'
  return `- ${label}: \`${s.file.replace(/`/g, "'")}\` (${what}${s.date ? `, ${s.date}` : ''}, ${s.subjects} subjects)`
}

/** A Markdown document: one table per change type, every cell escaped. */
export function formatDiffMarkdown(diff: SnapshotDiff): string {
  const t = (s: {title?: string}) => s.title ?? ''
  const lines = [
    '# gapscan diff',
    '',
    describeSide('Old', diff.old),
    describeSide('New', diff.new),
    `- Changes: ${changeCount(diff)}`,
    '',
    ...table(
      'New gaps',
      ['Subject', 'Title', 'Was', 'Responsible SGs'],
      diff.newGaps.map((g) => [g.id, t(g), g.from ?? 'not in old', sgList(g.sgs)]),
    ),
    ...table(
      'Closed gaps',
      ['Subject', 'Title', 'Now', 'Responsible SGs'],
      diff.closedGaps.map((g) => [g.id, t(g), g.to, sgList(g.sgs)]),
    ),
    ...table(
      'Changed coverage',
      ['Subject', 'Title', 'Old', 'New'],
      diff.coverage.map((c) => [c.id, t(c), c.from, c.to]),
    ),
    ...table(
      'Changed responsible SGs',
      ['Subject', 'Title', 'Old', 'New'],
      diff.responsibleSgs.map((c) => [c.id, t(c), sgList(c.from), sgList(c.to)]),
    ),
    ...table(
      'Added subjects',
      ['Subject', 'Title', 'Coverage', 'Responsible SGs'],
      diff.added.map((s) => [s.id, t(s), s.coverage, sgList(s.sgs)]),
    ),
    ...table(
      'Removed subjects',
      ['Subject', 'Title', 'Coverage', 'Responsible SGs'],
      diff.removed.map((s) => [s.id, t(s), s.coverage, sgList(s.sgs)]),
    ),
  ]
  return `${lines.join('\n').trimEnd()}\n`
}

export function formatDiff(diff: SnapshotDiff, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`
  return format === 'md' ? formatDiffMarkdown(diff) : formatDiffText(diff)
}
