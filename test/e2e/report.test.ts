import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SGS = [2, 3, 5, 11, 12, 13, 15, 17, 20, 21]
/**
 * The SGs responsible for at least one of the 17 FG-MV deliverables (each gets a Res. 105 document).
 * Under BM25 no deliverable falls to SG13: each is covered by, or in the mandate of, SG17, 20 or 21.
 */
const DELIVERABLE_SGS = [17, 20, 21]
const DOCUMENTS = [
  'summary',
  ...DELIVERABLE_SGS.map((n) => `res105-sg-${n}`),
  ...SGS.map((n) => `res103-sg-${n}`),
]

describe('e2e: gapscan report on the bundled catalogue', () => {
  let out: string
  let run: ReturnType<typeof spawnSync>
  before(function () {
    this.timeout(180_000)
    out = join(mkdtempSync(join(tmpdir(), 'gapscan-e2e-')), 'reports')
    run = spawnSync(process.execPath, ['bin/run.js', 'report', '--out', out, '--date', '2026-11-22'], {
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
    assert.equal(stdout.split('\n').filter(Boolean).length, 4 + 2 * DOCUMENTS.length)
    assert.ok(stdout.includes(join(out, 'index.html')))
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(stderr, /\u001b\[/)
    assert.match(stderr, /^435 subjects: \d+ covered, \d+ partial, \d+ gaps; \d+ overlaps$/m)
  })

  it('writes every file: index.html, summary and per-resolution SG documents (md, docx), report.json, CSV', () => {
    const expected = [
      'index.html',
      ...DOCUMENTS.flatMap((d) => [`${d}.md`, `${d}.docx`]),
      'report.json',
      'gaps.csv',
      'overlaps.csv',
    ]
    assert.deepEqual(readdirSync(out).sort(), [...expected].sort())
    for (const name of expected) assert.ok(readFileSync(join(out, name)).length > 0, name)
  })

  it('report.json: schema 1.2, 17 deliverables and 418 requirements, the 10 SGs', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
    assert.equal(report.schemaVersion, '1.2')
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
    assert.equal(report.date, '2026-11-22')
  })

  it('summary.md states the date, the catalogue hash and the caveats', () => {
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    assert.ok(summary.includes('\nDate: 2026-11-22 · '), summary.slice(0, 300))
    assert.match(summary, /_Content hash of the catalogue files \(SHA-256\): [0-9a-f]{64}_/)
    assert.ok(summary.includes('- 17 of the 52 FG-MV deliverables are in the catalogue'))
    assert.ok(summary.includes('## Res. 105 — FG-MV deliverables\n\n17 subjects:'))
    assert.ok(summary.includes('## Res. 103 — DPI requirements by building block\n\n418 subjects:'))
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
