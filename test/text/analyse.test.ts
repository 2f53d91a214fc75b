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
/** Analyses and names the terms (by text) with the analyser's own vocabulary. */
const termsOf = (analyser: Analyser, ...args: Parameters<Analyser['analyse']>) =>
  Object.fromEntries(analyser.vocabulary.named(analyser.analyse(...args).terms))

const FIELDS = {title: 'Network security', keywords: ['security'], body: 'Security of network management'}

describe('text: Analyser', () => {
  it('default weights are title 3, keywords 1, body 1, derived terms 1', () => {
    assert.deepEqual(DEFAULT_WEIGHTS, {title: 3, keywords: 1, body: 1, terms: 1})
  })

  it('sums field weights per term (title 3 + keywords 1 + body 1)', () => {
    assert.equal(plain(false).analyse(FIELDS).language, 'en')
    // network: title 3 + body 1; secur: title 3 + keywords 1 + body 1; manag: body 1.
    assert.deepEqual(termsOf(plain(false), FIELDS), {network: 4, secur: 5, manag: 1})
  })

  it('adds bigrams of adjacent stems (stop words skipped) when bigrams are on', () => {
    assert.deepEqual(termsOf(plain(true), FIELDS), {
      network: 4,
      secur: 5,
      network_secur: 3,
      secur_network: 1,
      manag: 1,
      network_manag: 1,
    })
  })

  it('analyses each keyword as its own phrase: no bigram spans two keywords', () => {
    assert.deepEqual(
      termsOf(plain(true), {title: 'Cloud', keywords: ['network security', 'cloud computing']}),
      {
        cloud: 4,
        network: 1,
        secur: 1,
        network_secur: 1,
        comput: 1,
        cloud_comput: 1,
      },
    )
  })

  it('weighs identifiers like the title, each its own phrase', () => {
    const terms = termsOf(plain(true), {
      title: 'Cloud',
      identifiers: ['ISO 20022-1'],
      keywords: ['security'],
    })
    assert.deepEqual(terms, {cloud: 3, iso: 3, '20022': 3, iso_20022: 3, secur: 1})
  })

  it('repeats count: a word twice in the title weighs 6', () => {
    assert.deepEqual(termsOf(plain(false), {title: 'Cloud and cloud'}), {cloud: 6})
  })

  it('honours custom weights; a zero weight drops the field', () => {
    const analyser = new Analyser({weights: {title: 0, keywords: 5, body: 0.5, terms: 0}, bigrams: false})
    assert.deepEqual(termsOf(analyser, FIELDS), {secur: 5.5, network: 0.5, manag: 0.5})
  })

  it('adds a concept beside its words (and their bigrams), which still count', () => {
    // The words stay so that stems still meet ("managing devices" / "device management").
    assert.deepEqual(termsOf(withGlossary(false), {title: 'Digital twin platform'}), {
      '#digital-twin': 3,
      digit: 3,
      twin: 3,
      platform: 3,
    })
    assert.deepEqual(termsOf(withGlossary(true), {title: 'Digital twin platform'}), {
      '#digital-twin': 3,
      digit: 3,
      twin: 3,
      platform: 3,
      digit_twin: 3,
      twin_platform: 3,
    })
  })

  it('counts the concept of "Internet of things (IoT)" once, but two separate mentions twice', () => {
    // A term and its abbreviation in brackets are one mention of the concept; the words count as words.
    assert.deepEqual(termsOf(withGlossary(false), {title: 'Internet of things (IoT) security'}), {
      '#internet-of-things': 3,
      internet: 3,
      thing: 3,
      iot: 3,
      secur: 3,
    })
    assert.deepEqual(termsOf(withGlossary(false), {title: 'IoT and the Internet of things'}), {
      '#internet-of-things': 6,
      iot: 3,
      internet: 3,
      thing: 3,
    })
  })

  it('lets a French and an English text share concept tokens', () => {
    const analyser = withGlossary()
    const fr = analyser.analyse({title: 'Jumeaux numériques pour les villes intelligentes'})
    const en = analyser.analyse({title: 'Digital twins for smart cities'})
    assert.equal(fr.language, 'fr')
    assert.equal(en.language, 'en')
    const concepts = (terms: Map<number, number>) =>
      Object.fromEntries([...analyser.vocabulary.named(terms)].filter(([text]) => text.startsWith('#')))
    assert.deepEqual(concepts(fr.terms), {'#digital-twin': 3, '#smart-city': 3})
    // The same term ids, not just the same texts: an index built from one matches the other.
    const conceptIds = (terms: Map<number, number>) =>
      [...terms.keys()].filter((t) => analyser.isConcept(t)).sort((a, b) => a - b)
    assert.deepEqual(conceptIds(en.terms), conceptIds(fr.terms))
    assert.equal(conceptIds(fr.terms).length, 2)
    // Beside them, each keeps its own words, in its own language.
    assert.ok(analyser.vocabulary.named(fr.terms).has('jumeau'))
    assert.ok(analyser.vocabulary.named(en.terms).has('twin'))
  })

  it('stems in the detected language, or the one given', () => {
    const analyser = plain(false)
    assert.deepEqual(termsOf(analyser, {title: 'Les exigences des villes'}), {
      exigent: 3,
      vill: 3,
    })
    assert.deepEqual(termsOf(analyser, {title: 'networks'}, false, 'en'), {network: 3})
  })

  it('keeps readable labels when asked', () => {
    const analyser = withGlossary()
    analyser.analyse({title: 'Network security for digital twins'}, true)
    const label = (text: string) => analyser.label(analyser.vocabulary.find(text)!)
    assert.equal(label('secur'), 'security')
    assert.equal(label('network_secur'), 'network security')
    assert.equal(label('#digital-twin'), 'digital twin')
    // A term analysed without labels reads as its text.
    analyser.analyse({title: 'Routers'})
    assert.equal(label('router'), 'router')
  })

  it('does not recognise as a term what it never produced', () => {
    const analyser = plain(true)
    analyser.analyse({title: 'Network security'})
    assert.equal(analyser.vocabulary.find('unknown-term'), undefined)
    assert.equal(analyser.vocabulary.find('secur_network'), undefined)
  })

  it('gives no terms for stop words only', () => {
    assert.equal(
      plain(true).analyse({title: 'The Recommendation of the ITU-T', body: 'shall be'}).terms.size,
      0,
    )
  })
})

describe('text: Analyser with glossary words (French → English) and whole words', () => {
  const glossary = compileGlossary(
    [{id: 'digital-twin', en: ['digital twin'], fr: ['jumeau numérique']}],
    [
      {en: 'network', fr: ['réseau']},
      {en: 'management', fr: ['gestion', 'gérer']},
      {en: 'security', fr: ['sécurité']},
      {en: 'safety', fr: ['sécurité']},
    ],
    ['modulation', 'modulator'],
  )
  const analyser = new Analyser({weights: DEFAULT_WEIGHTS, bigrams: false, glossary})
  const named = (fields: Parameters<Analyser['analyse']>[0]) =>
    Object.keys(Object.fromEntries(analyser.vocabulary.named(analyser.analyse(fields).terms))).sort()

  it('maps every inflection of a listed French word onto the English stem', () => {
    assert.deepEqual(named({title: 'La gestion des réseaux et la sécurité du réseau'}), [
      'manag',
      'network',
      'secur',
    ])
    assert.deepEqual(named({title: 'Networking and managed security'}), ['manag', 'network', 'secur'])
    // A verb form listed separately meets the noun's English stem too.
    assert.deepEqual(named({title: 'Il faut gérer les réseaux'}), ['faut', 'manag', 'network'])
  })

  it('keeps the first translation of a French word listed under two English words', () => {
    assert.deepEqual(named({title: 'La sécurité des réseaux'}), ['network', 'secur'])
  })

  it('leaves French words it does not list to the French stemmer', () => {
    assert.deepEqual(named({title: 'Les villes et leurs habitants'}), ['habit', 'vill'])
  })

  it('keeps listed English words whole, so their stem no longer collides', () => {
    assert.deepEqual(named({title: 'Modulation of software modules'}), ['modul', 'modulation', 'softwar'])
    assert.deepEqual(named({title: 'Modulators and modulation'}), ['modulation', 'modulator'])
  })
})

describe('text: Analyser derived terms', () => {
  it('weighs derived terms with weights.terms and forms no bigram between them', () => {
    const analyser = new Analyser({weights: {...DEFAULT_WEIGHTS, terms: 0.5}, bigrams: true})
    const terms = Object.fromEntries(
      analyser.vocabulary.named(
        analyser.analyse({title: 'Network security', terms: ['access', 'control']}).terms,
      ),
    )
    assert.deepEqual(terms, {network: 3, secur: 3, network_secur: 3, access: 0.5, control: 0.5})
  })
})
