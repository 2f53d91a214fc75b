/**
 * The bundled glossary is only worth its concepts when the catalogue speaks their words: a term
 * found in a subject replaces its words by the concept token, which helps only when standards
 * carry the same token. So every English term must occur in the catalogue's own text, except a
 * short reviewed list of the spellings people write for a concept whose other terms do occur, and
 * every concept in some standard, except a few that only subjects and mandates speak of.
 */
import {strict as assert} from 'node:assert'
import {loadCatalogue} from '../../src/core/catalogue/index.js'
import {entryBody, type Catalogue} from '../../src/core/catalogue/types.js'
import {loadGlossary} from '../../src/core/text/glossary.js'
import {lightForm, tokenise} from '../../src/core/text/normalise.js'

const MIN_CONCEPTS = 650

/** How people write a concept that the catalogue's titles word otherwise ("e-signature" for "electronic signature"). */
const WRITERS_VARIANTS = [
  'e-signature',
  'e-marketplace',
  'electronic marketplace',
  'online marketplace',
  'digital marketplace',
  'know your customer',
  'electronic know your customer',
  'ekyc',
  'customer due diligence',
  'remote device management',
  'e-payment',
  'e-wallet',
  'mobile wallet',
  'digital government',
  'egovernment',
  'digital public infrastructure',
  'cloud hosting',
  'content management system',
  'anonymization',
  'pseudonymisation',
  'decentralised identity',
  'internationalized domain name',
  'internationalised domain name',
  'geographical information system',
  'video conferencing',
  'federated identity',
  'central bank digital currency',
  'cyberthreat',
  'computer incident response team',
  'csirt',
  'zero trust architecture',
  'genai',
  'ux',
  'foss',
  'free software',
  'over-the-top',
  'voice over internet protocol',
  'connected car',
  'self-driving vehicle',
  'counterfeit device',
  'counterfeit devices',
  'vr headset',
  'xr headset',
  'city digital twin',
  'precision agriculture',
  'telecommunication standardization advisory group',
  'bridging the standardization gap',
  'information mediation',
  'digital trust',
  'ict accessibility',
  'persons with specific needs',
  'ease of use',
  'net-zero emissions',
  'security risk management',
  'cryptographic key management',
  'environmentally friendly',
  'metaverse city',
  'metaverse cities',
  'virtual asset',
  'digital avatar',
  'holographic communication',
  'civil registration',
  'civil registration and vital statistics',
  'crvs',
  'universal design',
  'affordability',
  'meaningful connectivity',
  'web3',
  'city metaverse',
  'cirt',
]

/** Concepts of subjects and study-group mandates that no standard's title or key terms name (yet). */
const SUBJECT_SIDE_CONCEPTS = [
  'citiverse',
  'local-digital-twin',
  'govstack',
  'civil-registration',
  'information-mediator',
  'data-sovereignty',
  'child-online-protection',
]

const termKey = (term: string) => tokenise(term).map(lightForm).join(' ')

/** Every text of the catalogue a term may be checked against, as light-form token sequences. */
function catalogueTexts(catalogue: Catalogue): string[][] {
  const entries = [...catalogue.deliverables, ...catalogue.requirements, ...catalogue.standards, ...catalogue.studyGroups]
  return entries.flatMap((entry) =>
    [entry.title, ...entry.keywords, entryBody(entry), ...(entry.kind === 'study-group' ? entry.mandate : [])].map(
      (text) => tokenise(text).map(lightForm),
    ),
  )
}

/** The terms (as keys) that occur at least once in the texts, found the way the glossary matches: whole light-form tokens. */
function termsFound(terms: string[], texts: string[][]): Set<string> {
  const byFirst = new Map<string, string[][]>()
  for (const term of terms) {
    const tokens = termKey(term).split(' ')
    byFirst.set(tokens[0], [...(byFirst.get(tokens[0]) ?? []), tokens])
  }
  const found = new Set<string>()
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      for (const tokens of byFirst.get(text[i]) ?? []) {
        if (tokens.every((token, j) => text[i + j] === token)) found.add(tokens.join(' '))
      }
    }
  }
  return found
}

describe('bundled glossary: size, ownership and catalogue coverage', function () {
  this.timeout(120_000)
  const {concepts} = loadGlossary('data/glossary.yaml')
  const english = concepts.flatMap((c) => c.en)
  let found: Set<string>
  let inStandards: Set<string>
  before(() => {
    const {catalogue} = loadCatalogue('data')
    found = termsFound(english, catalogueTexts(catalogue))
    const standardTexts = catalogue.standards.flatMap((s) => [s.title, ...s.keywords].map((t) => tokenise(t).map(lightForm)))
    inStandards = termsFound(english, standardTexts)
  })

  it(`has at least ${MIN_CONCEPTS} concepts, with unique ids`, () => {
    assert.ok(concepts.length >= MIN_CONCEPTS, `${concepts.length} concepts`)
    assert.equal(new Set(concepts.map((c) => c.id)).size, concepts.length)
  })

  it('gives every concept at least one English and one French term', () => {
    assert.deepEqual(
      concepts.filter((c) => c.en.length === 0 || c.fr.length === 0).map((c) => c.id),
      [],
    )
  })

  it('puts no term under two concepts (folded and plural-light, as the glossary matches)', () => {
    const owners = new Map<string, Set<string>>()
    for (const c of concepts) {
      for (const term of [...c.en, ...c.fr]) owners.set(termKey(term), (owners.get(termKey(term)) ?? new Set()).add(c.id))
    }
    assert.deepEqual(
      [...owners].filter(([, ids]) => ids.size > 1).map(([term, ids]) => `${term}: ${[...ids].join(', ')}`),
      [],
    )
  })

  it('finds every English term in the catalogue, writers’ variants aside', () => {
    const variants = new Set(WRITERS_VARIANTS.map(termKey))
    assert.deepEqual(
      english.filter((term) => !found.has(termKey(term)) && !variants.has(termKey(term))),
      [],
    )
  })

  it('finds at least one English term of every concept in the catalogue', () => {
    assert.deepEqual(
      concepts.filter((c) => !c.en.some((term) => found.has(termKey(term)))).map((c) => c.id),
      [],
    )
  })

  it('finds every concept in some standard’s title or key terms, the listed subject-side ones aside', () => {
    const subjectSide = new Set(SUBJECT_SIDE_CONCEPTS)
    assert.deepEqual(
      concepts
        .filter((c) => !subjectSide.has(c.id) && !c.en.some((term) => inStandards.has(termKey(term))))
        .map((c) => c.id),
      [],
    )
    // The list names concepts of the glossary (new standards may name one; then it can go).
    const ids = new Set(concepts.map((c) => c.id))
    assert.deepEqual(
      SUBJECT_SIDE_CONCEPTS.filter((id) => !ids.has(id)),
      [],
    )
  })

  it('lists as writers’ variants only English terms of the glossary', () => {
    const glossaryKeys = new Set(english.map(termKey))
    assert.deepEqual(
      WRITERS_VARIANTS.filter((term) => !glossaryKeys.has(termKey(term))),
      [],
    )
  })
})
