/**
 * An inverted index over analysed documents in typed arrays (compressed sparse rows), scored by
 * TF-IDF (sublinear tf, smooth idf, L2-normalised cosine) or, as an alternative, BM25 normalised
 * to 0..1. Queries touch only the postings of their own terms, never every document, and stop
 * before the long postings of common terms once those can no longer change the top k.
 */
import {compareText} from '../catalogue/problems.js'

export type ScoringModel = 'tfidf' | 'bm25'

export interface ScoringOptions {
  model: ScoringModel
  bm25: {k1: number; b: number}
}

export const DEFAULT_SCORING: ScoringOptions = {model: 'tfidf', bm25: {k1: 1.2, b: 0.75}}

export interface IndexDocument {
  id: string
  terms: Map<string, number>
}

export interface Hit {
  /** Position of the document in the index (the order it was added). */
  doc: number
  score: number
}

export interface TermContribution {
  term: string
  queryWeight: number
  docWeight: number
  /** queryWeight × docWeight: the term's share of the score. */
  contribution: number
  idf: number
}

function sublinear(tf: number): number {
  return tf >= 1 ? 1 + Math.log(tf) : tf
}

/**
 * Collects documents one at a time, so a caller can analyse a document, add it and let its
 * term map go: a large corpus is never held as maps all at once.
 */
export class MatchIndexBuilder {
  readonly ids: string[] = []
  readonly termIds = new Map<string, number>()
  readonly terms: string[] = []
  docStart: number[] = [0]
  docTerm = new Int32Array(1024)
  rawTf = new Float32Array(1024)
  nnz = 0

  add(id: string, terms: Map<string, number>): void {
    this.ids.push(id)
    if (this.nnz + terms.size > this.docTerm.length) this.grow(this.nnz + terms.size)
    for (const [term, tf] of terms) {
      let t = this.termIds.get(term)
      if (t === undefined) {
        t = this.terms.length
        this.termIds.set(term, t)
        this.terms.push(term)
      }
      this.docTerm[this.nnz] = t
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

export class MatchIndex {
  readonly ids: string[]
  private readonly termIds: Map<string, number>
  private readonly terms: string[]
  private readonly idf: Float64Array
  readonly maxIdf: number
  private readonly postStart: Int32Array
  private readonly postDoc: Int32Array
  private readonly postWeight: Float32Array
  /** Largest weight in each term's postings: the most the term can add to any score. */
  private readonly maxWeight: Float32Array
  private readonly docStart: Int32Array
  private readonly docTerm: Int32Array
  private readonly docWeight: Float32Array

  /** Rank of each document's id in sorted order: ties in score are broken by id. */
  private readonly idRank: Int32Array
  private readonly scores: Float64Array
  private readonly touched: Int32Array
  private readonly idIndex = new Map<string, number>()

  /** Builds from a list of documents, or from a builder that was fed one document at a time. */
  /**
   * `idfFrom`: take term statistics from another (larger) index. A small collection, such as
   * the ten study groups' mandates, says little about how common a word is; the standards do.
   */
  constructor(
    source: IndexDocument[] | MatchIndexBuilder,
    readonly scoring: ScoringOptions = DEFAULT_SCORING,
    idfFrom?: MatchIndex,
  ) {
    let builder: MatchIndexBuilder
    if (source instanceof MatchIndexBuilder) builder = source
    else {
      builder = new MatchIndexBuilder()
      for (const d of source) builder.add(d.id, d.terms)
    }
    const n = builder.ids.length
    const nnz = builder.nnz
    this.ids = builder.ids
    this.termIds = builder.termIds
    this.terms = builder.terms
    this.docStart = Int32Array.from(builder.docStart)
    this.docTerm = builder.docTerm.slice(0, nnz)
    const rawTf = builder.rawTf
    const v = this.terms.length
    const df = new Int32Array(v)
    for (let j = 0; j < nnz; j++) df[this.docTerm[j]]++
    this.idf = new Float64Array(v)
    const bm25 = scoring.model === 'bm25'
    for (let t = 0; t < v; t++) {
      this.idf[t] = idfFrom
        ? idfFrom.idfOf(this.terms[t])
        : bm25
          ? Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
          : Math.log((n + 1) / (df[t] + 1)) + 1
    }
    // The idf a term unseen in the corpus would get: it still counts in a query's norm.
    this.maxIdf = idfFrom ? idfFrom.maxIdf : bm25 ? Math.log(1 + (n + 0.5) / 0.5) : Math.log(n + 1) + 1
    // Document weights.
    this.docWeight = new Float32Array(nnz)
    const docLength = new Float64Array(n)
    let totalLength = 0
    for (let i = 0; i < n; i++) {
      for (let j = this.docStart[i]; j < this.docStart[i + 1]; j++) docLength[i] += rawTf[j]
      totalLength += docLength[i]
    }
    const avgLength = n > 0 ? totalLength / n : 0
    for (let i = 0; i < n; i++) {
      const start = this.docStart[i]
      const end = this.docStart[i + 1]
      if (bm25) {
        const {k1, b} = scoring.bm25
        const norm = k1 * (1 - b + (b * docLength[i]) / (avgLength || 1))
        for (let j = start; j < end; j++) {
          this.docWeight[j] = (this.idf[this.docTerm[j]] * (rawTf[j] * (k1 + 1))) / (rawTf[j] + norm)
        }
      } else {
        let sumSquares = 0
        for (let j = start; j < end; j++) {
          const w = sublinear(rawTf[j]) * this.idf[this.docTerm[j]]
          this.docWeight[j] = w
          sumSquares += w * w
        }
        const length = Math.sqrt(sumSquares) || 1
        for (let j = start; j < end; j++) this.docWeight[j] /= length
      }
    }
    // Inverted rows (postings), documents in ascending order within each term.
    this.postStart = new Int32Array(v + 1)
    for (let t = 0; t < v; t++) this.postStart[t + 1] = this.postStart[t] + df[t]
    const fill = this.postStart.slice(0, v)
    this.postDoc = new Int32Array(nnz)
    this.postWeight = new Float32Array(nnz)
    this.maxWeight = new Float32Array(v)
    for (let i = 0; i < n; i++) {
      for (let j = this.docStart[i]; j < this.docStart[i + 1]; j++) {
        const t = this.docTerm[j]
        const slot = fill[t]++
        this.postDoc[slot] = i
        this.postWeight[slot] = this.docWeight[j]
        if (this.docWeight[j] > this.maxWeight[t]) this.maxWeight[t] = this.docWeight[j]
      }
    }
    // Forward rows again, now sorted by term id (a transpose of the postings, which are in term
    // order): scoring and explanations walk them in that fixed order.
    const rowFill = this.docStart.slice(0, n)
    for (let t = 0; t < v; t++) {
      for (let j = this.postStart[t]; j < this.postStart[t + 1]; j++) {
        const slot = rowFill[this.postDoc[j]]++
        this.docTerm[slot] = t
        this.docWeight[slot] = this.postWeight[j]
      }
    }
    const order = Array.from({length: n}, (_, i) => i).sort((a, b) => compareText(this.ids[a], this.ids[b]))
    this.idRank = new Int32Array(n)
    order.forEach((doc, rank) => (this.idRank[doc] = rank))
    this.ids.forEach((id, i) => {
      if (!this.idIndex.has(id)) this.idIndex.set(id, i)
    })
    this.scores = new Float64Array(n)
    this.touched = new Int32Array(n)
  }

  get size(): number {
    return this.ids.length
  }

  /** Inverse document frequency of a term; unseen terms get the largest possible. */
  idfOf(term: string): number {
    const t = this.termIds.get(term)
    return t === undefined ? this.maxIdf : this.idf[t]
  }

  /** Query weights by term, L2-normalised for TF-IDF; unknown terms still count in the norm. */
  queryWeights(terms: Map<string, number>): {weights: Map<number, number>; unknown: number} {
    const weights = new Map<number, number>()
    let unknown = 0
    if (this.scoring.model === 'bm25') {
      // BM25 is normalised by the best score each query term could reach, so 0..1 like cosine.
      let bound = 0
      for (const [term] of terms) {
        const t = this.termIds.get(term)
        bound += (t === undefined ? this.maxIdf : this.idf[t]) * (this.scoring.bm25.k1 + 1)
        if (t !== undefined) weights.set(t, 1)
        else unknown++
      }
      for (const [t] of weights) weights.set(t, 1 / (bound || 1))
      return {weights, unknown}
    }
    let sumSquares = 0
    for (const [term, tf] of terms) {
      const t = this.termIds.get(term)
      const w = sublinear(tf) * (t === undefined ? this.maxIdf : this.idf[t])
      sumSquares += w * w
      if (t !== undefined) weights.set(t, w)
      else unknown++
    }
    const length = Math.sqrt(sumSquares) || 1
    for (const [t, w] of weights) weights.set(t, w / length)
    return {weights, unknown}
  }

  /**
   * The k best documents for a query, by descending score then ascending id; zero scores omitted.
   *
   * Terms are visited from the largest possible contribution (query weight × the term's largest
   * posting weight) down. Once all the remaining terms together could add less than half the
   * k-th best partial score, the rest of the postings are not scanned: a document only they reach
   * cannot enter the top k. The documents whose partial score plus that bound still reaches the
   * k-th best partial are then scored exactly from their own rows, in term-id order, so a score
   * is the same number however it was reached (and what `explain` adds up). Exact, not
   * approximate: pruning only skips documents that provably cannot be in the top k.
   */
  search(terms: Map<string, number>, k: number): Hit[] {
    if (k <= 0) return []
    const {weights} = this.queryWeights(terms)
    const queryTerms = [...weights.keys()].sort((a, b) => a - b)
    const n = queryTerms.length
    const queryWeight = new Float64Array(n)
    for (let i = 0; i < n; i++) queryWeight[i] = weights.get(queryTerms[i])!
    // Visit terms from the largest possible contribution down; `remaining[v]` bounds what the
    // terms from v on can still add to any document.
    const bound = new Float64Array(n)
    for (let i = 0; i < n; i++) bound[i] = queryWeight[i] * this.maxWeight[queryTerms[i]]
    const visit = Array.from({length: n}, (_, i) => i).sort((a, b) => bound[b] - bound[a] || a - b)
    const remaining = new Float64Array(n + 1)
    for (let v = n - 1; v >= 0; v--) remaining[v] = remaining[v + 1] + bound[visit[v]]
    const scores = this.scores
    const touched = this.touched
    const postDoc = this.postDoc
    const postWeight = this.postWeight
    let count = 0
    let threshold = 0
    let maxPartial = 0
    let checkedAt = -Infinity
    let stop = n
    for (let v = 0; v < n; v++) {
      // Once the rest could add less than half the k-th best partial score, a document they
      // alone reach cannot enter the top k, and few reached ones stay in contention: stop.
      if (count >= k && remaining[v] < threshold * 0.5) {
        stop = v
        break
      }
      const i = visit[v]
      const t = queryTerms[i]
      const q = queryWeight[i]
      const end = this.postStart[t + 1]
      for (let j = this.postStart[t]; j < end; j++) {
        const doc = postDoc[j]
        if (scores[doc] === 0) touched[count++] = doc
        const score = (scores[doc] += q * postWeight[j])
        if (score > maxPartial) maxPartial = score
      }
      // The k-th best partial costs a pass over the touched documents: compute it only when the
      // best partial alone shows that stopping may be near.
      if (count >= k && remaining[v + 1] < maxPartial * 0.5 && v - checkedAt >= 2) {
        threshold = this.kthBest(count, k)
        checkedAt = v
      }
    }
    // Candidates: documents whose partial score plus what the skipped terms could add reaches
    // the k-th best partial (a lower bound of the final k-th best). The margin absorbs rounding.
    const kth = count > k ? this.kthBest(count, k) : 0
    const cut = kth * (1 - 1e-9) - remaining[stop]
    const best: Hit[] = []
    for (let c = 0; c < count; c++) {
      const doc = touched[c]
      const partial = scores[doc]
      scores[doc] = 0
      if (partial < cut) continue
      const score = this.exactScore(doc, queryTerms, queryWeight)
      if (score <= 0) continue
      if (best.length === k && !this.better(doc, score, best[k - 1])) continue
      // Insertion into a short sorted list beats a heap for the small k used here.
      let at = best.length === k ? k - 1 : best.length
      if (best.length < k) best.push({doc, score})
      while (at > 0 && this.better(doc, score, best[at - 1])) {
        best[at] = best[at - 1]
        at--
      }
      best[at] = {doc, score}
    }
    return best
  }

  /** The k-th largest partial score among the first `count` touched documents. */
  private kthBest(count: number, k: number): number {
    const top = new Float64Array(k)
    let size = 0
    for (let c = 0; c < count; c++) {
      const s = this.scores[this.touched[c]]
      if (size < k) {
        let at = size++
        while (at > 0 && top[at - 1] < s) {
          top[at] = top[at - 1]
          at--
        }
        top[at] = s
      } else if (s > top[k - 1]) {
        let at = k - 1
        while (at > 0 && top[at - 1] < s) {
          top[at] = top[at - 1]
          at--
        }
        top[at] = s
      }
    }
    return size === k ? top[k - 1] : 0
  }

  /** Σ query weight × document weight over shared terms, walking both sorted term lists. */
  private exactScore(doc: number, queryTerms: number[], queryWeight: Float64Array): number {
    let score = 0
    let j = this.docStart[doc]
    const end = this.docStart[doc + 1]
    let i = 0
    while (i < queryTerms.length && j < end) {
      const qt = queryTerms[i]
      const dt = this.docTerm[j]
      if (qt === dt) {
        score += queryWeight[i] * this.docWeight[j]
        i++
        j++
      } else if (qt < dt) i++
      else j++
    }
    return score
  }

  private better(doc: number, score: number, than: Hit): boolean {
    return score > than.score || (score === than.score && this.idRank[doc] < this.idRank[than.doc])
  }

  /** The terms a query shares with a document and what each adds to the score, largest first. */
  explain(terms: Map<string, number>, doc: number): TermContribution[] {
    const {weights} = this.queryWeights(terms)
    const out: TermContribution[] = []
    for (let j = this.docStart[doc]; j < this.docStart[doc + 1]; j++) {
      const t = this.docTerm[j]
      const q = weights.get(t)
      if (q === undefined) continue
      out.push({
        term: this.terms[t],
        queryWeight: q,
        docWeight: this.docWeight[j],
        contribution: q * this.docWeight[j],
        idf: this.idf[t],
      })
    }
    return out.sort((a, b) => b.contribution - a.contribution || compareText(a.term, b.term))
  }

  /**
   * How much of each side the shared terms make up: the share of the query's idf-weighted mass
   * found in the document, and of the document's mass found in the query. The basis of the
   * set-theory relationship (equal / subset / superset / intersects).
   */
  overlap(terms: Map<string, number>, doc: number): {queryShare: number; docShare: number} {
    let queryMass = 0
    let sharedQueryMass = 0
    const present = new Set<number>()
    for (let j = this.docStart[doc]; j < this.docStart[doc + 1]; j++) present.add(this.docTerm[j])
    for (const [term, tf] of terms) {
      const t = this.termIds.get(term)
      const w = sublinear(tf) * (t === undefined ? this.maxIdf : this.idf[t])
      queryMass += w
      if (t !== undefined && present.has(t)) sharedQueryMass += w
    }
    let docMass = 0
    let sharedDocMass = 0
    for (let j = this.docStart[doc]; j < this.docStart[doc + 1]; j++) {
      docMass += this.docWeight[j]
      if (terms.has(this.terms[this.docTerm[j]])) sharedDocMass += this.docWeight[j]
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
