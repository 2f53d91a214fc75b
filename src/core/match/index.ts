/**
 * An inverted index over analysed documents in typed arrays (compressed sparse rows), scored by
 * TF-IDF (sublinear tf, smooth idf, L2-normalised cosine) or, as an alternative, BM25 normalised
 * to 0..1. Queries touch only the postings of their own terms, never every document; on a large
 * index they stop before the long postings of common terms once those can no longer change the
 * top k (on a small one, walking them all costs less: see `search`).
 */
import {compareText} from '../catalogue/problems.js'
import type {TermId, TermWeights} from '../text/vocabulary.js'

export type ScoringModel = 'tfidf' | 'bm25'

export interface ScoringOptions {
  model: ScoringModel
  bm25: {k1: number; b: number}
}

export const DEFAULT_SCORING: ScoringOptions = {model: 'bm25', bm25: {k1: 1.2, b: 0.75}}

export interface IndexDocument {
  id: string
  terms: TermWeights
}

export interface Hit {
  /** Position of the document in the index (the order it was added). */
  doc: number
  score: number
}

export interface TermContribution {
  term: TermId
  queryWeight: number
  docWeight: number
  /** queryWeight × docWeight: the term's share of the score. */
  contribution: number
  idf: number
}

/**
 * A query whose terms have at most this many postings in all is scored by walking every one of
 * them, which costs less than pruning's bookkeeping there. Measured on the benchmark's corpora
 * (45 terms a query): walking all is faster up to ~5,000 documents (~7,000 postings a query),
 * pruning beyond.
 */
const EXHAUSTIVE_MAX_POSTINGS = 6_000
/**
 * A walk of every posting then reads every document's score (`scoreDense`) if there are at most
 * this many documents per posting, and otherwise keeps a list of the documents reached
 * (`scoreReached`). Reading a score costs about a quarter of handling a posting on that list,
 * whose first-reached test the processor cannot predict (measured: equal at ~4 documents a posting).
 */
const DENSE_MAX_DOCS_PER_POSTING = 4

/**
 * How a search adds up scores; `auto` picks by the query's postings (see `search`). All give the
 * same hits with the same scores; the others exist so that tests can run each way.
 */
export type SearchPlan = 'auto' | 'dense' | 'reached' | 'pruned'

/** 1 + ln(tf) for tf ≥ 1, tf itself below. */
function sublinear(tf: number): number {
  // Most tfs are small whole numbers (sums of field weights): read from a table of the same values.
  return tf >= 0 && tf < SUBLINEAR_TABLE.length && Number.isInteger(tf)
    ? SUBLINEAR_TABLE[tf]
    : sublinearOf(tf)
}

function sublinearOf(tf: number): number {
  return tf >= 1 ? 1 + Math.log(tf) : tf
}

const SUBLINEAR_TABLE = Float64Array.from({length: 64}, (_, tf) => sublinearOf(tf))

/**
 * Collects documents one at a time, so a caller can analyse a document, add it and let its
 * term map go: a large corpus is never held as maps all at once.
 */
export class MatchIndexBuilder {
  readonly ids: string[] = []
  /** One more than the largest term id added: the index's arrays are indexed by term id. */
  termCount = 0
  docStart: number[] = [0]
  docTerm = new Int32Array(1024)
  rawTf = new Float32Array(1024)
  nnz = 0

  add(id: string, terms: TermWeights): void {
    this.ids.push(id)
    if (this.nnz + terms.size > this.docTerm.length) this.grow(this.nnz + terms.size)
    for (const [term, tf] of terms) {
      if (term >= this.termCount) this.termCount = term + 1
      this.docTerm[this.nnz] = term
      this.rawTf[this.nnz++] = tf
    }
    this.docStart.push(this.nnz)
  }

  build(scoring: ScoringOptions = DEFAULT_SCORING): MatchIndex {
    return new MatchIndex(this, scoring)
  }

  private grow(needed: number): void {
    let size = this.docTerm.length
    while (size < needed) size *= 2
    const docTerm = new Int32Array(size)
    docTerm.set(this.docTerm.subarray(0, this.nnz))
    const rawTf = new Float32Array(size)
    rawTf.set(this.rawTf.subarray(0, this.nnz))
    this.docTerm = docTerm
    this.rawTf = rawTf
  }
}

/**
 * A query as the index scores it: its first `size` entries are its known terms in ascending id
 * order, with their weights. The index reuses one from query to query (see `prepareQuery`).
 */
interface QueryVector {
  terms: Int32Array
  weights: Float64Array
  size: number
}

/** An index's contents: plain data, typed arrays in shared memory, ready to send to a worker. */
export interface IndexData {
  ids: string[]
  scoring: ScoringOptions
  termCount: number
  maxIdf: number
  idf: Float64Array
  postStart: Int32Array
  postDoc: Int32Array
  postWeight: Float32Array
  maxWeight: Float32Array
  docStart: Int32Array
  docTerm: Int32Array
  docWeight: Float32Array
  idRank: Int32Array
}

const sharedInt32 = (length: number) => new Int32Array(new SharedArrayBuffer(length * 4))
const sharedFloat32 = (length: number) => new Float32Array(new SharedArrayBuffer(length * 4))
const sharedFloat64 = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8))

/**
 * Computes an index's arrays from a builder. Arrays are allocated in shared memory, so worker
 * threads can search the same index without copying it (see search-many.ts).
 */
function buildIndexData(
  builder: MatchIndexBuilder,
  scoring: ScoringOptions,
  idfFrom?: MatchIndex,
): IndexData {
  const n = builder.ids.length
  const nnz = builder.nnz
  const ids = builder.ids
  const termCount = builder.termCount
  const docStart = sharedInt32(n + 1)
  docStart.set(builder.docStart)
  const docTerm = sharedInt32(nnz)
  docTerm.set(builder.docTerm.subarray(0, nnz))
  const rawTf = builder.rawTf
  const v = termCount
  const df = new Int32Array(v)
  for (let j = 0; j < nnz; j++) df[docTerm[j]]++
  const idf = sharedFloat64(v)
  const bm25 = scoring.model === 'bm25'
  // A term with no postings gets the idf of a term unseen in the corpus: it still counts in a
  // query's norm, and weighs the same whether or not its id is below `termCount`. Both formulas
  // give exactly that for df = 0; with `idfFrom`, it is set so.
  const maxIdf = idfFrom ? idfFrom.maxIdf : bm25 ? Math.log(1 + (n + 0.5) / 0.5) : Math.log(n + 1) + 1
  for (let t = 0; t < v; t++) {
    idf[t] = idfFrom
      ? df[t] > 0
        ? idfFrom.idfOf(t)
        : maxIdf
      : bm25
        ? Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
        : Math.log((n + 1) / (df[t] + 1)) + 1
  }
  // Document weights.
  const docWeight = sharedFloat32(nnz)
  // Document lengths: BM25 only.
  const docLength = new Float64Array(bm25 ? n : 0)
  let totalLength = 0
  for (let i = 0; i < docLength.length; i++) {
    for (let j = docStart[i]; j < docStart[i + 1]; j++) docLength[i] += rawTf[j]
    totalLength += docLength[i]
  }
  const avgLength = n > 0 ? totalLength / n : 0
  for (let i = 0; i < n; i++) {
    const start = docStart[i]
    const end = docStart[i + 1]
    if (bm25) {
      const {k1, b} = scoring.bm25
      const norm = k1 * (1 - b + (b * docLength[i]) / (avgLength || 1))
      for (let j = start; j < end; j++) {
        docWeight[j] = (idf[docTerm[j]] * (rawTf[j] * (k1 + 1))) / (rawTf[j] + norm)
      }
    } else {
      let sumSquares = 0
      for (let j = start; j < end; j++) {
        const w = sublinear(rawTf[j]) * idf[docTerm[j]]
        docWeight[j] = w
        sumSquares += w * w
      }
      const length = Math.sqrt(sumSquares) || 1
      for (let j = start; j < end; j++) docWeight[j] /= length
    }
  }
  // Inverted rows (postings), documents in ascending order within each term.
  const postStart = sharedInt32(v + 1)
  for (let t = 0; t < v; t++) postStart[t + 1] = postStart[t] + df[t]
  const fill = Int32Array.from(postStart.subarray(0, v))
  const postDoc = sharedInt32(nnz)
  const postWeight = sharedFloat32(nnz)
  const maxWeight = sharedFloat32(v)
  for (let i = 0; i < n; i++) {
    for (let j = docStart[i]; j < docStart[i + 1]; j++) {
      const t = docTerm[j]
      const slot = fill[t]++
      postDoc[slot] = i
      postWeight[slot] = docWeight[j]
      if (docWeight[j] > maxWeight[t]) maxWeight[t] = docWeight[j]
    }
  }
  // Forward rows again, now sorted by term id (a transpose of the postings, which are in term
  // order): scoring and explanations walk them in that fixed order.
  const rowFill = Int32Array.from(docStart.subarray(0, n))
  for (let t = 0; t < v; t++) {
    for (let j = postStart[t]; j < postStart[t + 1]; j++) {
      const slot = rowFill[postDoc[j]]++
      docTerm[slot] = t
      docWeight[slot] = postWeight[j]
    }
  }
  const order = Array.from({length: n}, (_, i) => i).sort((a, b) => compareText(ids[a], ids[b]))
  const idRank = sharedInt32(n)
  order.forEach((doc, rank) => (idRank[doc] = rank))
  return {
    ids,
    scoring,
    termCount,
    maxIdf,
    idf,
    postStart,
    postDoc,
    postWeight,
    maxWeight,
    docStart,
    docTerm,
    docWeight,
    idRank,
  }
}

export class MatchIndex {
  /** Everything a search needs, its arrays in shared memory: what a worker thread is given. */
  readonly data: IndexData

  private readonly idIndex = new Map<string, number>()
  // Scratch space of `search`, reused from query to query: allocating typed arrays for every
  // query cost more than scoring a small index. Per-document ones are left zeroed.
  private readonly scores: Float64Array
  private readonly touched: Int32Array
  private readonly heapSlot: Int32Array
  /** The current query's terms as bits, one per term id (always left cleared). */
  private readonly inQuery: Int32Array
  /** The current query's weight of each term, by term id, while `prepareQuery` sorts its terms. */
  private readonly termWeight: Float64Array
  private readonly query: QueryVector = {terms: new Int32Array(64), weights: new Float64Array(64), size: 0}
  private readonly best: BestHits

  /**
   * Builds from a list of documents, or from a builder that was fed one document at a time, or
   * takes the data of an index built elsewhere (in another thread). `idfFrom`: take term
   * statistics from another (larger) index over the same vocabulary. A small collection, such as
   * the ten study groups' mandates, says little about how common a word is; the standards do.
   */
  constructor(
    source: IndexDocument[] | MatchIndexBuilder | IndexData,
    scoring: ScoringOptions = DEFAULT_SCORING,
    idfFrom?: MatchIndex,
  ) {
    let data: IndexData
    if (source instanceof MatchIndexBuilder) data = buildIndexData(source, scoring, idfFrom)
    else if (Array.isArray(source)) {
      const builder = new MatchIndexBuilder()
      for (const d of source) builder.add(d.id, d.terms)
      data = buildIndexData(builder, scoring, idfFrom)
    } else data = source
    this.data = data
    const n = this.size
    this.ids.forEach((id, i) => {
      if (!this.idIndex.has(id)) this.idIndex.set(id, i)
    })
    this.scores = new Float64Array(n)
    this.touched = new Int32Array(n)
    this.heapSlot = new Int32Array(n)
    this.inQuery = new Int32Array((this.data.termCount + 31) >>> 5)
    this.termWeight = new Float64Array(this.data.termCount)
    this.best = new BestHits(this.data.idRank)
  }

  get ids(): string[] {
    return this.data.ids
  }

  get maxIdf(): number {
    return this.data.maxIdf
  }

  /** Documents, counted from the rows: a search worker gets the index without its ids. */
  get size(): number {
    return this.data.docStart.length - 1
  }

  /** Inverse document frequency of a term; terms without postings get the largest possible. */
  idfOf(term: TermId): number {
    return term < this.data.termCount ? this.data.idf[term] : this.data.maxIdf
  }

  /**
   * The query's weights: sublinear tf × idf, L2-normalised for TF-IDF, with terms the index has
   * never seen still counted in the norm; for BM25, 1 over the best score the query could reach,
   * so scores are 0..1 like cosine. Only the index's own terms are kept, in ascending id order.
   * Written into `this.query`, valid until the next call.
   */
  private prepareQuery(terms: TermWeights): QueryVector {
    const {termCount, idf, maxIdf, scoring} = this.data
    const bm25 = scoring.model === 'bm25'
    const bm25Mass = scoring.bm25.k1 + 1
    const query = this.query
    if (query.terms.length < terms.size) {
      query.terms = new Int32Array(terms.size * 2)
      query.weights = new Float64Array(terms.size * 2)
    }
    const known = query.terms
    const termWeight = this.termWeight
    let count = 0
    // Summed over every term, known or not, in the map's order.
    let norm = 0
    // forEach: quicker than a for-of over entries before V8 has optimised this code.
    terms.forEach((tf, term) => {
      const termIdf = term < termCount ? idf[term] : maxIdf
      const weight = bm25 ? 1 : sublinear(tf) * termIdf
      norm += bm25 ? termIdf * bm25Mass : weight * weight
      if (term < termCount) {
        known[count++] = term
        termWeight[term] = weight
      }
    })
    if (!bm25) norm = Math.sqrt(norm)
    // A typed array sorts numerically, without a comparator.
    known.subarray(0, count).sort()
    const weights = query.weights
    for (let i = 0; i < count; i++) weights[i] = termWeight[known[i]] / (norm || 1)
    query.size = count
    return query
  }

  /**
   * The k best documents for a query, by descending score then ascending id; zero scores omitted.
   * A query whose terms have few postings in all (at most EXHAUSTIVE_MAX_POSTINGS) is scored by
   * walking all of them (`scoreDense` or `scoreReached`); otherwise postings that cannot change
   * the top k are skipped (`scorePruned`).
   */
  search(terms: TermWeights, k: number, plan: SearchPlan = 'auto'): Hit[] {
    if (k <= 0) return []
    const query = this.prepareQuery(terms)
    const {postStart} = this.data
    let postings = 0
    for (let i = 0; i < query.size; i++) postings += postStart[query.terms[i] + 1] - postStart[query.terms[i]]
    const best = this.best
    best.reset(k)
    if (plan === 'auto')
      plan =
        postings > EXHAUSTIVE_MAX_POSTINGS
          ? 'pruned'
          : this.size <= postings * DENSE_MAX_DOCS_PER_POSTING
            ? 'dense'
            : 'reached'
    if (plan === 'dense') this.scoreDense(query, best)
    else if (plan === 'reached') this.scoreReached(query, best)
    else this.scorePruned(query, best)
    return best.hits()
  }

  /**
   * Adds up every posting of the query's terms, in term-id order (the order `explain` sums in,
   * so a score is the same number), into every document's score, then reads them all once and
   * keeps the k best. On a small index this costs less than the bookkeeping that pruning needs.
   */
  private scoreDense(query: QueryVector, best: BestHits): void {
    const scores = this.scores
    const {postStart, postDoc, postWeight} = this.data
    for (let i = 0; i < query.size; i++) {
      const t = query.terms[i]
      const q = query.weights[i]
      for (let j = postStart[t], end = postStart[t + 1]; j < end; j++) scores[postDoc[j]] += q * postWeight[j]
    }
    // Most documents fall below the k-th best so far, a test the processor soon predicts; only
    // while fewer than k are kept must documents not reached (score 0) be told apart.
    let floor = 0
    for (let doc = 0; doc < scores.length; doc++) {
      const score = scores[doc]
      scores[doc] = 0
      if (score >= floor && score > 0) floor = best.offer(doc, score)
    }
  }

  /**
   * As `scoreDense`, for an index with many more documents than the query has postings: keeps a
   * list of the documents reached and reads only their scores.
   */
  private scoreReached(query: QueryVector, best: BestHits): void {
    const scores = this.scores
    const touched = this.touched
    const {postStart, postDoc, postWeight} = this.data
    let count = 0
    for (let i = 0; i < query.size; i++) {
      const t = query.terms[i]
      const q = query.weights[i]
      for (let j = postStart[t], end = postStart[t + 1]; j < end; j++) {
        const doc = postDoc[j]
        if (scores[doc] === 0) touched[count++] = doc
        scores[doc] += q * postWeight[j]
      }
    }
    // Most documents fall below the k-th best so far: checked here, without a call.
    let floor = 0
    for (let c = 0; c < count; c++) {
      const doc = touched[c]
      const score = scores[doc]
      scores[doc] = 0
      if (score >= floor) floor = best.offer(doc, score)
    }
  }

  /**
   * Terms are visited from the largest possible contribution (query weight × the term's largest
   * posting weight) down, while a min-heap keeps the k best partial scores so far. Once the
   * remaining terms together could add less than the k-th best partial score, a document not
   * reached yet cannot enter the top k, and only documents already reached are updated; once
   * they could add less than half of it, the rest of the postings are not scanned. The documents
   * whose partial score plus that bound still reaches the k-th best partial are then
   * scored exactly from their own rows, in term-id order, so a score is the same number however
   * it was reached (and what `explain` adds up). Exact, not approximate: pruning only skips
   * documents that provably cannot be in the top k.
   */
  private scorePruned(query: QueryVector, best: BestHits): void {
    const n = query.size
    // `remaining[v]` bounds what the terms visited from v on can still add to any document.
    const bound = new Float64Array(n)
    for (let i = 0; i < n; i++) bound[i] = query.weights[i] * this.data.maxWeight[query.terms[i]]
    const visit = visitOrder(bound)
    const remaining = new Float64Array(n + 1)
    for (let v = n - 1; v >= 0; v--) remaining[v] = remaining[v + 1] + bound[visit[v]]
    const scores = this.scores
    const touched = this.touched
    const {postStart, postDoc, postWeight} = this.data
    const heap = new PartialScoreHeap(best.k, this.heapSlot)
    const inQuery = this.inQuery
    for (let i = 0; i < n; i++) inQuery[query.terms[i] >>> 5] |= 1 << (query.terms[i] & 31)
    let count = 0
    let stop = n
    for (let v = 0; v < n; v++) {
      if (heap.full && remaining[v] < heap.min * 0.5) {
        stop = v
        break
      }
      const i = visit[v]
      const t = query.terms[i]
      const q = query.weights[i]
      const end = postStart[t + 1]
      let min = heap.min
      if (heap.full && remaining[v] < min) {
        // A document first reached now could gain at most remaining[v], less than the k-th best
        // partial: it cannot enter the top k. Only documents already touched are updated.
        for (let j = postStart[t]; j < end; j++) {
          const doc = postDoc[j]
          if (scores[doc] === 0) continue
          const score = (scores[doc] += q * postWeight[j])
          if (score > min) min = heap.offer(doc, score)
        }
        continue
      }
      for (let j = postStart[t]; j < end; j++) {
        const doc = postDoc[j]
        if (scores[doc] === 0) touched[count++] = doc
        const score = (scores[doc] += q * postWeight[j])
        if (score > min) min = heap.offer(doc, score)
      }
    }
    // Candidates: documents whose partial score plus what the skipped terms could add reaches
    // the k-th best partial (a lower bound of the final k-th best). The margin absorbs rounding.
    const cut = (heap.full ? heap.min : 0) * (1 - 1e-9) - remaining[stop]
    heap.clear()
    for (let c = 0; c < count; c++) {
      const doc = touched[c]
      const partial = scores[doc]
      scores[doc] = 0
      if (partial >= cut) best.offer(doc, this.exactScore(doc, query))
    }
    for (let i = 0; i < n; i++) inQuery[query.terms[i] >>> 5] = 0
  }

  /** Σ query weight × document weight over shared terms, in term-id order (as `explain` sums). */
  private exactScore(doc: number, query: QueryVector): number {
    // Walks the document's row and picks the query's terms by their bits (see `inQuery`): cheaper
    // than merging two sorted lists, whose every step is a branch the processor cannot predict.
    const {docStart, docTerm, docWeight} = this.data
    const inQuery = this.inQuery
    let score = 0
    let i = 0
    for (let j = docStart[doc], end = docStart[doc + 1]; j < end; j++) {
      const t = docTerm[j]
      if ((inQuery[t >>> 5] & (1 << (t & 31))) === 0) continue
      while (query.terms[i] < t) i++
      score += query.weights[i] * docWeight[j]
    }
    return score
  }

  /** The terms a query shares with a document and what each adds to the score, in term-id order. */
  explain(terms: TermWeights, doc: number): TermContribution[] {
    const query = this.prepareQuery(terms)
    const out: TermContribution[] = []
    let i = 0
    for (let j = this.data.docStart[doc]; j < this.data.docStart[doc + 1]; j++) {
      const t = this.data.docTerm[j]
      while (i < query.size && query.terms[i] < t) i++
      if (i === query.size) break
      if (query.terms[i] !== t) continue
      const q = query.weights[i]
      out.push({
        term: t,
        queryWeight: q,
        docWeight: this.data.docWeight[j],
        contribution: q * this.data.docWeight[j],
        idf: this.data.idf[t],
      })
    }
    return out
  }

  /**
   * How much of each side the shared terms make up: the share of the query's idf-weighted mass
   * found in the document, and of the document's mass found in the query. The basis of the
   * set-theory relationship (equal / subset / superset / intersects).
   */
  overlap(terms: TermWeights, doc: number): {queryShare: number; docShare: number} {
    let queryMass = 0
    let sharedQueryMass = 0
    const present = new Set<number>()
    for (let j = this.data.docStart[doc]; j < this.data.docStart[doc + 1]; j++)
      present.add(this.data.docTerm[j])
    for (const [term, tf] of terms) {
      const w = sublinear(tf) * this.idfOf(term)
      queryMass += w
      if (present.has(term)) sharedQueryMass += w
    }
    let docMass = 0
    let sharedDocMass = 0
    for (let j = this.data.docStart[doc]; j < this.data.docStart[doc + 1]; j++) {
      docMass += this.data.docWeight[j]
      if (terms.has(this.data.docTerm[j])) sharedDocMass += this.data.docWeight[j]
    }
    return {
      queryShare: queryMass > 0 ? sharedQueryMass / queryMass : 0,
      docShare: docMass > 0 ? sharedDocMass / docMass : 0,
    }
  }

  docIndex(id: string): number | undefined {
    return this.idIndex.get(id)
  }
}

/**
 * The k best documents offered, by descending score then ascending id (`idRank`); zero scores
 * are not kept. Insertion into a short sorted list beats a heap for the small k used here.
 * One serves every search of an index (`reset`).
 */
class BestHits {
  private docs = new Int32Array(16)
  private scores = new Float64Array(16)
  /** How many the current search keeps. */
  k = 0
  private size = 0

  constructor(private readonly idRank: Int32Array) {}

  /** Empties the list for a search that keeps k. */
  reset(k: number): void {
    if (this.docs.length < k) {
      this.docs = new Int32Array(k)
      this.scores = new Float64Array(k)
    }
    this.k = k
    this.size = 0
  }

  /** The k-th best score so far (0 until k are kept): no lower score can enter. */
  get floor(): number {
    return this.size === this.k ? this.scores[this.k - 1] : 0
  }

  /** Keeps the document if it is among the k best so far; returns the new `floor`. */
  offer(doc: number, score: number): number {
    const {docs, scores, idRank} = this
    const k = this.k
    if (score <= 0) return this.floor
    if (this.size === k) {
      const last = scores[k - 1]
      if (score < last || (score === last && idRank[doc] > idRank[docs[k - 1]])) return last
    }
    let at = this.size === k ? k - 1 : this.size++
    while (
      at > 0 &&
      (score > scores[at - 1] || (score === scores[at - 1] && idRank[doc] < idRank[docs[at - 1]]))
    ) {
      docs[at] = docs[at - 1]
      scores[at] = scores[at - 1]
      at--
    }
    docs[at] = doc
    scores[at] = score
    return this.floor
  }

  hits(): Hit[] {
    const hits: Hit[] = new Array(this.size)
    for (let i = 0; i < this.size; i++) hits[i] = {doc: this.docs[i], score: this.scores[i]}
    return hits
  }
}

/**
 * The order in which a search visits its terms: largest bound first, ties by position. Most
 * queries have tens of terms, where an insertion sort beats calling a comparator for every
 * comparison; long ones are sorted with one.
 */
function visitOrder(bound: Float64Array): Int32Array {
  const n = bound.length
  if (n > 64) return Int32Array.from({length: n}, (_, i) => i).sort((a, b) => bound[b] - bound[a] || a - b)
  const visit = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    let at = i
    while (at > 0 && bound[visit[at - 1]] < bound[i]) {
      visit[at] = visit[at - 1]
      at--
    }
    visit[at] = i
  }
  return visit
}

/**
 * The k best partial scores during a search: a binary min-heap of documents whose scores only
 * grow. `slot` (one entry per document, shared between searches, zero when out of the heap) is
 * each document's position + 1, so a document already in the heap is updated in place.
 */
class PartialScoreHeap {
  private readonly docs: Int32Array
  private readonly values: Float64Array
  private size = 0

  constructor(
    private readonly k: number,
    private readonly slot: Int32Array,
  ) {
    this.docs = new Int32Array(k)
    this.values = new Float64Array(k)
  }

  get full(): boolean {
    return this.size === this.k
  }

  /** The k-th best partial score, or -1 while fewer than k documents are in. */
  get min(): number {
    return this.size === this.k ? this.values[0] : -1
  }

  /** Records a document's new partial score (above `min`); returns the new `min`. */
  offer(doc: number, score: number): number {
    let at = this.slot[doc] - 1
    if (at < 0) {
      if (this.size < this.k) {
        at = this.size++
        this.docs[at] = doc
        this.values[at] = score
        this.slot[doc] = at + 1
        this.up(at)
        return this.min
      }
      // Replaces the smallest, which leaves the heap.
      this.slot[this.docs[0]] = 0
      at = 0
      this.docs[0] = doc
      this.slot[doc] = 1
    }
    this.values[at] = score
    this.down(at)
    return this.min
  }

  /** Empties the heap, leaving `slot` zeroed for the next search. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.docs[i]] = 0
    this.size = 0
  }

  private up(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1
      if (this.values[parent] <= this.values[at]) break
      this.swap(at, parent)
      at = parent
    }
  }

  private down(at: number): void {
    for (;;) {
      const left = 2 * at + 1
      if (left >= this.size) return
      const right = left + 1
      const child = right < this.size && this.values[right] < this.values[left] ? right : left
      if (this.values[at] <= this.values[child]) return
      this.swap(at, child)
      at = child
    }
  }

  private swap(a: number, b: number): void {
    const doc = this.docs[a]
    const value = this.values[a]
    this.docs[a] = this.docs[b]
    this.values[a] = this.values[b]
    this.docs[b] = doc
    this.values[b] = value
    this.slot[this.docs[a]] = a + 1
    this.slot[this.docs[b]] = b + 1
  }
}
