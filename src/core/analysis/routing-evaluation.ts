/**
 * Measures routing against reviewed judgements (a gold CSV: subject, expected, acceptable,
 * justification), the way a reviewer reads the first proposed SG or outcome:
 * - agreement: the first proposal is the expected SG/outcome, or one the reviewer also accepts;
 *   for subjects not ITU-T's (other-body or outside-scope), any non-ITU-T outcome agrees;
 * - other-body flagging: the share of subjects judged another body's business flagged other-body,
 *   and the share of all the others flagged so (false flags).
 */
import {readRecords} from '../catalogue/readers.js'
import {InputError} from '../errors.js'
import type {SubjectAnalysis} from './analyse.js'

export interface GoldRouting {
  subject: string
  /** `SG17`, `other-body` or `outside-scope`. */
  expected: string
  acceptable: string[]
  line: number
}

export interface AgreementCount {
  agreed: number
  total: number
}

export interface RoutingMeasure {
  deliverables: AgreementCount
  requirements: AgreementCount
  /** Gold other-body subjects flagged other-body. */
  otherBodyFlagged: AgreementCount
  /** All other gold subjects (ITU-T or outside scope) flagged other-body. */
  falseOtherBody: AgreementCount
  /** Gold outside-scope or other-body subjects given a non-ITU-T outcome. */
  notItuFlagged: AgreementCount
  /** Gold ITU-T subjects given a non-ITU-T outcome. */
  ituFlaggedNotItu: AgreementCount
  /** Subjects that disagree, for reading. */
  disagreements: {subject: string; expected: string; proposed: string}[]
}

const OUTCOME_LABELS = ['other-body', 'outside-scope']

export function parseRoutingGold(text: string, file: string): GoldRouting[] {
  const parsed = readRecords(file, text, 'csv')
  const problem = parsed.problems.find((p) => p.severity === 'error')
  if (problem) throw new InputError(`${file}:${problem.line}: ${problem.message}`)
  for (const column of ['subject', 'expected', 'acceptable'])
    if (!(parsed.columns ?? []).includes(column))
      throw new InputError(`${file}:1: ${column}: required column is missing`)
  return parsed.records.map(({values, line}) => {
    const cell = (name: string) => String(values[name] ?? '').trim()
    const expected = cell('expected')
    if (!/^SG\d+$/.test(expected) && !OUTCOME_LABELS.includes(expected))
      throw new InputError(
        `${file}:${line}: expected: "${expected}" is not SG<n>, other-body or outside-scope`,
      )
    return {
      subject: cell('subject'),
      expected,
      acceptable: cell('acceptable')
        .split(';')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      line,
    }
  })
}

/** The first proposal as a reviewer reads it: `SG<n>` for an ITU-T outcome, else the outcome. */
export function firstProposal(s: SubjectAnalysis): string {
  const first = s.routing.sgs[0]
  if (s.routing.outcome !== 'itu-t') return s.routing.outcome
  return first ? `SG${first.sg}` : 'none'
}

export function measureRouting(
  subjects: readonly SubjectAnalysis[],
  gold: readonly GoldRouting[],
  file = 'gold',
): RoutingMeasure {
  const byId = new Map(subjects.map((s) => [s.id, s]))
  const count = (): AgreementCount => ({agreed: 0, total: 0})
  const measure: RoutingMeasure = {
    deliverables: count(),
    requirements: count(),
    otherBodyFlagged: count(),
    falseOtherBody: count(),
    notItuFlagged: count(),
    ituFlaggedNotItu: count(),
    disagreements: [],
  }
  const tally = (c: AgreementCount, yes: boolean) => {
    c.total++
    if (yes) c.agreed++
  }
  for (const g of gold) {
    // A judgement of a subject the catalogue lacks would silently shrink the figures.
    const subject = byId.get(g.subject)
    if (!subject) throw new InputError(`${file}:${g.line}: subject: unknown subject "${g.subject}"`)
    const proposed = firstProposal(subject)
    const goldNotItu = OUTCOME_LABELS.includes(g.expected)
    const proposedNotItu = OUTCOME_LABELS.includes(proposed)
    const agreed =
      proposed === g.expected || g.acceptable.includes(proposed) || (goldNotItu && proposedNotItu)
    tally(subject.kind === 'deliverable' ? measure.deliverables : measure.requirements, agreed)
    if (!agreed) measure.disagreements.push({subject: g.subject, expected: g.expected, proposed})
    if (subject.kind !== 'requirement') continue
    if (g.expected === 'other-body') tally(measure.otherBodyFlagged, proposed === 'other-body')
    else tally(measure.falseOtherBody, proposed === 'other-body')
    if (goldNotItu) tally(measure.notItuFlagged, proposedNotItu)
    else tally(measure.ituFlaggedNotItu, proposedNotItu)
  }
  return measure
}
