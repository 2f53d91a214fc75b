import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'
import {InputError} from '../../src/core/errors.js'
import {diffSnapshots, formatDiff, formatDiffMarkdown, formatDiffText} from '../../src/core/export/diff.js'
import {loadSnapshot, parseSgs, snapshotOfAnalysis} from '../../src/core/export/snapshot.js'
import {markdownText} from '../../src/core/report/markdown.js'
import {analysisOf, EXPECTED_TEXT, subject} from './helpers.js'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/export/${name}`, import.meta.url))

function fixtureDiff(old = 'old.report.json', now = 'new.report.json') {
  return diffSnapshots(loadSnapshot(fixture(old)), loadSnapshot(fixture(now)))
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    assert.ok(e instanceof InputError, String(e))
    return e
  }
  assert.fail('expected an InputError')
}

describe('export/diff', () => {
  it('finds new gaps, closed gaps, coverage and SG changes, added and removed subjects', () => {
    const diff = fixtureDiff()
    assert.deepEqual(diff.newGaps, [
      {id: 'FGMV-01', title: 'Avatars', from: 'partial', sgs: [21]},
      {id: 'FGMV-05', title: 'Pipes | and <b>HTML</b> & more', from: null, sgs: [21]},
    ])
    assert.deepEqual(diff.closedGaps, [{id: 'FGMV-02', title: 'Digital twins', to: 'partial', sgs: [17]}])
    assert.deepEqual(diff.coverage, [{id: 'FGMV-03', title: 'Haptics', from: 'covered', to: 'partial'}])
    assert.deepEqual(diff.responsibleSgs, [
      {id: 'DPI-T-01', title: 'Second factor', from: [17], to: [17, 20]},
      {id: 'FGMV-01', title: 'Avatars', from: [20], to: [21]},
    ])
    assert.deepEqual(
      diff.added.map((s) => s.id),
      ['FGMV-05'],
    )
    assert.deepEqual(diff.removed, [{id: 'FGMV-04', title: 'Retired item', coverage: 'covered', sgs: [16]}])
    assert.equal(diff.old.date, '2025-01-01')
    assert.equal(diff.new.subjects, 5)
  })

  it('renders text, one line per change, ordered by type then subject id', () => {
    assert.equal(formatDiffText(fixtureDiff()), EXPECTED_TEXT)
  })

  it('gives the same changes from TSAG export CSVs, and from one of each', () => {
    // new.tsag.csv: `;` delimiter, a BOM, quoted multi-line title.
    assert.equal(formatDiffText(fixtureDiff('old.tsag.csv', 'new.tsag.csv')), EXPECTED_TEXT)
    assert.equal(formatDiffText(fixtureDiff('old.tsag.csv', 'new.report.json')), EXPECTED_TEXT)
    assert.equal(formatDiffText(fixtureDiff('old.report.json', 'new.tsag.csv')), EXPECTED_TEXT)
  })

  it('renders JSON', () => {
    const json = JSON.parse(formatDiff(fixtureDiff(), 'json'))
    assert.deepEqual(Object.keys(json), [
      'old',
      'new',
      'newGaps',
      'closedGaps',
      'coverage',
      'responsibleSgs',
      'added',
      'removed',
    ])
    assert.equal(json.newGaps[0].id, 'FGMV-01')
    assert.equal(json.old.format, 'report')
  })

  it('renders Markdown tables with escaped cells', () => {
    const md = formatDiffMarkdown(fixtureDiff())
    assert.match(md, /^# gapscan diff\n/)
    assert.match(
      md,
      /## New gaps \(2\)\n\n\| Subject \| Title \| Was \| Responsible SGs \|\n\| --- \| --- \| --- \| --- \|\n/,
    )
    assert.ok(md.includes('| FGMV-01 | Avatars | partial | SG21 |'))
    assert.ok(
      md.includes('| FGMV-05 | Pipes \\| and &lt;b&gt;HTML&lt;/b&gt; &amp; more | not in old | SG21 |'),
    )
    assert.ok(md.includes('| DPI-T-01 | Second factor | SG17 | SG17;SG20 |'))
    assert.ok(md.includes('## Removed subjects (1)'))
    assert.ok(!md.includes('<b>'))
    // Cells are escaped as the report's Markdown escapes them (markup too, not only | and HTML).
    assert.equal(markdownText('a|b\\c\nd <i>'), 'a\\|b\\\\c d &lt;i&gt;')
    assert.equal(markdownText('*x* _y_ [z]'), '\\*x\\* \\_y\\_ \\[z\\]')
    // And the diff's own table does so: a title with Markdown markup comes out escaped.
    const marked = fixtureDiff()
    marked.newGaps[0] = {...marked.newGaps[0], title: '*x* _y_ [z](u)'}
    assert.ok(formatDiffMarkdown(marked).includes(`| ${marked.newGaps[0].id} | \\*x\\* \\_y\\_ \\[z\\](u) |`))
  })

  it('reports no changes between identical inputs', () => {
    const diff = fixtureDiff('new.report.json', 'new.tsag.csv')
    assert.equal(formatDiffText(diff), 'no changes\n')
    assert.ok(formatDiffMarkdown(diff).includes('## New gaps (0)\n\nNone.'))
  })

  it('compares an analysis in memory with a file', () => {
    const now = analysisOf([
      subject('FGMV-01', {
        coverage: 'gap',
        responsible: {basis: 'mandate', sgs: [21], questions: [], score: 0},
      }),
    ])
    const diff = diffSnapshots(loadSnapshot(fixture('old.report.json')), snapshotOfAnalysis(now))
    assert.deepEqual(
      diff.newGaps.map((g) => g.id),
      ['FGMV-01'],
    )
    assert.equal(diff.removed.length, 4)
  })

  it('parses responsible SG cells', () => {
    assert.deepEqual(parseSgs('SG21;SG20;sg20'), [20, 21])
    assert.deepEqual(parseSgs(''), [])
    assert.equal(parseSgs('SG2x'), undefined)
  })

  describe('bad input files (InputError, exit 3)', () => {
    it('a CSV without the coverage column', () => {
      const e = errorOf(() => loadSnapshot(fixture('missing-coverage.csv')))
      assert.equal(e.exitCode, 3)
      assert.equal(
        e.message,
        `${fixture('missing-coverage.csv')}:1: coverage: required column is missing (not a gapscan TSAG export?)`,
      )
    })

    it('a CSV with an unknown coverage value, on the line the record starts', () => {
      const e = errorOf(() => loadSnapshot(fixture('bad-coverage.csv')))
      assert.equal(
        e.message,
        `${fixture('bad-coverage.csv')}:3: coverage: "unknown" is not one of covered, partial, gap`,
      )
    })

    it('a report.json with the wrong schemaVersion', () => {
      const e = errorOf(() => loadSnapshot(fixture('wrong-schema.report.json')))
      assert.equal(
        e.message,
        `${fixture('wrong-schema.report.json')}:2: schemaVersion: "2.0" is not supported (expected 1.x)`,
      )
    })

    it('malformed JSON', () => {
      const e = errorOf(() => loadSnapshot(fixture('malformed.report.json')))
      assert.match(e.message, /malformed\.report\.json:4: malformed JSON: /)
    })

    it('a missing file, or a file that is not an export', () => {
      assert.match(
        errorOf(() => loadSnapshot(fixture('nope.csv'))).message,
        /nope\.csv: cannot read: file not found \(ENOENT\)/,
      )
      assert.match(
        errorOf(() => loadSnapshot(fixture('../catalogue/small/subjects.csv'))).message,
        /subjects\.csv:1: id: not a gapscan TSAG export/,
      )
    })
  })
})
