import assert from 'node:assert/strict'
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {analyse, type Analysis} from '../../src/core/analysis/analyse.js'
import {loadValidCatalogue} from '../../src/core/catalogue/index.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {catalogueFacts, catalogueHash, selectView} from '../../src/core/report/context.js'
import {frenchTypography} from '../../src/core/report/typography.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const FIXTURE = 'test/fixtures/analysis/small'

describe('report context: selectView', () => {
  let analysis: Analysis
  before(() => {
    const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
    analysis = analyse(catalogue, new Matcher(catalogue, config, glossary))
  })

  it('keeps everything when every kind and SG is asked for', () => {
    assert.deepEqual(selectView(analysis, {kinds: ['deliverable', 'requirement'], sgs: []}), analysis)
  })

  for (const kind of ['deliverable', 'requirement'] as const) {
    for (const sgs of [[], [17], [20], [21], [17, 21]]) {
      it(`${kind}, SGs [${sgs.join(', ')}]: only their subjects, overlaps and recounted SG rows`, () => {
        const view = selectView(analysis, {kinds: [kind], sgs})
        const inSgs = (s: Analysis['subjects'][number]) =>
          sgs.length === 0 || s.responsible.sgs.some((n) => sgs.includes(n))
        assert.deepEqual(
          view.subjects.map((s) => s.id),
          analysis.subjects.filter((s) => s.kind === kind && inSgs(s)).map((s) => s.id),
        )
        const ids = new Set(view.subjects.map((s) => s.id))
        for (const o of view.overlaps) {
          if (o.type !== 'duplication') assert.ok(ids.has(o.a) || (o.b !== undefined && ids.has(o.b)), o.a)
        }
        assert.deepEqual(
          view.studyGroups.map((g) => g.number),
          analysis.studyGroups.map((g) => g.number).filter((n) => sgs.length === 0 || sgs.includes(n)),
        )
        for (const g of view.studyGroups) {
          const mine = view.subjects.filter((s) => s.responsible.sgs.includes(g.number))
          assert.equal(g.counts.covered + g.counts.partial + g.counts.gap, mine.length)
          assert.deepEqual(
            g.subjects,
            mine.map((s) => s.id),
          )
        }
      })
    }
  }
})

describe('report context: catalogue facts and hash', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-hash-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  it('counts per kind, standards per body (most first), Questions per SG', () => {
    const {catalogue} = loadValidCatalogue(FIXTURE)
    const facts = catalogueFacts(catalogue, 'h')
    assert.deepEqual(facts.counts, {deliverable: 3, requirement: 4, standard: 7, studyGroup: 3})
    const orgs = Object.values(facts.standardsByOrg)
    assert.deepEqual(
      orgs,
      [...orgs].sort((a, b) => b - a),
    )
    assert.equal(
      orgs.reduce((a, b) => a + b, 0),
      7,
    )
    assert.deepEqual(Object.keys(facts.questionsBySg), ['17', '20', '21'])
  })

  it('the hash depends on the files’ bytes, not on where the catalogue lies', () => {
    const a = join(dir, 'a')
    const b = join(dir, 'elsewhere', 'b')
    cpSync(FIXTURE, a, {recursive: true})
    cpSync(FIXTURE, b, {recursive: true})
    const hash = (folder: string) => catalogueHash(loadValidCatalogue(folder).catalogue, folder)
    assert.match(hash(a), /^[0-9a-f]{64}$/)
    assert.equal(hash(a), hash(b))
    // A comment changes the bytes (not the entries): the hash changes.
    const {catalogue} = loadValidCatalogue(b)
    const file = catalogue.standards[0].origin.file
    writeFileSync(file, `# a comment\n${readFileSync(file, 'utf8')}`)
    assert.notEqual(hash(b), hash(a))
  })
})

describe('report: French typography', () => {
  it('puts a narrow no-break space before : ; ! ? and inside « », once', () => {
    assert.equal(frenchTypography('Date: x'), 'Date\u202f: x')
    assert.equal(frenchTypography('Date : x'), 'Date\u202f: x')
    assert.equal(frenchTypography('a ; b! c ? d'), 'a\u202f; b\u202f! c\u202f? d')
    assert.equal(frenchTypography('fin:'), 'fin\u202f:')
    assert.equal(frenchTypography('dit "oui"'), 'dit «\u202foui\u202f»')
    assert.equal(frenchTypography(frenchTypography('Date : x')), 'Date\u202f: x')
  })

  it('leaves times, URLs, ratios and placeholders alone', () => {
    for (const text of ['10:30', 'https://itu.int/a', '{shown} sur {total}', 'Q1/20', 'a:b'])
      assert.equal(frenchTypography(text), text)
  })
})
