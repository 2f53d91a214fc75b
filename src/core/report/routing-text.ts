/**
 * The computed routing in words, for every format: one line a counsellor can check ("SG20 (0.82,
 * high): Y.4600, Y.4238 match; mandate: digital twins · runners-up: SG13 (0.41) · Question: to be
 * decided — …"). The CSVs and the TSAG export use the English, language-neutral form
 * (`routingCsvCell`); reports use their language's labels.
 */
import type {SubjectAnalysis} from '../analysis/analyse.js'
import {evidenceText, type RoutedStudyGroup, type Routing} from '../analysis/routing.js'
import {labels as labelsOf, type Labels} from './labels.js'

function score(value: number, l: Labels): string {
  return value.toFixed(2).replace('.', l.decimalSeparator)
}

function candidate(s: RoutedStudyGroup, l: Labels): string {
  const words = {match: l.routing.match, mandate: l.routing.mandate, listed: l.routing.listed}
  const [head, ...rest] = evidenceText(s, words).split(': ')
  const evidence = rest.join(': ')
  return `${head} (${score(s.confidence, l)}, ${l.routing.level[s.level]})${evidence ? `: ${evidence}` : ''}`
}

function questionText(routing: Routing, l: Labels): string | undefined {
  const {question} = routing
  if (question.id) return `${l.routing.question}: ${question.id}`
  if (question.reason)
    return `${l.routing.question}: ${l.routing.toBeDecided} (${l.routing.reason[question.reason]})`
  return undefined
}

/** The computed routing as parts: outcome, first SG with evidence, runners-up, Question. */
export function routingParts(routing: Routing, l: Labels): string[] {
  const [first, ...runners] = routing.sgs
  const runnersUp = runners.length
    ? [`${l.routing.runnersUp}: ${runners.map((s) => `SG${s.sg} (${score(s.confidence, l)})`).join(', ')}`]
    : []
  const question = questionText(routing, l)
  if (routing.outcome === 'other-body') {
    const complement = routing.itu_complement?.length
      ? [`${l.routing.complement}: ${routing.itu_complement.map((n) => `SG${n}`).join(', ')}`]
      : []
    return [
      `${l.routing.outcome['other-body']}: ${routing.body} (${(routing.standards ?? []).join(', ')})`,
      ...complement,
      ...(complement.length > 0 && question ? [question] : []),
    ]
  }
  if (routing.outcome === 'outside-scope') return [l.routing.outcome['outside-scope']]
  return [
    first ? candidate(first, l) : l.routing.outcome['itu-t'],
    ...runnersUp,
    ...(question ? [question] : []),
  ]
}

/** One line: the parts joined, for table cells. */
export function routingLine(routing: Routing, l: Labels): string {
  return routingParts(routing, l).join(' · ')
}

/** The reviewed routing (an `assign` decision), or undefined when there is none. */
export function reviewedRoutingLine(s: SubjectAnalysis): string | undefined {
  return s.assigned ? `SG${s.assigned.sg}${s.assigned.question ? ` ${s.assigned.question}` : ''}` : undefined
}

/** The `routing` column of gaps.csv and the TSAG export: outcome, then the line in English. */
export function routingCsvCell(routing: Routing): string {
  return `${routing.outcome}: ${routingLine(routing, labelsOf('en'))}`
}
