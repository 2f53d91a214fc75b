import assert from 'node:assert/strict'
import {bodyOf, mandatePhrasesOf, routeSubject, type RoutingInput} from '../../src/core/analysis/routing.js'
import type {Standard} from '../../src/core/catalogue/types.js'
import {DEFAULT_CONFIG} from '../../src/core/config.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const {catalogue, config, glossary} = loadWorkspace('test/fixtures/analysis/small', {}, [])

/** The fixture plus other bodies' standards, so a subject can be theirs. */
function withStandards(...extra: Partial<Standard>[]) {
  const standards = extra.map(
    (s) =>
      ({kind: 'standard', keywords: [], status: 'in-force', origin: {file: 'x', line: 1}, ...s}) as Standard,
  )
  return {...catalogue, standards: [...catalogue.standards, ...standards]}
}

const cat = withStandards(
  {id: 'RFC 8446', org: 'IETF', title: 'The Transport Layer Security (TLS) Protocol Version 1.3'},
  {
    id: 'RFC 5246',
    org: 'IETF',
    title: 'The Transport Layer Security (TLS) Protocol Version 1.2',
    status: 'withdrawn',
  },
  {id: 'OGC 06-042', org: 'OGC', title: 'OpenGIS Web Map Service (WMS) Implementation Specification'},
)
// The bundled catalogue's evidence levels, not the small fixture's lowered ones: the routing rule
// reads coverage levels, and these tests speak of covering "fully" as the product does.
const matcher = new Matcher(cat, {...config, evidence: DEFAULT_CONFIG.evidence}, glossary)
const context = {
  matcher,
  groups: new Map(cat.studyGroups.map((g) => [g.number, g])),
  phrases: mandatePhrasesOf(cat.studyGroups, matcher),
  rejected: new Set<string>(),
}
const route = (title: string, extra: Partial<RoutingInput> = {}) =>
  routeSubject({...context, terms: matcher.analyse({title}), ...extra})

describe('analysis: routing', () => {
  it('routes a subject in an SG mandate to that SG, with the phrases and Recommendations as evidence', () => {
    for (const [title, sg] of [
      ['Entity authentication assurance for users', 17],
      ['Digital twin system requirements for smart sustainable cities', 20],
      ['Video coding of immersive media for the metaverse', 21],
    ] as const) {
      const r = route(title)
      assert.equal(r.outcome, 'itu-t', title)
      assert.equal(r.sgs[0].sg, sg, title)
      assert.ok(r.sgs[0].mandate.length > 0 || r.sgs[0].standards.length > 0, title)
      assert.ok(
        r.sgs.every((s, i) => i === 0 || s.confidence <= r.sgs[0].confidence),
        title,
      )
    }
  })

  it('says another body leads when the subject cites its standard and no ITU-T Recommendation; withdrawn ones never lead', () => {
    const standard = (id: string) => cat.standards.find((s) => s.id === id)!
    const tls = 'Transport Layer Security protocol version 1.3 for all connections'
    for (const [title, cited, body] of [
      [tls, ['RFC 8446'], 'IETF'],
      [tls, ['RFC 5246', 'RFC 8446'], 'IETF'],
      ['Publish maps through a web service', ['OGC 06-042'], 'OGC'],
    ] as const) {
      const r = route(title, {cited: cited.map(standard)})
      assert.equal(r.outcome, 'other-body', title)
      assert.equal(r.body, body)
      assert.equal(r.standards?.[0], cited.at(-1))
      assert.ok(!(r.standards ?? []).includes('RFC 5246'))
    }
    // Citing a withdrawn standard only, or an ITU-T Recommendation beside it, leaves the subject ITU-T's.
    for (const cited of [['RFC 5246'], ['X.1999', 'RFC 8446']])
      assert.equal(route(tls, {cited: cited.map(standard)}).outcome, 'itu-t', cited.join(' '))
  })

  it('says another body leads by text only when its standard covers the subject fully and no SG mandate phrase matches', () => {
    const r = route('OpenGIS Web Map Service (WMS) implementation for publishing maps')
    assert.equal(r.outcome, 'other-body')
    assert.equal(r.body, 'OGC')
    assert.deepEqual(r.standards, ['OGC 06-042'])
    // Sharing fewer distinctive words is partial coverage: not enough to hand the subject over.
    assert.notEqual(route('Web map service implementation specification').outcome, 'other-body')
    // TLS is close to RFC 8446, but "security" is SG17's chartered phrase: an overlap, not a hand-over.
    const tls = route('Transport Layer Security (TLS) protocol version 1.3 implementation')
    assert.equal(tls.outcome, 'itu-t')
    assert.equal(tls.sgs[0].sg, 17)
  })

  it('keeps a deliverable that names its own SGs within ITU-T, led by the SGs it names', () => {
    const r = route('Transport Layer Security protocol version 1.3 for all connections', {
      listed: [21],
      cited: cat.standards.filter((s) => s.id === 'RFC 8446'),
    })
    assert.equal(r.outcome, 'itu-t')
    assert.equal(r.sgs[0].sg, 21)
    assert.ok(r.sgs[0].listed)
  })

  it('finds no telecom/ICT angle in generic software practice: outside scope', () => {
    for (const title of [
      'Editable shopping cart with discount rules',
      'No-code form builder with drag and drop',
    ])
      assert.equal(route(title).outcome, 'outside-scope', title)
  })

  it('proposes a Question only from the SG list, when it covers the subject; otherwise says why', () => {
    const proposed = route('Identity management and telebiometrics architecture and mechanisms')
    assert.deepEqual(proposed.question, {id: 'Q10/17'})
    const undecided = route('Entity authentication assurance for users')
    assert.deepEqual(undecided.question, {reason: 'list-incomplete'})
    const complete = new Map([...context.groups].map(([n, g]) => [n, {...g, questionsComplete: true}]))
    assert.deepEqual(route('Entity authentication assurance for users', {groups: complete}).question, {
      reason: 'no-question-matches',
    })
  })

  it('names an ISO or IEC body by its top committee, other bodies by their organisation', () => {
    assert.equal(bodyOf('ISO', 'ISO/TC 68/SC 9'), 'ISO/TC 68')
    assert.equal(bodyOf('ISO/IEC', 'ISO/IEC JTC 1/SC 27'), 'ISO/IEC JTC 1')
    assert.equal(bodyOf('ISO/IEC'), 'ISO/IEC')
    assert.equal(bodyOf('IETF', 'TLS WG'), 'IETF')
  })
})
