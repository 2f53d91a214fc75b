import assert from 'node:assert/strict'
import {cpSync, existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {ROOT, resetExitCodeAround, warmUpCli} from '../catalogue/cli-helpers.js'

describe('every matching command on a catalogue without standards', () => {
  warmUpCli()
  resetExitCodeAround()
  let base: string
  let catalogue: string
  before(() => {
    base = mkdtempSync(join(tmpdir(), 'gapscan-no-standards-'))
    catalogue = join(base, 'catalogue')
    cpSync(join(ROOT, 'test/fixtures/analysis/small'), catalogue, {recursive: true})
    rmSync(join(catalogue, 'standards.yaml'))
  })
  after(() => rmSync(base, {recursive: true, force: true}))

  const commands: [string, string[]][] = [
    ['match', []],
    ['explain', ['FGMV-01', 'Y.4600']],
    ['evaluate', ['--gold', join(ROOT, 'test/gold/dpi-gold.csv')]],
    ['report', ['--out', 'REPORTS']],
    ['export', ['--out', 'REPORTS/tsag.csv']],
  ]
  for (const [command, args] of commands) {
    it(`${command}: exit 3 (bad input), one line naming the folder, no output, no file`, async () => {
      const out = join(base, 'out')
      const {error, stderr, stdout} = await runCommand(
        [command, ...args.map((a) => a.replace('REPORTS', out)), '--catalogue', catalogue],
        {root: ROOT},
      )
      assert.equal(error?.oclif?.exit, 3, stderr)
      assert.equal(stderr, `error: ${catalogue}: the catalogue has no standards to match against\n`)
      assert.equal(stdout, '')
      assert.equal(existsSync(out), false)
    })
  }
})
