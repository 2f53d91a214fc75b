import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {ROOT, resetExitCodeAround, warmUpCli} from '../catalogue/cli-helpers.js'

const FIXTURE = 'test/fixtures/analysis/small'

const report = (...args: string[]) => runCommand(['report', '--catalogue', FIXTURE, ...args], {root: ROOT})

/** Every file of a folder with its bytes, sorted by name. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(join(dir, name)).toString('base64')
  return out
}

/** The summary line without its overlap count: `7 subjects: …; N overlaps\n` → `7 subjects: …`. */
function withoutOverlaps(summary: string): string {
  assert.match(summary, /^[^\n]*; \d+ overlaps\n$/)
  return summary.replace(/; \d+ overlaps\n$/, '')
}

describe('gapscan report', () => {
  warmUpCli()
  resetExitCodeAround()
  let dir: string
  let n = 0
  const fresh = () => join(dir, `out-${++n}`)
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-report-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  it('--format md,json,csv writes exactly those files and lists them on stdout', async () => {
    const out = fresh()
    const {stdout, stderr, error} = await report('--out', out, '--format', 'md,json,csv')
    assert.equal(error, undefined)
    // Per resolution, one document per SG with subjects (DPI-SEC-01 falls to SG17 and SG20: both
    // X.1999 and Y.4600 cover it).
    const names = [
      'summary.md',
      'res105-sg-17.md',
      'res105-sg-20.md',
      'res105-sg-21.md',
      'res103-sg-17.md',
      'res103-sg-20.md',
      'res103-sg-21.md',
      'report.json',
      'gaps.csv',
      'overlaps.csv',
    ]
    assert.deepEqual(readdirSync(out).sort(), [...names].sort())
    assert.equal(stdout, names.map((f) => `${join(out, f)}\n`).join(''))
    // The overlap count is checked in the BUG test below (it depends on the duplication bug).
    assert.equal(withoutOverlaps(stderr), '7 subjects: 5 covered, 0 partial, 2 gaps')
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
    assert.equal(json.schemaVersion, '1.2')
    assert.equal(json.subjects.length, 7)
    assert.equal(
      readFileSync(join(out, 'gaps.csv'), 'utf8').split('\r\n')[0],
      'subject_id,kind,title,coverage,computed_coverage,best_standard,best_score,relationship,responsible_sgs,questions,basis,reviewed,routing_outcome,routing,reviewed_routing',
    )
  })

  it('--json prints the summary; --sg narrows the files and the counts to that SG', async () => {
    const out = fresh()
    const {stdout, error, result} = await report('--out', out, '--format', 'md', '--sg', '20', '--json')
    assert.equal(error, undefined)
    const expected = {
      out,
      // FGMV-01 and DPI-SEC-01 (covered by Y.4600 of SG20)
      files: [join(out, 'summary.md'), join(out, 'res105-sg-20.md'), join(out, 'res103-sg-20.md')],
      subjects: 2,
      coverage: {covered: 2, partial: 0, gap: 0},
    }
    assert.deepEqual(JSON.parse(stdout), expected)
    assert.deepEqual(result, expected)
    assert.deepEqual(readdirSync(out).sort(), ['res103-sg-20.md', 'res105-sg-20.md', 'summary.md'])
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    assert.ok(summary.includes('· SG20\n'), summary)
    assert.ok(!/\| SG(17|21) \|/.test(summary), summary)
  })

  it('--kind deliverable: the Res. 105 documents alone, and counts of deliverables only', async () => {
    const out = fresh()
    const {stderr, error} = await report('--out', out, '--format', 'md,json', '--kind', 'deliverable')
    assert.equal(error, undefined)
    // 3 coordination, the F.7001 / ISO/IEC 99001 duplication and the deliverables pair.
    assert.equal(stderr, '3 subjects: 3 covered, 0 partial, 0 gaps; 5 overlaps\n')
    assert.deepEqual(readdirSync(out).sort(), [
      'report.json',
      'res105-sg-17.md',
      'res105-sg-20.md',
      'res105-sg-21.md',
      'summary.md',
    ])
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
    assert.deepEqual([...new Set(json.subjects.map((s: {kind: string}) => s.kind))], ['deliverable'])
    assert.ok(!readFileSync(join(out, 'summary.md'), 'utf8').includes('Res. 103'))
  })

  it('--kind other: exit 2', async () => {
    const {error} = await report('--out', fresh(), '--kind', 'standard')
    assert.equal(error?.oclif?.exit, 2)
  })

  it("without --date the reports carry today's date (UTC)", async () => {
    const out = fresh()
    const {error} = await report('--out', out, '--format', 'md', '-q')
    assert.equal(error, undefined)
    const today = new Date().toISOString().slice(0, 10)
    const line = readFileSync(join(out, 'summary.md'), 'utf8').split('\n')[2]
    // A run across midnight may see yesterday: accept either day around the run.
    const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10)
    assert.ok(line.startsWith(`Date: ${today} ·`) || line.startsWith(`Date: ${yesterday} ·`), line)
  })

  it('--lang fr and --date go into the files', async () => {
    const out = fresh()
    const {error} = await report('--out', out, '--format', 'md', '--lang', 'fr', '--date', '2026-11-22', '-q')
    assert.equal(error, undefined)
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    assert.ok(
      summary.startsWith(
        '# Analyse des lacunes de normalisation\n\nDate\u202f: 2026-11-22 · Modèle de score\u202f: bm25 · Seuils\u202f: couvert ≥ 0,10, partiel ≥ 0,05\n',
      ),
      summary,
    )
  })

  it('--sg 99: exit 2, nothing written', async () => {
    const out = fresh()
    const {stdout, stderr, error} = await report('--out', out, '--sg', '99')
    assert.equal(error?.oclif?.exit, 2)
    assert.equal(stdout, '')
    assert.equal(stderr, 'error: --sg: unknown study group 99 (known: 17, 20, 21)\n')
    assert.throws(() => readdirSync(out), {code: 'ENOENT'})
  })

  it('--date bad: exit 2', async () => {
    const {stderr, error} = await report('--out', fresh(), '--date', '22/11/2026')
    assert.equal(error?.oclif?.exit, 2)
    assert.equal(stderr, 'error: --date: "22/11/2026" is not a date (YYYY-MM-DD)\n')
  })

  it('--date 2026-13-45 (no such month) or 2026-02-30 (no such day): exit 2', async () => {
    for (const date of ['2026-13-45', '2026-02-30']) {
      const out = fresh()
      const {stderr, error} = await report('--out', out, '--date', date)
      assert.equal(error?.oclif?.exit, 2)
      assert.equal(stderr, `error: --date: "${date}" is not a date (YYYY-MM-DD)\n`)
      assert.throws(() => readdirSync(out), {code: 'ENOENT'})
    }
  })

  it('an unknown format: exit 2', async () => {
    const {stderr, error} = await report('--out', fresh(), '--format', 'md,pdf')
    assert.equal(error?.oclif?.exit, 2)
    assert.equal(stderr, 'error: --format: unknown format "pdf" (use html, md, docx, json, csv)\n')
  })

  it('is deterministic: two runs with the same --date write byte-identical files (all formats)', async () => {
    const a = fresh()
    const b = fresh()
    assert.equal((await report('--out', a, '-q', '--date', '2026-11-22')).error, undefined)
    assert.equal((await report('--out', b, '-q', '--date', '2026-11-22')).error, undefined)
    const first = snapshot(a)
    const docs = [
      'res103-sg-17',
      'res103-sg-20',
      'res103-sg-21',
      'res105-sg-17',
      'res105-sg-20',
      'res105-sg-21',
    ]
    assert.deepEqual(
      Object.keys(first),
      [
        'gaps.csv',
        'index.html',
        'overlaps.csv',
        'report.json',
        ...docs.flatMap((d) => [`${d}.docx`, `${d}.md`]),
        'summary.docx',
        'summary.md',
      ].sort(),
    )
    assert.deepEqual(snapshot(b), first)
  })

  it('applies --decisions: a reviewed subject in report.json', async () => {
    const out = fresh()
    const decisions = join(dir, 'good-decisions.yaml')
    writeFileSync(
      decisions,
      'decisions:\n  - {subject: DPI-CON-01, action: accept, standard: X.1254, by: TSB, date: 2026-11-21, reason: Agreed}\n',
    )
    const {error, stderr} = await report('--out', out, '--format', 'json', '--decisions', decisions)
    assert.equal(error, undefined)
    assert.equal(withoutOverlaps(stderr), '7 subjects: 6 covered, 0 partial, 1 gaps')
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))
    const s = json.subjects.find((x: {id: string}) => x.id === 'DPI-CON-01')
    assert.equal(s.coverage, 'covered')
    assert.deepEqual(s.computed, {coverage: 'gap', score: 0})
    assert.equal(s.reviewed, true)
  })

  // 4 coordination + 1 duplication (F.7001 and ISO/IEC 99001 state the same title and key terms:
  // each holds all of the other's vocabulary, their numbers aside) + 1 deliverables = 6.
  it('the summary line counts 6 overlaps (one duplication: identical texts of ITU-T and ISO/IEC)', async () => {
    const {stderr, error} = await report('--out', fresh(), '--format', 'json')
    assert.equal(error, undefined)
    assert.equal(stderr, '7 subjects: 5 covered, 0 partial, 2 gaps; 6 overlaps\n')
  })

  it('decisions naming an unknown standard: exit 3, one line, the out folder unchanged', async () => {
    const out = fresh()
    mkdirSync(out)
    writeFileSync(join(out, 'summary.md'), 'previous run\n')
    const before = snapshot(out)
    const decisions = join(dir, 'bad-decisions.yaml')
    writeFileSync(
      decisions,
      'decisions:\n  - {subject: FGMV-01, action: accept, standard: Z.9999, by: TSB, date: 2026-11-21, reason: x}\n',
    )
    const {stdout, stderr, error} = await report('--out', out, '--decisions', decisions)
    assert.equal(error?.oclif?.exit, 3)
    assert.equal(stdout, '')
    assert.equal(stderr, `error: ${decisions}:2: standard: unknown standard "Z.9999"\n`)
    assert.deepEqual(snapshot(out), before)
  })

  it('a missing --decisions file: exit 3', async () => {
    const missing = join(dir, 'missing.yaml')
    const {stderr, error} = await report('--out', fresh(), '--decisions', missing)
    assert.equal(error?.oclif?.exit, 3)
    assert.equal(stderr, `error: ${missing}: decisions file not found\n`)
  })
})
