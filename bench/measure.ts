/**
 * The measurements themselves, each meant to run alone in a child process so that its peak RSS
 * (`process.resourceUsage().maxRSS`) is its own.
 */
import {DEFAULT_CONFIG} from '../dist/core/config.js'
import {createRequire} from 'node:module'
import {loadavg} from 'node:os'
import {performance} from 'node:perf_hooks'
import {MatchIndexBuilder, type MatchIndex} from '../dist/core/match/index.js'
import {searchMany} from '../dist/core/match/search-many.js'
import {Analyser, type TextFields} from '../dist/core/text/analyse.js'
import {SyntheticCorpus, type CorpusSize} from './corpus.js'
import type {TermWeights} from '../dist/core/text/vocabulary.js'

export interface GapscanFigures {
  kind: 'gapscan'
  size: string
  subjects: number
  standards: number
  analyseStandardsMs: number
  analyseSubjectsMs: number
  indexMs: number
  searchMs: number
  maxRssKb: number
  heapUsedMb: number
  postings: number
  /** Subject analysis + search per query on a second pass (JIT warm); smaller sizes only. */
  warmMsPerQuery?: number
  /** Share of subjects with at least one match, and their mean best score: matches do exist. */
  matchedShare: number
  meanTopScore: number
  /** Whole run, generation included: wall and CPU (user + system) time, and the 1-minute load at its start. */
  runWallMs: number
  runCpuMs: number
  loadAtStart: number
}

export interface NaiveFigures {
  kind: 'naive'
  size: string
  buildMs: number
  measuredQueries: number
  /** Mean time to score every document for one query and keep the top 10, idf cached. */
  scoreMsPerQuery: number
  /** Mean time of one idf computation (a pass over every document) for a term not yet cached. */
  idfMsPerTerm: number
  /** Distinct query tokens over all subjects: each costs one idf pass in a full run. */
  distinctQueryTokens: number
  /** Extrapolated full-run query cost divided by the number of subjects. */
  msPerQuery: number
  maxRssKb: number
}

export const now = (): number => performance.now()
export const cpuMs = (): number => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}
/**
 * Top-10 search for every query, as `gapscan match` runs a batch (searchMany: the queries spread over
 * the machine's cores): time, how many found a match, and the sum of best scores.
 */
export async function searchAll(
  index: MatchIndex,
  queries: TermWeights[],
): Promise<{searchMs: number; matched: number; topSum: number}> {
  const t0 = now()
  const results = await searchMany(index, queries, 10)
  const searchMs = now() - t0
  let matched = 0
  let topSum = 0
  for (const hits of results) {
    if (hits.length > 0) {
      matched++
      topSum += hits[0].score
    }
  }
  return {searchMs, matched, topSum}
}

export const maxRssKb = (): number => process.resourceUsage().maxRSS

/**
 * Standards analysed as a batch and added to an index builder one by one, as the product does
 * (Matcher): the term maps never pile up in memory. Analysis and adding are timed apart.
 */
export function analyseBatch(
  analyser: Analyser,
  ids: string[],
  texts: TextFields[],
): {builder: MatchIndexBuilder; analyseMs: number; addMs: number; postings: number} {
  const builder = new MatchIndexBuilder()
  let addMs = 0
  let postings = 0
  const start = now()
  let doc = 0
  for (const {terms} of analyser.analyseMany(texts)) {
    const added = now()
    builder.add(ids[doc++], terms)
    addMs += now() - added
    postings += terms.size
  }
  return {builder, analyseMs: now() - start - addMs, addMs, postings}
}

/** Sizes with at most this many subjects also get a second, warm pass (see runGapscan). */
const WARM_PASS_MAX_SUBJECTS = 5_000

/** End to end: analyse every standard and subject, build the index, top-10 search for every subject. */
export async function runGapscan(size: CorpusSize): Promise<GapscanFigures> {
  const loadAtStart = loadavg()[0]
  const runStart = now()
  const cpuStart = cpuMs()
  const corpus = new SyntheticCorpus(size)
  const analyser = new Analyser({weights: DEFAULT_CONFIG.weights, bigrams: DEFAULT_CONFIG.bigrams})
  // Standards are generated first (untimed), then analysed as a batch (see analyseBatch).
  const ids: string[] = []
  const texts: TextFields[] = []
  for (let i = 0; i < size.standards; i++) {
    const text = corpus.standard(i)
    ids.push(text.id)
    texts.push({title: text.title, body: text.body})
  }
  const {builder, analyseMs: analyseStandardsMs, addMs, postings} = analyseBatch(analyser, ids, texts)
  texts.length = 0
  let indexMs = addMs
  // Subjects are generated (untimed), then analysed as a batch (timed), as `match` does.
  const subjects: TextFields[] = Array.from({length: size.subjects}, (_, i) => {
    const text = corpus.subject(i)
    return {title: text.title, body: text.body}
  })
  const analyseSubjects = (): {queries: TermWeights[]; ms: number} => {
    const start = now()
    const queries = Array.from(analyser.analyseMany(subjects), (analysed) => analysed.terms)
    return {queries, ms: now() - start}
  }
  const {queries, ms: analyseSubjectsMs} = analyseSubjects()
  const t0 = now()
  const index = builder.build()
  indexMs += now() - t0
  const {searchMs, matched, topSum} = await searchAll(index, queries)
  const peakRssKb = maxRssKb()
  // A second pass over the same subjects, for the smaller sizes: per-query cost once V8 has
  // optimised the code (500 queries are over before it has). Reported apart, never in the targets.
  let warmMsPerQuery: number | undefined
  if (size.subjects <= WARM_PASS_MAX_SUBJECTS) {
    const again = analyseSubjects()
    warmMsPerQuery = (again.ms + (await searchAll(index, again.queries)).searchMs) / size.subjects
  }
  return {
    kind: 'gapscan',
    size: size.name,
    subjects: size.subjects,
    standards: size.standards,
    analyseStandardsMs,
    analyseSubjectsMs,
    indexMs,
    searchMs,
    maxRssKb: peakRssKb,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
    postings,
    warmMsPerQuery,
    matchedShare: matched / size.subjects,
    meanTopScore: matched > 0 ? topSum / matched : 0,
    runWallMs: now() - runStart,
    runCpuMs: cpuMs() - cpuStart,
    loadAtStart,
  }
}

interface NaturalTfIdf {
  addDocument(document: string | string[], key?: string): void
  idf(term: string): number
  tfidfs(terms: string | string[], callback?: (i: number, measure: number, key?: string) => void): number[]
}

/**
 * The naive baseline, natural's TfIdf: every standard added as a document; per query, tfidfs over
 * all documents and the top 10 kept. Too slow to run in full, so it is measured on a sample of
 * queries (at most `maxQueries`, or as many as fit in `budgetMs`) and extrapolated.
 *
 * To keep the comparison fair to the baseline, each query is tokenised once with natural's own
 * tokenizer and passed as an array (given a string, tfidfs re-tokenises the query once per document),
 * and the one-off idf passes (one scan of all documents per new query term, cached afterwards) are
 * timed apart and charged once per distinct query token of the full run.
 */
export function runNaive(size: CorpusSize, maxQueries = 20, budgetMs = 15_000): NaiveFigures {
  const require = createRequire(import.meta.url)
  const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as new () => NaturalTfIdf
  const {WordTokenizer} = require('natural/lib/natural/tokenizers/regexp_tokenizer.js') as {
    WordTokenizer: new () => {tokenize(text: string): string[]}
  }
  const tokenizer = new WordTokenizer()
  const corpus = new SyntheticCorpus(size)
  const tfidf = new TfIdf()
  let buildMs = 0
  for (let i = 0; i < size.standards; i++) {
    const text = corpus.standard(i)
    const t0 = now()
    tfidf.addDocument(`${text.title} ${text.body}`, text.id)
    buildMs += now() - t0
  }
  const tokensOf = (i: number): string[] => {
    const text = corpus.subject(i)
    return tokenizer.tokenize(`${text.title} ${text.body}`.toLowerCase())
  }
  const distinct = new Set<string>()
  for (let i = 0; i < size.subjects; i++) for (const token of tokensOf(i)) distinct.add(token)

  let idfMs = 0
  let idfTerms = 0
  let scoreMs = 0
  let measured = 0
  const seen = new Set<string>()
  const start = now()
  // Queries spread evenly over the subjects, not just the first few.
  const step = Math.max(1, Math.floor(size.subjects / maxQueries))
  for (let i = 0; i < size.subjects && measured < maxQueries; i += step) {
    if (measured >= 3 && now() - start > budgetMs) break
    const tokens = tokensOf(i)
    let t0 = now()
    for (const token of tokens) {
      if (seen.has(token)) continue
      seen.add(token)
      tfidf.idf(token)
      idfTerms++
    }
    idfMs += now() - t0
    t0 = now()
    const best: {key: string; score: number}[] = []
    tfidf.tfidfs(tokens, (_i, score, key) => {
      if (score <= 0 || (best.length === 10 && score <= best[9].score)) return
      if (best.length === 10) best.pop()
      let at = best.length
      while (at > 0 && best[at - 1].score < score) at--
      best.splice(at, 0, {key: key ?? '', score})
    })
    scoreMs += now() - t0
    measured++
  }
  const scoreMsPerQuery = scoreMs / measured
  const idfMsPerTerm = idfTerms > 0 ? idfMs / idfTerms : 0
  const totalMs = scoreMsPerQuery * size.subjects + idfMsPerTerm * distinct.size
  return {
    kind: 'naive',
    size: size.name,
    buildMs,
    measuredQueries: measured,
    scoreMsPerQuery,
    idfMsPerTerm,
    distinctQueryTokens: distinct.size,
    msPerQuery: totalMs / size.subjects,
    maxRssKb: maxRssKb(),
  }
}
