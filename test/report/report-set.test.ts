import assert from 'node:assert/strict'
import {analyse, type Analysis} from '../../src/core/analysis/analyse.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {REPORT_FORMATS, renderReports, type ReportFormat} from '../../src/core/report/index.js'
import {loadWorkspace} from '../../src/core/workspace.js'
import {reportContext} from './context-helper.js'

const FIXTURE = 'test/fixtures/analysis/small'

function fixtureAnalysis(sgs?: number[]): Analysis {
  const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
  return analyse(catalogue, new Matcher(catalogue, config, glossary), {sgs, date: '2026-11-22'})
}

describe('report: renderReports (the report set)', () => {
  let analysis: Analysis
  before(() => {
    analysis = fixtureAnalysis()
  })
  const names = async (formats: readonly ReportFormat[], extra = {}, a = analysis) =>
    (await renderReports(a, formats, reportContext('en', a, extra))).map((f) => f.name)

  it('knows five formats', () => {
    assert.deepEqual(REPORT_FORMATS, ['html', 'md', 'docx', 'json', 'csv'])
  })

  it('lists the files of each format: a summary, then per resolution one document per SG with subjects', async () => {
    assert.deepEqual(await names(['html']), ['index.html'])
    // DPI-SEC-01 falls to SG17 and SG20 (X.1999 and Y.4600 both cover it): a res103-sg-20 too.
    const docs = [
      'summary',
      'res105-sg-17',
      'res105-sg-20',
      'res105-sg-21',
      'res103-sg-17',
      'res103-sg-20',
      'res103-sg-21',
    ]
    assert.deepEqual(
      await names(['md']),
      docs.map((d) => `${d}.md`),
    )
    assert.deepEqual(
      await names(['docx']),
      docs.map((d) => `${d}.docx`),
    )
    assert.deepEqual(await names(['json']), ['report.json'])
    assert.deepEqual(await names(['csv']), ['gaps.csv', 'overlaps.csv'])
  })

  it('writes every file of every format, in a fixed order whatever the order asked', async () => {
    const all = await names(REPORT_FORMATS)
    assert.equal(all.length, 1 + 7 + 7 + 1 + 2)
    assert.deepEqual(await names(['csv', 'json', 'docx', 'md', 'html']), all)
  })

  it('--kind: one resolution only, in every format', async () => {
    assert.deepEqual(await names(['md'], {kinds: ['deliverable']}), [
      'summary.md',
      'res105-sg-17.md',
      'res105-sg-20.md',
      'res105-sg-21.md',
    ])
    const files = await renderReports(
      analysis,
      REPORT_FORMATS,
      reportContext('en', analysis, {kinds: ['requirement']}),
    )
    const json = JSON.parse(files.find((f) => f.name === 'report.json')!.content as string) as Analysis
    assert.ok(json.subjects.length > 0)
    assert.ok(json.subjects.every((s) => s.kind === 'requirement'))
    const html = files.find((f) => f.name === 'index.html')!.content as string
    assert.ok(!html.includes('data-kind="deliverable"'))
    const summary = files.find((f) => f.name === 'summary.md')!.content as string
    assert.ok(!summary.includes('Res. 105'))
    assert.ok(summary.includes('## Res. 103'))
  })

  it('--sg: documents, JSON, CSV and summary of the selected study groups only', async () => {
    const only = fixtureAnalysis([21])
    assert.deepEqual(await names(['md'], {sgs: [21]}, only), [
      'summary.md',
      'res105-sg-21.md',
      'res103-sg-21.md',
    ])
    const files = await renderReports(only, REPORT_FORMATS, reportContext('en', only, {sgs: [21]}))
    const json = JSON.parse(files.find((f) => f.name === 'report.json')!.content as string) as Analysis
    assert.ok(json.subjects.length > 0)
    assert.ok(
      json.subjects.every((s) => s.responsible.sgs.includes(21)),
      'a subject of another SG',
    )
    assert.deepEqual(
      json.studyGroups.map((g) => g.number),
      [21],
    )
    const gaps = files.find((f) => f.name === 'gaps.csv')!.content as string
    assert.ok(!gaps.includes('SG17'), gaps)
    const summary = files.find((f) => f.name === 'summary.md')!.content as string
    assert.ok(!summary.includes('| SG17 |'), summary)
    assert.ok(
      summary.includes(`${json.subjects.filter((s) => s.kind === 'requirement').length} subjects:`),
      summary,
    )
  })

  it('report.json is the selected analysis, pretty-printed, newline-terminated', async () => {
    const [json] = await renderReports(analysis, ['json'], reportContext('en', analysis))
    assert.equal(json.content, `${JSON.stringify(analysis, null, 2)}\n`)
  })

  it('gaps.csv of the fixture: the two gap subjects', async () => {
    const gaps = (await renderReports(analysis, ['csv'], reportContext('en', analysis)))[0].content as string
    // Neither text shares a word with a Question title of its SG: no Question proposed.
    assert.deepEqual(gaps.split('\r\n').slice(1), [
      'DPI-CON-01,requirement,Consent records,gap,gap,,0.0000,,SG17,,mandate,no,itu-t,"itu-t: SG17 (0.60, high): mandate: privacy, trust · Question: to be decided (the catalogue’s Question list for this SG is incomplete and none of its listed Questions matches well)",',
      'DPI-MSG-01,requirement,Video messages,gap,gap,H.9990,0.1182,intersects with,SG21,,mandate,no,itu-t,"itu-t: SG21 (1.00, high): H.9990 match; mandate: video coding · Question: to be decided (the catalogue’s Question list for this SG is incomplete and none of its listed Questions matches well)",',
      '',
    ])
  })

  it('is deterministic: two renders give identical bytes (docx included), in both languages', async () => {
    for (const lang of ['en', 'fr'] as const) {
      const a = await renderReports(analysis, REPORT_FORMATS, reportContext(lang, analysis))
      const b = await renderReports(structuredClone(analysis), REPORT_FORMATS, reportContext(lang, analysis))
      assert.deepEqual(a, b)
    }
    const fr = await renderReports(analysis, ['md'], reportContext('fr', analysis))
    const en = await renderReports(analysis, ['md'], reportContext('en', analysis))
    assert.notEqual(fr[0].content, en[0].content)
  })
})
