import assert from 'node:assert/strict'
import {MatchIndex, type IndexDocument} from '../../src/core/match/index.js'
import {Vocabulary, type TermWeights} from '../../src/core/text/vocabulary.js'

const vocabulary = new Vocabulary()
const id = (term: string) => vocabulary.word(term)
const terms = (o: Record<string, number>): TermWeights =>
  new Map(Object.entries(o).map(([term, weight]) => [id(term), weight]))
const near = (actual: number, expected: number, eps = 1e-6, what = '') =>
  assert.ok(Math.abs(actual - expected) <= eps, `${what} ${actual} is not ${expected} ± ${eps}`)

/**
 * B and A are identical (given in that order, to test ties by id); E is inside the query {x, y};
 * D shares x only; C shares nothing.
 */
const CORPUS: IndexDocument[] = [
  {id: 'B', terms: terms({x: 1, y: 1})},
  {id: 'A', terms: terms({x: 1, y: 1})},
  {id: 'C', terms: terms({z: 2})},
  {id: 'D', terms: terms({x: 1, w: 1})},
  {id: 'E', terms: terms({y: 1})},
]
const N = CORPUS.length
/** Smooth idf: ln((n + 1) / (df + 1)) + 1. df: x 3, y 3, z 1, w 1. */
const idf = (df: number) => Math.log((N + 1) / (df + 1)) + 1
const IDF_X = idf(3) // 1.405465…
const IDF_W = idf(1) // 2.098612…
const QUERY = terms({x: 1, y: 1})

const TFIDF = {model: 'tfidf', bm25: {k1: 1.2, b: 0.75}} as const

/** Every hit's explanation: contributions sum to its score, each is query weight × document weight. */
function contributionsSumToScores(index: MatchIndex): void {
  for (const hit of index.search(QUERY, 10)) {
    const parts = index.explain(QUERY, hit.doc)
    near(
      parts.reduce((s, c) => s + c.contribution, 0),
      hit.score,
      1e-6,
      index.ids[hit.doc],
    )
    for (const c of parts) near(c.contribution, c.queryWeight * c.docWeight, 1e-12)
  }
}

describe('match: MatchIndex (TF-IDF)', () => {
  const index = new MatchIndex(CORPUS, TFIDF)
  const ids = (hits: {doc: number}[]) => hits.map((h) => index.ids[h.doc])

  it('computes smooth idf; unseen terms get the largest idf', () => {
    near(index.idfOf(id('x')), 1.4054651081081644, 1e-12)
    near(index.idfOf(id('x')), IDF_X, 1e-12)
    near(index.idfOf(id('z')), IDF_W, 1e-12)
    near(index.idfOf(id('never-seen')), Math.log(N + 1) + 1, 1e-12)
    assert.equal(index.size, 5)
  })

  it('idfFrom: a term absent from the small index counts at the largest idf, whatever its id', () => {
    // Term ids are numbered in first-seen order across the whole vocabulary: a term absent from
    // the small index may have an id below or above its largest one. Both must weigh the same.
    const small = new MatchIndex([{id: 'M', terms: terms({m1: 1, m9: 1})}], TFIDF, index)
    const low = id('m1')
    assert.ok(low < id('m9'))
    const high = vocabulary.word('absent-high')
    // `x` is in the large index; its id is below the small index's largest term id (m9's).
    const absentLow = new Map([
      [low, 1],
      [id('x'), 1],
    ])
    assert.ok(id('x') < id('m9'))
    const absentHigh = new Map([
      [low, 1],
      [high, 1],
    ])
    assert.ok(high > id('m9'))
    assert.equal(small.idfOf(id('x')), index.maxIdf)
    assert.equal(small.search(absentLow, 1)[0].score, small.search(absentHigh, 1)[0].score)
  })

  it('scores an identical document 1.0 and breaks ties by id (A before B)', () => {
    const hits = index.search(QUERY, 10)
    assert.deepEqual(ids(hits), ['A', 'B', 'E', 'D'])
    near(hits[0].score, 1)
    near(hits[1].score, 1)
    assert.equal(hits[0].score, hits[1].score)
    // E = (0, 1), query = (1, 1)/√2 (x and y have the same idf).
    near(hits[2].score, Math.SQRT1_2)
    // D = (idf_x, idf_w) / |…|.
    near(hits[3].score, Math.SQRT1_2 * (IDF_X / Math.hypot(IDF_X, IDF_W)))
    near(hits[3].score, 0.39347, 1e-5)
  })

  it('gives no hit for a query disjoint from every document, or an empty query', () => {
    assert.deepEqual(index.search(terms({q: 3, r: 1}), 10), [])
    assert.deepEqual(index.search(new Map(), 10), [])
  })

  it('scores a single-term document against the same term 1.0 whatever the tf', () => {
    const hits = index.search(terms({z: 1}), 10)
    assert.deepEqual(ids(hits), ['C'])
    near(hits[0].score, 1)
  })

  it('cuts at top k, keeping the best (ties by id), whichever way it adds up scores', () => {
    for (const plan of ['auto', 'dense', 'reached', 'pruned'] as const) {
      assert.deepEqual(ids(index.search(QUERY, 1, plan)), ['A'], plan)
      assert.deepEqual(ids(index.search(QUERY, 2, plan)), ['A', 'B'], plan)
      assert.deepEqual(ids(index.search(QUERY, 3, plan)), ['A', 'B', 'E'], plan)
    }
  })

  it('counts unknown query terms in the query norm (they lower the score)', () => {
    const hits = index.search(terms({x: 1, y: 1, q: 1}), 10)
    const maxIdf = Math.log(N + 1) + 1
    const qx = IDF_X / Math.sqrt(2 * IDF_X ** 2 + maxIdf ** 2)
    near(hits[0].score, 2 * qx * Math.SQRT1_2)
    near(hits[0].score, 0.57998, 1e-5)
  })

  it('is repeatable: the same query twice gives the same hits', () => {
    assert.deepEqual(index.search(QUERY, 10), index.search(QUERY, 10))
  })

  it('explains a score: the contributions sum to the search score', () => {
    contributionsSumToScores(index)
    const d = index.explain(QUERY, index.docIndex('D')!)
    assert.deepEqual(
      d.map((c) => vocabulary.text(c.term)),
      ['x'],
    )
    near(d[0].idf, IDF_X, 1e-12)
    assert.deepEqual(index.explain(QUERY, index.docIndex('C')!), [])
  })

  it('explains in term-id order, the order in which scores are summed', () => {
    const q = terms({w: 1, x: 1})
    const parts = index.explain(q, index.docIndex('D')!)
    assert.deepEqual(
      parts.map((c) => vocabulary.text(c.term)),
      ['x', 'w'],
    )
    assert.ok(parts[1].contribution > parts[0].contribution)
  })

  it('overlap(): shares of idf-weighted mass on both sides', () => {
    // E {y} lies inside the query {x, y}: all of E is shared, half of the query is.
    assert.deepEqual(index.overlap(QUERY, index.docIndex('E')!), {queryShare: 0.5, docShare: 1})
    // D {x, w}: half of the query (x and y weigh the same); of D, x's normalised weight.
    const d = index.overlap(QUERY, index.docIndex('D')!)
    assert.equal(d.queryShare, 0.5)
    near(d.docShare, IDF_X / (IDF_X + IDF_W))
    // Identical: all of both.
    const a = index.overlap(QUERY, index.docIndex('A')!)
    near(a.queryShare, 1)
    near(a.docShare, 1)
    assert.deepEqual(index.overlap(QUERY, index.docIndex('C')!), {queryShare: 0, docShare: 0})
  })

  it('docIndex finds positions by id', () => {
    assert.equal(index.docIndex('B'), 0)
    assert.equal(index.docIndex('E'), 4)
    assert.equal(index.docIndex('nope'), undefined)
  })

  it('handles an empty corpus', () => {
    const empty = new MatchIndex([], TFIDF)
    assert.equal(empty.size, 0)
    assert.deepEqual(empty.search(QUERY, 5), [])
  })
})

describe('match: MatchIndex top-k against brute force', () => {
  // A deterministic pseudo-random corpus: common and rare terms, so that a top-k search may skip
  // postings; every hit must still be exact and the best k must be found.
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  // Term ids span several 32-bit words of the search's query bitset.
  const words = Array.from({length: 200}, (_, i) => id(`t${i}`))
  const pick = () => words[Math.floor(random() ** 2 * words.length)]
  const docs: IndexDocument[] = Array.from({length: 400}, (_, i) => {
    const m: TermWeights = new Map()
    for (let j = 0; j < 3 + Math.floor(random() * 8); j++) {
      const t = pick()
      m.set(t, (m.get(t) ?? 0) + 1 + Math.floor(random() * 3))
    }
    return {id: `D${String(i).padStart(3, '0')}`, terms: m}
  })
  // Short queries, and long ones (over 64 terms: the search orders their terms another way).
  const queries = Array.from({length: 30}, (_, q) => {
    const m: TermWeights = new Map()
    const length = q < 25 ? 2 + Math.floor(random() * 6) : 70 + Math.floor(random() * 60)
    const next = q < 25 ? pick : () => words[Math.floor(random() * words.length)]
    while (m.size < length) m.set(next(), 1 + Math.floor(random() * 3))
    return m
  })

  // Each query scored every way (see MatchIndex.search), and as search chooses.
  for (const model of ['tfidf', 'bm25'] as const)
    for (const plan of ['dense', 'reached', 'pruned', 'auto'] as const) {
      it(`${model}, ${plan}: search(k) returns the k best exact scores`, () => {
        const index = new MatchIndex(docs, {model, bm25: {k1: 1.2, b: 0.75}})
        for (const q of queries) {
          const exact = docs
            .map((_, doc) => ({doc, score: index.explain(q, doc).reduce((s, c) => s + c.contribution, 0)}))
            .filter((h) => h.score > 0)
            .sort((a, b) => b.score - a.score || index.data.idRank[a.doc] - index.data.idRank[b.doc])
          for (const k of [1, 5, 20, 500]) {
            const hits = index.search(q, k, plan)
            // The very numbers explain() adds up (both sum in term-id order), ties by id.
            assert.deepEqual(hits, exact.slice(0, k))
          }
        }
      })
    }
})

describe('match: MatchIndex (BM25)', () => {
  const index = new MatchIndex(CORPUS, {model: 'bm25', bm25: {k1: 1.2, b: 0.75}})
  const ids = (hits: {doc: number}[]) => hits.map((h) => index.ids[h.doc])
  // Average length (sum of tf) 9/5 = 1.8; norm = k1 (1 − b + b · len / avg).
  const norm = (len: number) => 1.2 * (0.25 + (0.75 * len) / 1.8)

  it('uses the BM25 idf ln(1 + (n − df + 0.5) / (df + 0.5))', () => {
    near(index.idfOf(id('x')), Math.log(1 + 2.5 / 3.5), 1e-12)
    near(index.idfOf(id('never-seen')), Math.log(12), 1e-12)
  })

  it('normalises scores into (0, 1]: with tf 1, score share = 1 / (1 + norm)', () => {
    const hits = index.search(QUERY, 10)
    assert.deepEqual(ids(hits), ['A', 'B', 'E', 'D'])
    for (const h of hits) assert.ok(h.score > 0 && h.score <= 1, String(h.score))
    near(hits[0].score, 1 / (1 + norm(2))) // 0.434783
    near(hits[2].score, 1 / (2 * (1 + norm(1)))) // E: y only, 0.277778
    near(hits[3].score, 1 / (2 * (1 + norm(2)))) // D: x only
    const single = index.search(terms({y: 1}), 10)
    assert.deepEqual(ids(single), ['E', 'A', 'B'])
    near(single[0].score, 1 / (1 + norm(1))) // 0.555556
  })

  it('is the default scoring', () => {
    assert.deepEqual(new MatchIndex(CORPUS).search(QUERY, 10), index.search(QUERY, 10))
  })

  it('ranks identical documents first, tied, by id; never scores 1 (tf saturates)', () => {
    // The normalisation divides by the score of a document with unbounded tf of every query
    // term, so an identical document scores below 1: tf / (tf + norm) < 1.
    for (const plan of ['auto', 'dense', 'reached', 'pruned'] as const) {
      const hits = index.search(QUERY, 2, plan)
      assert.deepEqual(ids(hits), ['A', 'B'], plan)
      assert.equal(hits[0].score, hits[1].score)
      assert.ok(hits[0].score < 1)
    }
  })

  it('explains BM25 scores too: the contributions sum to the score', () => {
    contributionsSumToScores(index)
    // idf in explanations is the BM25 idf.
    near(index.explain(QUERY, index.docIndex('D')!)[0].idf, Math.log(1 + 2.5 / 3.5), 1e-12)
  })

  it('counts unknown query terms in the normalisation (they lower the score)', () => {
    const withUnknown = index.search(terms({x: 1, y: 1, q: 1}), 1)[0].score
    // Each term's share is idf (k1 + 1) over the sum of those of all query terms.
    const idfX = Math.log(1 + 2.5 / 3.5)
    near(withUnknown, (2 * idfX) / (2 * idfX + Math.log(12)) / (1 + norm(2)))
  })
})
