import assert from 'node:assert/strict'
import {Vocabulary} from '../../src/core/text/vocabulary.js'

describe('text: Vocabulary', () => {
  it('gives each word one id, in order of first sight', () => {
    const vocabulary = new Vocabulary()
    assert.equal(vocabulary.word('network'), 0)
    assert.equal(vocabulary.word('secur'), 1)
    assert.equal(vocabulary.word('network'), 0)
    assert.equal(vocabulary.size, 2)
    assert.equal(vocabulary.text(1), 'secur')
  })

  it('gives each ordered pair of ids one bigram id, text joined by "_"', () => {
    const vocabulary = new Vocabulary()
    const [a, b] = [vocabulary.word('network'), vocabulary.word('secur')]
    const ab = vocabulary.bigram(a, b)
    const ba = vocabulary.bigram(b, a)
    assert.notEqual(ab, ba)
    assert.equal(vocabulary.bigram(a, b), ab)
    assert.equal(vocabulary.text(ab), 'network_secur')
    assert.equal(vocabulary.text(ba), 'secur_network')
    // Its parts are kept: the text is built from them, and finds the same id back.
    assert.equal(vocabulary.find(vocabulary.text(ab)), ab)
    assert.equal(vocabulary.find(vocabulary.text(a)), a)
  })

  it('finds words and bigrams by text, and nothing it never gave', () => {
    const vocabulary = new Vocabulary()
    const [a, b] = [vocabulary.word('cloud'), vocabulary.word('comput')]
    const ab = vocabulary.bigram(a, b)
    assert.equal(vocabulary.find('cloud'), a)
    assert.equal(vocabulary.find('cloud_comput'), ab)
    assert.equal(vocabulary.find('comput_cloud'), undefined)
    assert.equal(vocabulary.find('edge'), undefined)
    assert.equal(vocabulary.find('_cloud'), undefined)
  })

  it('keeps every bigram through many table resizes', () => {
    const vocabulary = new Vocabulary()
    const words = Array.from({length: 300}, (_, i) => vocabulary.word(`w${i}`))
    assert.deepEqual(
      words,
      Array.from({length: 300}, (_, i) => i),
    )
    const ids = new Map<string, number>()
    for (const a of words) for (const b of words.slice(0, 60)) ids.set(`${a},${b}`, vocabulary.bigram(a, b))
    assert.equal(vocabulary.size, 300 + 300 * 60)
    assert.equal(new Set(ids.values()).size, 300 * 60)
    for (const [key, id] of ids) {
      const [a, b] = key.split(',').map(Number)
      assert.equal(vocabulary.bigram(a, b), id)
      assert.equal(vocabulary.text(id), `w${a}_w${b}`)
    }
    assert.equal(vocabulary.text(vocabulary.bigram(words[299], words[59])), 'w299_w59')
  })

  it('names a term map by text', () => {
    const vocabulary = new Vocabulary()
    const terms = new Map([
      [vocabulary.word('edge'), 3],
      [vocabulary.bigram(vocabulary.word('edge'), vocabulary.word('comput')), 1],
    ])
    assert.deepEqual(Object.fromEntries(vocabulary.named(terms)), {edge: 3, edge_comput: 1})
  })
})
