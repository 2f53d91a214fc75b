import assert from 'node:assert/strict'
import {parse} from 'csv-parse/sync'
import {toCsv} from '../../src/core/export/csv.js'
import {isIsoDate} from '../../src/core/dates.js'
import {formatScore, TSAG_COLUMNS, tsagRows} from '../../src/core/export/tsag.js'
import {analysisOf, match, subject} from './helpers.js'

const HEADER =
  'id,kind,title,coverage,computed_coverage,relationship,best_standards,best_score,responsible_sgs,questions,' +
  'overlap_multiple_sgs,overlap_other_bodies,overlap_deliverables,reviewed,run_date,routing_outcome,routing,reviewed_routing,' +
  'cited_standards,cited_missing'

function sample() {
  return analysisOf([
    subject('FGMV-22', {
      title: 'Avatars, "identity" and\ninteroperability',
      computed: {coverage: 'partial', score: 0.3},
      coverage: 'covered',
      reviewed: true,
      relationship: 'superset of',
      matches: [
        match('Y.4600', 0.3, {review: 'rejected'}),
        match('X.1252', 0.29, {sg: 17, basis: 'cited', cited: 'ITU-T X.1252'}),
        match('Y.3000', 0.2),
        match('Y.3001', 0.1),
        match('H.870', 0, {review: 'added', sg: 16}),
      ],
      responsible: {
        basis: 'covering-standards',
        sgs: [21, 16, 17],
        questions: ['Q6/17', 'Q1/20'],
        score: 0.29,
      },
      overlaps: {multipleSgs: true, otherBodies: false, otherDeliverables: true},
      citations: [
        {text: 'ITU-T X.1252', ids: ['X.1252']},
        {text: 'RFC 99999', ids: []},
      ],
    }),
    subject('-x', {
      title: '=HYPERLINK("http://x")',
      kind: 'requirement',
      responsible: {basis: 'mandate', sgs: [], questions: [], score: 0},
    }),
  ])
}

describe('export/tsag', () => {
  it('has a fixed header', () => {
    assert.equal(TSAG_COLUMNS.join(','), HEADER)
    assert.equal(toCsv(tsagRows(sample(), '2025-03-01')).split('\r\n')[0], HEADER)
  })

  it('renders one row per subject', () => {
    const [header, first, second] = tsagRows(sample(), '2025-03-01')
    assert.deepEqual(header, [...TSAG_COLUMNS])
    const row = Object.fromEntries(TSAG_COLUMNS.map((c, i) => [c, first[i]]))
    assert.deepEqual(row, {
      id: 'FGMV-22',
      kind: 'deliverable',
      title: 'Avatars, "identity" and\ninteroperability',
      coverage: 'covered',
      computed_coverage: 'partial',
      relationship: 'superset of',
      best_standards: 'H.870;X.1252;Y.3000',
      best_score: '0.2900',
      responsible_sgs: 'SG16;SG17;SG21',
      questions: 'Q6/17;Q1/20',
      overlap_multiple_sgs: 'yes',
      overlap_other_bodies: 'no',
      overlap_deliverables: 'yes',
      reviewed: 'yes',
      run_date: '2025-03-01',
      routing_outcome: 'itu-t',
      routing: 'itu-t: ITU-T study group',
      reviewed_routing: '',
      // Named by the subject: covering it; and what it names that the catalogue lacks.
      cited_standards: 'X.1252',
      cited_missing: 'RFC 99999',
    })
    assert.deepEqual(second.slice(6, 10), ['', '0.0000', '', ''])
  })

  it('writes scores with a decimal comma when asked, and only the scores', () => {
    const plain = tsagRows(sample(), '2025-03-01')
    const comma = tsagRows(sample(), '2025-03-01', {decimalComma: true})
    const scoreAt = TSAG_COLUMNS.indexOf('best_score')
    assert.deepEqual(
      comma.slice(1).map((row) => row[scoreAt]),
      ['0,2900', '0,0000'],
    )
    for (let i = 0; i < plain.length; i++) {
      assert.deepEqual(
        comma[i].filter((_, j) => j !== scoreAt || i === 0),
        plain[i].filter((_, j) => j !== scoreAt || i === 0),
      )
    }
    // With ';' as delimiter a decimal comma needs no quoting.
    assert.ok(toCsv(comma, {delimiter: ';'}).split('\r\n')[1].includes(';0,2900;'))
  })

  it('neutralises ids and titles and quotes per RFC 4180 in the CSV', () => {
    const csv = toCsv(tsagRows(sample(), '2025-03-01'))
    const lines = csv.split('\r\n')
    assert.ok(
      lines[1].startsWith('FGMV-22,deliverable,"Avatars, ""identity"" and\ninteroperability",covered,'),
    )
    assert.ok(lines[2].startsWith(`'-x,requirement,"'=HYPERLINK(""http://x"")",gap,`))
    const parsed = parse(csv) as string[][]
    assert.equal(parsed.length, 3)
    assert.ok(parsed.every((r) => r.length === TSAG_COLUMNS.length))
  })

  it('is deterministic: two renders are byte-identical', () => {
    assert.equal(
      toCsv(tsagRows(sample(), '2025-03-01'), {bom: true}),
      toCsv(tsagRows(sample(), '2025-03-01'), {bom: true}),
    )
  })

  it('formats scores with exactly 4 decimals', () => {
    assert.equal(formatScore(0), '0.0000')
    assert.equal(formatScore(1), '1.0000')
    assert.equal(formatScore(0.12345), '0.1235')
    assert.equal(formatScore(0.5), '0.5000')
  })

  it('checks the run date', () => {
    assert.ok(isIsoDate('2024-02-29'))
    for (const bad of ['2023-02-29', '2025-13-01', '25-01-01', '2025-1-1', ''])
      assert.ok(!isIsoDate(bad), bad)
    assert.throws(() => tsagRows(sample(), '01/02/2025'), RangeError)
  })
})
