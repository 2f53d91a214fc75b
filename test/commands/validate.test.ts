import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {runCommand} from '@oclif/test'
import {
  ANSI,
  ROOT,
  resetExitCodeAround,
  stripColour,
  warmUpCli,
  withTerminal,
} from '../catalogue/cli-helpers.js'

const SMALL = 'test/fixtures/catalogue/small'
const BROKEN = 'test/fixtures/broken'

interface ValidateResult {
  valid: boolean
  errors: number
  warnings: number
  files: number
  problems: {severity: string; file: string; line: number; field?: string; message: string}[]
}

const validate = (...args: string[]) => runCommand<ValidateResult>(['validate', ...args], {root: ROOT})

describe('gapscan validate', () => {
  warmUpCli()
  resetExitCodeAround()

  it('exits 0 on a valid catalogue, printing nothing on stdout and a summary on stderr', async () => {
    const {stdout, stderr, error, result} = await validate('--catalogue', SMALL)
    assert.equal(error, undefined)
    assert.equal(process.exitCode, undefined)
    assert.equal(stdout, '')
    assert.equal(stderr, `${SMALL}: valid: 3 files, 0 errors, 0 warnings\n`)
    assert.deepEqual(result, {valid: true, errors: 0, warnings: 0, files: 3, problems: []})
  })

  it('accepts -c for --catalogue', async () => {
    const {stderr} = await validate('-c', SMALL)
    assert.equal(stderr, `${SMALL}: valid: 3 files, 0 errors, 0 warnings\n`)
  })

  it('exits 1 on a broken catalogue and prints the exact problem lines on stdout', async () => {
    const dir = `${BROKEN}/malformed-jsonl`
    const {stdout, stderr, error} = await validate('--catalogue', dir)
    // validate sets process.exitCode rather than throwing, so runCommand reports no error.
    assert.equal(error, undefined)
    assert.equal(process.exitCode, 1)
    assert.equal(
      stdout,
      [
        `${dir}/standards.jsonl:2: malformed JSON: Expected ',' or '}' after property value`,
        `${dir}/standards.jsonl:5: each line must be a JSON object`,
        '',
      ].join('\n'),
    )
    assert.equal(stderr, `${dir}: invalid: 2 files, 2 errors, 0 warnings\n`)
  })

  it('lists problems of several files in file order, errors and warnings together', async () => {
    const dir = `${BROKEN}/binary-file`
    const {stdout, stderr} = await validate('--catalogue', dir)
    assert.equal(process.exitCode, 1)
    assert.equal(
      stdout,
      `${dir}/logo.png: warning: not a catalogue file (ignored)\n${dir}/standards.yaml: binary content (NUL bytes): not a text file\n`,
    )
    assert.equal(stderr, `${dir}: invalid: 2 files, 1 errors, 1 warnings\n`)
  })

  it('exits 0 when there are only warnings, and prints them', async () => {
    const dir = `${BROKEN}/unknown-field`
    const {stdout, stderr, result} = await validate('--catalogue', dir)
    assert.equal(process.exitCode, undefined)
    assert.equal(stdout, `${dir}/standards.yaml:7: warning: colour: unknown field (ignored)\n`)
    assert.equal(stderr, `${dir}: valid: 2 files, 0 errors, 1 warnings\n`)
    assert.equal(result?.valid, true)
  })

  it('reports a missing folder on one line and exits 3 (an input error, as the README says)', async () => {
    const {stdout, stderr} = await validate('--catalogue', 'test/fixtures/no-such-catalogue')
    assert.equal(process.exitCode, 3)
    assert.equal(stdout, '')
    assert.equal(stderr, 'error: test/fixtures/no-such-catalogue: cannot read catalogue: folder not found\n')
  })

  it('--json prints the result as JSON on stdout and nothing on stderr', async () => {
    const dir = `${BROKEN}/duplicate-ids-across-files`
    const {stdout, stderr} = await validate('--catalogue', dir, '--json')
    assert.equal(process.exitCode, 1)
    assert.equal(stderr, '')
    assert.deepEqual(JSON.parse(stdout), {
      valid: false,
      errors: 1,
      warnings: 0,
      files: 3,
      problems: [
        {
          severity: 'error',
          file: `${dir}/b-standards.csv`,
          line: 3,
          field: 'id',
          message: `duplicate standard id "X.1252" (first at ${dir}/a-standards.yaml:3)`,
        },
      ],
    })
  })

  it('--json on a valid catalogue with warnings', async () => {
    const dir = `${BROKEN}/utf16`
    const {stdout} = await validate('--catalogue', dir, '--json')
    assert.equal(process.exitCode, undefined)
    assert.deepEqual(JSON.parse(stdout), {
      valid: true,
      errors: 0,
      warnings: 1,
      files: 3,
      problems: [
        {
          severity: 'warning',
          file: `${dir}/standards-be.yaml`,
          line: 0,
          message: 'no byte-order mark; decoded as UTF-16BE',
        },
      ],
    })
  })

  it('--quiet drops the summary line but keeps the problems', async () => {
    const dir = `${BROKEN}/yaml-duplicate-key`
    const {stdout, stderr} = await validate('--catalogue', dir, '--quiet')
    assert.equal(process.exitCode, 1)
    assert.equal(stdout, `${dir}/standards.yaml:5: malformed YAML: Map keys must be unique\n`)
    assert.equal(stderr, '')
  })

  describe('colour', () => {
    const run = (noColor: string | undefined, ...extra: string[]) =>
      withTerminal(noColor, () =>
        runCommand(
          ['validate', '--catalogue', `${BROKEN}/hostile-strings`, ...extra],
          {root: ROOT},
          {stripAnsi: false},
        ),
      )

    it('colours the verdict on a terminal (so the NO_COLOR tests below can fail)', async () => {
      const {stderr} = await run(undefined)
      assert.match(stderr, ANSI)
      assert.equal(stripColour(stderr), `${BROKEN}/hostile-strings: invalid: 2 files, 4 errors, 0 warnings\n`)
    })

    it('prints no ANSI escapes when NO_COLOR=1', async () => {
      const {stdout, stderr} = await run('1')
      assert.doesNotMatch(stdout, ANSI)
      assert.doesNotMatch(stderr, ANSI)
      assert.equal(stderr, `${BROKEN}/hostile-strings: invalid: 2 files, 4 errors, 0 warnings\n`)
      assert.equal(stdout.split('\n').length, 5)
    })

    it('prints no ANSI escapes with --no-color', async () => {
      const {stdout, stderr} = await run(undefined, '--no-color')
      assert.doesNotMatch(stdout + stderr, ANSI)
    })

    it('treats an empty NO_COLOR as unset', async () => {
      const {stderr} = await run('')
      assert.match(stderr, ANSI)
    })
  })

  describe('as a real process (bin/run.js, compiled commands)', () => {
    const gapscan = (...args: string[]) => {
      const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'}
      delete env.NODE_ENV
      return spawnSync(process.execPath, ['bin/run.js', ...args], {cwd: ROOT, env, encoding: 'utf8'})
    }

    it('exits with status 1 on a broken catalogue', function () {
      this.timeout(10_000)
      const run = gapscan('validate', '-c', `${BROKEN}/wrong-kind`)
      assert.equal(run.status, 1, run.stderr)
      assert.equal(
        run.stdout,
        `${BROKEN}/wrong-kind/standards.yaml:2: kind: "standards" is not one of deliverable, requirement, standard, study-group\n` +
          `${BROKEN}/wrong-kind/subjects.csv:3: kind: "report" is not one of deliverable, requirement, standard, study-group\n`,
      )
      assert.equal(run.stderr, `${BROKEN}/wrong-kind: invalid: 3 files, 2 errors, 0 warnings\n`)
    })

    it('exits with status 0 on a valid catalogue, silent with --quiet', function () {
      this.timeout(10_000)
      const run = gapscan('validate', '-c', SMALL, '-q')
      assert.equal(run.status, 0, run.stderr)
      assert.equal(run.stdout + run.stderr, '')
    })
  })
})
