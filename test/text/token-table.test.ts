import assert from 'node:assert/strict'
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {foldText} from '../../src/core/text/normalise.js'
import {TokenTable} from '../../src/core/text/token-table.js'

/** A table whose entries record how often each token was worked out. */
function counting(limit?: number) {
  const made = new Map<string, number>()
  const table = new TokenTable((token) => {
    made.set(token, (made.get(token) ?? 0) + 1)
    return {token}
  }, limit)
  return {table, made}
}

describe('text: TokenTable', () => {
  it('finds the words (runs of \\p{L}\\p{N}) in order, each distinct token worked out once', () => {
    const {table, made} = counting()
    const texts = ["L'Internet des objets — l'internet, encore", 'Y.4600 & 5G; Ωmega 𝐀𝐁𝐂 x\u0903y', '']
    for (const text of texts) {
      assert.deepEqual(
        table.scan(foldText(text)).map((entry) => entry.token),
        foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [],
      )
    }
    assert.equal(made.get('internet'), 1)
    assert.equal(made.get('l'), 1)
    assert.ok([...made.values()].every((n) => n === 1))
    assert.equal(table.size, made.size)
  })

  it('returns the same entry for a token wherever it occurs, through many resizes', () => {
    const {table} = counting()
    const words = Array.from({length: 5000}, (_, i) => `w${i.toString(36)}`)
    const first = table.scan(words.join(' '))
    const again = table.scan([...words].reverse().join(', '))
    assert.equal(table.size, 5000)
    assert.deepEqual(
      again.map((entry) => entry.token),
      [...words].reverse(),
    )
    for (let i = 0; i < words.length; i++) assert.equal(again[words.length - 1 - i], first[i])
  })

  it('looks a whole token up as scan finds it: the same entry, made once', () => {
    const {table, made} = counting()
    const [metavers, emoji] = table.scan(foldText('Métavers 𝐀𝐁𝐂'))
    assert.equal(table.lookup('metavers'), metavers)
    assert.equal(table.lookup(foldText('𝐀𝐁𝐂')), emoji)
    const fresh = table.lookup('jumeau')
    assert.equal(table.scan('le jumeau')[1], fresh)
    assert.equal(made.get('jumeau'), 1)
    assert.equal(table.size, 4)
  })

  it('keeps at most `limit` tokens; later new ones are worked out each time, still correctly', () => {
    const {table, made} = counting(2)
    assert.deepEqual(
      table.scan('alpha beta gamma gamma alpha').map((entry) => entry.token),
      ['alpha', 'beta', 'gamma', 'gamma', 'alpha'],
    )
    assert.equal(table.size, 2)
    assert.equal(made.get('alpha'), 1)
    assert.equal(made.get('gamma'), 2)
  })

  it('keeps a copy of each token, not a view that would keep the whole text alive', () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    const {table} = counting()
    const padding = ' padding text'.repeat(1500)
    gc()
    const before = process.memoryUsage().heapUsed
    // 4,000 long tokens, each first seen in its own 20 kB text: views would keep 80 MB alive.
    for (let i = 0; i < 4000; i++) table.scan(`interoperability${i}${padding}`)
    gc()
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20
    assert.equal(table.size, 4002)
    assert.ok(grown < 20, `heap grew by ${grown.toFixed(1)} MB`)
  })
})
