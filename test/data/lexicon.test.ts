/**
 * data/lexicon.yaml, the French -> English word lexicon: well formed, one English word per entry,
 * every English word taken from the bundled catalogue's own vocabulary, and large enough to matter.
 */
import {strict as assert} from 'node:assert'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {parseDocument} from 'yaml'
import {loadCatalogue} from '../../src/core/catalogue/index.js'
import {entryBody} from '../../src/core/catalogue/types.js'
import {foldText, tokenise} from '../../src/core/text/normalise.js'
import {isStopWord} from '../../src/core/text/stopwords.js'

const require = createRequire(import.meta.url)
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as {stem(word: string): string}

interface Lexicon {
  words: Array<{en: string; fr: string[]}>
  keep_whole: string[]
}

function readLexicon(): Lexicon {
  const doc = parseDocument(readFileSync('data/lexicon.yaml', 'utf8'), {schema: 'failsafe', uniqueKeys: true})
  assert.deepEqual(doc.errors, [])
  return doc.toJS() as Lexicon
}

/** Folded words of what the bundled catalogue says about its entries (not study groups). */
function catalogueWords(): Set<string> {
  const {catalogue} = loadCatalogue('data')
  const words = new Set<string>()
  for (const entry of [...catalogue.standards, ...catalogue.requirements, ...catalogue.deliverables]) {
    const body = entry.kind === 'standard' ? '' : entryBody(entry)
    for (const word of tokenise([entry.title, ...entry.keywords, body].join(' '))) words.add(word)
  }
  return words
}

function duplicates(items: string[]): string[] {
  return [...new Set(items.filter((item, i) => items.indexOf(item) !== i))]
}

describe('data/lexicon.yaml', function () {
  this.timeout(120_000)
  const lexicon = readLexicon()
  const words = catalogueWords()

  it('has only the sections words and keep_whole', () => {
    assert.deepEqual(Object.keys(lexicon).sort(), ['keep_whole', 'words'])
    for (const entry of lexicon.words) assert.deepEqual(Object.keys(entry).sort(), ['en', 'fr'], JSON.stringify(entry))
  })

  it('holds at least 2,500 entries, each with at least one French word', () => {
    assert.ok(lexicon.words.length >= 2500, `${lexicon.words.length} entries`)
    assert.deepEqual(
      lexicon.words.filter((e) => !Array.isArray(e.fr) || e.fr.length === 0).map((e) => e.en),
      [],
    )
  })

  it('gives one lower-case English word per entry, each entry once', () => {
    const en = lexicon.words.map((e) => e.en)
    assert.deepEqual(
      en.filter((w) => !/^[a-z]+$/.test(w)),
      [],
    )
    assert.deepEqual(duplicates(en), [])
  })

  it('lists single lower-case French words, none twice under one entry', () => {
    const bad = lexicon.words.flatMap((e) => e.fr.filter((w) => !/^[a-zà-ÿœæ]+(?:['-][a-zà-ÿœæ]+)*$/.test(w)))
    assert.deepEqual(bad, [])
    assert.deepEqual(
      lexicon.words.filter((e) => duplicates(e.fr).length > 0).map((e) => e.en),
      [],
    )
  })

  it('leaves out French words spelt as their English word once accents are folded', () => {
    assert.deepEqual(
      lexicon.words.filter((e) => e.fr.some((w) => foldText(w) === e.en)).map((e) => e.en),
      [],
    )
  })

  it('leaves out forms that only add e/s/x to a listed word or to the English word', () => {
    const inflected = (word: string, base: string) => ['s', 'x', 'e', 'es'].some((end) => word === base + end)
    const bad = lexicon.words.flatMap((e) =>
      e.fr
        .map(foldText)
        .filter((w, _, all) => inflected(w, e.en) || all.some((base) => inflected(w, base)))
        .map((w) => `${e.en}: ${w}`),
    )
    assert.deepEqual(bad, [])
  })

  it('lists no stop word, English or French: the analyser drops those before any lookup', () => {
    assert.deepEqual(
      lexicon.words.filter((e) => isStopWord(e.en)).map((e) => e.en),
      [],
    )
    assert.deepEqual(
      lexicon.words.flatMap((e) => e.fr.filter((w) => isStopWord(foldText(w)))),
      [],
    )
  })

  it('puts a French word under two entries at most (two senses, like sécurité)', () => {
    const all = lexicon.words.flatMap((e) => e.fr)
    const counts = new Map<string, number>()
    for (const w of all) counts.set(w, (counts.get(w) ?? 0) + 1)
    assert.deepEqual(
      [...counts].filter(([, n]) => n > 2),
      [],
    )
  })

  it('takes every English word from the bundled catalogue text', () => {
    assert.deepEqual(
      lexicon.words.map((e) => e.en).filter((w) => !words.has(w)),
      [],
    )
  })

  it('keeps whole only catalogue words whose Porter stem another catalogue word shares', () => {
    const byStem = new Map<string, number>()
    for (const w of words) byStem.set(porter.stem(w), (byStem.get(porter.stem(w)) ?? 0) + 1)
    assert.ok(lexicon.keep_whole.length > 0)
    assert.deepEqual(
      lexicon.keep_whole.filter((w) => !words.has(w) || (byStem.get(porter.stem(w)) ?? 0) < 2),
      [],
    )
    assert.deepEqual(duplicates(lexicon.keep_whole), [])
  })
})
