import assert from 'node:assert/strict'
import {subjectsToMatch} from '../../src/core/catalogue/subjects.js'
import type {Catalogue, Standard} from '../../src/core/catalogue/types.js'
import {DEFAULT_CONFIG} from '../../src/core/config.js'
import {coverageStatus, Matcher, roundScore, type MatchSubject} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const ANALYSIS_FIXTURE = 'test/fixtures/analysis/small'

describe('match: coverageStatus', () => {
  const t = {covered: 0.2, partial: 0.12}

  it('is covered exactly at the covered threshold and above', () => {
    assert.equal(coverageStatus(0.2, t), 'covered')
    assert.equal(coverageStatus(1, t), 'covered')
  })

  it('is partial from the partial threshold up to just below covered', () => {
    assert.equal(coverageStatus(0.19999, t), 'partial')
    assert.equal(coverageStatus(0.12, t), 'partial')
  })

  it('is a gap below the partial threshold', () => {
    assert.equal(coverageStatus(0.11999, t), 'gap')
    assert.equal(coverageStatus(0, t), 'gap')
  })

  it('roundScore keeps four decimals', () => {
    assert.equal(roundScore(0.123449), 0.1234)
    assert.equal(roundScore(0.12345), 0.1235)
    assert.equal(roundScore(1), 1)
  })
})

describe('match: Matcher on the analysis fixture', () => {
  const {catalogue, config, glossary} = loadWorkspace(ANALYSIS_FIXTURE, {}, [])
  const matcher = new Matcher(catalogue, config, glossary)
  const subjects = subjectsToMatch(catalogue, undefined, [])
  const subject = (id: string) => subjects.find((s) => s.id === id)!

  it('leaves withdrawn standards out unless asked', () => {
    assert.deepEqual(
      matcher.standards.map((s) => s.id),
      ['Y.4600', 'X.1999', 'X.1254', 'F.7001', 'ISO/IEC 99001', 'H.9990'],
    )
    const all = new Matcher(catalogue, {...config, includeWithdrawn: true}, glossary)
    assert.equal(all.standards.length, 7)
    assert.equal(all.standards[6].id, 'Y.9990')
  })

  it('match(): result shape, scores, SG, shared terms', () => {
    const result = matcher.match(subject('FGMV-01'))
    assert.deepEqual(Object.keys(result), ['subject', 'status', 'matches'])
    assert.equal(result.subject, 'FGMV-01')
    assert.equal(result.status, 'covered')
    assert.deepEqual(
      result.matches.map((m) => [m.id, m.score]),
      [
        ['Y.4600', 0.7744],
        ['X.1999', 0.2248],
        ['F.7001', 0.0664],
        ['ISO/IEC 99001', 0.0538],
      ],
    )
    assert.deepEqual(result.matches[0], {
      id: 'Y.4600',
      score: 0.7744,
      org: 'ITU-T',
      sg: 20,
      status: 'in-force',
      terms: ['digital twin', 'smart city', 'systems', 'capabilities', 'requirements capabilities'],
    })
    // Other bodies' standards have no SG key at all.
    assert.equal('sg' in result.matches[3], false)
    assert.equal(result.matches[3].org, 'ISO/IEC')
  })

  it('match(): matches by descending score, at most `top`', () => {
    for (const s of subjects) {
      const {matches} = matcher.match(s)
      assert.ok(matches.length <= config.top)
      for (let i = 1; i < matches.length; i++) assert.ok(matches[i - 1].score >= matches[i].score)
    }
    assert.deepEqual(
      matcher.match(subject('FGMV-01'), 2).matches.map((m) => m.id),
      ['Y.4600', 'X.1999'],
    )
  })

  it('match(): status per subject (covered, partial, gap)', () => {
    assert.deepEqual(
      subjects.map((s) => [s.id, matcher.match(s).status]),
      [
        ['FGMV-01', 'covered'],
        ['FGMV-02', 'covered'],
        ['FGMV-03', 'covered'],
        ['DPI-ID-01', 'covered'],
        ['DPI-SEC-01', 'covered'],
        ['DPI-CON-01', 'gap'],
        ['DPI-MSG-01', 'gap'],
      ],
    )
    assert.deepEqual(matcher.match(subject('DPI-CON-01')).matches, [])
  })

  it('is deterministic: two Matcher instances give deepEqual results', () => {
    const again = new Matcher(loadWorkspace(ANALYSIS_FIXTURE, {}, []).catalogue, config, glossary)
    assert.deepEqual(
      subjects.map((s) => again.match(s)),
      subjects.map((s) => matcher.match(s)),
    )
  })

  it('explain(): the score equals the match score for the same pair', () => {
    for (const s of subjects) {
      for (const m of matcher.match(s).matches) {
        const e = matcher.explain(s, m.id)!
        assert.equal(e.score, m.score, `${s.id} × ${m.id}`)
        assert.equal(e.cosine, roundScore(e.contributions.reduce((sum, c) => sum + c.contribution, 0)))
      }
    }
    const e = matcher.explain(subject('FGMV-01'), 'Y.4600')!
    // Y.4600's whole title is in FGMV-01: title coverage 1, no boost discount.
    assert.equal(e.score, 0.7744)
    assert.equal(e.cosine, 0.7744)
    assert.equal(e.titleCoverage, 1)
    assert.equal(e.contributions[0].label, 'digital twin')
    assert.equal(e.contributions[0].term, '#digital-twin')
  })

  it('explain(): an unknown (or withdrawn, when excluded) standard gives undefined', () => {
    assert.equal(matcher.explain(subject('FGMV-01'), 'Z.0000'), undefined)
    assert.equal(matcher.explain(subject('FGMV-01'), 'Y.9990'), undefined)
  })

  it('mandatesFor(): a security text goes to SG17, an IoT text to SG20', () => {
    // A Question's document is its own title only: the SG's mandate (which names privacy) now
    // ranks first, and Q10/17 (identity management) shares no word with the text.
    const security = matcher.mandatesFor({title: 'Security and privacy of networks'})
    assert.equal(security[0].sg, 17)
    assert.equal(security[0].question, undefined)
    assert.deepEqual(
      security.map((m) => [m.sg, m.question, m.score]),
      [
        [17, undefined, 0.3049],
        [17, 'Q6/17', 0.2884],
      ],
    )
    const iot = matcher.mandatesFor({title: 'Internet of things sensors in smart cities'})
    assert.deepEqual(
      iot.map((m) => [m.sg, m.question, m.score]),
      [
        [20, undefined, 0.508],
        [20, 'Q1/20', 0.4767],
      ],
    )
    assert.equal(iot[0].sg, 20)
    assert.ok(iot.every((m) => m.sg === 20))
    assert.ok(iot[0].terms.includes('sensors'))
    assert.deepEqual(matcher.mandatesFor({title: 'Banana bread recipes'}), [])
  })
})

describe('match: Matcher titleBoost', () => {
  const standard = (id: string, title: string, keywords: string[] = []): Standard => ({
    kind: 'standard',
    id,
    org: 'ITU-T',
    title,
    status: 'in-force',
    keywords,
    origin: {file: 'memory', line: 1},
  })
  // P's title is fully stated by the subject; Q shares more words, but through its keywords only
  // (keywords weigh 1, so Q needs every subject word among them to beat P on the plain cosine).
  const catalogue: Catalogue = {
    deliverables: [],
    requirements: [],
    studyGroups: [],
    standards: [
      standard('P.1', 'Smart grid'),
      standard('Q.1', 'Utility billing', ['smart grid', 'grid metering', 'metering data']),
      standard('R.1', 'Water quality'),
    ],
  }
  const subject: MatchSubject = {id: 'S', kind: 'text', title: 'Smart grid metering data'}
  const matcherWith = (titleBoost: number) =>
    new Matcher(catalogue, {...DEFAULT_CONFIG, bigrams: false, titleBoost})

  it('titleBoost 0: scores are the plain cosines', () => {
    const m = matcherWith(0)
    const result = m.match(subject)
    assert.deepEqual(
      result.matches.map((x) => [x.id, x.score]),
      [
        ['Q.1', 0.6196],
        ['P.1', 0.6053],
      ],
    )
    const cosines = m.index.search(m.analyse(subject), 5)
    assert.deepEqual(
      result.matches.map((x) => x.score),
      cosines.map((h) => roundScore(h.score)),
    )
  })

  it('titleBoost 2: score × (1 + 2c²) / 3 re-ranks the standard whose whole title is stated first', () => {
    const m = matcherWith(2)
    const terms = m.analyse(subject)
    assert.equal(m.titleCoverage(terms, 0), 1)
    assert.equal(m.titleCoverage(terms, 1), 0)
    const result = m.match(subject)
    assert.deepEqual(
      result.matches.map((x) => [x.id, x.score]),
      [
        ['P.1', 0.6053],
        ['Q.1', 0.2065],
      ],
    )
    const cosine = m.index.search(terms, 5).find((h) => h.doc === 1)!.score
    assert.equal(result.matches[1].score, roundScore(cosine / 3))
    // explain() applies the same boost.
    assert.equal(m.explain(subject, 'Q.1')!.score, 0.2065)
    assert.equal(m.explain(subject, 'Q.1')!.cosine, 0.6196)
    assert.equal(m.explain(subject, 'Q.1')!.titleCoverage, 0)
    assert.equal(matcherWith(0).explain(subject, 'Q.1')!.score, 0.6196)
  })

  it('titleBoost 2: half of a title stated counts a quarter (c is squared)', () => {
    const half: MatchSubject = {id: 'H', kind: 'text', title: 'Smart metering'}
    const e = matcherWith(2).explain(half, 'P.1')!
    assert.equal(e.titleCoverage, 0.5)
    assert.equal(e.cosine, 0.428)
    // 0.428 × (1 + 2 × 0.5²) / 3 = 0.214 (with c not squared it would be 0.2853).
    assert.equal(e.score, 0.214)
    assert.equal(matcherWith(2).match(half).matches[0].score, 0.214)
  })
})
