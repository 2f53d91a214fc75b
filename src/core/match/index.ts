/**
 * An inverted index over analysed documents in typed arrays (compressed sparse rows), scored by
 * TF-IDF (sublinear tf, smooth idf, L2-normalised cosine) or, as an alternative, BM25 normalised
 * to 0..1. Queries touch only the postings of their own terms, never every document.
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
  /** Position of the document in the index (the order it was given). */
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

export class MatchIndex {
  readonly ids: string[]
  private readonly termIds = new Map<string, number>()
  private readonly terms: string[] = []
  private readonly idf: Float64Array
  private readonly maxIdf: number
  private readonly postStart: Int32Array
  private readonly postDoc: Int32Array
  private readonly postWeight: Float32Array
  private readonly docStart: Int32Array
  private readonly docTerm: Int32Array
  private readonly docWeight: Float32Array
  /** Rank of each document's id in sorted order: ties in score are broken by id. */
  private readonly idRank: Int32Array
  private readonly scores: Float32Array
  private readonly touched: Int32Array

  constructor(
    documents: IndexDocument[],
    readonly scoring: ScoringOptions = DEFAULT_SCORING,
  ) {
    const n = documents.length
    this.ids = documents.map((d) => d.id)
    // Forward rows first: term ids per document, in insertion order.
    let nnz = 0
    for (const d of documents) nnz += d.terms.size
    this.docStart = new Int32Array(n + 1)
    this.docTerm = new Int32Array(nnz)
    const rawTf = new Float32Array(nnz)
    const docLength = new Float64Array(n)
    let p = 0
    for (let i = 0; i < n; i++) {
      this.docStart[i] = p
      for (const [term, tf] of documents[i].terms) {
        let t = this.termIds.get(term)
        if (t === undefined) {
          t = this.terms.length
          this.termIds.set(term, t)
          this.terms.push(term)
        }
        this.docTerm[p] = t
        rawTf[p] = tf
        docLength[i] += tf
        p++
      }
    }
    this.docStart[n] = p
    const v = this.terms.length
    const df = new Int32Array(v)
    for (let j = 0; j < nnz; j++) df[this.docTerm[j]]++
    this.idf = new Float64Array(v)
    let maxIdf = 0
    for (let t = 0; t < v; t++) {
      this.idf[t] =
        scoring.model === 'bm25'
          ? Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
          : Math.log((n + 1) / (df[t] + 1)) + 1
      if (this.idf[t] > maxIdf) maxIdf = this.idf[t]
    }
    this.maxIdf = scoring.model === 'bm25' ? Math.log(1 + (n + 0.5) / 0.5) : Math.log(n + 1) + 1
    this.maxIdf = Math.max(this.maxIdf, maxIdf)
    // Document weights.
    this.docWeight = new Float32Array(nnz)
    const avgLength = n > 0 ? docLength.reduce((a, b) => a + b, 0) / n : 0
    for (let i = 0; i < n; i++) {
      const start = this.docStart[i]
      const end = this.docStart[i + 1]
      if (scoring.model === 'bm25') {
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
    for (let i = 0; i < n; i++) {
      for (let j = this.docStart[i]; j < this.docStart[i + 1]; j++) {
        const slot = fill[this.docTerm[j]]++
        this.postDoc[slot] = i
        this.postWeight[slot] = this.docWeight[j]
      }
    }
    const order = Array.from({length: n}, (_, i) => i).sort((a, b) => compareText(this.ids[a], this.ids[b]))
    this.idRank = new Int32Array(n)
    order.forEach((doc, rank) => (this.idRank[doc] = rank))
    this.scores = new Float32Array(n)
    this.touched = new Int32Array(n)
  }

  get size(): number {
    return this.ids.length
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
        const idf = t === undefined ? this.maxIdf : this.idf[t]
        bound += idf * (this.scoring.bm25.k1 + 1)
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

  /** Inverse document frequency of a term; unseen terms get the largest possible. */
  idfOf(term: string): number {
    const t = this.termIds.get(term)
    return t === undefined ? this.maxIdf : this.idf[t]
  }

  /** The k best documents for a query, by descending score then ascending id; zero scores omitted. */
  search(terms: Map<string, number>, k: number, accept?: (doc: number) => boolean): Hit[] {
    const {weights} = this.queryWeights(terms)
    const scores = this.scores
    const touched = this.touched
    let count = 0
    // Fixed term order keeps float sums, and so ties, identical run to run.
    const order = [...weights.keys()].sort((a, b) => a - b)
    for (const t of order) {
      const q = weights.get(t)!
      for (let j = this.postStart[t]; j < this.postStart[t + 1]; j++) {
        const doc = this.postDoc[j]
        if (scores[doc] === 0) touched[count++] = doc
        scores[doc] += q * this.postWeight[j]
      }
    }
    const best: Hit[] = []
    for (let i = 0; i < count; i++) {
      const doc = touched[i]
      const score = scores[doc]
      scores[doc] = 0
      if (score <= 0 || (accept && !accept(doc))) continue
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
      const term = this.terms[this.docTerm[j]]
      if (terms.has(term)) sharedDocMass += this.docWeight[j]
    }
    return {
      queryShare: queryMass > 0 ? sharedQueryMass / queryMass : 0,
      docShare: docMass > 0 ? sharedDocMass / docMass : 0,
    }
  }

  docIndex(id: string): number | undefined {
    const i = this.ids.indexOf(id)
    return i < 0 ? undefined : i
  }
}
