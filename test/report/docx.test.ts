/**
 * Word output: opens each .docx as Word would (a ZIP of XML parts) and checks its structure and
 * text; converts one to PDF with LibreOffice when `soffice` is on the machine (skipped otherwise).
 */
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {analyse, type Analysis} from '../../src/core/analysis/analyse.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {paragraph, type ReportDocument} from '../../src/core/report/document.js'
import {reportDocuments} from '../../src/core/report/documents.js'
import {fixZipTimes, renderDocx} from '../../src/core/report/docx.js'
import {renderReports} from '../../src/core/report/index.js'
import {loadWorkspace} from '../../src/core/workspace.js'
import {reportContext} from './context-helper.js'
import {readZip} from './zip.js'

const FIXTURE = 'test/fixtures/analysis/small'

function fixtureAnalysis(): Analysis {
  const {catalogue, config, glossary} = loadWorkspace(FIXTURE, {}, [])
  return analyse(catalogue, new Matcher(catalogue, config, glossary), {date: '2026-11-22'})
}

/** The text of each paragraph of document.xml with its style, tables as `[table rows×cols]`. */
function outline(xml: string): string[] {
  const out: string[] = []
  for (const part of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const p = part[0]
    if (p.startsWith('<w:tbl>')) {
      const rows = [...p.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => r[0])
      out.push(`[table ${rows.length}×${rows[0].match(/<w:tc>/g)?.length ?? 0}]`)
      continue
    }
    const style = p.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1]
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')
    if (text) out.push(style ? `${style}: ${text}` : text)
  }
  return out
}

function which(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, command)))
}

describe('report: Word (.docx)', function () {
  let analysis: Analysis
  let docs: ReportDocument[]
  before(() => {
    analysis = fixtureAnalysis()
    docs = reportDocuments(analysis, reportContext('en', analysis))
  })

  it('is a Word package: content types, document, styles, fixed core properties and timestamps', async () => {
    const zip = readZip(await renderDocx(docs[0], analysis.date))
    for (const part of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml'])
      assert.ok(zip.has(part), part)
    const core = zip.get('docProps/core.xml')!.data.toString('utf8')
    assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T00:00:00Z<\/dcterms:created>/)
    assert.match(core, /<dc:title>Standardization gap analysis<\/dc:title>/)
    for (const [name, entry] of zip) {
      assert.equal(entry.dosTime, 0, name)
      assert.equal(entry.dosDate, 33, name)
    }
  })

  it('summary.docx: headings in Word heading styles, tables, bullets, the same text as summary.md', async () => {
    const xml = readZip(await renderDocx(docs[0], analysis.date))
      .get('word/document.xml')!
      .data.toString('utf8')
    const lines = outline(xml)
    assert.equal(lines[0], 'Heading1: Standardization gap analysis')
    assert.equal(
      lines[1],
      'Date: 2026-11-22 · Scoring model: bm25 · Thresholds: covered ≥ 0.10, partial ≥ 0.05',
    )
    assert.ok(lines.includes('Heading2: Catalogue'), lines.join('\n'))
    assert.ok(lines.includes('Heading2: What the analysis rests on'))
    assert.ok(lines.includes('Heading2: Res. 105 — FG-MV deliverables'))
    assert.ok(lines.includes('Heading3: Top gaps per study group'))
    // The fixture's deliverables are all covered: the list says so rather than leaving a blank.
    assert.equal(lines[lines.indexOf('Heading3: Top gaps per study group') + 1], 'No gap.')
    assert.ok(
      lines.some((l) => /^\[table \d+×2\]$/.test(l)),
      'standards per body table',
    )
    assert.ok(
      lines.some((l) => /^\[table \d+×6\]$/.test(l)),
      'per-SG counts table',
    )
    assert.match(xml, /<w:tblHeader\/>/)
    assert.match(xml, /<w:numPr>/, 'bulleted caveats')
    assert.ok(
      lines.includes('ListParagraph: SG21 — Overlapping deliverables FGMV-02 ↔ FGMV-03 (0.7075)'),
      lines.join('\n'),
    )
    assert.ok(
      lines.some((l) => l.startsWith('ListParagraph: Question lists are incomplete')),
      lines.join('\n'),
    )
  })

  it('per-SG document: subject and overlap tables with a header row; French labels with lang fr', async () => {
    const fr = reportDocuments(analysis, reportContext('fr', analysis))
    const sg21 = fr.find((d) => d.name === 'res103-sg-21')!
    const xml = readZip(await renderDocx(sg21, analysis.date))
      .get('word/document.xml')!
      .data.toString('utf8')
    const lines = outline(xml)
    assert.equal(
      lines[0],
      'Heading1: Rés. 103 — exigences DPI par composant — Commission d’études 21\u202f: Multimedia and related digital technologies (en anglais)',
    )
    assert.ok(lines.includes('Heading2: Lacunes (1)'), lines.join('\n'))
    // A header row and DPI-MSG-01; eight columns, Routing among them.
    assert.ok(lines.includes('[table 2×8]'), lines.join('\n'))
    // Cell texts, the header row marked as such.
    const cells = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1])
    for (const text of [
      'ID',
      'Meilleure correspondance',
      'Orientation',
      'DPI-MSG-01',
      'H.9990 (0,1182)',
      'lacune',
    ])
      assert.ok(cells.includes(text), text)
    assert.match(xml, /<w:tblHeader\/>/)
  })

  it('escapes markup and drops control characters Word would reject', async () => {
    const doc: ReportDocument = {
      name: 'x',
      title: 'T',
      lang: 'en',
      blocks: [paragraph('<b>a</b> & "q" \u0001\u0008end')],
    }
    const xml = readZip(await renderDocx(doc))
      .get('word/document.xml')!
      .data.toString('utf8')
    assert.ok(
      xml.includes('&lt;b&gt;a&lt;/b&gt; &amp; &quot;q&quot; end') ||
        xml.includes('&lt;b&gt;a&lt;/b&gt; &amp; "q" end'),
      xml,
    )
    assert.ok(!xml.includes('\u0001') && !xml.includes('\u0008'))
  })

  it('fixZipTimes leaves a ZIP readable with every entry dated 1980-01-01 00:00', async () => {
    const bytes = await renderDocx(docs[1], '2026-01-01')
    const again = fixZipTimes(Uint8Array.from(bytes))
    assert.deepEqual(again, bytes)
    assert.ok([...readZip(again).values()].every((e) => e.dosDate === 33 && e.dosTime === 0))
  })

  it('renders to PDF with LibreOffice when soffice is installed', async function () {
    if (!which('soffice')) this.skip()
    this.timeout(120000)
    const dir = mkdtempSync(join(tmpdir(), 'gapscan-docx-'))
    try {
      const [summary] = await renderReports(analysis, ['docx'], reportContext('en', analysis))
      writeFileSync(join(dir, 'summary.docx'), summary.content)
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'summary.docx')],
        {
          stdio: 'ignore',
          timeout: 110000,
        },
      )
      const pdf = readFileSync(join(dir, 'summary.pdf'))
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
      assert.ok((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0) >= 1)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
