import assert from 'node:assert/strict'
import {keyTerms} from '../../src/core/import/key-terms.js'

describe('import: key terms', () => {
  it('ranks repeated multi-word terms first and drops stop words', () => {
    const text =
      'This Recommendation describes digital twin systems for smart cities. A digital twin system for smart cities supports the simulation of city services.'
    const terms = keyTerms(text)
    assert.deepEqual(terms.slice(0, 2), ['digital twin system', 'smart city'])
    for (const term of terms) {
      assert.ok(term.split(' ').length <= 3, term)
      assert.ok(!/\b(this|the|for|of|describes|recommendation)\b/.test(term), term)
    }
  })

  it('returns at most 8 terms, lower case, and nothing for empty text', () => {
    const long =
      'Alpha beta. Gamma delta. Epsilon zeta. Eta theta. Iota kappa. Lambda mu. Nu xi. Omicron pi. Rho sigma. Tau upsilon.'
    const terms = keyTerms(long)
    assert.equal(terms.length, 8)
    assert.equal(terms[0], 'alpha beta')
    assert.deepEqual(keyTerms(''), [])
    assert.deepEqual(keyTerms('The of and.'), [])
  })

  it('is deterministic and never returns overlapping slices of one long run', () => {
    const text = 'Framework and requirements for 3D intelligent driven digital human application systems.'
    const first = keyTerms(text)
    assert.deepEqual(keyTerms(text), first)
    assert.deepEqual(first, [
      '3d intelligent driven',
      'digital human application',
      'framework',
      'requirement',
      'system',
    ])
  })
})
