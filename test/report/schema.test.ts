import {strict as assert} from 'node:assert'
import {readFileSync} from 'node:fs'
import {Ajv2020} from 'ajv/dist/2020.js'
import {analyse} from '../../src/core/analysis/analyse.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {renderJson} from '../../src/core/report/json.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const schema = JSON.parse(readFileSync(new URL('../../docs/report-schema.json', import.meta.url), 'utf8'))

describe('report.json schema (docs/report-schema.json)', () => {
  const ajv = new Ajv2020({allErrors: true, strict: true})
  const validate = ajv.compile(schema)

  it('accepts the report of the small fixture catalogue, with and without a date', () => {
    const ws = loadWorkspace('test/fixtures/catalogue/small', {}, [])
    const matcher = new Matcher(ws.catalogue, ws.config, ws.glossary)
    for (const date of [undefined, '2026-11-22']) {
      const report = JSON.parse(renderJson(analyse(ws.catalogue, matcher, {date})))
      assert.equal(validate(report), true, JSON.stringify(validate.errors, null, 2))
      assert.equal(report.schemaVersion, '1.2')
      assert.equal(report.date, date)
    }
  })

  it('describes cited matches: basis, evidence, the designation cited', () => {
    const ws = loadWorkspace('test/fixtures/analysis/small', {}, [])
    const [first, ...rest] = ws.catalogue.requirements
    // A requirement that names a standard, and one that the catalogue holds only withdrawn.
    const catalogue = {
      ...ws.catalogue,
      requirements: [{...first, text: `${first.text} As ITU-T X.1254 and ITU-T Y.9990 require.`}, ...rest],
    }
    const report = JSON.parse(renderJson(analyse(catalogue, new Matcher(catalogue, ws.config, ws.glossary))))
    assert.equal(validate(report), true, JSON.stringify(validate.errors, null, 2))
    const matches = report.subjects.find((s: {id: string}) => s.id === first.id).matches
    assert.deepEqual(
      matches.slice(0, 2).map((m: {id: string; basis: string; cited: string}) => [m.id, m.basis, m.cited]),
      [
        ['X.1254', 'cited', 'ITU-T X.1254'],
        ['Y.9990', 'cited', 'ITU-T Y.9990'],
      ],
    )
    assert.equal(
      validate({...report, subjects: [{...report.subjects[0], matches: [{...matches[0], basis: 'guess'}]}]}),
      false,
    )
    const withoutEvidence = {...matches[0]}
    delete withoutEvidence.evidence
    assert.equal(
      validate({...report, subjects: [{...report.subjects[0], matches: [withoutEvidence]}]}),
      false,
    )
  })

  it('rejects a report with a wrong schema version or an unknown coverage', () => {
    const ws = loadWorkspace('test/fixtures/catalogue/small', {}, [])
    const report = JSON.parse(
      renderJson(analyse(ws.catalogue, new Matcher(ws.catalogue, ws.config, ws.glossary))),
    )
    assert.equal(validate({...report, schemaVersion: '2.0'}), false)
    report.subjects[0].coverage = 'mostly'
    assert.equal(validate(report), false)
  })
})
