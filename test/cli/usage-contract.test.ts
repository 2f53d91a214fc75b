/**
 * The command-line contract, checked on the built binary for every command: a usage error
 * (unknown flag, missing required flag, bad value, extra argument, mistyped command) exits 2
 * with one line on stderr and nothing on stdout, with or without --json, never prompting.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {closeSync, mkdtempSync, openSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {ROOT} from '../catalogue/cli-helpers.js'

const SMALL = 'test/fixtures/catalogue/small'

function gapscan(...args: string[]) {
  const env = {...process.env, NO_COLOR: '1', CI: '1'}
  return spawnSync(process.execPath, ['bin/run.js', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
}

/** Each command with arguments that get past its required ones, so only the mistake under test fails. */
const COMMANDS: Record<string, string[]> = {
  catalogue: ['catalogue', '-c', SMALL],
  validate: ['validate', '-c', SMALL],
  match: ['match', '-c', SMALL],
  explain: ['explain', 'A', 'B', '-c', SMALL],
  evaluate: ['evaluate', '--gold', 'x.csv', '-c', SMALL],
  report: ['report', '-c', SMALL, '--out', '/nonexistent-never-written'],
  export: ['export', '-c', SMALL, '--out', '/nonexistent-never-written.csv'],
  diff: ['diff', 'a.json', 'b.json'],
  'import csv': ['import', 'csv', 'x.csv', '--kind', 'standard', '--out', '/nonexistent-never-written.yaml'],
  'import relaton': ['import', 'relaton', 'x.jsonl', '--out', '/nonexistent-never-written.yaml'],
  'import govstack': ['import', 'govstack', 'x', '--out', '/nonexistent-never-written.yaml'],
}

/** Usage mistakes any command can make, as extra arguments. */
const MISTAKES: Record<string, string[]> = {
  'an unknown flag': ['--no-such-flag'],
  'a flag without its value': ['--catalogue'],
}

/** Mistakes particular to one command's flags. */
const SPECIFIC: [string, string[]][] = [
  ['export without --out', ['export', '-c', SMALL]],
  ['evaluate without --gold', ['evaluate', '-c', SMALL]],
  ['match --top that is not a number', ['match', '-c', SMALL, '--top', 'x']],
  ['match --top above its maximum', ['match', '-c', SMALL, '--top', '100000']],
  ['match --kind not among the options', ['match', '-c', SMALL, '--kind', 'standard']],
  ['report --sg that names no study group', ['report', '-c', SMALL, '--sg', 'abc']],
  ['report --lang not among the options', ['report', '-c', SMALL, '--lang', 'xx']],
  [
    'report --format unknown',
    ['report', '-c', SMALL, '--format', 'pdf', '--out', '/nonexistent-never-written'],
  ],
  [
    'report --date not a date',
    ['report', '-c', SMALL, '--date', 'tomorrow', '--out', '/nonexistent-never-written'],
  ],
  [
    'export --delimiter of two characters',
    ['export', '-c', SMALL, '--out', '/nonexistent-x.csv', '--delimiter', 'ab'],
  ],
  [
    'export --fail-on-new-gaps without --previous',
    ['export', '-c', SMALL, '--out', '/nonexistent-x.csv', '--fail-on-new-gaps'],
  ],
  ['an unexpected argument', ['validate', '-c', SMALL, 'extra']],
  ['diff with one file', ['diff', 'a.json']],
  ['import csv without --kind', ['import', 'csv', 'x.csv']],
  ['import csv with a bad --map', ['import', 'csv', 'x.csv', '--kind', 'standard', '--map', 'nonsense']],
]

function assertUsageError(args: string[]): string {
  const run = gapscan(...args)
  assert.equal(run.status, 2, `${args.join(' ')}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`)
  assert.equal(run.stdout, '', args.join(' '))
  assert.match(run.stderr, /^error: [^\n]+\n$/, `${args.join(' ')}: ${run.stderr}`)
  assert.doesNotMatch(run.stderr, /\bat .*\.js:\d+|"oclif"|"parse"/, 'no trace, no parser internals')
  return run.stderr
}

describe('command-line contract: usage errors', function () {
  this.timeout(600_000)

  for (const [name, base] of Object.entries(COMMANDS)) {
    for (const [mistake, extra] of Object.entries(MISTAKES)) {
      for (const json of [false, true]) {
        it(`${name}: ${mistake}${json ? ' with --json' : ''} exits 2 with one line on stderr`, () => {
          assertUsageError(json ? [...base, '--json', ...extra] : [...base, ...extra])
        })
      }
    }
  }

  for (const [mistake, args] of SPECIFIC) {
    for (const json of [false, true]) {
      it(`${mistake}${json ? ' with --json' : ''} exits 2 with one line on stderr`, () => {
        assertUsageError(json ? [...args, '--json'] : args)
      })
    }
  }

  for (const [typed, nearest] of [
    ['reprot', 'report'],
    ['valdiate', 'validate'],
    ['exprot', 'export'],
    ['catalog', 'catalogue'],
    ['import csvv', 'import csv'],
  ]) {
    it(`a mistyped command "${typed}" names "${nearest}" and exits 2, without prompting`, () => {
      const stderr = assertUsageError(typed.split(' '))
      assert.ok(stderr.includes(`did you mean "${nearest}"?`), stderr)
    })
  }

  it('a command far from any names none, and still exits 2', () => {
    assert.doesNotMatch(assertUsageError(['zzzzzzzzzz']), /did you mean/)
  })

  it('accepts --sg as 20, SG20 and "SG 20" alike, and --format repeated or comma-separated', () => {
    const out = mkdtempSync(join(tmpdir(), 'gapscan-cli-sg-'))
    try {
      for (const sg of ['20', 'SG20', 'SG 20', 'sg20']) {
        const run = gapscan(
          'report',
          '-c',
          SMALL,
          '--sg',
          sg,
          '--format',
          'md',
          '--format',
          'csv,json',
          '--json',
          '--out',
          out,
        )
        assert.equal(run.status, 0, run.stderr)
        const files = (JSON.parse(run.stdout) as {files: string[]}).files.map((f) => f.replace(/^.*\//, ''))
        assert.deepEqual(files, ['summary.md', 'res105-sg-20.md', 'report.json', 'gaps.csv', 'overlaps.csv'])
      }
    } finally {
      rmSync(out, {recursive: true, force: true})
    }
  })
})

describe('command-line contract: stdout that cannot be written', function () {
  this.timeout(120_000)
  const commands = [
    ['catalogue', '-c', SMALL],
    ['catalogue', '-c', SMALL, '--json'],
    ['match', '-c', SMALL, '--subjects', `${SMALL}/subjects.csv`],
    ['validate', '-c', 'test/fixtures/broken/wrong-kind'],
  ]

  for (const args of commands) {
    it(`${args.join(' ')} > /dev/full: one line on stderr, exit 4, no trace`, function () {
      let out: number
      try {
        out = openSync('/dev/full', 'w')
      } catch {
        this.skip()
      }
      const run = spawnSync(process.execPath, ['bin/run.js', ...args], {
        cwd: ROOT,
        env: {...process.env, NO_COLOR: '1'},
        stdio: ['ignore', out, 'pipe'],
        encoding: 'utf8',
      })
      closeSync(out)
      assert.equal(run.status, 4, run.stderr)
      assert.match(
        run.stderr,
        /^(.*\n)?error: cannot write to standard output: no space left on the device \(ENOSPC\)\n$/,
      )
    })

    it(`${args.join(' ')} into a pipe closed by its reader: one line on stderr, exit 4`, async () => {
      const child = spawn(process.execPath, ['bin/run.js', ...args], {
        cwd: ROOT,
        env: {...process.env, NO_COLOR: '1'},
      })
      child.stdout.destroy()
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const status = await new Promise<number | null>((resolve) => child.once('close', resolve))
      assert.equal(status, 4, stderr)
      assert.match(stderr, /error: cannot write to standard output: broken pipe \(EPIPE\)\n$/)
      assert.doesNotMatch(stderr, /\bat .*\.js:\d+/)
    })
  }
})
