import assert from 'node:assert/strict'
import {cpSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {formatProblem} from '../../src/core/catalogue/problems.js'
import type {Standard} from '../../src/core/catalogue/types.js'
import {
  latestEditions,
  mapStatus,
  numberOf,
  readRelatonFiles,
  readRelatonJsonl,
  relatonToStandards,
} from '../../src/core/import/relaton.js'
import {FIXTURES} from './helpers.js'

function importFixtures(abstract: boolean): Map<string, Standard> {
  const read = readRelatonFiles([join(FIXTURES, 'relaton')])
  assert.deepEqual(read.problems, [])
  const {entries, problems} = relatonToStandards(latestEditions(read.records), {abstract})
  assert.deepEqual(problems, [])
  return new Map(entries.map((e) => [e.id, e]))
}

describe('import: relaton', () => {
  it('reads raw Relaton YAML: 11 files, 10 numbers, the latest edition of Y.4600', () => {
    const read = readRelatonFiles([join(FIXTURES, 'relaton')])
    assert.equal(read.records.length, 11)
    const byId = importFixtures(true)
    assert.equal(byId.size, 10)
    const y4600 = byId.get('Y.4600')
    assert.equal(y4600?.title, 'Requirements and capabilities of a digital twin system for smart cities')
    assert.equal(y4600?.status, 'in-force')
    assert.equal(y4600?.published, '2022-08-29')
    assert.equal(y4600?.sg, 20)
    assert.equal(y4600?.type, 'recommendation')
    assert.equal(y4600?.sourceUrl, 'https://www.itu.int/rec/T-REC-Y.4600-202208-I')
    assert.match(y4600?.summary ?? '', /^This Recommendation describes digital twin systems/)
  })

  it('keeps joint numbers as written and types amendments, corrigenda, supplements and annexes', () => {
    const byId = importFixtures(true)
    assert.equal(byId.get('Y.4900/L.1600')?.sg, 20)
    assert.equal(byId.get('X.1252 (2021) Amd. 1')?.type, 'amendment')
    assert.equal(byId.get('X.1252 (2021) Amd. 1')?.summary, undefined)
    const cor = byId.get('D.43 (1988) Cor. 1')
    assert.equal(cor?.type, 'corrigendum')
    assert.equal(cor?.title, 'Corrigendum 1 to ITU-T D.43 (1988): Accounting rates for telex')
    assert.equal(byId.get('Y Suppl. 73')?.type, 'supplement')
    assert.equal(byId.get('A.5 Annex B')?.type, 'annex')
  })

  it('maps withdrawn, TSAG, missing study group and missing stage', () => {
    const byId = importFixtures(true)
    const annex = byId.get('A.5 Annex B')
    assert.equal(annex?.status, 'withdrawn')
    assert.equal(annex?.committee, 'TSAG')
    assert.equal(annex?.sg, undefined)
    const noSg = byId.get('X.1164')
    assert.equal(noSg?.sg, undefined)
    assert.equal(noSg?.committee, undefined)
    assert.equal(noSg?.status, 'in-force') // no stage, URL suffix -I
    assert.equal(byId.get('X.1000')?.status, 'withdrawn') // no stage, URL suffix -W
    assert.equal(byId.get('X.1000')?.sg, 16) // dropped later if the catalogue has no SG16
  })

  it('reads other bodies: ISO/IEC number without year, org, committee, stage code', () => {
    const iso = importFixtures(true).get('ISO/IEC 23005-1')
    assert.equal(iso?.org, 'ISO/IEC')
    assert.equal(iso?.status, 'in-force')
    assert.equal(iso?.committee, 'ISO/IEC JTC 1/SC 29')
    assert.equal(iso?.type, 'international-standard')
    assert.equal(iso?.published, '2020-03')
  })

  it('--no-abstract keeps facts plus at most 8 short key terms', () => {
    const byId = importFixtures(false)
    for (const entry of byId.values()) {
      assert.equal(entry.summary, undefined)
      assert.ok(entry.keywords.length <= 8)
      for (const k of entry.keywords) assert.ok(k.split(' ').length <= 3, k)
    }
    assert.deepEqual(byId.get('Y.4600')?.keywords.slice(0, 2), ['digital twin system', 'smart city'])
    assert.deepEqual(byId.get('X.1164')?.keywords, [])
  })

  it('reads the compact JSON Lines form of every body and keeps the latest line per number', () => {
    const read = readRelatonFiles([join(FIXTURES, 'compact.jsonl')])
    assert.deepEqual(read.problems, [])
    const {entries} = relatonToStandards(latestEditions(read.records), {abstract: false})
    assert.deepEqual(
      entries.map((e) => [e.id, e.org, e.status]),
      [
        ['Y.4600', 'ITU-T', 'in-force'],
        ['IEEE 802.11', 'IEEE', 'in-force'],
        ['ETSI TS 103 000', 'ETSI', 'in-force'],
        ['3GPP TS 23.501', '3GPP', 'in-force'],
        ['W3C webxr', 'W3C', 'under-study'],
        ['ISO 9999', 'ISO', 'withdrawn'],
      ],
    )
  })

  it('reads IETF, OGC, NIST and OpenID records: statuses per body, successors as replaced_by', () => {
    const read = readRelatonFiles([join(FIXTURES, 'other-bodies.jsonl')])
    assert.deepEqual(read.problems, [])
    const {entries, problems} = relatonToStandards(latestEditions(read.records), {abstract: false})
    assert.deepEqual(problems, [])
    assert.deepEqual(
      entries.map((e) => [e.id, e.org, e.status, e.replacedBy]),
      [
        // Obsoleted: withdrawn whatever its category, and its successors named.
        ['RFC 7230', 'IETF', 'withdrawn', ['RFC 9110', 'RFC 9112']],
        ['RFC 9110', 'IETF', 'in-force', undefined],
        ['RFC 1058', 'IETF', 'withdrawn', undefined], // Historic
        ['RFC 1321', 'IETF', 'in-force', undefined], // Informational
        ['RFC 1939', 'IETF', 'in-force', undefined], // "Draft Standard" is a published maturity level
        ['RFC 20', 'IETF', 'in-force', undefined], // Unknown: an early RFC never made Historic
        ['OGC 09-025', 'OGC', 'in-force', undefined],
        ['OGC 21-001', 'OGC', 'under-study', undefined],
        ['NIST SP 800-63-4', 'NIST', 'under-study', undefined],
        ['OpenID openid-connect-core-1_0', 'OpenID Foundation', 'in-force', undefined],
        ['OpenID fapi-2_0-attacker-model', 'OpenID Foundation', 'under-study', undefined],
        ['OpenID authzen-x', 'OpenID Foundation', 'under-study', undefined],
      ],
    )
    const byId = new Map(entries.map((e) => [e.id, e]))
    assert.equal(byId.get('RFC 7230')?.committee, 'httpbis')
    assert.equal(byId.get('RFC 7230')?.published, '2014-06')
    assert.equal(byId.get('RFC 7230')?.sourceUrl, 'https://www.rfc-editor.org/rfc/rfc7230')
    // Markup, the RFC index's category tag and glued list markers leave no trace in the terms.
    const terms = entries.flatMap((e) => [...e.keywords, ...(e.derivedTerms ?? [])])
    for (const junk of [
      'msobodytext',
      'nbsp',
      'standards-track',
      'track',
      'and1',
      'and2',
      'helping',
      '5.4pt',
    ])
      assert.ok(!terms.some((t) => t.split(' ').includes(junk)), junk)
    assert.deepEqual(byId.get('OGC 09-025')?.derivedTerms, [
      'edit',
      'geographic',
      'interface',
      'query',
      'text',
    ]) // "features" and "web" are the title's words; "made" is boilerplate
    assert.equal(byId.get('RFC 9110')?.derivedTerms, undefined) // no abstract
  })

  it('an unknown IETF or OpenID status is a problem naming file and line, not a guess', () => {
    const bad = [
      '{"org": "IETF", "number": "RFC 1", "title": "T", "status": "Best Effort"}',
      '{"org": "OpenID Foundation", "number": "OpenID x", "title": "T", "status": "Retracted?"}',
    ].join('\n')
    const {problems} = relatonToStandards(readRelatonJsonl(bad, 'bad.jsonl').records)
    assert.deepEqual(
      problems.map((p) => [p.line, p.field]),
      [
        [1, 'status'],
        [2, 'status'],
      ],
    )
  })

  it('maps status words and stage codes', () => {
    const cases: [string | undefined, string | undefined][] = [
      ['Published', 'in-force'],
      ['Withdrawal', 'withdrawn'],
      ['superseded', 'withdrawn'],
      ['replaced', 'withdrawn'],
      ['inactive/withdrawn', 'withdrawn'],
      ['Retired', 'withdrawn'],
      ['under development', 'under-study'],
      ['draft (approved)', 'under-study'],
      ['Working Draft', 'under-study'],
      ['Recommendation', 'in-force'],
      ['60.60', 'in-force'],
      ['40.20', 'under-study'],
      ['95.99', 'withdrawn'],
      ['sort of', undefined],
    ]
    for (const [raw, expected] of cases) assert.equal(mapStatus(raw), expected, String(raw))
  })

  it('derives numbers from edition identifiers', () => {
    assert.equal(numberOf('ITU-T Y.4900/L.1600 (06/2016)', 'ITU-T'), 'Y.4900/L.1600')
    assert.equal(numberOf('ITU-T X.509 (2019) Cor. 1 (10/2021)', 'ITU-T'), 'X.509 (2019) Cor. 1')
    assert.equal(numberOf('ISO/IEC DIS 23005-1:2024', 'ISO/IEC'), 'ISO/IEC 23005-1')
    assert.equal(numberOf('ETSI TS 103 000 V1.1.1 (2011-01)', 'ETSI'), 'ETSI TS 103 000')
    assert.equal(numberOf('3GPP TS 23.501:Rel-18/18.5.0', '3GPP'), '3GPP TS 23.501')
    assert.equal(numberOf('W3C CRD-webxr-20250417', 'W3C'), 'W3C webxr')
    assert.equal(numberOf('IEEE Std 802.11-2020', 'IEEE'), 'IEEE 802.11')
  })

  it('reports unreadable input as file:line problems', () => {
    const read = readRelatonFiles([join(FIXTURES, 'no-such-folder')])
    assert.equal(read.problems[0].message, 'no such file or folder')
    assert.equal(
      formatProblem(read.problems[0]),
      `${join(FIXTURES, 'no-such-folder')}: no such file or folder`,
    )
  })

  it('reports bad JSON Lines records as file:line problems and reads the good ones', () => {
    const text = [
      '{"docid": "ITU-T X.1252", "title": "Identity terms", "published": 2021}',
      '{"docid": "ITU-T X.1253", "title": oops}',
      '["not", "an", "object"]',
      '',
      '{"title": "No number"}',
    ].join('\n')
    const read = readRelatonJsonl(text, 'c.jsonl')
    assert.deepEqual(
      read.records.map((r) => [r.docid, r.line, r.published]),
      [['ITU-T X.1252', 1, '2021']],
    )
    assert.deepEqual(
      read.problems.map(formatProblem).map((line) => line.replace(/malformed JSON: .*/, 'malformed JSON')),
      [
        'c.jsonl:2: malformed JSON',
        'c.jsonl:3: each line must be a JSON object',
        'c.jsonl:5: number: required field is missing',
      ],
    )
  })

  it('reports a broken link in an input folder as a problem about that file, and reads the rest', () => {
    const base = mkdtempSync(join(tmpdir(), 'gapscan-relaton-'))
    try {
      cpSync(join(FIXTURES, 'relaton'), join(base, 'in'), {recursive: true})
      const link = join(base, 'in', 'gone.yaml')
      symlinkSync(join(base, 'nowhere.yaml'), link)
      const read = readRelatonFiles([join(base, 'in')])
      assert.deepEqual(read.problems.map(formatProblem), [`${link}: cannot read: file not found (ENOENT)`])
      assert.deepEqual(read.records.length, readRelatonFiles([join(FIXTURES, 'relaton')]).records.length)
    } finally {
      rmSync(base, {recursive: true, force: true})
    }
  })
})
