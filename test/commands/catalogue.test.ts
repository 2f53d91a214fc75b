import assert from 'node:assert/strict'
import {runCommand} from '@oclif/test'
import type {CatalogueSummary} from '../../src/core/catalogue/index.js'
import {ANSI, ROOT, resetExitCodeAround, warmUpCli, withTerminal} from '../catalogue/cli-helpers.js'

const SMALL = 'test/fixtures/catalogue/small'
const BROKEN = 'test/fixtures/broken'

const catalogue = (...args: string[]) => runCommand<CatalogueSummary>(['catalogue', ...args], {root: ROOT})

const SMALL_SUMMARY: CatalogueSummary = {
  counts: {deliverable: 1, requirement: 1, standard: 3, 'study-group': 2},
  bySg: {
    SG17: {standards: 1, inForce: 1, underStudy: 0, deliverables: 1, questions: 1},
    SG20: {standards: 1, inForce: 1, underStudy: 0, deliverables: 1, questions: 1},
  },
  byOrg: {'ISO/IEC': 1, 'ITU-T': 2},
  byStatus: {'in-force': 3},
  byBuildingBlock: {identity: 1},
  byFile: {
    'test/fixtures/catalogue/small/standards.yaml': 3,
    'test/fixtures/catalogue/small/study-groups.yaml': 2,
    'test/fixtures/catalogue/small/subjects.csv': 2,
  },
}

describe('gapscan catalogue', () => {
  warmUpCli()
  resetExitCodeAround()

  it('--json prints the counts of the small fixture', async () => {
    const {stdout, stderr, error, result} = await catalogue('--catalogue', SMALL, '--json')
    assert.equal(error, undefined)
    assert.equal(stderr, '')
    const parsed = JSON.parse(stdout) as CatalogueSummary
    assert.deepEqual(parsed.counts, {deliverable: 1, requirement: 1, standard: 3, 'study-group': 2})
    assert.deepEqual(parsed, SMALL_SUMMARY)
    assert.deepEqual(result, SMALL_SUMMARY)
  })

  it('prints the per-kind table and the other tables for people', async () => {
    const {stdout, error} = await catalogue('--catalogue', SMALL)
    assert.equal(error, undefined)
    assert.equal(
      stdout,
      [
        'Entries per kind',
        '  deliverable                  1',
        '  requirement                  1',
        '  standard                     3',
        '  study-group                  2',
        'Standards per organisation',
        '  ISO/IEC                      1',
        '  ITU-T                        2',
        'Standards per status',
        '  in-force                     3',
        'Per study group (standards / in force / under study / deliverables / Questions)',
        '  SG17                         1 / 1 / 0 / 1 / 1',
        '  SG20                         1 / 1 / 0 / 1 / 1',
        'Requirements per building block',
        '  identity                     1',
        'Entries per file',
        '  test/fixtures/catalogue/small/standards.yaml 3',
        '  test/fixtures/catalogue/small/study-groups.yaml 2',
        '  test/fixtures/catalogue/small/subjects.csv 2',
        '',
      ].join('\n'),
    )
  })

  it('loads a catalogue that has warnings only: counts on stdout, how many warnings on stderr', async () => {
    const {stdout, stderr, error} = await catalogue('--catalogue', `${BROKEN}/unknown-field`)
    assert.equal(error, undefined)
    assert.match(stdout, /standard +1/)
    assert.equal(stderr, '1 catalogue warnings (run gapscan validate to see them)\n')
    const matched = await runCommand(['match', '--catalogue', `${BROKEN}/unknown-field`], {root: ROOT})
    assert.equal(matched.error, undefined)
    assert.equal(matched.stderr, '1 catalogue warnings (run gapscan validate to see them)\n')
  })

  it('loads a CSV catalogue with a BOM and CRLF line ends', async () => {
    const {stdout, error} = await catalogue('--catalogue', `${BROKEN}/csv-bom-crlf`, '--json')
    assert.equal(error, undefined)
    const parsed = JSON.parse(stdout) as CatalogueSummary
    assert.deepEqual(parsed.counts, {deliverable: 0, requirement: 0, standard: 3, 'study-group': 2})
    assert.deepEqual(parsed.byStatus, {'in-force': 2, 'under-study': 1})
    assert.deepEqual(parsed.byOrg, {ISO: 1, 'ITU-T': 2})
  })

  it('refuses a bad catalogue with a one-line error, no stack trace, and exit code 3', async () => {
    const dir = `${BROKEN}/unknown-sg`
    const {stdout, stderr, error} = await catalogue('--catalogue', dir)
    assert.equal(error?.oclif?.exit, 3)
    assert.equal(process.exitCode, 3)
    assert.equal(stdout, '')
    assert.equal(
      stderr,
      `error: ${dir}/deliverables.csv:2: sgs: unknown study group 16 (known: 17, 20) (and 2 more problems: run gapscan validate)\n`,
    )
    assert.equal(stderr.trimEnd().split('\n').length, 1)
    assert.ok(!stderr.includes('    at '), stderr)
  })

  it('refuses a missing folder with a one-line error and exit code 3', async () => {
    const {stderr, error} = await catalogue('--catalogue', 'test/fixtures/no-such-catalogue')
    assert.equal(error?.oclif?.exit, 3)
    assert.equal(stderr, 'error: test/fixtures/no-such-catalogue: cannot read catalogue: folder not found\n')
  })

  it('--json reports the error as JSON with its exit code', async () => {
    const dir = `${BROKEN}/yaml-duplicate-key`
    const {stdout, stderr, error} = await catalogue('--catalogue', dir, '--json')
    assert.equal(error?.oclif?.exit, 3)
    assert.equal(stderr, '')
    assert.deepEqual(JSON.parse(stdout), {
      error: {message: `${dir}/standards.yaml:5: malformed YAML: Map keys must be unique`, exitCode: 3},
    })
  })

  describe('colour', () => {
    const run = (noColor: string | undefined, dir: string) =>
      withTerminal(noColor, () =>
        runCommand(['catalogue', '--catalogue', dir], {root: ROOT}, {stripAnsi: false}),
      )

    it('colours "error" on a terminal (so the NO_COLOR test below can fail)', async () => {
      const {stderr} = await run(undefined, `${BROKEN}/binary-file`)
      assert.match(stderr, ANSI)
    })

    it('prints no ANSI escapes when NO_COLOR=1, on success and on error', async () => {
      const ok = await run('1', SMALL)
      assert.doesNotMatch(ok.stdout + ok.stderr, ANSI)
      assert.match(ok.stdout, /^Entries per kind\n/)
      const bad = await run('1', `${BROKEN}/binary-file`)
      assert.doesNotMatch(bad.stdout + bad.stderr, ANSI)
      assert.equal(
        bad.stderr,
        `error: ${BROKEN}/binary-file/standards.yaml: binary content (NUL bytes): not a text file\n`,
      )
    })
  })
})
