import assert from 'node:assert/strict'
import type {Standard, StandardStatus} from '../../src/core/catalogue/types.js'
import {deriveStudyGroups, MIN_EVIDENCE} from '../../src/core/import/sg-attribution.js'

function standard(
  id: string,
  sg?: number,
  status: StandardStatus = 'in-force',
  committee?: string,
): Standard {
  return {
    kind: 'standard',
    id,
    title: id,
    keywords: [],
    org: 'ITU-T',
    status,
    origin: {file: 's.jsonl', line: 1},
    ...(sg === undefined ? {} : {sg}),
    ...(committee ? {committee} : {}),
  }
}

/** `count` sourced Recommendations `<series>.<from>`, `<series>.<from + 1>`… of study group `sg`. */
function block(series: string, from: number, count: number, sg: number): Standard[] {
  return Array.from({length: count}, (_, i) => standard(`${series}.${from + i}`, sg))
}

function derivedOf(standards: Standard[]): Record<string, number> {
  return Object.fromEntries(standards.filter((s) => s.sgDerived).map((s) => [s.id, s.sg as number]))
}

describe('import: study groups derived from the numbering', () => {
  it('a block whose sourced Recommendations all name one SG gives it to the rest, parts included', () => {
    const standards = [
      ...block('X', 1100, MIN_EVIDENCE, 17),
      standard('X.1205'),
      standard('X.1277.2'),
      standard('X.1303 bis'),
      standard('X.1205 (2008) Amd. 1'),
      standard('X.1999'),
    ]
    assert.equal(deriveStudyGroups(standards), 5)
    assert.deepEqual(derivedOf(standards), {
      'X.1205': 17,
      'X.1277.2': 17,
      'X.1303 bis': 17,
      'X.1205 (2008) Amd. 1': 17,
      'X.1999': 17,
    })
  })

  it('derives nothing where the block is shared, the evidence thin, or the text not in force', () => {
    const shared = [...block('Y', 2000, MIN_EVIDENCE, 13), standard('Y.2100', 11), standard('Y.2350')]
    const thin = [...block('H', 200, MIN_EVIDENCE - 1, 21), standard('H.248.29')]
    // X.25 is in the hundred block X.0–X.99: X.1xxx (thousand block X/1) is no evidence for it.
    const other = [
      ...block('X', 1000, MIN_EVIDENCE, 17),
      standard('X.25'),
      standard('X.1500', undefined, 'withdrawn'),
      standard('X.1501', undefined, 'in-force', 'TSAG'),
      standard('X Suppl. 1'),
      standard('Y.4900/L.1600'),
    ]
    for (const standards of [shared, thin, other]) {
      assert.equal(deriveStudyGroups(standards), 0)
      assert.deepEqual(derivedOf(standards), {})
    }
    // Withdrawn sourced texts are no evidence either: the block's owner may have changed since.
    const withdrawn = [
      ...block('Q', 1000, MIN_EVIDENCE, 11),
      ...Array.from({length: 3}, (_, i) => standard(`Q.${1100 + i}`, 2, 'withdrawn')),
      standard('Q.1200'),
    ]
    deriveStudyGroups(withdrawn)
    assert.deepEqual(derivedOf(withdrawn), {'Q.1200': 11})
  })

  it('never changes a study group the source gives', () => {
    const standards = [...block('X', 1100, MIN_EVIDENCE, 17), standard('X.1200', 16)]
    deriveStudyGroups(standards)
    assert.deepEqual(
      standards.map((s) => [s.sg, s.sgDerived]),
      standards.map((s) => [s.sg, undefined]),
    )
  })
})
