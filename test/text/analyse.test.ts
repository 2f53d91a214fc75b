import assert from 'node:assert/strict'
import {Analyser, DEFAULT_WEIGHTS} from '../../src/core/text/analyse.js'
import {compileGlossary} from '../../src/core/text/glossary.js'

const GLOSSARY = compileGlossary([
  {id: 'digital-twin', en: ['digital twin'], fr: ['jumeau numérique', 'jumeaux numériques']},
  {id: 'internet-of-things', en: ['internet of things', 'IoT'], fr: ['Internet des objets']},
  {id: 'smart-city', en: ['smart city'], fr: ['ville intelligente']},
])

const plain = (bigrams: boolean) => new Analyser({weights: DEFAULT_WEIGHTS, bigrams})
const withGlossary = (bigrams = true) => new Analyser({weights: DEFAULT_WEIGHTS, bigrams, glossary: GLOSSARY})
const asObject = (terms: Map<string, number>) => Object.fromEntries(terms)

const FIELDS = {title: 'Network security', keywords: ['security'], body: 'Security of network management'}

describe('text: Analyser', () => {
  it('default weights are title 3, keywords 1, body 1', () => {
    assert.deepEqual(DEFAULT_WEIGHTS, {title: 3, keywords: 1, body: 1})
  })

  it('sums field weights per term (title 3 + keywords 1 + body 1)', () => {
    const {language, terms} = plain(false).analyse(FIELDS)
    assert.equal(language, 'en')
    // network: title 3 + body 1; secur: title 3 + keywords 1 + body 1; manag: body 1.
    assert.deepEqual(asObject(terms), {network: 4, secur: 5, manag: 1})
  })

  it('adds bigrams of adjacent stems (stop words skipped) when bigrams are on', () => {
    const {terms} = plain(true).analyse(FIELDS)
    assert.deepEqual(asObject(terms), {
      network: 4,
      secur: 5,
      network_secur: 3,
      secur_network: 1,
      manag: 1,
      network_manag: 1,
    })
  })

  it('analyses each keyword as its own phrase: no bigram spans two keywords', () => {
    const {terms} = plain(true).analyse({title: 'Cloud', keywords: ['network security', 'cloud computing']})
    assert.deepEqual(asObject(terms), {
      cloud: 4,
      network: 1,
      secur: 1,
      network_secur: 1,
      comput: 1,
      cloud_comput: 1,
    })
  })

  it('weighs identifiers like the title, each its own phrase', () => {
    const {terms} = plain(true).analyse({
      title: 'Cloud',
      identifiers: ['ISO 20022-1'],
      keywords: ['security'],
    })
    assert.deepEqual(asObject(terms), {cloud: 3, iso: 3, '20022': 3, iso_20022: 3, secur: 1})
  })

  it('repeats count: a word twice in the title weighs 6', () => {
    const {terms} = plain(false).analyse({title: 'Cloud and cloud'})
    assert.deepEqual(asObject(terms), {cloud: 6})
  })

  it('honours custom weights; a zero weight drops the field', () => {
    const analyser = new Analyser({weights: {title: 0, keywords: 5, body: 0.5}, bigrams: false})
    assert.deepEqual(asObject(analyser.analyse(FIELDS).terms), {secur: 5.5, network: 0.5, manag: 0.5})
  })

  it('counts a concept once, not again as words or bigrams', () => {
    const {terms} = withGlossary().analyse({title: 'Digital twin platform'})
    assert.deepEqual(asObject(terms), {'#digital-twin': 3, platform: 3})
  })

  it('counts "Internet of things (IoT)" once, but two separate mentions twice', () => {
    assert.deepEqual(asObject(withGlossary().analyse({title: 'Internet of things (IoT) security'}).terms), {
      '#internet-of-things': 3,
      secur: 3,
    })
    assert.deepEqual(asObject(withGlossary().analyse({title: 'IoT and the Internet of things'}).terms), {
      '#internet-of-things': 6,
    })
  })

  it('lets a French and an English text share concept tokens', () => {
    const fr = withGlossary().analyse({title: 'Jumeaux numériques pour les villes intelligentes'})
    const en = withGlossary().analyse({title: 'Digital twins for smart cities'})
    assert.equal(fr.language, 'fr')
    assert.equal(en.language, 'en')
    assert.deepEqual(asObject(fr.terms), {'#digital-twin': 3, '#smart-city': 3})
    assert.deepEqual(asObject(en.terms), asObject(fr.terms))
  })

  it('stems in the detected language, or the one given', () => {
    const analyser = plain(false)
    assert.deepEqual(asObject(analyser.analyse({title: 'Les exigences des villes'}).terms), {
      exigent: 3,
      vill: 3,
    })
    assert.deepEqual(asObject(analyser.analyse({title: 'networks'}, false, 'en').terms), {network: 3})
  })

  it('keeps readable labels when asked', () => {
    const analyser = withGlossary()
    analyser.analyse({title: 'Network security for digital twins'}, true)
    assert.equal(analyser.label('secur'), 'security')
    assert.equal(analyser.label('network_secur'), 'network security')
    assert.equal(analyser.label('#digital-twin'), 'digital twin')
    assert.equal(analyser.label('unknown-term'), 'unknown-term')
  })

  it('gives no terms for stop words only', () => {
    assert.equal(
      plain(true).analyse({title: 'The Recommendation of the ITU-T', body: 'shall be'}).terms.size,
      0,
    )
  })
})
