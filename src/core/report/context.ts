/**
 * What a report states about itself besides the analysis: the catalogue it rests on (counts,
 * content hash, caveats) and the selection it shows (resolutions, study groups). Kept out of the
 * analysis so report options never change what is computed.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {relative} from 'node:path'
import {coverageCounts, type Analysis, type SubjectAnalysis} from '../analysis/analyse.js'
import {SUBJECT_KINDS, type Catalogue, type SubjectKind} from '../catalogue/types.js'

/** FG-MV approved 52 deliverables; the catalogue may hold only some of them. */
export const FGMV_DELIVERABLES_TOTAL = 52

/** The WTSA resolution each kind of subject answers, and the file-name prefix of its documents. */
export const RESOLUTIONS: Record<SubjectKind, {number: number; slug: string}> = {
  deliverable: {number: 105, slug: 'res105'},
  requirement: {number: 103, slug: 'res103'},
}

export interface CatalogueFacts {
  /** sha256 of the catalogue's entry files (relative path and bytes, in path order). */
  hash: string
  counts: Record<SubjectKind | 'standard' | 'studyGroup', number>
  /** Standards per body (ITU-T, ISO, …), by name. */
  standardsByOrg: Record<string, number>
  /** Question ids listed per study group number: most lists are incomplete (only sourced ones). */
  questionsBySg: Record<number, string[]>
}

/** Everything a report needs besides the analysis. */
export interface ReportContext {
  lang: import('./labels.js').Lang
  /** Resolutions shown, in SUBJECT_KINDS order. */
  kinds: SubjectKind[]
  /** Study groups asked for (empty: all). */
  sgs: number[]
  catalogue: CatalogueFacts
}

export function catalogueFacts(catalogue: Catalogue, hash: string): CatalogueFacts {
  const standardsByOrg: Record<string, number> = {}
  for (const s of catalogue.standards) standardsByOrg[s.org] = (standardsByOrg[s.org] ?? 0) + 1
  const questionsBySg: Record<number, string[]> = {}
  for (const g of [...catalogue.studyGroups].sort((a, b) => a.number - b.number))
    questionsBySg[g.number] = g.questions.map((q) => q.id)
  return {
    hash,
    counts: {
      deliverable: catalogue.deliverables.length,
      requirement: catalogue.requirements.length,
      standard: catalogue.standards.length,
      studyGroup: catalogue.studyGroups.length,
    },
    standardsByOrg: Object.fromEntries(
      Object.entries(standardsByOrg).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)),
    ),
    questionsBySg,
  }
}

/** The content hash of the files the catalogue was read from, independent of where it lies. */
export function catalogueHash(catalogue: Catalogue, catalogueDir: string): string {
  const files = new Set(
    [
      ...catalogue.deliverables,
      ...catalogue.requirements,
      ...catalogue.standards,
      ...catalogue.studyGroups,
    ].map((e) => e.origin.file),
  )
  const hash = createHash('sha256')
  const named = [...files].map((file) => ({file, name: relative(catalogueDir, file).split('\\').join('/')}))
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const {file, name} of named) {
    hash.update(`${name}\u0000`)
    hash.update(readFileSync(file))
    hash.update('\u0000')
  }
  return hash.digest('hex')
}

/** Does a subject belong to one of these study groups (responsible or assigned)? */
function inSgs(s: SubjectAnalysis, sgs: ReadonlySet<number>): boolean {
  return (
    sgs.size === 0 ||
    s.responsible.sgs.some((n) => sgs.has(n)) ||
    (s.assigned !== undefined && sgs.has(s.assigned.sg))
  )
}

/**
 * The part of an analysis a report shows: subjects of the given kinds that the selected study
 * groups are responsible for, the overlaps that involve them, and per-SG counts of those
 * subjects. Duplications (between standards) are kept when a kept subject matched either standard.
 */
export function selectView(
  analysis: Analysis,
  filter: {kinds: readonly SubjectKind[]; sgs: readonly number[]},
): Analysis {
  const sgs = new Set(filter.sgs)
  const subjects = analysis.subjects.filter((s) => filter.kinds.includes(s.kind) && inSgs(s, sgs))
  const ids = new Set(subjects.map((s) => s.id))
  const matched = new Set(subjects.flatMap((s) => s.matches.map((m) => m.id)))
  const overlaps = analysis.overlaps.filter((o) =>
    o.type === 'duplication'
      ? matched.has(o.a) || (o.b !== undefined && matched.has(o.b))
      : ids.has(o.a) || (o.b !== undefined && ids.has(o.b)),
  )
  const studyGroups = analysis.studyGroups
    .filter((g) => sgs.size === 0 || sgs.has(g.number))
    .map((g) => {
      const mine = subjects.filter((s) => s.responsible.sgs.includes(g.number))
      return {...g, counts: coverageCounts(mine), subjects: mine.map((s) => s.id)}
    })
  return {...analysis, studyGroups, subjects, overlaps}
}

/** Kinds in their canonical order, without repeats. */
export function orderedKinds(kinds: readonly SubjectKind[]): SubjectKind[] {
  return SUBJECT_KINDS.filter((k) => kinds.includes(k))
}
