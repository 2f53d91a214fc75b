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

  it('never lets chosen terms read back a run of 8 words of the text, whatever their order', () => {
    // Long runs without stop words: every 3-word slice is a candidate seen once.
    const words =
      `alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma
      tau upsilon phi chi psi omega`.split(/\s+/)
    const shingles = (tokens: string[]) =>
      new Set(tokens.slice(0, -7).map((_, i) => tokens.slice(i, i + 8).join(' ')))
    for (let cut = 8; cut <= words.length; cut += 4) {
      for (const separator of [' ', ', ']) {
        const text = words.slice(0, cut).join(separator)
        const source = shingles(text.replace(/,/g, '').split(' '))
        const terms = keyTerms(text)
        for (const order of [terms, [...terms].sort()]) {
          const shipped = order.join(' ').split(' ')
          assert.deepEqual(
            [...shingles(shipped)].filter((s) => source.has(s)),
            [],
            `${cut} words: ${order.join(' | ')}`,
          )
        }
      }
    }
  })

  it('skips document and work-item references such as REN/ERM-TG28-505 and M/536', () => {
    assert.deepEqual(keyTerms('Work items REN/ERM-TG28-505 and DEN/ERM-TG28-523 under mandate M/536.'), [
      'work item',
      'mandate',
    ])
  })
})
