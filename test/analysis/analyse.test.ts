import assert from 'node:assert/strict'
import {
  analyse,
  bestLiveMatch,
  liveMatches,
  SCHEMA_VERSION,
  type AnalysedMatch,
  type Analysis,
} from '../../src/core/analysis/analyse.js'
import type {Catalogue} from '../../src/core/catalogue/types.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const FIXTURE = 'test/fixtures/analysis/small'

describe('analysis: analyse() on the analysis fixture', () => {
  const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
  const matcher = new Matcher(catalogue, config, glossary)
  let analysis: Analysis
  const subject = (id: string) => analysis.subjects.find((s) => s.id === id)!
  before(() => {
    analysis = analyse(catalogue, matcher)
  })

  it('records schema version, options and catalogue counts; no date unless given', () => {
    assert.equal(analysis.schemaVersion, SCHEMA_VERSION)
    assert.equal(analysis.schemaVersion, '1.2')
    assert.equal('date' in analysis, false)
    assert.deepEqual(analysis.options, {scoring: 'bm25', thresholds: {covered: 0.1, partial: 0.05}, top: 5})
    assert.deepEqual(analysis.catalogue, {deliverables: 3, requirements: 4, standards: 7, studyGroups: 3})
    assert.equal(analyse(catalogue, matcher, {date: '2026-11-22'}).date, '2026-11-22')
  })

  it('classifies every subject, in catalogue order (deliverables, then requirements)', () => {
    assert.deepEqual(
      analysis.subjects.map((s) => [s.id, s.kind, s.coverage, s.computed.coverage, s.computed.score]),
      [
        ['FGMV-01', 'deliverable', 'covered', 'covered', 0.5871],
        ['FGMV-02', 'deliverable', 'covered', 'covered', 0.753],
        ['FGMV-03', 'deliverable', 'covered', 'covered', 0.4259],
        ['DPI-ID-01', 'requirement', 'covered', 'covered', 0.2693],
        ['DPI-SEC-01', 'requirement', 'covered', 'covered', 0.3248],
        ['DPI-CON-01', 'requirement', 'gap', 'gap', 0],
        // Above the covered score (0.1), but one shared phrase ("video coding") is not evidence
        // enough (1.17 < evidence.partial 1.2 in the fixture's config).
        ['DPI-MSG-01', 'requirement', 'gap', 'gap', 0.1182],
      ],
    )
    const counts = {covered: 0, partial: 0, gap: 0}
    for (const s of analysis.subjects) counts[s.coverage]++
    assert.deepEqual(counts, {covered: 5, partial: 0, gap: 2})
    assert.ok(analysis.subjects.every((s) => s.reviewed === false && s.decisions.length === 0))
  })

  it('keeps group: building block for requirements, working group for deliverables', () => {
    assert.equal(subject('FGMV-02').group, 'WG2')
    assert.equal(subject('DPI-ID-01').group, 'identity')
  })

  it('annotates matches with title, relationship and both coverage shares', () => {
    const [first] = subject('FGMV-01').matches
    assert.deepEqual(
      {...first, terms: undefined},
      {
        id: 'Y.4600',
        basis: 'text',
        score: 0.5871,
        evidence: 2.7971,
        org: 'ITU-T',
        sg: 20,
        status: 'in-force',
        terms: undefined,
        title: 'Requirements and capabilities of a digital twin system for smart cities',
        relationship: 'equal',
        subjectCovered: 0.8181,
        standardCovered: 0.8663,
      },
    )
    assert.equal(subject('FGMV-01').relationship, 'equal')
    // FGMV-02 covers most of F.7001 and ISO/IEC 99001 covers it, the other way round less so.
    assert.equal(subject('FGMV-02').matches[1].relationship, 'subset of')
    // DPI-ID-01 states most of X.1254 (all of its title but "framework") and much more.
    assert.equal(subject('DPI-ID-01').relationship, 'superset of')
    assert.equal(subject('DPI-MSG-01').relationship, 'intersects with')
    // No match, no relationship.
    assert.equal('relationship' in subject('DPI-CON-01'), false)
  })

  it('makes the SGs of covering ITU-T standards responsible for a covered subject', () => {
    assert.deepEqual(subject('FGMV-01').responsible, {
      basis: 'covering-standards',
      sgs: [17, 20],
      questions: [],
      score: 0.5871,
    })
    // Both of DPI-SEC-01's matches cover it (score and evidence), so both SGs answer for it.
    assert.deepEqual(
      subject('DPI-SEC-01').matches.map((m) => [m.id, m.score, m.evidence]),
      [
        ['X.1999', 0.3248, 2.5344],
        ['Y.4600', 0.2715, 1.9507],
      ],
    )
    assert.deepEqual(subject('DPI-SEC-01').responsible.sgs, [17, 20])
    // Only covering matches make an SG responsible: at evidence.covered 2, Y.4600 (SG20, evidence
    // 1.95) is only partial for DPI-SEC-01, and SG20 drops out.
    const stricter = new Matcher(catalogue, {...config, evidence: {covered: 2, partial: 1.2}}, glossary)
    const sec = analyse(catalogue, stricter).subjects.find((s) => s.id === 'DPI-SEC-01')!
    assert.equal(sec.coverage, 'covered')
    assert.deepEqual(sec.responsible, {
      basis: 'covering-standards',
      sgs: [17],
      questions: [],
      score: 0.3248,
    })
    // ISO/IEC 99001 also covers FGMV-02 but has no SG.
    assert.deepEqual(subject('FGMV-02').responsible.sgs, [21])
    assert.deepEqual(subject('DPI-ID-01').responsible.sgs, [17])
  })

  it('makes the SG with the best evidence (mandate and related work) responsible for a gap', () => {
    // DPI-CON-01 matches no standard: SG17's mandate phrases (privacy, trust) and mandate text
    // are the only evidence, so (2 × 1 + 2 × 0 + 1 × 1) / 5. No SG17 Question title shares a
    // word with it, so no Question.
    assert.deepEqual(subject('DPI-CON-01').responsible, {
      basis: 'mandate',
      sgs: [17],
      questions: [],
      score: 0.6,
    })
    // DPI-MSG-01: SG21 has the best mandate phrase, the best mandate text and the only related
    // work (H.9990, scored above the `covered` level: full evidence), so 1.
    assert.deepEqual(subject('DPI-MSG-01').responsible, {
      basis: 'mandate',
      sgs: [21],
      questions: [],
      score: 1,
    })
    assert.deepEqual(matcher.studyGroupEvidence(matcher.analyse({title: 'Consent records'})), [])
  })

  it('(a) coordination: a subject covered by standards of two SGs, or of ITU-T and another body', () => {
    const coordination = analysis.overlaps.filter((o) => o.type === 'coordination')
    assert.deepEqual(coordination, [
      {
        type: 'coordination',
        a: 'FGMV-01',
        sgs: [17, 20],
        orgs: ['ITU-T'],
        standards: ['Y.4600', 'X.1999'],
        score: 0.5871,
      },
      {
        type: 'coordination',
        a: 'FGMV-02',
        sgs: [21],
        orgs: ['ISO/IEC', 'ITU-T'],
        standards: ['F.7001', 'ISO/IEC 99001'],
        score: 0.753,
      },
      {
        type: 'coordination',
        a: 'FGMV-03',
        sgs: [21],
        orgs: ['ISO/IEC', 'ITU-T'],
        standards: ['F.7001', 'ISO/IEC 99001'],
        score: 0.4259,
      },
      {
        type: 'coordination',
        a: 'DPI-SEC-01',
        sgs: [17, 20],
        orgs: ['ITU-T'],
        standards: ['X.1999', 'Y.4600'],
        score: 0.3248,
      },
    ])
    assert.deepEqual(subject('FGMV-01').overlaps, {
      multipleSgs: true,
      otherBodies: false,
      otherDeliverables: false,
    })
    assert.deepEqual(subject('FGMV-02').overlaps, {
      multipleSgs: false,
      otherBodies: true,
      otherDeliverables: true,
    })
    // Said outright, though the list above pins it: DPI-ID-01 (one SG, no other body above the
    // partial threshold) is no coordination case.
    assert.ok(!analysis.overlaps.some((o) => o.type === 'coordination' && o.a === 'DPI-ID-01'))
  })

  const duplicationsAt = (duplicate: number) =>
    analyse(
      catalogue,
      new Matcher(catalogue, {...config, overlap: {...config.overlap, duplicate}}, glossary),
    ).overlaps.filter((o) => o.type === 'duplication')

  // A pair's score is the lower of the two shares of each side's vocabulary (its number aside)
  // found in the other: F.7001 and ISO/IEC 99001 state the same title and key terms, so 1.
  it('(b) duplication: near-identical standards of ITU-T and another body, their numbers aside', () => {
    const f = matcher.standards.find((s) => s.id === 'F.7001')!
    const iso = matcher.standards.find((s) => s.id === 'ISO/IEC 99001')!
    const share = (from: typeof f, to: typeof f) =>
      matcher.index.overlap(matcher.contentTerms(from), matcher.index.docIndex(to.id)!).queryShare
    assert.equal(share(f, iso), 1)
    assert.equal(share(iso, f), 1)
    // With their numbers, each side holds only part of the other (the numbers are rare terms).
    assert.ok(
      matcher.index.overlap(
        matcher.analyser.analyse({title: f.title, keywords: f.keywords, identifiers: [f.id]}).terms,
        matcher.index.docIndex(iso.id)!,
      ).queryShare < 0.9,
    )
    assert.deepEqual(
      analysis.overlaps.filter((o) => o.type === 'duplication'),
      [
        {
          type: 'duplication',
          a: 'F.7001',
          b: 'ISO/IEC 99001',
          sgs: [21],
          orgs: ['ISO/IEC', 'ITU-T'],
          standards: ['F.7001', 'ISO/IEC 99001'],
          score: 1,
        },
      ],
    )
  })

  it('(c) deliverables that overlap each other', () => {
    assert.deepEqual(
      analysis.overlaps.filter((o) => o.type === 'deliverables'),
      [{type: 'deliverables', a: 'FGMV-02', b: 'FGMV-03', sgs: [], orgs: [], standards: [], score: 0.7075}],
    )
    assert.equal(subject('FGMV-03').overlaps.otherDeliverables, true)
    assert.equal(subject('FGMV-01').overlaps.otherDeliverables, false)
  })

  it('lists overlaps in the order coordination, duplication, deliverables', () => {
    assert.deepEqual(
      analysis.overlaps.map((o) => o.type),
      ['coordination', 'coordination', 'coordination', 'coordination', 'duplication', 'deliverables'],
    )
  })

  it('honours the overlap thresholds', () => {
    const strict = new Matcher(
      catalogue,
      {...config, overlap: {duplicate: 0.95, deliverables: 0.9}},
      glossary,
    )
    // Deliverables at 0.7075 fall below 0.9; only the identical pair (1) passes a duplicate level of 0.95.
    const types = analyse(catalogue, strict).overlaps.map((o) => o.type)
    assert.deepEqual(types, ['coordination', 'coordination', 'coordination', 'coordination', 'duplication'])
  })

  // Two standards of one SG are never a duplication overlap; X.1999 (SG17) and Y.4600 (SG20) share
  // 70 % of their vocabulary both ways: reported from a threshold of 0.7 down, with the same score.
  it('the score of a duplication pair does not depend on the threshold (symmetric)', () => {
    const pair = (duplicate: number) =>
      duplicationsAt(duplicate)
        .filter((o) => o.a === 'X.1999')
        .map((o) => [o.b, o.score])
    assert.deepEqual(pair(0.5), [['Y.4600', 0.6986]])
    assert.deepEqual(pair(0.69), pair(0.5))
    assert.deepEqual(pair(0.7), [])
  })

  it('summarises each study group: counts and the subjects it is responsible for', () => {
    assert.deepEqual(analysis.studyGroups, [
      {
        number: 17,
        title: 'Security',
        counts: {covered: 3, partial: 0, gap: 1},
        subjects: ['FGMV-01', 'DPI-ID-01', 'DPI-SEC-01', 'DPI-CON-01'],
      },
      {
        number: 20,
        title: 'Internet of things and smart sustainable cities',
        counts: {covered: 2, partial: 0, gap: 0},
        subjects: ['FGMV-01', 'DPI-SEC-01'],
      },
      {
        number: 21,
        title: 'Multimedia and related digital technologies',
        counts: {covered: 2, partial: 0, gap: 1},
        subjects: ['FGMV-02', 'FGMV-03', 'DPI-MSG-01'],
      },
    ])
  })

  it('limits the per-SG view to --sg, keeping every subject', () => {
    const only = analyse(catalogue, matcher, {sgs: [20]})
    assert.deepEqual(
      only.studyGroups.map((g) => g.number),
      [20],
    )
    assert.equal(only.subjects.length, 7)
  })

  it('reports progress once per subject', () => {
    const calls: [number, number][] = []
    analyse(catalogue, matcher, {onProgress: (done, total) => calls.push([done, total])})
    assert.deepEqual(
      calls,
      [1, 2, 3, 4, 5, 6, 7].map((n) => [n, 7]),
    )
  })

  it('is deterministic: two analyses are deepEqual', () => {
    const again = analyse(catalogue, new Matcher(loadWorkspace(FIXTURE, {}, []).catalogue, config, glossary))
    assert.deepEqual(again, analysis)
  })
})

describe('analysis: liveMatches and bestLiveMatch', () => {
  const match = (id: string, score: number, review?: AnalysedMatch['review']) =>
    ({id, score, ...(review ? {review} : {})}) as AnalysedMatch
  const matches = [
    match('A', 0.5),
    match('B', 0.4, 'rejected'),
    match('C', 0.3),
    match('D', 0, 'added'),
    match('E', 0.2, 'accepted'),
  ]

  it('drops rejected matches and puts links made in review first, each group in its own order', () => {
    assert.deepEqual(
      liveMatches(matches).map((m) => m.id),
      ['D', 'E', 'A', 'C'],
    )
  })

  it('the best is the match coverage rests on: a review link, else the best score', () => {
    assert.equal(bestLiveMatch(matches)?.id, 'D')
    assert.equal(bestLiveMatch(matches.slice(0, 3))?.id, 'A')
    assert.equal(bestLiveMatch([match('B', 0.4, 'rejected')]), undefined)
  })
})

describe('analysis: cited standards', () => {
  const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
  // The fixture with one more requirement that names X.1254 and the withdrawn Y.9990 outright,
  // in words that share nothing else with either, and a designation the catalogue lacks.
  const citing: Catalogue = {
    ...catalogue,
    requirements: [
      ...catalogue.requirements,
      {
        kind: 'requirement',
        id: 'DPI-CIT-01',
        title: 'Login',
        text: 'Implements ITU-T X.1254 and ITU-T Y.9990; see also ITU-T Z.1234.',
        buildingBlock: 'identity',
        sourceRefs: [],
        keywords: [],
        origin: {file: 'memory', line: 1},
      },
    ],
  }
  const analysis = analyse(citing, new Matcher(citing, config, glossary))
  const cit = analysis.subjects.find((s) => s.id === 'DPI-CIT-01')!

  it('keeps basis and the designation; a cited standard covers the subject and answers for it', () => {
    assert.deepEqual(
      cit.matches.map((m) => [m.id, m.basis, m.cited ?? null]),
      [
        ['X.1254', 'cited', 'ITU-T X.1254'],
        ['Y.9990', 'cited', 'ITU-T Y.9990'],
        ...cit.matches.slice(2).map((m) => [m.id, 'text', null]),
      ],
    )
    assert.equal(cit.coverage, 'covered')
    assert.deepEqual(cit.responsible.basis, 'covering-standards')
    assert.deepEqual(cit.responsible.sgs, [17, 20])
    // The withdrawn standard is not indexed: cited, but with no score, evidence or shared terms.
    const withdrawn = cit.matches[1]
    assert.deepEqual([withdrawn.score, withdrawn.evidence, withdrawn.terms], [0, 0, []])
    assert.deepEqual([withdrawn.subjectCovered, withdrawn.standardCovered], [0, 0])
    // The other subjects are as without it.
    assert.deepEqual(
      analysis.subjects.filter((s) => s.id !== 'DPI-CIT-01').map((s) => [s.id, s.coverage]),
      analyse(catalogue, new Matcher(catalogue, config, glossary)).subjects.map((s) => [s.id, s.coverage]),
    )
  })
})
