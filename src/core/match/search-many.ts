/**
 * Top-k search for many queries at once, spread over the machine's cores. The index lives in
 * shared memory (see IndexData), so each worker thread searches the very same arrays; queries are
 * split into contiguous runs, one per thread, and the calling thread takes a run too. Each query
 * is searched whole by one thread with the same code, so results do not depend on the number of
 * threads.
 */
import {availableParallelism} from 'node:os'
import {startWorker} from '../threads.js'
import type {TermWeights} from '../text/vocabulary.js'
import {MatchIndex, type Hit, type IndexData} from './index.js'

/**
 * Below this much work (queries × documents), starting threads costs more than it saves: a
 * worker takes 50–200 ms to start, and a batch this size is searched in about a second on one
 * core (measured: 5,000 × 20,000 ran faster on one thread, 20,000 × 100,000 twice as fast on two).
 */
const PARALLEL_MIN_WORK = 200_000_000

export interface SearchManyOptions {
  /** Threads in all, the calling one included; default: the machine's available parallelism. */
  threads?: number
}

/** What a search worker is given: the index, its run of queries (flattened) and k. */
export interface SearchJob {
  index: IndexData
  queries: FlatQueries
  k: number
}

/** Queries as three flat arrays: query q's terms are at offsets[q] … offsets[q + 1]. */
export interface FlatQueries {
  offsets: Int32Array
  terms: Int32Array
  weights: Float64Array
}

/** Hits of many queries as flat arrays: query q's hits are at offsets[q] … offsets[q + 1]. */
interface FlatHits {
  offsets: Int32Array<ArrayBuffer>
  docs: Int32Array<ArrayBuffer>
  scores: Float64Array<ArrayBuffer>
}

export async function searchMany(
  index: MatchIndex,
  queries: TermWeights[],
  k: number,
  options: SearchManyOptions = {},
): Promise<Hit[][]> {
  // At least 64 queries per thread: fewer are not worth a thread's start-up.
  const threads = Math.max(
    1,
    Math.min(options.threads ?? availableParallelism(), Math.ceil(queries.length / 64)),
  )
  if (threads === 1 || (options.threads === undefined && queries.length * index.size < PARALLEL_MIN_WORK))
    return queries.map((terms) => index.search(terms, k))
  const runLength = Math.ceil(queries.length / threads)
  const runs: TermWeights[][] = []
  for (let start = 0; start < queries.length; start += runLength)
    runs.push(queries.slice(start, start + runLength))
  // Workers take every run but the first, which this thread searches meanwhile.
  // Workers report positions, not ids: they are not sent the ids (a copy per worker).
  const data = {...index.data, ids: []}
  const pending = runs.slice(1).map((run) => inWorker({index: data, queries: flatten(run), k}))
  const first = runs[0].map((terms) => index.search(terms, k))
  const rest = await Promise.all(pending)
  return [first, ...rest.map(unflatten)].flat()
}

/** Runs one search job in a worker thread. */
function inWorker(job: SearchJob): Promise<FlatHits> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('search-worker', import.meta.url, {workerData: job})
    let result: FlatHits | undefined
    worker.once('message', (message: FlatHits) => (result = message))
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (result) resolve(result)
      else reject(new Error(`search worker stopped (exit ${code}) without results`))
    })
  })
}

/** Searches a job's queries: the body of a search worker. */
export function runSearchJob(job: SearchJob): FlatHits {
  const index = new MatchIndex(job.index)
  return flattenHits(unflattenQueries(job.queries).map((terms) => index.search(terms, job.k)))
}

export function flatten(queries: TermWeights[]): FlatQueries {
  const offsets = new Int32Array(queries.length + 1)
  queries.forEach((terms, q) => (offsets[q + 1] = offsets[q] + terms.size))
  const terms = new Int32Array(offsets[queries.length])
  const weights = new Float64Array(offsets[queries.length])
  queries.forEach((query, q) => {
    let at = offsets[q]
    for (const [term, weight] of query) {
      terms[at] = term
      weights[at++] = weight
    }
  })
  return {offsets, terms, weights}
}

export function unflattenQueries(flat: FlatQueries): TermWeights[] {
  const out: TermWeights[] = []
  for (let q = 0; q + 1 < flat.offsets.length; q++) {
    const terms: TermWeights = new Map()
    for (let at = flat.offsets[q]; at < flat.offsets[q + 1]; at++) terms.set(flat.terms[at], flat.weights[at])
    out.push(terms)
  }
  return out
}

function flattenHits(results: Hit[][]): FlatHits {
  const offsets = new Int32Array(results.length + 1)
  results.forEach((hits, q) => (offsets[q + 1] = offsets[q] + hits.length))
  const docs = new Int32Array(offsets[results.length])
  const scores = new Float64Array(offsets[results.length])
  results.forEach((hits, q) =>
    hits.forEach((hit, i) => {
      docs[offsets[q] + i] = hit.doc
      scores[offsets[q] + i] = hit.score
    }),
  )
  return {offsets, docs, scores}
}

function unflatten(flat: FlatHits): Hit[][] {
  const out: Hit[][] = []
  for (let q = 0; q + 1 < flat.offsets.length; q++) {
    const hits: Hit[] = []
    for (let at = flat.offsets[q]; at < flat.offsets[q + 1]; at++)
      hits.push({doc: flat.docs[at], score: flat.scores[at]})
    out.push(hits)
  }
  return out
}
