import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import type {Analysis, SubjectAnalysis} from '../../src/core/analysis/analyse.js'
import {measureRouting, parseRoutingGold} from '../../src/core/analysis/routing-evaluation.js'
import {analyseCatalogue} from '../../src/core/analysis/run.js'
import type {Routing} from '../../src/core/analysis/routing.js'
import {InputError} from '../../src/core/errors.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const GOLD = 'test/gold/routing-gold.csv'

function routed(id: string, kind: SubjectAnalysis['kind'], routing: Routing): SubjectAnalysis {
  return {id, kind, routing} as SubjectAnalysis
}

const itu = (sg: number): Routing => ({
  outcome: 'itu-t',
  sgs: [{sg, confidence: 0.5, level: 'medium', standards: [], mandate: [], listed: false}],
  question: {},
})

describe('analysis: routing measured against reviewed judgements', () => {
  it('counts a first SG as agreed when expected or acceptable, and any non-ITU-T outcome for non-ITU-T gold', () => {
    const gold = parseRoutingGold(
      [
        'subject,expected,acceptable,justification',
        'A,SG17,SG13,x',
        'B,SG17,,x',
        'C,other-body,,x',
        'D,outside-scope,,x',
        'E,SG20,,x',
        'F,other-body,SG17,x',
      ].join('\n'),
      'gold.csv',
    )
    const m = measureRouting(
      [
        routed('A', 'requirement', itu(13)),
        routed('B', 'requirement', {outcome: 'other-body', sgs: [], body: 'IETF', question: {}}),
        routed('C', 'requirement', {outcome: 'outside-scope', sgs: [], question: {}}),
        routed('D', 'requirement', {outcome: 'other-body', sgs: [], body: 'W3C', question: {}}),
        routed('E', 'deliverable', itu(21)),
        routed('F', 'requirement', itu(17)),
      ],
      gold,
    )
    assert.deepEqual(m.deliverables, {agreed: 0, total: 1})
    assert.deepEqual(m.requirements, {agreed: 4, total: 5})
    assert.deepEqual(m.otherBodyFlagged, {agreed: 0, total: 2})
    assert.deepEqual(m.falseOtherBody, {agreed: 2, total: 3})
    assert.deepEqual(m.disagreements, [
      {subject: 'B', expected: 'SG17', proposed: 'other-body'},
      {subject: 'E', expected: 'SG20', proposed: 'SG21'},
    ])
  })

  it('refuses a gold row whose expectation is neither an SG nor an outcome, naming file and line', () => {
    assert.throws(
      () => parseRoutingGold('subject,expected,acceptable\nA,SG17,\nB,ITU,\n', 'g.csv'),
      (e: unknown) =>
        e instanceof InputError &&
        e.message === 'g.csv:3: expected: "ITU" is not SG<n>, other-body or outside-scope',
    )
  })

  it('refuses a judgement of a subject the analysis does not hold, naming file and line', () => {
    const gold = parseRoutingGold('subject,expected,acceptable\nA,SG17,\nZZ-99,SG20,\n', 'g.csv')
    assert.throws(
      () => measureRouting([routed('A', 'requirement', itu(17))], gold, 'g.csv'),
      (e: unknown) => e instanceof InputError && e.message === 'g.csv:3: subject: unknown subject "ZZ-99"',
    )
  })

  describe('on the bundled catalogue (data/) and test/gold/routing-gold.csv', function () {
    this.timeout(300_000)
    let analysis: Analysis
    before(() => {
      analysis = analyseCatalogue({catalogue: 'data'}, []).analysis
    })

    // Measured figures (README "Routing"): they may rise, never fall silently.
    it('agrees with the reviewer on 17 of 17 deliverables and 129 of 147 requirements', () => {
      const m = measureRouting(analysis.subjects, parseRoutingGold(readFileSync(GOLD, 'utf8'), GOLD))
      assert.deepEqual(m.deliverables, {agreed: 17, total: 17})
      assert.deepEqual(m.requirements, {agreed: 129, total: 147})
      assert.deepEqual(m.otherBodyFlagged, {agreed: 27, total: 39})
      assert.deepEqual(m.falseOtherBody, {agreed: 5, total: 108})
      assert.deepEqual(m.ituFlaggedNotItu, {agreed: 5, total: 65})
    })

    it("proposes no Question outside its SG's sourced list, and some from it", () => {
      const {catalogue} = loadWorkspace('data', {}, [])
      const lists = new Map(
        catalogue.studyGroups.map((g) => [g.number, new Set(g.questions.map((q) => q.id))]),
      )
      const proposed = analysis.subjects.filter((s) => s.routing.question.id !== undefined)
      for (const s of proposed) assert.ok(lists.get(s.routing.sgs[0].sg)!.has(s.routing.question.id!), s.id)
      assert.ok(proposed.length > 0)
    })
  })
})
