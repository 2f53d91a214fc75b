/**
 * `validate` checks every file the other commands read: for each side file (config, glossary,
 * decisions) and each kind of mistake in it, validate reports it as `file:line: …` and exits 1,
 * where it used to say "valid" and leave `report` to fail.
 */
import assert from 'node:assert/strict'
import {cpSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {ROOT, resetExitCodeAround, warmUpCli} from '../catalogue/cli-helpers.js'

const SMALL = join(ROOT, 'test/fixtures/catalogue/small')

const DECISION = (subject: string, standard: string) =>
  `decisions:\n  - {subject: ${subject}, action: accept, standard: ${standard}, by: A, date: 2026-01-01, reason: R}\n`

const CASES: {file: string; text: string; problem: RegExp}[] = [
  {
    file: 'gapscan.config.yaml',
    text: 'top: 0\n',
    problem: /gapscan\.config\.yaml:1: top: must be a whole number/,
  },
  {
    file: 'gapscan.config.yaml',
    text: 'bogus: 1\n',
    problem: /gapscan\.config\.yaml:1: bogus: unknown setting/,
  },
  {file: 'gapscan.config.yaml', text: 'top: [1\n', problem: /gapscan\.config\.yaml:\d+: malformed YAML/},
  {
    file: 'gapscan.config.yaml',
    text: 'top: 1000000000\n',
    problem: /top: must be a whole number from 1 to 100/,
  },
  {file: 'glossary.yaml', text: 'concepts: 1\n', problem: /glossary\.yaml:1: concepts: expected a list/},
  {file: 'glossary.yaml', text: 'concepts:\n  - {id: a}\n', problem: /glossary\.yaml:2: a: has no terms/},
  {
    file: 'decisions.yaml',
    text: DECISION('NO-SUCH', 'Y.4600'),
    problem: /decisions\.yaml:2: subject: unknown subject "NO-SUCH"/,
  },
  {
    file: 'decisions.yaml',
    text: DECISION('FGMV-99', 'Z.1'),
    problem: /decisions\.yaml:2: standard: unknown standard "Z.1"/,
  },
  {file: 'decisions.yaml', text: 'decisions: [\n', problem: /decisions\.yaml:\d+: malformed YAML/},
  {file: 'decisions.yaml', text: 'decisions: 7\n', problem: /decisions\.yaml:1: decisions: expected a list/},
]

describe('gapscan validate: config, glossary and decisions', () => {
  warmUpCli()
  resetExitCodeAround()
  let dir: string
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'gapscan-side-')), 'catalogue')
    cpSync(SMALL, dir, {recursive: true})
  })
  afterEach(() => rmSync(join(dir, '..'), {recursive: true, force: true}))

  for (const {file, text, problem} of CASES) {
    it(`${file} with ${JSON.stringify(text.trim().slice(0, 40))}: one problem line, exit 1`, async () => {
      writeFileSync(join(dir, file), text)
      const {stdout, stderr} = await runCommand(['validate', '--catalogue', dir], {root: ROOT})
      assert.equal(process.exitCode, 1, stderr)
      const lines = stdout.trim().split('\n')
      assert.equal(lines.length, 1, stdout)
      assert.ok(lines[0].startsWith(join(dir, file)), lines[0])
      assert.match(lines[0], problem)
    })
  }

  it('valid side files keep the catalogue valid', async () => {
    writeFileSync(join(dir, 'gapscan.config.yaml'), 'top: 3\n')
    writeFileSync(join(dir, 'glossary.yaml'), 'concepts:\n  - {id: twin, en: [digital twin]}\n')
    const {stdout} = await runCommand(['validate', '--catalogue', dir], {root: ROOT})
    assert.equal(process.exitCode, undefined)
    assert.equal(stdout, '')
  })
})
