/**
 * The TSAG export: one CSV row per subject (FG-MV deliverable or DPI requirement) with a fixed
 * set of columns, for a scheduled (cron) run whose file TSAG members open in a spreadsheet.
 * Columns are only ever added at the end, never renamed or reordered.
 */
import {isIsoDate} from '../dates.js'
import {liveMatches, type Analysis, type SubjectAnalysis} from '../analysis/analyse.js'
import {roundScore} from '../match/matcher.js'
import {reviewedRoutingLine, routingCsvCell} from '../report/routing-text.js'

/**
 * The TSAG export's columns, in order:
 *
 * - `id` — subject id (e.g. `FGMV-22`, `DPI-T-01`)
 * - `kind` — `deliverable` or `requirement`
 * - `title` — subject title
 * - `coverage` — final coverage after reviewed decisions: `covered`, `partial` or `gap`
 * - `computed_coverage` — coverage computed by the matcher, before decisions
 * - `relationship` — relationship to the best standard not rejected (e.g. `intersects with`); empty without matches
 * - `best_standards` — up to 3 standard ids joined by `;`: reviewed links (accepted / added) first,
 *   then the best-scoring matches; rejected matches are left out
 * - `best_score` — best score of a match not rejected, 4 decimals (`0.3173`); `0.0000` without one
 * - `responsible_sgs` — responsible study groups, `SG17;SG20` (covering standards' SGs, or the best mandate)
 * - `questions` — responsible Questions joined by `;` (e.g. `Q6/17`)
 * - `overlap_multiple_sgs` — `yes` when standards of two or more ITU-T SGs cover the subject
 * - `overlap_other_bodies` — `yes` when ITU-T and another body cover it
 * - `overlap_deliverables` — `yes` when an FG-MV deliverable overlaps another deliverable
 * - `reviewed` — `yes` when decisions.yaml has a decision on the subject
 * - `run_date` — the run's date, `YYYY-MM-DD`
 * - `routing_outcome` — computed routing: `itu-t`, `other-body` or `outside-scope`
 * - `routing` — computed routing with its evidence, in words (see report/routing-text.ts); never
 *   changed by decisions
 * - `reviewed_routing` — the SG (and Question) of an `assign` decision, `SG21 Q1/21`; empty without one
 * - `cited_standards` — the standards the subject names (`;`-separated; they cover it), in order
 * - `cited_missing` — designations the subject names that the catalogue does not hold
 */
export const TSAG_COLUMNS = [
  'id',
  'kind',
  'title',
  'coverage',
  'computed_coverage',
  'relationship',
  'best_standards',
  'best_score',
  'responsible_sgs',
  'questions',
  'overlap_multiple_sgs',
  'overlap_other_bodies',
  'overlap_deliverables',
  'reviewed',
  'run_date',
  'routing_outcome',
  'routing',
  'reviewed_routing',
  'cited_standards',
  'cited_missing',
] as const

export type TsagColumn = (typeof TSAG_COLUMNS)[number]

/** Standards listed in `best_standards`. */
export const TSAG_BEST_STANDARDS = 3

/** A score with exactly 4 decimals, independent of locale. */
export function formatScore(score: number): string {
  return roundScore(score).toFixed(4)
}

/** Study groups as `SG17;SG20`, ascending. */
export function formatSgs(sgs: readonly number[]): string {
  return [...sgs]
    .sort((a, b) => a - b)
    .map((sg) => `SG${sg}`)
    .join(';')
}

const yesNo = (flag: boolean): string => (flag ? 'yes' : 'no')

export interface TsagOptions {
  /**
   * Write best_score with a decimal comma (`0,3173`), for spreadsheets in locales where the comma
   * is the decimal separator (they read `0.3173` as text). Off by default, so existing exports
   * keep their bytes.
   */
  decimalComma?: boolean
}

/** The cells of one subject, in {@link TSAG_COLUMNS} order. */
export function tsagRow(subject: SubjectAnalysis, runDate: string, options: TsagOptions = {}): string[] {
  const live = liveMatches(subject.matches)
  const score = formatScore(Math.max(0, ...live.map((m) => m.score)))
  const cells: Record<TsagColumn, string> = {
    id: subject.id,
    kind: subject.kind,
    title: subject.title,
    coverage: subject.coverage,
    computed_coverage: subject.computed.coverage,
    relationship: subject.relationship ?? '',
    best_standards: live
      .slice(0, TSAG_BEST_STANDARDS)
      .map((m) => m.id)
      .join(';'),
    best_score: options.decimalComma ? score.replace('.', ',') : score,
    responsible_sgs: formatSgs(subject.responsible.sgs),
    questions: subject.responsible.questions.join(';'),
    overlap_multiple_sgs: yesNo(subject.overlaps.multipleSgs),
    overlap_other_bodies: yesNo(subject.overlaps.otherBodies),
    overlap_deliverables: yesNo(subject.overlaps.otherDeliverables),
    reviewed: yesNo(subject.reviewed),
    run_date: runDate,
    ...routingCells(subject),
    cited_standards: live
      .filter((m) => m.basis === 'cited')
      .map((m) => m.id)
      .join(';'),
    cited_missing: subject.citations
      .filter((c) => c.ids.length === 0)
      .map((c) => c.text)
      .join(';'),
  }
  return TSAG_COLUMNS.map((column) => cells[column])
}

/** The routing columns; empty for a subject read from a report.json older than schema 1.1. */
function routingCells(
  subject: SubjectAnalysis,
): Record<'routing_outcome' | 'routing' | 'reviewed_routing', string> {
  const {routing} = subject as Partial<SubjectAnalysis>
  return {
    routing_outcome: routing?.outcome ?? '',
    routing: routing ? routingCsvCell(routing) : '',
    reviewed_routing: reviewedRoutingLine(subject) ?? '',
  }
}

/**
 * The TSAG export as rows: the header ({@link TSAG_COLUMNS}) first, then one row per subject in
 * the analysis' order (the catalogue's). Pass the result to `toCsv`.
 */
export function tsagRows(analysis: Analysis, runDate: string, options: TsagOptions = {}): string[][] {
  if (!isIsoDate(runDate)) throw new RangeError(`run date "${runDate}" is not a date (YYYY-MM-DD)`)
  return [[...TSAG_COLUMNS], ...analysis.subjects.map((s) => tsagRow(s, runDate, options))]
}
