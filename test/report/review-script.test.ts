/**
 * The pure part of the page's script (assets/report.js), run in a Node VM without a DOM: the
 * decisions.yaml it downloads must load back through loadDecisions whatever the text typed.
 */
import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runInNewContext} from 'node:vm'
import {loadDecisions} from '../../src/core/analysis/decisions.js'
import type {Catalogue} from '../../src/core/catalogue/types.js'

interface ReviewDecision {
  subject: string
  action: string
  standard?: string
  sg?: string | number
  question?: string
  by: string
  date: string
  reason: string
}
interface Review {
  yamlString(value: unknown): string
  decisionsYaml(decisions: ReviewDecision[]): string
  mergeDecisions(base: ReviewDecision[], added: ReviewDecision[]): ReviewDecision[]
}

const SOURCE = readFileSync(new URL('../../src/core/report/assets/report.js', import.meta.url), 'utf8')
const review = runInNewContext(`${SOURCE}\ngapscanReview`, {}) as Review

const origin = {file: 'x.yaml', line: 1}
const CATALOGUE: Catalogue = {
  deliverables: [{kind: 'deliverable', id: 'FGMV-01', title: 't', keywords: [], type: 'TR', sgs: [], origin}],
  requirements: [],
  standards: [
    {kind: 'standard', id: 'Y.4600', org: 'ITU-T', status: 'in-force', title: 't', keywords: [], origin},
  ],
  studyGroups: [
    {
      kind: 'study-group',
      id: 'SG20',
      number: 20,
      title: 't',
      keywords: [],
      questionsComplete: false,
      mandate: [],
      questions: [{id: 'Q1/20', title: 'q'}],
      origin,
    },
  ],
}

describe('report page script: decisions.yaml', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-review-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  const roundTrip = (decisions: ReviewDecision[]) => {
    const file = join(dir, 'decisions.yaml')
    writeFileSync(file, review.decisionsYaml(decisions))
    return loadDecisions(file, CATALOGUE, true).map(({line: _line, ...d}) => d)
  }

  it('writes an empty list when there is nothing to write', () => {
    assert.match(review.decisionsYaml([]), /\ndecisions: \[\]\n$/)
    assert.deepEqual(roundTrip([]), [])
  })

  it('loads back every kind of decision, fields in a fixed order', () => {
    const decisions: ReviewDecision[] = [
      {
        subject: 'FGMV-01',
        action: 'accept',
        standard: 'Y.4600',
        by: 'TSB',
        date: '2026-11-20',
        reason: 'Same scope',
      },
      {
        subject: 'FGMV-01',
        action: 'assign',
        sg: '20',
        question: 'Q1/20',
        by: 'TSB',
        date: '2026-11-21',
        reason: 'Agreed',
      },
    ]
    assert.equal(
      review.decisionsYaml(decisions).split('\n').slice(2).join('\n'),
      [
        'decisions:',
        '  - subject: "FGMV-01"',
        '    action: "accept"',
        '    standard: "Y.4600"',
        '    by: "TSB"',
        '    date: "2026-11-20"',
        '    reason: "Same scope"',
        '  - subject: "FGMV-01"',
        '    action: "assign"',
        '    sg: "20"',
        '    question: "Q1/20"',
        '    by: "TSB"',
        '    date: "2026-11-21"',
        '    reason: "Agreed"',
        '',
      ].join('\n'),
    )
    assert.deepEqual(roundTrip(decisions), [decisions[0], {...decisions[1], sg: 20}])
  })

  it('keeps any typed text intact: quotes, colons, hashes, backslashes, line breaks, YAML syntax, non-ASCII', () => {
    const reasons = [
      'He said "yes": #1',
      "it's - [a] {b} & *c | >d",
      'back\\slash\tand\nnew line',
      'null',
      '010',
      'true',
      'Éléments « français » : ok ; 日本',
      '- item',
      '\u2028separator',
    ]
    const decisions = reasons.map((reason) => ({
      subject: 'FGMV-01',
      action: 'reject',
      standard: 'Y.4600',
      by: reason,
      date: '2026-11-20',
      reason,
    }))
    assert.deepEqual(
      roundTrip(decisions).map((d) => [d.by, d.reason]),
      reasons.map((r) => [r.trim(), r.trim()]),
    )
  })

  it('merges: the decisions the report was built from first, then the new ones; a repeated new decision replaces the earlier', () => {
    const base = [{subject: 'A', action: 'accept', standard: 'S1', by: 'x', date: 'd', reason: 'r'}]
    const added = [
      {subject: 'B', action: 'accept', standard: 'S1', by: 'x', date: 'd', reason: 'first'},
      {subject: 'C', action: 'assign', sg: '20', by: 'x', date: 'd', reason: 'r'},
      {subject: 'B', action: 'reject', standard: 'S1', by: 'x', date: 'd', reason: 'second'},
      {subject: 'C', action: 'assign', sg: '17', by: 'x', date: 'd', reason: 'r2'},
      {subject: 'B', action: 'accept', standard: 'S2', by: 'x', date: 'd', reason: 'other standard'},
    ]
    assert.deepEqual(
      review
        .mergeDecisions(base, added)
        .map((d) => `${d.subject} ${d.action} ${d.standard ?? d.sg} ${d.reason}`),
      ['A accept S1 r', 'B reject S1 second', 'C assign 17 r2', 'B accept S2 other standard'],
    )
  })
})
