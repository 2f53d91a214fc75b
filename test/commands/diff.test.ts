import assert from 'node:assert/strict'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {exitOf, ROOT} from '../catalogue/cli-helpers.js'
import {EXPECTED_TEXT} from '../export/helpers.js'

const fixture = (name: string) => join(ROOT, 'test/fixtures/export', name)

async function diff(...args: string[]) {
  const result = await runCommand(['diff', ...args], {root: ROOT})
  return {...result, code: exitOf(result)}
}

describe('gapscan diff', () => {
  afterEach(() => {
    process.exitCode = undefined
  })

  it('prints one line per change and exits 0', async () => {
    const {code, stdout} = await diff(fixture('old.report.json'), fixture('new.report.json'))
    assert.equal(code, 0)
    assert.equal(stdout, EXPECTED_TEXT)
  })

  it('compares TSAG export CSVs', async () => {
    const {code, stdout} = await diff(fixture('old.tsag.csv'), fixture('new.tsag.csv'))
    assert.equal(code, 0)
    assert.equal(stdout, EXPECTED_TEXT)
  })

  it('prints JSON with --format json and with --json', async () => {
    const a = await diff(fixture('old.report.json'), fixture('new.report.json'), '--format', 'json')
    const b = await diff(fixture('old.report.json'), fixture('new.report.json'), '--json')
    assert.deepEqual(JSON.parse(a.stdout), JSON.parse(b.stdout))
    const json = JSON.parse(a.stdout)
    assert.deepEqual(
      json.newGaps.map((g: {id: string}) => g.id),
      ['FGMV-01', 'FGMV-05'],
    )
    assert.deepEqual(json.closedGaps, [{id: 'FGMV-02', title: 'Digital twins', to: 'partial', sgs: [17]}])
    assert.deepEqual(json.responsibleSgs[1], {id: 'FGMV-01', title: 'Avatars', from: [20], to: [21]})
    assert.equal(a.code, 0)
  })

  it('prints Markdown tables with --format md', async () => {
    const {code, stdout} = await diff(
      fixture('old.report.json'),
      fixture('new.report.json'),
      '--format',
      'md',
    )
    assert.equal(code, 0)
    assert.ok(stdout.includes('## New gaps (2)'))
    assert.ok(
      stdout.includes('| FGMV-05 | Pipes \\| and &lt;b&gt;HTML&lt;/b&gt; &amp; more | not in old | SG21 |'),
    )
    assert.ok(stdout.includes('## Closed gaps (1)'))
    assert.ok(stdout.includes('| DPI-T-01 | Second factor | SG17 | SG17;SG20 |'))
  })

  it('exits 0 with "no changes" for identical results', async () => {
    const {code, stdout} = await diff(fixture('new.report.json'), fixture('new.tsag.csv'))
    assert.equal(code, 0)
    assert.equal(stdout, 'no changes\n')
  })

  it('exits 3 with file:line: field: message on bad input', async () => {
    const cases: [string, RegExp][] = [
      ['missing-coverage.csv', /missing-coverage\.csv:1: coverage: required column is missing/],
      ['wrong-schema.report.json', /wrong-schema\.report\.json:2: schemaVersion: "2\.0" is not supported/],
      ['malformed.report.json', /malformed\.report\.json:4: malformed JSON: /],
    ]
    for (const [name, message] of cases) {
      const {code, stderr, stdout} = await diff(fixture('old.report.json'), fixture(name))
      assert.equal(code, 3, name)
      assert.match(stderr, message)
      assert.equal(stdout, '')
    }
  })

  it('exits 2 on a bad --format or a missing argument', async () => {
    assert.equal(
      (await diff(fixture('old.report.json'), fixture('new.report.json'), '--format', 'xml')).code,
      2,
    )
    assert.equal((await diff(fixture('old.report.json'))).code, 2)
  })
})
