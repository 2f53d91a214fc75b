/**
 * Retrieval quality. Two forms of gold file:
 * - pairs of correct (subject, standard) for the catalogue's subjects: recall@1, recall@5, mean
 *   reciprocal rank, and precision/recall/F1 of `covered` over a threshold sweep;
 * - an evaluation query set (`id, lang, kind, expect, text`, as ../shared/eval/queries-dev.jsonl):
 *   per kind and language, recall@1/@5/@10, MRR, and how often `covered` is given and right
 *   (for `novel` queries, which expect nothing, every `covered` is wrong).
 */
import {readTextFile} from '../io/read-text.js'
import {compareText, formatProblem, type Problem} from '../catalogue/problems.js'
import {formatOf, readRecords, type RawRecord} from '../catalogue/readers.js'
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

/** A gold file's content: correct pairs for catalogue subjects, or a query set. */
export type Gold = {form: 'pairs'; pairs: GoldPair[]} | {form: 'queries'; queries: EvalQuery[]}

/**
 * Reads a gold file from CSV, JSON Lines or YAML (`{kind?: ignored, entries: [...]}`): pairs
 * (`subject, standard`) or, when every record has `text` and `expect`, a query set.
 */
export function loadGold(path: string, warnings?: Problem[]): Gold {
  const format = formatOf(path)
  if (!format) throw new InputError(`${path}: unsupported gold file type (use .csv, .jsonl or .yaml)`)
  const text = readTextFile(path, warnings)
  const parsed = readRecords(path, text, format)
  const errors = parsed.problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) throw new InputError(formatProblem(errors[0]))
  if (isQuerySet(parsed.records)) return {form: 'queries', queries: queriesOf(path, parsed.records)}
  const pairs = parsed.records.map((record) => {
    const field = (name: string) => requiredText(path, record, name)
    return {subject: field('subject'), standard: field('standard'), line: record.line}
  })
  if (pairs.length === 0) throw new InputError(`${path}: no gold pairs`)
  return {form: 'pairs', pairs}
}

/** A query of an evaluation set: a text, and the standards that answer it (none for `novel`). */
export interface EvalQuery {
  id: string
  lang: string
  kind: string
  expect: string[]
  text: string
  line: number
}

/** Whether gold records are an evaluation query set (each has `text` and `expect`) rather than pairs. */
function isQuerySet(records: readonly RawRecord[]): boolean {
  return records.length > 0 && records.every((r) => 'text' in r.values && 'expect' in r.values)
}

function queriesOf(path: string, records: readonly RawRecord[]): EvalQuery[] {
  const seen = new Map<string, number>()
  return records.map((record) => {
    const where = (name: string) => `${path}:${record.fieldLines[name] ?? record.line}: ${name}`
    const text = (name: string, fallback?: string): string => {
      const value = record.values[name]
      if (value === undefined && fallback !== undefined) return fallback
      if (typeof value !== 'string' || value.trim() === '')
        throw new InputError(`${where(name)}: must be a non-empty text`)
      return value.trim()
    }
    const id = text('id')
    const first = seen.get(id)
    if (first !== undefined)
      throw new InputError(`${where('id')}: duplicate query id "${id}" (first at line ${first})`)
    seen.set(id, record.line)
    const raw = record.values.expect
    // CSV holds a list as `;`-separated text; JSON and YAML as a list.
    const expect = typeof raw === 'string' ? raw.split(';') : raw
    if (!Array.isArray(expect) || !expect.every((e) => typeof e === 'string'))
      throw new InputError(`${where('expect')}: must be a list of standard ids`)
    return {
      id,
      lang: text('lang', '-'),
      kind: text('kind', '-'),
      expect: expect.map((e) => e.trim()).filter((e) => e !== ''),
      text: text('text'),
      line: record.line,
    }
  })
}

/** Figures for a group of queries (one kind and language, or all). */
export interface QueryGroupFigures {
  kind: string
  lang: string
  queries: number
  /** Queries that expect a standard: recall and MRR are shares of these. */
  answerable: number
  recallAt1: number
  recallAt5: number
  recallAt10: number
  mrr: number
  /** Queries given `covered`, and how many of those have a correct best match. */
  covered: number
  coveredRight: number
}

export interface QueryEvaluation {
  queries: number
  /** Per kind and language, in kind then language order; then `all`. */
  groups: QueryGroupFigures[]
  all: QueryGroupFigures
  /** Expected standards the catalogue does not hold in force: no ranking can find them. */
  missingExpected: string[]
  /** Per query: rank (1-based, within the top 10) of its first expected standard, best match, status. */
  results: {id: string; kind: string; lang: string; rank: number | null; top: string; status: string}[]
}

const QUERY_DEPTH = 10

/** Scores an evaluation query set: each query's text is matched as an ad-hoc subject. */
export async function evaluateQueries(matcher: Matcher, queries: EvalQuery[]): Promise<QueryEvaluation> {
  const matched = await matcher.matchAll(
    queries.map((q) => ({id: q.id, kind: 'text', title: '', body: q.text})),
    QUERY_DEPTH,
  )
  const results = queries.map((query, i) => {
    const {matches, status} = matched[i]
    const expected = new Set(query.expect)
    const index = matches.findIndex((m) => expected.has(m.id))
    return {
      id: query.id,
      kind: query.kind,
      lang: query.lang,
      rank: index < 0 ? null : index + 1,
      top: matches[0]?.id ?? '',
      status,
      answerable: expected.size > 0,
    }
  })
  const byGroup = new Map<string, typeof results>()
  for (const result of results) {
    const key = JSON.stringify([result.kind, result.lang])
    byGroup.set(key, [...(byGroup.get(key) ?? []), result])
  }
  const groups = [...byGroup.values()]
    .map((members) => figures(members[0].kind, members[0].lang, members))
    .sort((a, b) => compareText(a.kind, b.kind) || compareText(a.lang, b.lang))
  const standards = new Set(matcher.standards.map((s) => s.id))
  const missingExpected = [...new Set(queries.flatMap((q) => q.expect))]
    .filter((id) => !standards.has(id))
    .sort(compareText)
  return {
    queries: queries.length,
    groups,
    all: figures('all', 'all', results),
    missingExpected,
    results: results.map(({answerable: _, ...r}) => r),
  }
}

function figures(
  kind: string,
  lang: string,
  results: {rank: number | null; status: string; answerable: boolean}[],
): QueryGroupFigures {
  const answerable = results.filter((r) => r.answerable)
  const share = (count: number) => roundScore(answerable.length > 0 ? count / answerable.length : 0)
  const within = (depth: number) => answerable.filter((r) => r.rank !== null && r.rank <= depth).length
  const covered = results.filter((r) => r.status === 'covered')
  return {
    kind,
    lang,
    queries: results.length,
    answerable: answerable.length,
    recallAt1: share(within(1)),
    recallAt5: share(within(5)),
    recallAt10: share(within(10)),
    mrr: share(answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0)),
    covered: covered.length,
    coveredRight: covered.filter((r) => r.rank === 1).length,
  }
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
