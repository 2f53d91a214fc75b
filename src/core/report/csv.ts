/** `gaps.csv` and `overlaps.csv`: flat tables for spreadsheets, formula-safe (see export/csv.ts). */
import {bestLiveMatch, type Analysis} from '../analysis/analyse.js'
import {toCsv} from '../export/csv.js'
import {reviewedRoutingLine, routingCsvCell} from './routing-text.js'

export const GAPS_COLUMNS = [
  'subject_id',
  'kind',
  'title',
  'coverage',
  'computed_coverage',
  'best_standard',
  'best_score',
  'relationship',
  'responsible_sgs',
  'questions',
  'basis',
  'reviewed',
  'routing_outcome',
  'routing',
  'reviewed_routing',
] as const

export const OVERLAPS_COLUMNS = ['type', 'a', 'b', 'sgs', 'orgs', 'standards', 'score'] as const

/** Every subject that is not covered (gaps and partial coverage), in catalogue order. */
export function gapsCsv(analysis: Analysis): string {
  const rows = analysis.subjects
    .filter((s) => s.coverage !== 'covered')
    .map((s) => {
      const best = bestLiveMatch(s.matches)
      return [
        s.id,
        s.kind,
        s.title,
        s.coverage,
        s.computed.coverage,
        best?.id ?? '',
        (best?.score ?? 0).toFixed(4),
        s.relationship ?? '',
        s.responsible.sgs.map((n) => `SG${n}`).join(';'),
        s.responsible.questions.join(';'),
        s.responsible.basis,
        s.reviewed ? 'yes' : 'no',
        s.routing.outcome,
        routingCsvCell(s.routing),
        reviewedRoutingLine(s) ?? '',
      ]
    })
  return toCsv([[...GAPS_COLUMNS], ...rows])
}

export function overlapsCsv(analysis: Analysis): string {
  const rows = analysis.overlaps.map((o) => [
    o.type,
    o.a,
    o.b ?? '',
    o.sgs.map((n) => `SG${n}`).join(';'),
    o.orgs.join(';'),
    o.standards.join(';'),
    o.score.toFixed(4),
  ])
  return toCsv([[...OVERLAPS_COLUMNS], ...rows])
}
