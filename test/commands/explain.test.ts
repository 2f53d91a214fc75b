import assert from 'node:assert/strict'
import {runCommand} from '@oclif/test'
import type {Explanation} from '../../src/commands/explain.js'
import type {SubjectResult} from '../../src/core/match/matcher.js'
import {ROOT, resetExitCodeAround, warmUpCli} from '../catalogue/cli-helpers.js'

const SMALL = 'test/fixtures/catalogue/small'
const FIXTURE = 'test/fixtures/analysis/small'

const explain = (...args: string[]) => runCommand<Explanation>(['explain', ...args], {root: ROOT})
const matchScore = async (catalogue: string, subject: string, standard: string) => {
  const {stdout} = await runCommand(['match', '--catalogue', catalogue, '--json'], {root: ROOT})
  const result = (JSON.parse(stdout) as SubjectResult[]).find((r) => r.subject === subject)!
  return result.matches.find((m) => m.id === standard)!.score
}

describe('gapscan explain', () => {
  warmUpCli()
  resetExitCodeAround()

  it('--json: a known pair, term by term; the score equals the match score', async () => {
    const {stdout, error, result} = await explain('--catalogue', SMALL, 'FGMV-99', 'Y.4600', '--json')
    assert.equal(error, undefined)
    const parsed = JSON.parse(stdout) as Explanation
    assert.deepEqual(parsed, {
      subject: 'FGMV-99',
      standard: 'Y.4600',
      // No title-coverage bonus by default (titleBoost 0): the score is the search score, and
      // the two shared words (no bigrams by default) add the same share.
      score: 0.1431,
      cosine: 0.1431,
      titleCoverage: 0,
      // Two shared words, each of idf 0.98 against the index's highest 2.08: far from covering.
      evidence: 0.9434,
      coverage: 'gap',
      terms: ['digit', 'twin'].map((term, i) => ({
        term,
        label: ['digital', 'twins'][i],
        subjectWeight: 0.0442,
        standardWeight: 1.6177,
        idf: 0.9808,
        contribution: 0.0715,
      })),
    })
    assert.deepEqual(result, parsed)
    assert.equal(parsed.score, await matchScore(SMALL, 'FGMV-99', 'Y.4600'))
  })

  it('prints the breakdown for people', async () => {
    const {stdout, error} = await explain('--catalogue', SMALL, 'FGMV-99', 'Y.4600')
    assert.equal(error, undefined)
    const lines = stdout.split('\n')
    assert.equal(
      lines[0],
      'FGMV-99 × Y.4600 (Requirements and capabilities of a digital twin system for smart cities): score 0.1431',
    )
    assert.equal(lines[1], '  evidence 0.94 (idf of the shared words over the highest idf) → gap')
    assert.match(lines[2], /^ {2}term +subject standard +idf +share$/)
    assert.match(lines[3], /^ {2}digital +0\.0442 +1\.6177 +0\.981 +0\.0715$/)
    assert.match(lines[4], /^ {2}twins +0\.0442 +1\.6177 +0\.981 +0\.0715$/)
    assert.equal(lines[5], '')
    assert.equal(lines.length, 6)
  })

  it('says so when the pair shares no term', async () => {
    const {stdout, error, result} = await explain('--catalogue', SMALL, 'DPI-T-01', 'X.1252')
    assert.equal(error, undefined)
    assert.equal(result?.score, 0)
    assert.ok(stdout.includes('  no shared terms\n'), stdout)
  })

  it('an unknown subject or standard: exit 2 with a one-line message', async () => {
    const s = await explain('--catalogue', SMALL, 'NOPE-1', 'Y.4600')
    assert.equal(s.error?.oclif?.exit, 2)
    assert.equal(s.stdout, '')
    assert.equal(s.stderr, 'error: unknown subject "NOPE-1"\n')
    const t = await explain('--catalogue', SMALL, 'FGMV-99', 'Z.9999')
    assert.equal(t.error?.oclif?.exit, 2)
    assert.equal(t.stderr, 'error: unknown standard "Z.9999"\n')
  })

  it('a withdrawn standard: exit 2, withdrawn standards are not matched', async () => {
    const message =
      'Y.9990 is withdrawn: withdrawn standards are not matched (set includeWithdrawn: true in the config)'
    const {stdout, stderr, error} = await explain('--catalogue', FIXTURE, 'FGMV-01', 'Y.9990')
    assert.equal(error?.oclif?.exit, 2)
    assert.equal(stdout, '')
    assert.equal(stderr, `error: ${message}\n`)
    // A usage error is the same line on stderr with --json, and nothing on stdout.
    const json = await explain('--catalogue', FIXTURE, 'FGMV-01', 'Y.9990', '--json')
    assert.equal(json.error?.oclif?.exit, 2)
    assert.equal(json.stdout, '')
    assert.equal(json.stderr, `error: ${message}\n`)
  })

  it('with withdrawn standards in the catalogue, explain scores equal match scores', async () => {
    // explain indexes the same standards as match (withdrawn ones left out), so every idf agrees.
    const {error, result} = await explain('--catalogue', FIXTURE, 'FGMV-01', 'Y.4600', '--json')
    assert.equal(error, undefined)
    assert.equal(await matchScore(FIXTURE, 'FGMV-01', 'Y.4600'), 0.5871)
    assert.equal(result?.score, 0.5871)
    assert.equal(result?.cosine, 0.5871)
    assert.equal(result?.titleCoverage, 0)
  })
})
