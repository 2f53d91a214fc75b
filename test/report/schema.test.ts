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
      assert.equal(report.schemaVersion, '1.1')
      assert.equal(report.date, date)
    }
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
