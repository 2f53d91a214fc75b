import assert from 'node:assert/strict'
import {plainAbstract} from '../../src/core/import/abstract-text.js'
import {deriveTerms, MAX_DERIVED_TERMS} from '../../src/core/import/derived-terms.js'
import {isKeyTermStopWord} from '../../src/core/import/key-terms.js'
import {lightForm, tokenise} from '../../src/core/text/normalise.js'
import {isStopWord} from '../../src/core/text/stopwords.js'

/** A small deterministic generator (Park–Miller), so the "random" abstracts are the same on every run. */
function generator(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 48271) % 2147483647
    return state / 2147483647
  }
}

const VOCABULARY = `the of and for network identity digital twin city services service routing 5g 3d ipv6
protocol security 2024 1st this describes memo interoperability avatar metaverse x.509 h.264 oauth
token wallet credential geographic features feature sensor data model models a in to is`.split(/\s+/)

function abstractOf(next: () => number, words: number): string {
  return Array.from({length: words}, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]).join(' ')
}

describe('import: derived terms', () => {
  it('for any abstract: sorted, unique, content words only, none of the title, at most the cap', () => {
    const next = generator(7)
    const sources = Array.from({length: 40}, () => ({
      title: abstractOf(next, 4),
      abstract: `${abstractOf(next, 5 + Math.floor(next() * 80))}.`,
    }))
    const derived = deriveTerms(sources, 8)
    assert.equal(derived.length, sources.length)
    derived.forEach((terms, i) => {
      const titleForms = new Set(tokenise(sources[i].title).map(lightForm))
      assert.deepEqual(terms, [...new Set(terms)].sort(), `sorted and unique: ${terms.join(' ')}`)
      assert.ok(terms.length <= 8)
      for (const term of terms) {
        assert.ok(!titleForms.has(lightForm(term)), `${term} is a title word`)
        assert.ok(!isStopWord(term) && !isKeyTermStopWord(term), `${term} is a stop word`)
        assert.match(term, /[a-z]/)
        assert.ok(!/^\d+(st|nd|rd|th)$/.test(term), term)
        assert.ok(tokenise(sources[i].abstract).includes(term), `${term} is not in the abstract`)
      }
    })
    assert.ok(
      derived.some((t) => t.length === 8),
      'some abstract reaches the cap',
    )
  })

  it('keeps the most distinctive words when over the cap: count × idf, ties by the word', () => {
    // "common" is in every abstract, "rare" only in the first; "twice" twice in the first.
    const sources = [
      {title: 'T', abstract: 'common rare twice twice alpha'},
      {title: 'T', abstract: 'common beta gamma'},
      {title: 'T', abstract: 'common alpha delta'},
    ]
    assert.deepEqual(deriveTerms(sources, 2)[0], ['rare', 'twice'])
    assert.deepEqual(deriveTerms(sources, 3)[0], ['alpha', 'rare', 'twice'])
    assert.deepEqual(deriveTerms(sources)[0], ['alpha', 'common', 'rare', 'twice'])
    assert.equal(MAX_DERIVED_TERMS, 48)
  })

  it("drops a body's boilerplate: words more than a fifth of a large batch uses", () => {
    const sources = Array.from({length: 60}, (_, i) => ({
      title: 'T',
      abstract: `notice word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))} topic`,
    }))
    const derived = deriveTerms(sources)
    assert.ok(derived.every((t) => !t.includes('notice') && !t.includes('topic')))
    assert.deepEqual(derived[0], ['wordaa'])
    // A small batch (under 50 abstracts) has no boilerplate to tell apart.
    assert.deepEqual(deriveTerms(sources.slice(0, 3))[0], ['notice', 'topic', 'wordaa'])
  })

  it('is empty without an abstract, and the same for the same input', () => {
    const sources = [{title: 'A'}, {title: 'B', abstract: 'Routing of packets in mesh networks.'}]
    assert.deepEqual(deriveTerms(sources), [[], ['mesh', 'networks', 'packets', 'routing']])
    assert.deepEqual(deriveTerms(sources), deriveTerms(sources))
  })

  it('drops codes of three digits or more, one-letter tokens and numbers; keeps 5g, 3d, ipv6', () => {
    const [words] = deriveTerms([{title: 'T', abstract: '5g 3d ipv6 stf279 en300718 a 2024 12 x.509 smart'}])
    assert.deepEqual(words, ['3d', '5g', 'ipv6', 'smart'])
  })

  it('an abstract listing words alphabetically does not come back whole: no 8 of its tokens in a row', () => {
    const languages = 'Dutch, English, French, German, Italian, Polish, Russian, Spanish and Swedish.'
    const [words] = deriveTerms([{title: 'Vocabulary', abstract: `Terms in ${languages}`}])
    assert.equal(words.length, 9) // "terms", and 8 of the 9 languages
    const tokens = tokenise(languages).filter((t) => t !== 'and')
    const runs = tokens
      .slice(0, -7)
      .filter((_, i) => words.join(' ').includes(tokens.slice(i, i + 8).join(' ')))
    assert.deepEqual(runs, [])
    // Seven in a row are allowed: nothing is cut.
    assert.equal(deriveTerms([{title: 'T', abstract: 'ant bee cat dog eel fox gnu'}])[0].length, 7)
  })
})

describe('import: plain abstracts', () => {
  it('removes markup, comments and style blocks, and decodes entities', () => {
    const html =
      '<p class="MsoBodyText" style="mso-list: l0 level1 lfo1;">Icons&nbsp;for <b>kiosks</b> &amp; &#233;crans</p>' +
      '<!--[if gte mso 9]><xml> 2008-11-17T15:19:00Z 0cm 5.4pt</xml><![endif]--><style>p {margin: 0cm}</style> end'
    assert.equal(plainAbstract(html), 'Icons for kiosks & écrans end')
  })

  it('drops the RFC index category tags and an unterminated comment', () => {
    assert.equal(plainAbstract('A routing protocol. [STANDARDS-TRACK]'), 'A routing protocol.')
    assert.equal(plainAbstract('Text <!-- never closed'), 'Text')
  })

  it('splits a list marker glued to a function word, and only there', () => {
    assert.equal(
      plainAbstract('objective of:1) improving quality; and2)helping (IPv6) and X.25)'),
      'objective of:1) improving quality; and 2)helping (IPv6) and X.25)',
    )
  })
})
