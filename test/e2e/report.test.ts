import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SGS = [2, 3, 5, 11, 12, 13, 15, 17, 20, 21]

describe('e2e: gapscan report on the bundled catalogue', () => {
  let out: string
  let run: ReturnType<typeof spawnSync>
  before(function () {
    this.timeout(180_000)
    out = join(mkdtempSync(join(tmpdir(), 'gapscan-e2e-')), 'reports')
    run = spawnSync(process.execPath, ['bin/run.js', 'report', '--out', out], {
      cwd: ROOT,
      env: {...process.env, NO_COLOR: '1'},
      encoding: 'utf8',
      timeout: 170_000,
    })
  })
  after(() => rmSync(join(out, '..'), {recursive: true, force: true}))

  it('exits 0, lists the files on stdout and a plain summary on stderr', () => {
    assert.equal(run.status, 0, String(run.stderr))
    const stdout = String(run.stdout)
    const stderr = String(run.stderr)
    assert.equal(stdout.split('\n').filter(Boolean).length, 15)
    assert.ok(stdout.includes(join(out, 'index.html')))
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(stderr, /\u001b\[/)
    assert.match(stderr, /^435 subjects: \d+ covered, \d+ partial, \d+ gaps; \d+ overlaps$/m)
  })

  it('writes every file: index.html, summary.md, sg-<N>.md for the 10 SGs, report.json, gaps.csv, overlaps.csv', () => {
    const expected = [
      'index.html',
      'summary.md',
      ...SGS.map((n) => `sg-${n}.md`),
      'report.json',
      'gaps.csv',
      'overlaps.csv',
    ]
    assert.deepEqual(readdirSync(out).sort(), [...expected].sort())
    for (const name of expected) assert.ok(readFileSync(join(out, name)).length > 0, name)
  })

  it('report.json: schema 1.1, 17 deliverables and 418 requirements, the 10 SGs', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
    assert.equal(report.schemaVersion, '1.1')
    assert.equal(report.catalogue.deliverables, 17)
    assert.equal(report.catalogue.requirements, 418)
    assert.equal(report.catalogue.studyGroups, 10)
    const kinds = {deliverable: 0, requirement: 0}
    for (const s of report.subjects as {kind: 'deliverable' | 'requirement'}[]) kinds[s.kind]++
    assert.deepEqual(kinds, {deliverable: 17, requirement: 418})
    assert.deepEqual(
      report.studyGroups.map((g: {number: number}) => g.number),
      SGS,
    )
    assert.equal('date' in report, false)
  })

  it('gaps.csv and overlaps.csv start with their exact headers', () => {
    const gaps = readFileSync(join(out, 'gaps.csv'), 'utf8')
    assert.ok(
      gaps.startsWith(
        'subject_id,kind,title,coverage,computed_coverage,best_standard,best_score,relationship,responsible_sgs,questions,basis,reviewed,routing_outcome,routing,reviewed_routing\r\n',
      ),
    )
    const overlaps = readFileSync(join(out, 'overlaps.csv'), 'utf8')
    assert.ok(overlaps.startsWith('type,a,b,sgs,orgs,standards,score\r\n'))
  })
})
