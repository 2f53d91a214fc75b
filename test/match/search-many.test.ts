import assert from 'node:assert/strict'
import {loadWorkspace} from '../../src/core/workspace.js'
import {MatchIndex, type IndexDocument} from '../../src/core/match/index.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {flatten, searchMany, unflattenQueries} from '../../src/core/match/search-many.js'
import {subjectsToMatch} from '../../src/core/catalogue/subjects.js'
import type {TermWeights} from '../../src/core/text/vocabulary.js'

// A deterministic pseudo-random corpus with common and rare terms, as in index.test.ts.
let seed = 7
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
const pick = () => Math.floor(random() ** 2 * 80)
const randomTerms = (count: number): TermWeights => {
  const terms: TermWeights = new Map()
  for (let j = 0; j < count; j++) terms.set(pick(), 1 + Math.floor(random() * 3))
  return terms
}
const DOCS: IndexDocument[] = Array.from({length: 600}, (_, i) => ({
  id: `D${String(599 - i).padStart(3, '0')}`,
  terms: randomTerms(3 + Math.floor(random() * 10)),
}))
const QUERIES = Array.from({length: 301}, () => randomTerms(2 + Math.floor(random() * 6)))

describe('match: searchMany', () => {
  const index = new MatchIndex(DOCS)
  const oneByOne = QUERIES.map((q) => index.search(q, 10))

  it('gives, on 2 and 3 threads, exactly the hits of one search per query, in query order', async () => {
    for (const threads of [2, 3]) {
      const hits = await searchMany(index, QUERIES, 10, {threads})
      assert.equal(hits.length, QUERIES.length)
      assert.deepEqual(hits, oneByOne, `${threads} threads`)
    }
    // Not vacuous: the queries do find documents.
    assert.ok(oneByOne.filter((hits) => hits.length === 10).length > 250)
  })

  it('gives the same hits on one thread, for a batch too small for threads, and none for no queries', async () => {
    assert.deepEqual(await searchMany(index, QUERIES, 10, {threads: 1}), oneByOne)
    assert.deepEqual(
      await searchMany(index, QUERIES.slice(0, 5), 3),
      QUERIES.slice(0, 5).map((q) => index.search(q, 3)),
    )
    assert.deepEqual(await searchMany(index, [], 10, {threads: 2}), [])
  })

  it('passes queries to workers whole: flatten and back is the identity', () => {
    const queries = [QUERIES[0], new Map(), QUERIES[1]]
    assert.deepEqual(unflattenQueries(flatten(queries)), queries)
  })
})

describe('match: Matcher.matchAll', () => {
  it('gives the same results as match() one subject at a time', async () => {
    const {catalogue, config, glossary} = loadWorkspace('test/fixtures/analysis/small', {}, [])
    const matcher = new Matcher(catalogue, config, glossary)
    const subjects = subjectsToMatch(catalogue, undefined, [])
    assert.ok(subjects.length > 3)
    const batch = await matcher.matchAll(subjects, 3)
    assert.deepEqual(
      batch,
      subjects.map((s) => matcher.match(s, 3)),
    )
    assert.ok(batch.some((r) => r.matches.length > 0))
  })
})
