import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {InputError} from '../../src/core/errors.js'
import {
  compileGlossary,
  findConcepts,
  glossaryToken,
  loadGlossary,
  type Glossary,
} from '../../src/core/text/glossary.js'
import {tokenise} from '../../src/core/text/normalise.js'

const GLOSSARY: Glossary = compileGlossary([
  {id: 'digital-twin', en: ['digital twin'], fr: ['jumeau numérique', 'jumeaux numériques']},
  {id: 'urban-digital-twin', en: ['urban digital twin'], fr: ['jumeau numérique urbain']},
  {id: 'internet-of-things', en: ['internet of things', 'IoT'], fr: ['Internet des objets']},
  {id: 'smart-city', en: ['smart city'], fr: ['ville intelligente']},
  // Terms of stop words only: never found.
  {id: 'boilerplate', en: ['Recommendation', 'the standard'], fr: ['la norme']},
])

const concepts = (text: string) => findConcepts(tokenise(text).map((token) => glossaryToken(GLOSSARY, token)))

describe('text: glossary (compileGlossary, findConcepts)', () => {
  it('indexes terms by their first light-form token, longest first', () => {
    assert.deepEqual(
      GLOSSARY.byFirstToken.get('jumeau')?.map((t) => t.tokens.join(' ')),
      ['jumeau numerique urbain', 'jumeau numerique', 'jumeau numerique'],
    )
    assert.deepEqual(GLOSSARY.byFirstToken.get('iot'), [{tokens: ['iot'], concept: 'internet-of-things'}])
  })

  it('skips terms made only of stop words', () => {
    assert.equal(GLOSSARY.byFirstToken.has('recommendation'), false)
    assert.equal(GLOSSARY.byFirstToken.has('the'), false)
    assert.equal(GLOSSARY.byFirstToken.has('la'), false)
    assert.deepEqual(concepts('This Recommendation and the standard'), [])
    // The concept itself is kept in the list.
    assert.equal(GLOSSARY.concepts.length, 5)
  })

  it('finds concepts with token spans, case, accents and plurals ignored', () => {
    assert.deepEqual(concepts('Digital Twins for smart cities'), [
      {concept: 'digital-twin', start: 0, end: 2},
      {concept: 'smart-city', start: 3, end: 5},
    ])
    assert.deepEqual(concepts("Les jumeaux numériques et l'Internet des objets"), [
      {concept: 'digital-twin', start: 1, end: 3},
      {concept: 'internet-of-things', start: 5, end: 8},
    ])
  })

  it('takes the longest term first, without overlaps', () => {
    assert.deepEqual(concepts('An urban digital twin and a digital twin'), [
      {concept: 'urban-digital-twin', start: 1, end: 4},
      {concept: 'digital-twin', start: 6, end: 8},
    ])
    assert.deepEqual(concepts('jumeau numérique urbain'), [{concept: 'urban-digital-twin', start: 0, end: 3}])
  })

  it('needs the whole term: a prefix at the end of the text is not a match', () => {
    assert.deepEqual(concepts('urban digital'), [])
    assert.deepEqual(concepts('digital'), [])
  })

  it('finds an acronym and the term it abbreviates as two adjacent spans', () => {
    assert.deepEqual(concepts('Internet of things (IoT)'), [
      {concept: 'internet-of-things', start: 0, end: 3},
      {concept: 'internet-of-things', start: 3, end: 4},
    ])
  })
})

describe('text: loadGlossary', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-glossary-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  const write = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const failsWith = (path: string, message: string | RegExp) =>
    assert.throws(
      () => loadGlossary(path),
      (e: unknown) => {
        assert.ok(e instanceof InputError, String(e))
        assert.equal(e.exitCode, 3)
        if (typeof message === 'string') assert.equal(e.message, message)
        else assert.match(e.message, message)
        return true
      },
    )

  it('loads concepts with trimmed terms', () => {
    const path = write(
      'ok.yaml',
      'concepts:\n  - id: digital-twin\n    en: [" digital twin "]\n    fr: [jumeau numérique]\n  - id: iot\n    en: [IoT]\n',
    )
    const g = loadGlossary(path)
    assert.deepEqual(g.concepts, [
      {id: 'digital-twin', en: ['digital twin'], fr: ['jumeau numérique']},
      {id: 'iot', en: ['IoT'], fr: []},
    ])
    assert.deepEqual(findConcepts(['jumeau', 'numerique'].map((token) => glossaryToken(g, token))), [
      {concept: 'digital-twin', start: 0, end: 2},
    ])
  })

  it('allows two spellings of one term within a concept', () => {
    const path = write('same.yaml', 'concepts:\n  - id: a\n    en: [digital twin, Digital Twins]\n')
    assert.equal(loadGlossary(path).concepts.length, 1)
  })

  it('refuses a term that belongs to two concepts, naming file and line of the second', () => {
    const path = write(
      'dup.yaml',
      'concepts:\n  - id: a\n    en: [digital twin]\n  - id: b\n    fr: [jumeau]\n    en: [Digital Twins]\n',
    )
    failsWith(path, `${path}:4: b: term "Digital Twins" already belongs to concept a`)
  })

  it('refuses a concept without id', () => {
    const path = write('noid.yaml', 'concepts:\n  - id: a\n    en: [ab]\n  - en: [metaverse]\n')
    failsWith(path, `${path}:4: id: required field is missing`)
  })

  it('refuses a concept without terms and terms that are not a list', () => {
    const none = write('noterms.yaml', 'concepts:\n  - id: a\n    en: [ab]\n  - id: c\n    en: []\n')
    failsWith(none, `${none}:4: c: has no terms`)
    const scalar = write('scalar.yaml', 'concepts:\n  - id: a\n    en: ab\n')
    failsWith(scalar, `${scalar}:3: en: must be a list of terms`)
  })

  it('refuses malformed YAML with file:line', () => {
    const path = write('bad.yaml', 'concepts:\n  - id: a\n    en: [unclosed\n  - id: b\n')
    failsWith(path, new RegExp(`^${escape(path)}:4: malformed YAML: `))
    const dupKey = write('dupkey.yaml', 'concepts:\n  - id: a\n    en: [x y]\n    id: b\n')
    failsWith(dupKey, new RegExp(`^${escape(dupKey)}:4: malformed YAML: Map keys must be unique`))
  })

  it('refuses a file without a concepts list, and a missing file', () => {
    const path = write('nolist.yaml', 'concepts: 3\n')
    failsWith(path, `${path}:1: concepts: expected a list of concepts`)
    const missing = join(dir, 'missing.yaml')
    failsWith(missing, `${missing}: cannot read: file not found (ENOENT)`)
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
