import assert from 'node:assert/strict'
import {subjectsToMatch} from '../../src/core/catalogue/subjects.js'
import type {Catalogue, Standard} from '../../src/core/catalogue/types.js'
import {DEFAULT_CONFIG} from '../../src/core/config.js'
import {DEFAULT_SCORING} from '../../src/core/match/index.js'
import {
  baseOfAmendment,
  coverageStatus,
  matchCoverage,
  Matcher,
  roundScore,
  type MatchSubject,
} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const ANALYSIS_FIXTURE = 'test/fixtures/analysis/small'

describe('match: coverageStatus', () => {
  const rule = {thresholds: {covered: 0.1, partial: 0.05}, evidence: {covered: 3, partial: 2}}
  const text = (score: number, evidence: number) => ({score, evidence, basis: 'text' as const})

  it('is covered exactly at both covered levels and above', () => {
    assert.equal(coverageStatus([text(0.1, 3)], rule), 'covered')
    assert.equal(coverageStatus([text(1, 10)], rule), 'covered')
  })

  it('needs score and evidence together: either alone is not enough', () => {
    // A high score on little distinctive vocabulary (one generic word) is not coverage ...
    assert.equal(coverageStatus([text(0.9, 2.99)], rule), 'partial')
    assert.equal(coverageStatus([text(0.9, 1.99)], rule), 'gap')
    // ... nor is much shared vocabulary at a low score.
    assert.equal(coverageStatus([text(0.09999, 10)], rule), 'partial')
    assert.equal(coverageStatus([text(0.04999, 10)], rule), 'gap')
  })

  it('is partial from both partial levels up to just below covered', () => {
    assert.equal(coverageStatus([text(0.05, 2)], rule), 'partial')
    assert.equal(coverageStatus([text(0.09999, 2.99)], rule), 'partial')
  })

  it('is a gap below the partial levels, or without matches', () => {
    assert.equal(coverageStatus([text(0.04999, 2)], rule), 'gap')
    assert.equal(coverageStatus([text(0.05, 1.99)], rule), 'gap')
    assert.equal(coverageStatus([text(0, 0)], rule), 'gap')
    assert.equal(coverageStatus([], rule), 'gap')
  })

  it('a standard the subject cites covers it, whatever its score and evidence', () => {
    assert.equal(coverageStatus([{score: 0, evidence: 0, basis: 'cited'}], rule), 'covered')
    assert.equal(matchCoverage({score: 0, evidence: 0, basis: 'cited'}, rule), 'covered')
    assert.equal(matchCoverage({score: 0, evidence: 0, basis: 'review'}, rule), 'gap')
  })

  it('the match that goes furthest decides, wherever it is in the list', () => {
    assert.equal(coverageStatus([text(0.9, 1), text(0.06, 2.5), text(0.01, 9)], rule), 'partial')
    assert.equal(coverageStatus([text(0.06, 2.5), text(0.2, 3)], rule), 'covered')
    assert.equal(coverageStatus([text(0.9, 1), {score: 0, evidence: 0, basis: 'cited'}], rule), 'covered')
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
    assert.deepEqual(Object.keys(result), ['subject', 'status', 'matches', 'citations'])
    assert.deepEqual(result.citations, [])
    assert.equal(result.subject, 'FGMV-01')
    assert.equal(result.status, 'covered')
    assert.deepEqual(
      result.matches.map((m) => [m.id, m.score]),
      [
        ['Y.4600', 0.5871],
        ['X.1999', 0.4456],
        ['F.7001', 0.1802],
        ['ISO/IEC 99001', 0.1736],
      ],
    )
    assert.deepEqual(result.matches[0], {
      id: 'Y.4600',
      basis: 'text',
      score: 0.5871,
      evidence: 2.7971,
      org: 'ITU-T',
      sg: 20,
      status: 'in-force',
      // A glossary concept stands beside its words ("digital twin" and "digital").
      terms: ['capabilities', 'digital twin', 'smart city', 'cities', 'digital'],
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
    // No title-coverage bonus by default (titleBoost 0): the score is the search score.
    assert.equal(e.score, 0.5871)
    assert.equal(e.cosine, 0.5871)
    assert.equal(e.titleCoverage, 0)
    assert.equal(e.contributions[0].label, 'capabilities')
    assert.ok(e.contributions.some((c) => c.term === '#digital-twin' && c.label === 'digital twin (concept)'))
  })

  it('evidence: shared words, or shared glossary concepts when they weigh more (a French text meeting English)', () => {
    const idf = (term: string) => matcher.index.idfOf(matcher.analyser.vocabulary.find(term)!)
    const y4600 = matcher.index.docIndex('Y.4600')!
    // English: the words count, not the concepts beside them as well.
    const en = matcher.analyse({title: 'Digital twins for smart cities'})
    const words = ['digit', 'twin', 'smart', 'citi'].reduce((sum, t) => sum + idf(t), 0)
    // (Summed in another order than evidenceOf sums: equal up to rounding.)
    assert.ok(Math.abs(matcher.evidenceOf(en, y4600) - words / matcher.index.maxIdf) < 1e-12)
    // French: no word in common, only the concepts; their idf is the evidence (once was 0).
    const fr = matcher.analyse({title: 'Les jumeaux numériques pour les villes intelligentes'})
    const concepts = idf('#digital-twin') + idf('#smart-city')
    assert.ok(Math.abs(matcher.evidenceOf(fr, y4600) - concepts / matcher.index.maxIdf) < 1e-12)
    assert.ok(concepts > 0)
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
        [17, undefined, 0.5463],
        [17, 'Q6/17', 0.4803],
      ],
    )
    const iot = matcher.mandatesFor({title: 'Internet of things sensors in smart cities'})
    assert.deepEqual(
      iot.map((m) => [m.sg, m.question, m.score]),
      [
        [20, undefined, 0.6198],
        [20, 'Q1/20', 0.5234],
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
    // The values below are TF-IDF cosines, where the bonus was measured.
    new Matcher(catalogue, {...DEFAULT_CONFIG, scoring: {...DEFAULT_SCORING, model: 'tfidf'}, titleBoost})

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

describe('match: cited standards, amendments and superseded standards', () => {
  const standard = (id: string, title: string, more: Partial<Standard> = {}): Standard => ({
    kind: 'standard',
    id,
    org: 'ITU-T',
    title,
    status: 'in-force',
    keywords: [],
    origin: {file: 'memory', line: 1},
    ...more,
  })
  // Two Recommendations on the same topic (one replaced by the other, one withdrawn twin), a
  // corrigendum of G.1072 (which the catalogue holds) and one of G.9999 (which it does not).
  const catalogue: Catalogue = {
    deliverables: [],
    requirements: [],
    studyGroups: [],
    standards: [
      standard('G.1072', 'Quality of experience model for cloud gaming'),
      standard('G.1072 (2020) Cor. 1', 'Quality of experience model for cloud gaming', {type: 'corrigendum'}),
      standard('G.9999 (2021) Amd. 1', 'Quality of experience model for cloud gaming', {type: 'amendment'}),
      standard('Y.100', 'Smart grid metering'),
      standard('Y.101', 'Smart grid metering', {replacedBy: ['Y.100']}),
      standard('Y.102', 'Smart grid metering', {status: 'withdrawn'}),
      standard('X.500', 'Directory overview'),
    ],
  }
  const ids = new Set(catalogue.standards.map((s) => s.id))

  it('baseOfAmendment: an amendment, corrigendum or erratum folds into its base only when the base exists', () => {
    const byId = (id: string) => catalogue.standards.find((s) => s.id === id)!
    assert.equal(baseOfAmendment(byId('G.1072 (2020) Cor. 1'), ids), 'G.1072')
    for (const type of ['amendment', 'erratum'])
      assert.equal(baseOfAmendment({...byId('G.1072 (2020) Cor. 1'), type}, ids), 'G.1072')
    assert.equal(baseOfAmendment(byId('G.9999 (2021) Amd. 1'), ids), undefined)
    // Not an amending type, or no base in the id: not folded.
    assert.equal(baseOfAmendment({...byId('G.1072 (2020) Cor. 1'), type: 'recommendation'}, ids), undefined)
    assert.equal(baseOfAmendment({...byId('G.1072'), type: 'corrigendum'}, ids), undefined)
    const matcher = new Matcher(catalogue, DEFAULT_CONFIG)
    assert.deepEqual(
      matcher.standards.map((s) => s.id),
      ['G.1072', 'G.9999 (2021) Amd. 1', 'Y.100', 'Y.101', 'X.500'],
    )
    // So a subject on its topic meets the base once, not its copies.
    const hits = matcher.match({id: 'S', kind: 'text', title: 'Cloud gaming quality of experience'}).matches
    assert.deepEqual(
      hits.map((m) => m.id),
      ['G.1072', 'G.9999 (2021) Amd. 1'],
    )
  })

  it('cited standards come first, in the order named, with basis cited and the designation as written', () => {
    const matcher = new Matcher(catalogue, DEFAULT_CONFIG)
    const result = matcher.match({
      id: 'S',
      kind: 'text',
      title: 'Smart grid metering',
      body: 'Directories follow ITU-T X.500; quality as in ITU-T G.1072.',
    })
    assert.deepEqual(
      result.matches.map((m) => [m.id, m.basis, m.cited ?? null]),
      [
        ['X.500', 'cited', 'ITU-T X.500'],
        ['G.1072', 'cited', 'ITU-T G.1072'],
        ['Y.100', 'text', null],
        ['Y.101', 'text', null],
        // "quality" is shared with its title.
        ['G.9999 (2021) Amd. 1', 'text', null],
      ],
    )
    // A cited standard is scored as a text match would be, and covers the subject.
    const plain = matcher.explain(
      {
        title: 'Smart grid metering',
        body: 'Directories follow ITU-T X.500; quality as in ITU-T G.1072.',
      },
      'X.500',
    )!
    assert.equal(result.matches[0].score, plain.score)
    assert.equal(result.status, 'covered')
    assert.deepEqual(result.citations, [
      {text: 'ITU-T X.500', ids: ['X.500']},
      {text: 'ITU-T G.1072', ids: ['G.1072']},
    ])
  })

  it('a cited standard covers even with no shared words, and more citations than `top` are all kept', () => {
    const matcher = new Matcher(catalogue, {...DEFAULT_CONFIG, top: 1})
    const result = matcher.match({
      id: 'S',
      kind: 'text',
      title: 'Bananas',
      body: 'See ITU-T X.500 and ITU-T Y.100.',
    })
    assert.equal(result.status, 'covered')
    assert.deepEqual(
      result.matches.map((m) => [m.id, m.basis]),
      [
        ['X.500', 'cited'],
        ['Y.100', 'cited'],
      ],
    )
    // With citations off, the same text is a gap.
    const off = new Matcher(catalogue, {...DEFAULT_CONFIG, citations: false})
    const none = off.match({
      id: 'S',
      kind: 'text',
      title: 'Bananas',
      body: 'See ITU-T X.500 and ITU-T Y.100.',
    })
    assert.equal(none.status, 'gap')
    assert.deepEqual(none.citations, [])
    assert.ok(none.matches.every((m) => m.basis === 'text'))
  })

  it('lists designations not in the catalogue with no ids, and makes no match of them', () => {
    const matcher = new Matcher(catalogue, DEFAULT_CONFIG)
    const result = matcher.match({id: 'S', kind: 'text', title: 'Bananas', body: 'As in ITU-T Z.1234.'})
    assert.deepEqual(result.citations, [{text: 'ITU-T Z.1234', ids: []}])
    assert.deepEqual(result.matches, [])
    assert.equal(result.status, 'gap')
  })

  it('includeWithdrawn: a withdrawn or replaced standard ranks at 0.7 of its score, below an equal current one', () => {
    const subject: MatchSubject = {id: 'S', kind: 'text', title: 'Smart grid metering'}
    const current = new Matcher(catalogue, DEFAULT_CONFIG)
    const all = new Matcher(catalogue, {...DEFAULT_CONFIG, includeWithdrawn: true})
    const scores = all.match(subject).matches.map((m) => [m.id, m.score])
    // The three have the same text; Y.100 keeps its score, the replaced and the withdrawn one
    // get 0.7 of it (ties by id).
    const full = all.explain(subject, 'Y.100')!.score
    assert.deepEqual(scores, [
      ['Y.100', full],
      ['Y.101', roundScore(all.explain(subject, 'Y.101')!.cosine * 0.7)],
      ['Y.102', roundScore(all.explain(subject, 'Y.102')!.cosine * 0.7)],
    ])
    assert.ok((scores[1][1] as number) < full)
    assert.equal(all.explain(subject, 'Y.101')!.cosine, full)
    // Without includeWithdrawn, the withdrawn one is out and the replaced one keeps its score.
    const [first, second] = current.match(subject).matches
    assert.deepEqual([first.id, second.id], ['Y.100', 'Y.101'])
    assert.equal(second.score, first.score)
  })
})
