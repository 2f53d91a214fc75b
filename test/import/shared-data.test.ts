import assert from 'node:assert/strict'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {latestEditions, readRelatonFiles, relatonToStandards} from '../../src/core/import/relaton.js'
import {SHARED} from './helpers.js'

// Reference figures computed independently (a short Python script over the same files: number =
// docid without "ITU-T " and the edition date; latest by published date; withdrawn = stage
// "Withdrawal", or no stage and an -S/-W/-T edition URL).
describe('import: shared Relaton data', function () {
  const relaton = join(SHARED, 'relaton')
  before(function () {
    if (!existsSync(join(relaton, 'itu-t-latest.jsonl'))) this.skip()
  })

  it('the 583 raw ITU-T sample files give 583 distinct numbers, 38 withdrawn, 15 TSAG, 75 without SG or committee', function () {
    const read = readRelatonFiles([join(relaton, 'itu-t-sample')])
    assert.deepEqual(read.problems, [])
    assert.equal(read.records.length, 583)
    const {entries, problems} = relatonToStandards(latestEditions(read.records), {abstract: false})
    assert.deepEqual(problems, [])
    assert.equal(entries.length, 583)
    assert.equal(entries.filter((e) => e.status === 'withdrawn').length, 38)
    assert.equal(entries.filter((e) => e.committee === 'TSAG').length, 15)
    assert.equal(entries.filter((e) => e.sg === undefined && e.committee === undefined).length, 75)
    assert.equal(entries.filter((e) => e.sg === 20).length, 158)
    const types: Record<string, number> = {}
    for (const e of entries) types[e.type ?? '-'] = (types[e.type ?? '-'] ?? 0) + 1
    assert.deepEqual(types, {
      recommendation: 482,
      erratum: 2,
      supplement: 66,
      amendment: 22,
      corrigendum: 6,
      annex: 5,
    })
    assert.ok(entries.every((e) => e.summary === undefined && e.keywords.length <= 8))
  })

  it('the JSON Lines import of itu-t-latest.jsonl gives 9,994 standards (2,522 withdrawn)', function () {
    const read = readRelatonFiles([join(relaton, 'itu-t-latest.jsonl')])
    assert.deepEqual(read.problems, [])
    const {entries, problems} = relatonToStandards(latestEditions(read.records), {abstract: false})
    assert.deepEqual(problems, [])
    assert.equal(entries.length, 9994)
    assert.equal(entries.filter((e) => e.status === 'withdrawn').length, 2522)
    assert.equal(new Set(entries.map((e) => e.id)).size, 9994)
  })

  // Reference figures from a short Python script over the same files: withdrawn = Historic or
  // obsoleted_by present (IETF); under study = a draft status (OGC, NIST, OpenID Implementer's
  // Drafts and Drafts); every record carries its number and a URL.
  const bodies = [
    {file: 'ietf-latest.jsonl', total: 9830, withdrawn: 1581, underStudy: 0, replaced: 1384},
    {file: 'ogc-latest.jsonl', total: 1094, withdrawn: 0, underStudy: 5, replaced: 0},
    {file: 'nist-latest.jsonl', total: 1698, withdrawn: 0, underStudy: 32, replaced: 0},
    {file: 'openid-latest.jsonl', total: 130, withdrawn: 0, underStudy: 92, replaced: 0},
  ]
  for (const body of bodies) {
    it(`${body.file}: ${body.total} standards, ${body.withdrawn} withdrawn, ${body.underStudy} under study, ${body.replaced} with replaced_by`, function () {
      const file = join(relaton, body.file)
      if (!existsSync(file)) this.skip()
      const read = readRelatonFiles([file])
      assert.deepEqual(read.problems, [])
      const {entries, problems} = relatonToStandards(latestEditions(read.records), {abstract: false})
      assert.deepEqual(problems, [])
      assert.equal(entries.length, body.total)
      assert.equal(new Set(entries.map((e) => e.id)).size, body.total)
      assert.equal(entries.filter((e) => e.status === 'withdrawn').length, body.withdrawn)
      assert.equal(entries.filter((e) => e.status === 'under-study').length, body.underStudy)
      assert.equal(entries.filter((e) => e.replacedBy).length, body.replaced)
      assert.ok(entries.every((e) => e.summary === undefined && e.sourceUrl))
    })
  }
})
