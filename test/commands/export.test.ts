import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runCommand} from '@oclif/test'
import {exitOf, ROOT} from '../catalogue/cli-helpers.js'

const catalogue = join(ROOT, 'test/fixtures/catalogue/small')
const HEADER =
  'id,kind,title,coverage,computed_coverage,relationship,best_standards,best_score,responsible_sgs,questions,' +
  'overlap_multiple_sgs,overlap_other_bodies,overlap_deliverables,reviewed,run_date,routing_outcome,routing,reviewed_routing,cited_standards,cited_missing'

async function exportCsv(args: string[]) {
  const result = await runCommand(['export', '--catalogue', catalogue, ...args], {root: ROOT})
  return {...result, code: exitOf(result)}
}

describe('gapscan export', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-export-'))
  })
  afterEach(() => {
    process.exitCode = undefined
    rmSync(dir, {recursive: true, force: true})
  })

  it('writes one row per subject under a fixed header, creating the parent folder', async () => {
    const out = join(dir, 'reports', 'tsag.csv')
    const {code, stdout} = await exportCsv(['--out', out, '--date', '2025-03-01', '--quiet'])
    assert.equal(code, 0)
    assert.equal(stdout, '')
    const lines = readFileSync(out, 'utf8').split('\r\n')
    assert.equal(lines[0], HEADER)
    assert.equal(lines.length, 4) // header, 2 subjects, '' after the final CRLF
    assert.match(lines[1], /^FGMV-99,deliverable,Digital twins in the metaverse,(covered|partial|gap),/)
    assert.match(
      lines[2],
      /^DPI-T-01,requirement,.*,\d\.\d{4},SG\d+(;SG\d+)*,.*,(yes|no),(yes|no),(yes|no),no,2025-03-01,(itu-t|other-body|outside-scope),.+,$/,
    )
    assert.deepEqual(readdirSync(join(dir, 'reports')), ['tsag.csv'])
  })

  it('is deterministic: two exports are byte-identical', async () => {
    const [a, b] = [join(dir, 'a.csv'), join(dir, 'b.csv')]
    await exportCsv(['--out', a, '--date', '2025-03-01', '--bom'])
    await exportCsv(['--out', b, '--date', '2025-03-01', '--bom'])
    assert.ok(readFileSync(a).equals(readFileSync(b)))
  })

  it('uses --delimiter and --bom', async () => {
    const out = join(dir, 'tsag.csv')
    assert.equal(
      (await exportCsv(['--out', out, '--delimiter', ';', '--bom', '--date', '2025-03-01'])).code,
      0,
    )
    const bytes = readFileSync(out)
    assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf')
    assert.ok(
      bytes
        .subarray(3)
        .toString('utf8')
        .startsWith(`${HEADER.replaceAll(',', ';')}\r\n`),
    )
  })

  it('dates the run today (UTC) by default', async () => {
    const out = join(dir, 'tsag.csv')
    await exportCsv(['--out', out])
    assert.ok(readFileSync(out, 'utf8').includes(`,${new Date().toISOString().slice(0, 10)},`))
  })

  it('prints {out, rows, newGaps} with --json', async () => {
    const out = join(dir, 'tsag.csv')
    const {code, stdout} = await exportCsv(['--out', out, '--date', '2025-03-01', '--json'])
    assert.equal(code, 0)
    assert.deepEqual(JSON.parse(stdout), {out, rows: 2, newGaps: null})
  })

  describe('--previous and --fail-on-new-gaps', () => {
    function previousReport(coverage: string): string {
      const path = join(dir, 'previous.report.json')
      const subjects = ['FGMV-99', 'DPI-T-01'].map((id) => ({id, coverage, responsible: {sgs: [17]}}))
      writeFileSync(path, JSON.stringify({schemaVersion: '1.0', subjects}))
      return path
    }

    it('exits 1 after writing the file when a subject became a gap, listing it on stderr', async () => {
      const out = join(dir, 'tsag.csv')
      const {code, stderr} = await exportCsv([
        '--out',
        out,
        '--previous',
        previousReport('covered'),
        '--fail-on-new-gaps',
        '--quiet',
      ])
      assert.equal(code, 1)
      assert.match(stderr, /^new gap: DPI-T-01 \(SG\d+(;SG\d+)*\)$/m)
      assert.ok(readFileSync(out, 'utf8').startsWith(HEADER))
    })

    it('reports the new gaps in --json too', async () => {
      const out = join(dir, 'tsag.csv')
      const {code, stdout} = await exportCsv([
        '--out',
        out,
        '--previous',
        previousReport('covered'),
        '--fail-on-new-gaps',
        '--json',
      ])
      assert.equal(code, 1)
      const json = JSON.parse(stdout)
      assert.ok(
        json.newGaps.some((g: {id: string; from: string}) => g.id === 'DPI-T-01' && g.from === 'covered'),
      )
    })

    it('exits 0 when no subject became a gap', async () => {
      const {code, stderr} = await exportCsv([
        '--out',
        join(dir, 'tsag.csv'),
        '--previous',
        previousReport('gap'),
        '--fail-on-new-gaps',
      ])
      assert.equal(code, 0)
      assert.doesNotMatch(stderr, /new gap/)
    })

    it('exits 0 without --fail-on-new-gaps, even with new gaps', async () => {
      const {code, stdout} = await exportCsv([
        '--out',
        join(dir, 'tsag.csv'),
        '--previous',
        previousReport('covered'),
        '--json',
      ])
      assert.equal(code, 0)
      assert.ok(JSON.parse(stdout).newGaps.length > 0)
    })

    it('accepts the --out file of the last run as --previous', async () => {
      const out = join(dir, 'tsag.csv')
      await exportCsv(['--out', out, '--date', '2025-03-01'])
      const {code, stdout} = await exportCsv([
        '--out',
        out,
        '--previous',
        out,
        '--fail-on-new-gaps',
        '--json',
      ])
      assert.equal(code, 0)
      assert.deepEqual(JSON.parse(stdout).newGaps, [])
    })

    it('needs --previous for --fail-on-new-gaps (exit 2)', async () => {
      assert.equal((await exportCsv(['--out', join(dir, 'tsag.csv'), '--fail-on-new-gaps'])).code, 2)
    })

    it('exits 3 on a bad --previous and leaves the old --out file intact', async () => {
      const out = join(dir, 'tsag.csv')
      writeFileSync(out, 'old export')
      const bad = join(dir, 'bad.csv')
      writeFileSync(bad, 'id,title\r\nx,y\r\n')
      const {code, stderr} = await exportCsv(['--out', out, '--previous', bad, '--fail-on-new-gaps'])
      assert.equal(code, 3)
      assert.match(stderr, /bad\.csv:1: coverage: required column is missing/)
      assert.equal(readFileSync(out, 'utf8'), 'old export')
    })
  })

  describe('errors', () => {
    it('exits 2 on a bad --date and writes nothing', async () => {
      const out = join(dir, 'tsag.csv')
      for (const date of ['2025-02-30', '01/03/2025']) {
        const {code, stderr} = await exportCsv(['--out', out, '--date', date])
        assert.equal(code, 2)
        assert.match(stderr, /--date: ".*" is not a date \(YYYY-MM-DD\)/)
      }
      assert.deepEqual(readdirSync(dir), [])
    })

    it('exits 2 on a bad --delimiter', async () => {
      assert.equal((await exportCsv(['--out', join(dir, 'x.csv'), '--delimiter', ';;'])).code, 2)
    })

    it('exits 4 when a parent of --out is a file, leaving no partial or temporary file', async () => {
      writeFileSync(join(dir, 'file'), 'x')
      const {code, stderr} = await exportCsv(['--out', join(dir, 'file', 'tsag.csv')])
      assert.equal(code, 4)
      assert.match(stderr, /cannot write/)
      assert.deepEqual(readdirSync(dir), ['file'])
    })

    it('exits 4 when --out is a folder', async () => {
      mkdirSync(join(dir, 'folder'))
      const {code} = await exportCsv(['--out', join(dir, 'folder')])
      assert.equal(code, 4)
      assert.deepEqual(readdirSync(join(dir, 'folder')), [])
    })

    it('exits 3 when the --decisions file is missing', async () => {
      const {code} = await exportCsv(['--out', join(dir, 'x.csv'), '--decisions', join(dir, 'none.yaml')])
      assert.equal(code, 3)
    })
  })
})
