/**
 * Retrieval quality against a gold file of correct (subject, standard) pairs: recall@1,
 * recall@5, mean reciprocal rank, and precision/recall/F1 of `covered` over a threshold sweep.
 */
import {readTextFile} from '../io/read-text.js'
import {compareText, formatProblem, type Problem} from '../catalogue/problems.js'
import {formatOf, readRecords} from '../catalogue/readers.js'
import {requiredText} from '../catalogue/schema.js'
import {InputError} from '../errors.js'
import {roundScore, type Matcher, type MatchSubject} from './matcher.js'

export interface GoldPair {
  subject: string
  standard: string
  line: number
}

export interface ThresholdPoint {
  threshold: number
  precision: number
  recall: number
  f1: number
}

export interface Evaluation {
  subjects: number
  pairs: number
  recallAt1: number
  recallAt5: number
  mrr: number
  sweep: ThresholdPoint[]
  best: ThresholdPoint
  /** Per subject: the rank (1-based) of its first correct standard, or null when not in the top `depth`. */
  ranks: {subject: string; rank: number | null; top: string; score: number}[]
}

/** Reads gold pairs from CSV, JSON Lines or YAML (`{kind?: ignored, entries: [{subject, standard}]}`). */
export function loadGold(path: string, warnings?: Problem[]): GoldPair[] {
  const format = formatOf(path)
  if (!format) throw new InputError(`${path}: unsupported gold file type (use .csv, .jsonl or .yaml)`)
  const text = readTextFile(path, warnings)
  const parsed = readRecords(path, text, format)
  const errors = parsed.problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) throw new InputError(formatProblem(errors[0]))
  const pairs = parsed.records.map((record) => {
    const field = (name: string) => requiredText(path, record, name)
    return {subject: field('subject'), standard: field('standard'), line: record.line}
  })
  if (pairs.length === 0) throw new InputError(`${path}: no gold pairs`)
  return pairs
}

const SWEEP = Array.from({length: 19}, (_, i) => Math.round((i + 1) * 5) / 100)
const DEPTH = 20

export function evaluate(
  matcher: Matcher,
  subjects: MatchSubject[],
  gold: GoldPair[],
  goldFile = 'gold',
): Evaluation {
  const bySubject = new Map(subjects.map((s) => [s.id, s]))
  const expected = new Map<string, Set<string>>()
  const standards = new Set(matcher.standards.map((s) => s.id))
  for (const pair of gold) {
    if (!bySubject.has(pair.subject))
      throw new InputError(`${goldFile}:${pair.line}: subject: unknown subject "${pair.subject}"`)
    if (!standards.has(pair.standard))
      throw new InputError(
        `${goldFile}:${pair.line}: standard: unknown or withdrawn standard "${pair.standard}"`,
      )
    const set = expected.get(pair.subject) ?? new Set()
    set.add(pair.standard)
    expected.set(pair.subject, set)
  }
  const ranks: Evaluation['ranks'] = []
  for (const [id, correct] of [...expected].sort(([a], [b]) => compareText(a, b))) {
    const result = matcher.match(bySubject.get(id)!, DEPTH)
    const index = result.matches.findIndex((m) => correct.has(m.id))
    ranks.push({
      subject: id,
      rank: index < 0 ? null : index + 1,
      top: result.matches[0]?.id ?? '',
      score: result.matches[0]?.score ?? 0,
    })
  }
  const n = ranks.length
  const share = (count: number) => roundScore(n > 0 ? count / n : 0)
  const sweep = SWEEP.map((threshold) => {
    // A subject is predicted covered when its best score reaches the threshold; the prediction
    // is right when that best standard is a correct one.
    const predicted = ranks.filter((r) => r.score >= threshold)
    const right = predicted.filter((r) => r.rank === 1).length
    const precision = predicted.length > 0 ? right / predicted.length : 0
    const recall = n > 0 ? right / n : 0
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
    return {threshold, precision: roundScore(precision), recall: roundScore(recall), f1: roundScore(f1)}
  })
  const best = sweep.reduce((a, b) => (b.f1 > a.f1 ? b : a))
  return {
    subjects: n,
    pairs: gold.length,
    recallAt1: share(ranks.filter((r) => r.rank === 1).length),
    recallAt5: share(ranks.filter((r) => r.rank !== null && r.rank <= 5).length),
    mrr: roundScore(n > 0 ? ranks.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / n : 0),
    sweep,
    best,
    ranks,
  }
}
