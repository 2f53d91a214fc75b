import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import type {Evaluation} from '../../src/core/match/evaluate.js'
import {roundScore} from '../../src/core/match/matcher.js'
import {ROOT, resetExitCodeAround, warmUpCli} from '../catalogue/cli-helpers.js'

const GOLD = 'test/gold/dpi-gold.csv'

/**
 * The bundled catalogue's figures, exactly as `gapscan evaluate --gold test/gold/dpi-gold.csv`
 * prints them (and the README states): they guard matching quality against silent regressions.
 */
const EXPECTED_OUTPUT = [
  'subjects 21, pairs 31',
  'recall@1 0.1905  recall@5 0.4286  MRR 0.2907',
  'threshold  precision  recall  F1',
  '     0.05     0.1905  0.1905  0.1905',
  '     0.10     0.3077  0.1905  0.2353',
  ...[0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95].map(
    (t) => `     ${t.toFixed(2)}     0.0000  0.0000  0.0000`,
  ),
  'best F1 0.2353 at threshold 0.10',
  '',
].join('\n')

describe('gapscan evaluate (bundled data/)', () => {
  warmUpCli()
  resetExitCodeAround()

  it('prints recall@1, recall@5, MRR, the sweep and the best threshold exactly as measured', async function () {
    this.timeout(120_000)
    const {stdout, error, result} = await runCommand<Evaluation>(['evaluate', '--gold', GOLD], {root: ROOT})
    assert.equal(error, undefined)
    assert.equal(stdout, EXPECTED_OUTPUT)
    assert.ok(result)
    assert.equal(result.subjects, 21)
    assert.equal(result.pairs, 31)
    assert.equal(result.recallAt1.toFixed(4), '0.1905')
    assert.equal(result.recallAt5.toFixed(4), '0.4286')
    assert.equal(result.mrr.toFixed(4), '0.2907')
    assert.equal(result.best.threshold.toFixed(2), '0.10')
    assert.equal(result.best.f1.toFixed(4), '0.2353')
    assert.equal(result.sweep.length, 19)
    // Where each gold subject's first correct standard ranks (null: not in the top 20).
    assert.deepEqual(Object.fromEntries(result.ranks.map((r) => [r.subject, r.rank])), {
      'DPI-ARCH-17': 2,
      'DPI-CMS-11': 5,
      'DPI-ESIG-08': null,
      'DPI-GIS-07': 1,
      'DPI-GIS-10': 2,
      'DPI-ID-01': 8,
      'DPI-ID-02': null,
      'DPI-ID-16': 6,
      'DPI-MSG-16': 1,
      'DPI-PAY-13': 4,
      'DPI-PAY-16': 5,
      'DPI-REGN-19': 1,
      'DPI-SEC-03': 9,
      'DPI-SEC-04': null,
      'DPI-SEC-06': null,
      'DPI-SEC-27': null,
      'DPI-SEC-28': null,
      'DPI-WALLET-01': 19,
      'DPI-WALLET-04': null,
      'DPI-WALLET-09': null,
      'FGMV-38': 1,
    })
    // The figures follow from those ranks: recall@1 = 4/21, recall@5 = 9/21, MRR = mean of 1/rank.
    const ranks = result.ranks.map((r) => r.rank)
    assert.equal(result.recallAt1, roundScore(4 / 21))
    assert.equal(result.recallAt5, roundScore(9 / 21))
    assert.equal(result.mrr, roundScore(ranks.reduce((sum: number, r) => sum + (r ? 1 / r : 0), 0) / 21))
  })

  it('a gold file in Windows-1252 (as Excel saves CSV): the same figures, and a warning naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gapscan-gold-'))
    try {
      const gold = join(dir, 'gold.csv')
      // The bundled gold file with an accented justification: not UTF-8 any more.
      const text = readFileSync(GOLD, 'utf8').replace('names ISO 8601', 'cité: ISO 8601')
      writeFileSync(gold, Buffer.from(text, 'latin1'))
      const {stdout, stderr, error} = await runCommand(['evaluate', '--gold', gold], {root: ROOT})
      assert.equal(error, undefined)
      assert.equal(stdout, EXPECTED_OUTPUT)
      assert.equal(
        stderr,
        `${gold}: warning: not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this\n`,
      )
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('reads the gold file before the catalogue: a bad one fails before anything is indexed', async () => {
    const {error, stderr} = await runCommand(
      ['evaluate', '--catalogue', 'test/fixtures/no-such-catalogue', '--gold', 'test/gold/nope.csv'],
      {root: ROOT},
    )
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /^error: test\/gold\/nope\.csv: cannot read: file not found \(ENOENT\)\n$/)
  })

  it('a missing gold file: exit 3', async () => {
    const {error, stderr} = await runCommand(
      ['evaluate', '--catalogue', 'test/fixtures/catalogue/small', '--gold', 'test/gold/nope.csv'],
      {root: ROOT},
    )
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /^error: test\/gold\/nope\.csv/)
  })
})
