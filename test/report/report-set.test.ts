import assert from 'node:assert/strict'
import {analyse, type Analysis} from '../../src/core/analysis/analyse.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {REPORT_FORMATS, renderReports} from '../../src/core/report/index.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const FIXTURE = 'test/fixtures/analysis/small'

describe('report: renderReports (the report set)', () => {
  let analysis: Analysis
  before(() => {
    const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
    analysis = analyse(catalogue, new Matcher(catalogue, config, glossary))
  })
  const names = (formats: readonly (typeof REPORT_FORMATS)[number][]) =>
    renderReports(analysis, formats, 'en').map((f) => f.name)

  it('knows four formats', () => {
    assert.deepEqual(REPORT_FORMATS, ['html', 'md', 'json', 'csv'])
  })

  it('lists the files of each format', () => {
    assert.deepEqual(names(['html']), ['index.html'])
    assert.deepEqual(names(['md']), ['summary.md', 'sg-17.md', 'sg-20.md', 'sg-21.md'])
    assert.deepEqual(names(['json']), ['report.json'])
    assert.deepEqual(names(['csv']), ['gaps.csv', 'overlaps.csv'])
  })

  it('writes every file of every format, in a fixed order whatever the order asked', () => {
    const all = [
      'index.html',
      'summary.md',
      'sg-17.md',
      'sg-20.md',
      'sg-21.md',
      'report.json',
      'gaps.csv',
      'overlaps.csv',
    ]
    assert.deepEqual(names(REPORT_FORMATS), all)
    assert.deepEqual(names(['csv', 'json', 'md', 'html']), all)
  })

  it('writes sg files for the selected study groups only', () => {
    const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
    const only = analyse(catalogue, new Matcher(catalogue, config, glossary), {sgs: [21]})
    assert.deepEqual(
      renderReports(only, ['md'], 'en').map((f) => f.name),
      ['summary.md', 'sg-21.md'],
    )
  })

  it('report.json is the analysis itself, pretty-printed, newline-terminated', () => {
    const [json] = renderReports(analysis, ['json'], 'en')
    assert.equal(json.content, `${JSON.stringify(analysis, null, 2)}\n`)
    assert.deepEqual(JSON.parse(json.content), JSON.parse(JSON.stringify(analysis)))
  })

  it('gaps.csv of the fixture: the two gap subjects', () => {
    const gaps = renderReports(analysis, ['csv'], 'en')[0].content
    // Neither text shares a word with a Question title of its SG: no Question proposed.
    assert.deepEqual(gaps.split('\r\n').slice(1), [
      'DPI-CON-01,requirement,Consent records,gap,gap,,0.0000,,SG17,,mandate,no',
      'DPI-MSG-01,requirement,Video messages,gap,gap,H.9990,0.1182,intersects with,SG21,,mandate,no',
      '',
    ])
  })

  it('is deterministic: two renders give identical bytes, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const a = renderReports(analysis, REPORT_FORMATS, lang)
      const b = renderReports(structuredClone(analysis), REPORT_FORMATS, lang)
      assert.deepEqual(a, b)
    }
    assert.notEqual(
      renderReports(analysis, ['md'], 'fr')[0].content,
      renderReports(analysis, ['md'], 'en')[0].content,
    )
  })
})
