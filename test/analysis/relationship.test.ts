import assert from 'node:assert/strict'
import {FULL_COVERAGE, RELATIONSHIPS, relationshipOf} from '../../src/core/analysis/relationship.js'

describe('analysis: relationshipOf (NIST OLIR set-theory vocabulary)', () => {
  it('uses 0.7 as "all of it"', () => {
    assert.equal(FULL_COVERAGE, 0.7)
    assert.deepEqual(RELATIONSHIPS, ['equal', 'subset of', 'superset of', 'intersects with'])
  })

  const table: [number, number, string][] = [
    // subjectCovered, standardCovered → relationship
    [1, 1, 'equal'],
    [0.7, 0.7, 'equal'],
    [0.7, 0.6999, 'subset of'],
    [1, 0, 'subset of'],
    [0.6999, 0.7, 'superset of'],
    [0, 1, 'superset of'],
    [0.6999, 0.6999, 'intersects with'],
    [0.3, 0.5, 'intersects with'],
    [0, 0, 'intersects with'],
  ]
  for (const [s, d, expected] of table) {
    it(`(${s}, ${d}) → ${expected}`, () => assert.equal(relationshipOf(s, d), expected))
  }

  it('takes another "full" share when given', () => {
    assert.equal(relationshipOf(0.5, 0.5, 0.5), 'equal')
    assert.equal(relationshipOf(0.5, 0.49, 0.5), 'subset of')
    assert.equal(relationshipOf(0.9, 0.9, 0.95), 'intersects with')
  })
})
