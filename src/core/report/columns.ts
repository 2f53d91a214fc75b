/**
 * The columns of subject and overlap tables, defined once for the text formats (Markdown, Word):
 * a new per-subject field is one more entry here.
 */
import {reviewedRoutingLine, routingLine} from './routing-text.js'
import {bestLiveMatch, type Overlap, type SubjectAnalysis} from '../analysis/analyse.js'
import type {Formatter} from './format.js'

export interface Column<T> {
  header(f: Formatter): string
  text(row: T, f: Formatter): string
}

/** Coverage, with the computed result beside it only where review changed it. */
export function coverageText(s: SubjectAnalysis, f: Formatter): string {
  const {L} = f
  return s.coverage !== s.computed.coverage
    ? `${L.coverage[s.coverage]} (${L.reviewed}${f.semicolon}${f.colon(L.computed)}${L.coverage[s.computed.coverage]})`
    : L.coverage[s.coverage]
}

/** What was measured between a subject and its best standard: shares of terms both ways. */
export function sharesText(s: SubjectAnalysis, f: Formatter): string {
  const missing = s.citations.filter((c) => c.ids.length === 0).map((c) => c.text)
  const cites = missing.length ? f.fill(f.L.citesMissing, {designations: missing.join(', ')}) : ''
  const best = bestLiveMatch(s.matches)
  if (!best) return cites || f.L.none
  const shares = f.fill(f.L.shares, {
    subject: f.percent(best.subjectCovered),
    standard: f.percent(best.standardCovered),
  })
  // A standard the subject names covers it by citation, whatever the words say.
  const measured = best.cited ? `${f.fill(f.L.citedAs, {designation: best.cited})}; ${shares}` : shares
  return cites ? `${measured}; ${cites}` : measured
}

export function responsibleText(s: SubjectAnalysis, f: Formatter): string {
  const sgs = f.sgs(s.responsible.sgs)
  if (!sgs) return f.L.none
  const questions = s.responsible.questions.join(', ')
  return `${sgs}${questions ? ` · ${questions}` : ''}${s.assigned ? ` (${f.L.assigned})` : ''}`
}

export const SUBJECT_COLUMNS: Column<SubjectAnalysis>[] = [
  {header: (f) => f.L.columns.id, text: (s) => s.id},
  {header: (f) => f.L.columns.title, text: (s) => s.title},
  {header: (f) => f.L.columns.coverage, text: coverageText},
  {
    header: (f) => f.L.columns.bestMatch,
    text: (s, f) => {
      const best = bestLiveMatch(s.matches)
      return best ? `${best.id} (${f.score(best.score)})` : f.L.none
    },
  },
  {header: (f) => f.L.columns.measured, text: sharesText},
  {header: (f) => f.L.columns.responsible, text: responsibleText},
  {header: (f) => f.L.routing.heading, text: routingText},
  {header: (f) => f.L.columns.sharedTerms, text: (s) => bestLiveMatch(s.matches)?.terms.join(', ') ?? ''},
]

/** The computed routing, and the reviewed one beside it when a decision assigned the subject. */
function routingText(s: SubjectAnalysis, f: Formatter): string {
  const reviewed = reviewedRoutingLine(s)
  const computed = routingLine(s.routing, f.L)
  return reviewed
    ? `${f.colon(f.L.routing.computedRouting)}${computed} · ${f.colon(f.L.routing.reviewedRouting)}${reviewed}`
    : computed
}

export const OVERLAP_COLUMNS: Column<Overlap>[] = [
  {header: (f) => f.L.columns.type, text: (o, f) => f.L.overlapType[o.type]},
  {header: (f) => f.L.columns.between, text: (o) => (o.b ? `${o.a} ↔ ${o.b}` : o.a)},
  {header: (f) => f.L.columns.sg, text: (o, f) => f.sgs(o.sgs) || f.L.none},
  {header: (f) => f.L.columns.orgs, text: (o, f) => o.orgs.join(', ') || f.L.none},
  {header: (f) => f.L.columns.standards, text: (o, f) => o.standards.join(', ') || f.L.none},
  {header: (f) => f.L.columns.score, text: (o, f) => f.score(o.score)},
]

/** Header and rows of a table of `rows` through `columns`. */
export function tableOf<T>(
  columns: Column<T>[],
  rows: readonly T[],
  f: Formatter,
): {header: string[]; rows: string[][]} {
  return {header: columns.map((c) => c.header(f)), rows: rows.map((r) => columns.map((c) => c.text(r, f)))}
}
