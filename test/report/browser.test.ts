/**
 * Opens the HTML report of a real analysis in headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core) and checks the page works: no errors, chart, tables, filters,
 * sorting, expanding rows, printing, and hostile catalogue text rendered as text.
 */
import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {analyse, type Analysis} from '../../src/core/analysis/analyse.js'
import type {Decision} from '../../src/core/analysis/decisions.js'
import type {Catalogue} from '../../src/core/catalogue/types.js'
import {Matcher} from '../../src/core/match/matcher.js'
import {loadDecisions} from '../../src/core/analysis/decisions.js'
import {catalogueFacts, type ReportContext} from '../../src/core/report/context.js'
import {renderHtml} from '../../src/core/report/html.js'
import {reportContext} from './context-helper.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const CHROMIUM = '/usr/bin/chromium'

/**
 * The page's globals, typed for the callbacks run in the browser (tests compile without the DOM
 * lib). Cast `globalThis` inline: playwright serialises callbacks, so they cannot call helpers.
 */
interface BrowserGlobal {
  document: {documentElement: {lang: string}}
  getComputedStyle(element: unknown): {display: string; position: string}
  __pwned?: number
}
const HOSTILE_ID = 'FGMV-HOSTILE'
const HOSTILE_TITLE = `<script>window.__pwned=1;alert(1)</script> "metaverse" & 'avatars' </script><!-- <img src=x onerror=alert(2)>`

/** The bundled catalogue when it has standards, else the small fixture. */
function catalogueDir(): string {
  const standards = join('data', 'standards')
  return existsSync(standards) && readdirSync(standards).length > 0 ? 'data' : 'test/fixtures/catalogue/small'
}

function addHostileEntries(catalogue: Catalogue): void {
  const origin = {file: 'hostile.yaml', line: 1}
  catalogue.deliverables.push({
    kind: 'deliverable',
    id: HOSTILE_ID,
    title: HOSTILE_TITLE,
    keywords: ['metaverse', '<b>bold</b>'],
    type: 'TR',
    workingGroup: 'WG"<i>',
    summary: '</script><!-- metaverse avatars and digital twins',
    sgs: [],
    origin,
  })
  catalogue.standards.push({
    kind: 'standard',
    id: '<script>alert("std")</script>',
    org: 'A&B <i>',
    status: 'in-force',
    title: `Metaverse avatars </script><script>alert(3)</script> & "digital twins"`,
    keywords: ['metaverse', 'avatars'],
    origin,
  })
}

/** The catalogue and matcher the page was built from, to re-run the analysis with downloaded decisions. */
let workspace: {catalogue: Catalogue; matcher: Matcher}

/** A report context with the real catalogue's study groups and Questions (for the review form). */
function pageContext(lang: 'en' | 'fr'): ReportContext {
  return {...reportContext(lang), catalogue: catalogueFacts(workspace.catalogue, 'test')}
}

function buildAnalysis(): Analysis {
  const ws = loadWorkspace(catalogueDir(), {}, [])
  addHostileEntries(ws.catalogue)
  const matcher = new Matcher(ws.catalogue, ws.config, ws.glossary)
  workspace = {catalogue: ws.catalogue, matcher}
  // A first pass finds subjects to attach reviewed decisions to.
  const first = analyse(ws.catalogue, matcher)
  const matched = first.subjects.find((s) => s.matches.length > 0 && s.id !== HOSTILE_ID)
  const gap = first.subjects.find((s) => s.coverage === 'gap' && s.id !== HOSTILE_ID)
  const decisions: Decision[] = []
  if (matched) {
    decisions.push({
      subject: matched.id,
      action: 'accept',
      standard: matched.matches[0].id,
      by: 'Rapporteur <script>alert(5)</script>',
      date: '2025-05-20',
      reason: 'Agreed at the "Q6/17" meeting & minuted',
      line: 1,
    })
  }
  if (gap) {
    const sg = first.studyGroups[0]?.number
    if (sg !== undefined)
      decisions.push({
        subject: gap.id,
        action: 'assign',
        sg,
        by: 'TSB',
        date: '2025-05-21',
        reason: 'Mandate',
        line: 2,
      })
  }
  return analyse(ws.catalogue, matcher, {decisions, date: '2025-06-01'})
}

describe('HTML report in a browser', function () {
  this.timeout(180_000)
  let dir: string
  let browser: Browser | undefined
  let page: Page
  let analysis: Analysis
  const errors: string[] = []
  const dialogs: string[] = []
  const requests: string[] = []

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI)
        throw new Error(`${CHROMIUM} not found: run scripts/install-browser.sh (as root) to install Chromium`)
      this.skip()
    }
    analysis = buildAnalysis()
    dir = mkdtempSync(join(tmpdir(), 'gapscan-html-'))
    writeFileSync(join(dir, 'report.html'), renderHtml(analysis, pageContext('en')))
    writeFileSync(join(dir, 'report-fr.html'), renderHtml(analysis, pageContext('fr')))
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    })
    page = await browser.newPage({viewport: {width: 1400, height: 900}})
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`))
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url())
    })
    await page.goto(pathToFileURL(join(dir, 'report.html')).href)
  })

  after(async () => {
    await browser?.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  const visibleRows = (table: string) =>
    page.locator(`#${table} > tbody > tr.row:not([hidden])`).evaluateAll((rows) =>
      rows.map((r) => ({
        text: (r.textContent ?? '').toLowerCase(),
        coverage: r.getAttribute('data-coverage'),
        sgs: (r.getAttribute('data-sgs') ?? '').split(' '),
        sort: Array.from(
          (r as unknown as {cells: ArrayLike<{getAttribute(name: string): string | null}>}).cells,
        ).map((c) => c.getAttribute('data-sort')),
      })),
    )
  const reset = () => page.locator('[data-table="subjects-table"] [data-reset]').click()

  it('loads without console errors, page errors, dialogs or network requests', async () => {
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as BrowserGlobal).document.documentElement.lang),
      'en',
    )
    assert.deepEqual(errors, [])
    assert.deepEqual(dialogs, [])
    assert.deepEqual(requests, [])
  })

  it('draws the SVG chart with one bar group per study group', async () => {
    assert.ok(analysis.studyGroups.length > 0)
    assert.equal(await page.locator('svg.sg-chart').count(), 1)
    assert.equal(await page.locator('svg.sg-chart g.bar').count(), analysis.studyGroups.length)
    const sgs = await page
      .locator('svg.sg-chart g.bar')
      .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-sg'))))
    assert.deepEqual(
      sgs,
      analysis.studyGroups.map((g) => g.number),
    )
    const box = await page.locator('svg.sg-chart').boundingBox()
    assert.ok(box && box.width > 300 && box.height > 50)
  })

  it('fills the tables', async () => {
    assert.ok(analysis.subjects.length > 1)
    assert.equal(await page.locator('#subjects-table > tbody > tr.row').count(), analysis.subjects.length)
    assert.equal((await visibleRows('subjects-table')).length, analysis.subjects.length)
    if (analysis.overlaps.length > 0) {
      assert.equal(await page.locator('#overlaps-table > tbody > tr.row').count(), analysis.overlaps.length)
    }
    const heatRows = await page.locator('table.heatmap tbody tr:not(.hm-group)').count()
    assert.equal(heatRows, analysis.subjects.length)
  })

  it('renders hostile catalogue text as text', async () => {
    assert.deepEqual(dialogs, [])
    assert.equal(await page.evaluate(() => (globalThis as unknown as BrowserGlobal).__pwned), undefined)
    // The page's script and its review data (type application/json, never executed).
    assert.equal(await page.locator('script').count(), 2)
    assert.equal(await page.locator('script[type="application/json"]').count(), 1)
    assert.equal(await page.locator('img, i, b').count(), 0)
    const i = analysis.subjects.findIndex((s) => s.id === HOSTILE_ID)
    assert.equal(await page.locator(`#s-${i} td.title`).textContent(), HOSTILE_TITLE)
    const label = await page.locator(`#s-${i} button.toggle`).getAttribute('aria-label')
    assert.equal(label, `Best matches: ${HOSTILE_ID}`)
  })

  it('filters subjects by text', async () => {
    const word = 'metaverse'
    await page.fill('#f-subjects-table-text', word)
    const rows = await visibleRows('subjects-table')
    assert.ok(rows.length > 0 && rows.length < analysis.subjects.length, `${rows.length} rows`)
    for (const r of rows) assert.ok(r.text.includes(word))
    const hidden = await page
      .locator('#subjects-table > tbody > tr.row[hidden]')
      .evaluateAll((rs) => rs.map((r) => (r.textContent ?? '').toLowerCase()))
    assert.ok(hidden.length > 0)
    for (const t of hidden) assert.ok(!t.includes(word))
    const count = await page.locator('[data-table="subjects-table"] output').textContent()
    assert.equal(count, `Showing ${rows.length} of ${analysis.subjects.length}`)
    await page.fill('#f-subjects-table-text', 'no such subject anywhere zzzz')
    assert.equal((await visibleRows('subjects-table')).length, 0)
    await reset()
    assert.equal((await visibleRows('subjects-table')).length, analysis.subjects.length)
  })

  it('filters subjects by coverage and study group', async () => {
    for (const coverage of ['gap', 'partial', 'covered'] as const) {
      await page.selectOption('#f-subjects-table-coverage', coverage)
      const rows = await visibleRows('subjects-table')
      assert.equal(rows.length, analysis.subjects.filter((s) => s.coverage === coverage).length, coverage)
      assert.ok(rows.every((r) => r.coverage === coverage))
    }
    // Coverage × responsible SG equals the per-SG counts of the chart.
    const sg = analysis.studyGroups[0]
    await page.selectOption('#f-subjects-table-sg', String(sg.number))
    for (const coverage of ['gap', 'partial', 'covered'] as const) {
      await page.selectOption('#f-subjects-table-coverage', coverage)
      assert.equal(
        (await visibleRows('subjects-table')).length,
        sg.counts[coverage],
        `SG${sg.number} ${coverage}`,
      )
    }
    await reset()
    assert.equal(await page.inputValue('#f-subjects-table-sg'), '')
    assert.equal((await visibleRows('subjects-table')).length, analysis.subjects.length)
  })

  it('sorts a table when a header is clicked', async () => {
    const header = page.locator('#subjects-table thead th').nth(5)
    assert.equal(await header.getAttribute('aria-sort'), 'none')
    await header.locator('button').click()
    assert.equal(await header.getAttribute('aria-sort'), 'ascending')
    let scores = (await visibleRows('subjects-table')).map((r) => Number(r.sort[5]))
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => a - b),
    )
    await header.locator('button').click()
    assert.equal(await header.getAttribute('aria-sort'), 'descending')
    scores = (await visibleRows('subjects-table')).map((r) => Number(r.sort[5]))
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    )
    assert.ok(scores[0] > scores[scores.length - 1])
    // Each detail row still follows its subject row.
    const pairs = await page
      .locator('#subjects-table > tbody > tr')
      .evaluateAll((trs) =>
        trs.every((tr, i) =>
          tr.classList.contains('row')
            ? trs[i + 1]?.id === `${tr.id}-d`
            : trs[i - 1]?.id === tr.id.slice(0, -2),
        ),
      )
    assert.ok(pairs)
    // Sorting by ID.
    const idHeader = page.locator('#subjects-table thead th').nth(1)
    await idHeader.locator('button').click()
    assert.equal(await header.getAttribute('aria-sort'), 'none')
    assert.equal(await idHeader.getAttribute('aria-sort'), 'ascending')
    const ids = await page.locator('#subjects-table > tbody > tr.row > th').allTextContents()
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a.localeCompare(b, 'en', {numeric: true, sensitivity: 'base'})),
    )
  })

  it('expands a subject row to its matches', async () => {
    const subject = analysis.subjects.find((s) => s.matches.length > 0)!
    const i = analysis.subjects.indexOf(subject)
    const toggle = page.locator(`#s-${i} button.toggle`)
    const detail = page.locator(`#s-${i}-d`)
    assert.equal(await detail.isVisible(), false)
    await toggle.click()
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    assert.equal(await detail.isVisible(), true)
    const text = (await detail.textContent()) ?? ''
    assert.ok(text.includes(subject.matches[0].id))
    assert.ok(text.includes(subject.matches[0].score.toFixed(4)))
    assert.equal(await detail.locator('table.matches tbody tr').count(), subject.matches.length)
    await toggle.click()
    assert.equal(await detail.isVisible(), false)
  })

  it('shows reviewed decisions apart from computed results', async () => {
    const reviewed = analysis.subjects.filter((s) => s.reviewed)
    assert.ok(reviewed.length > 0)
    const i = analysis.subjects.indexOf(reviewed[0])
    await page.locator(`#s-${i} button.toggle`).click()
    const box = page.locator(`#s-${i}-d .box.reviewed`)
    assert.equal(await box.isVisible(), true)
    const text = (await box.textContent()) ?? ''
    assert.ok(text.includes(reviewed[0].decisions[0].by))
    assert.ok(text.includes(reviewed[0].decisions[0].date))
    assert.equal(await page.locator(`#s-${i}-d .box.computed`).count(), 1)
    await page.locator(`#s-${i} button.toggle`).click()
  })

  it('a heatmap link reveals and expands a filtered-out subject', async () => {
    await page.fill('#f-subjects-table-text', 'no such subject anywhere zzzz')
    const link = page.locator('table.heatmap tbody th a').first()
    const target = (await link.getAttribute('href'))!.slice(1)
    await link.click()
    assert.equal(await page.locator(`#${target}`).isVisible(), true)
    assert.equal(await page.locator(`#${target}-d`).isVisible(), true)
    await page.locator(`#${target} button.toggle`).click()
    await reset()
  })

  it('filters overlaps by type', async function () {
    if (analysis.overlaps.length === 0) this.skip()
    const type = analysis.overlaps[0].type
    await page.selectOption('#f-overlaps-table-type', type)
    const n = await page.locator('#overlaps-table > tbody > tr.row:not([hidden])').count()
    assert.equal(n, analysis.overlaps.filter((o) => o.type === type).length)
    await page.locator('[data-table="overlaps-table"] [data-reset]').click()
  })

  it('prints every subject row with details collapsed, without filters, review form, heatmap or sticky headers', async () => {
    await page.fill('#f-subjects-table-text', 'metaverse')
    await page.locator('#subjects-table tr.row:not([hidden]) button.toggle').first().click()
    await page.emulateMedia({media: 'print'})
    try {
      for (const hidden of ['.filters', '#review-panel', '#heatmap'])
        assert.equal(await page.locator(hidden).first().isVisible(), false, hidden)
      const displays = (selector: string) =>
        page
          .locator(selector)
          .evaluateAll((trs) => [
            ...new Set(
              trs.map((tr) => (globalThis as unknown as BrowserGlobal).getComputedStyle(tr).display),
            ),
          ])
      assert.deepEqual(await displays('#subjects-table > tbody > tr.row'), ['table-row'])
      assert.deepEqual(await displays('#subjects-table > tbody > tr.detail'), ['none'])
      const position = await page
        .locator('#subjects-table thead th')
        .first()
        .evaluate((th) => (globalThis as unknown as BrowserGlobal).getComputedStyle(th).position)
      assert.equal(position, 'static')
    } finally {
      await page.emulateMedia({media: 'screen'})
      await reset()
    }
  })

  it('prints in a few dozen A4 pages, not hundreds', async () => {
    // The page as delivered, on the paper of its own @page rule (A4 landscape). A fresh page: after
    // emulateMedia('screen') (the print test above) pdf() would lay out with the screen styles.
    const fresh = await browser!.newPage()
    await fresh.goto(pathToFileURL(join(dir, 'report.html')).href)
    const pdf = await fresh.pdf({preferCSSPageSize: true})
    await fresh.close()
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0
    // The bundled catalogue has 435 subjects: about 20 rows a page, plus the summary.
    assert.ok(pages > 1 && pages <= Math.ceil(analysis.subjects.length / 10), `${pages} pages`)
  })

  it('review: accept/reject a match, add a standard, assign a subject, download decisions.yaml, re-run', async () => {
    const expand = async (id: string) => {
      const i = analysis.subjects.findIndex((s) => s.id === id)
      await page.locator(`#s-${i} button.toggle`).click()
      await page.locator(`#s-${i}-d button.rv-open`).click()
      assert.equal(await page.locator('#rv-subject').textContent(), id)
    }
    const fresh = analysis.subjects.filter((s) => !s.reviewed && s.id !== HOSTILE_ID)
    const rejected = fresh.find((s) => s.matches.length > 1)!
    const assigned = fresh.find((s) => s.coverage === 'gap' && s !== rejected)!
    const added = fresh.find((s) => s.coverage === 'gap' && s !== rejected && s !== assigned)!
    const standard = rejected.matches[1].id
    // Assign to an SG with a listed Question when there is one.
    const sg = analysis.studyGroups.find(
      (g) => workspace.catalogue.studyGroups.find((c) => c.number === g.number)!.questions.length > 0,
    )!
    const question = workspace.catalogue.studyGroups.find((c) => c.number === sg.number)!.questions[0].id

    await page.fill('#rv-by', 'Rapporteur Q1 "test"')
    // Without a reason nothing is recorded and the page says why.
    await expand(rejected.id)
    await page.selectOption('#rv-action', 'reject')
    await page.selectOption('#rv-match', rejected.matches[0].id)
    await page.click('#rv-record')
    assert.equal(await page.locator('#rv-count').textContent(), '')
    assert.equal(await page.locator('#rv-msg').textContent(), 'Give a reason and a reviewer first.')
    await page.fill('#rv-reason', 'Different scope: <not> the same')
    await page.click('#rv-record')
    assert.equal(
      await page.locator('#rv-msg').textContent(),
      `${rejected.id}: reject ${rejected.matches[0].id}`,
    )

    await expand(assigned.id)
    await page.selectOption('#rv-action', 'assign')
    await page.selectOption('#rv-sg', String(sg.number))
    await page.selectOption('#rv-question', question)
    await page.fill('#rv-reason', 'Agreed at the meeting')
    await page.click('#rv-record')

    await expand(added.id)
    await page.selectOption('#rv-action', 'add')
    await page.fill('#rv-standard', standard)
    await page.fill('#rv-reason', 'Known to cover it')
    await page.click('#rv-record')
    assert.equal(await page.locator('#rv-count').textContent(), '3 new decisions')

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#rv-download')])
    assert.equal(download.suggestedFilename(), 'decisions.yaml')
    const file = join(dir, 'decisions.yaml')
    await download.saveAs(file)

    // Re-run the analysis with the downloaded file: the decisions it was built from, then the new ones.
    const decisions = loadDecisions(file, workspace.catalogue, true)
    const base = analysis.subjects.flatMap((s) => s.decisions)
    assert.equal(decisions.length, base.length + 3)
    assert.deepEqual(
      decisions.slice(0, base.length).map(({line: _line, ...d}) => d),
      base,
    )
    const today = new Date().toISOString().slice(0, 10)
    assert.deepEqual(
      decisions.slice(base.length).map(({line: _line, date, ...d}) => {
        assert.ok(date === today || date < today, date)
        return d
      }),
      [
        {
          subject: rejected.id,
          action: 'reject',
          standard: rejected.matches[0].id,
          by: 'Rapporteur Q1 "test"',
          reason: 'Different scope: <not> the same',
        },
        {
          subject: assigned.id,
          action: 'assign',
          sg: sg.number,
          question,
          by: 'Rapporteur Q1 "test"',
          reason: 'Agreed at the meeting',
        },
        {subject: added.id, action: 'add', standard, by: 'Rapporteur Q1 "test"', reason: 'Known to cover it'},
      ],
    )
    const rerun = analyse(workspace.catalogue, workspace.matcher, {decisions})
    const after = (id: string) => rerun.subjects.find((s) => s.id === id)!
    assert.equal(after(rejected.id).matches.find((m) => m.id === rejected.matches[0].id)!.review, 'rejected')
    assert.deepEqual(after(assigned.id).assigned, {sg: sg.number, question})
    assert.ok(after(assigned.id).responsible.sgs.includes(sg.number))
    assert.equal(after(added.id).coverage, 'covered')
    assert.equal(after(added.id).matches.find((m) => m.id === standard)!.review, 'added')
    for (const s of base) assert.equal(after(s.subject).reviewed, true)
    // The re-run page shows the reviewed state.
    const html = renderHtml(rerun, pageContext('en'))
    assert.ok(html.includes('Different scope: &lt;not&gt; the same'))
    assert.ok(html.includes('<span class="tag reviewed">added</span>'))
  })

  it('works in French', async () => {
    const fr = await browser!.newPage()
    const frErrors: string[] = []
    fr.on('pageerror', (e) => frErrors.push(e.message))
    fr.on('console', (m) => m.type() === 'error' && frErrors.push(m.text()))
    await fr.goto(pathToFileURL(join(dir, 'report-fr.html')).href)
    assert.equal(
      await fr.evaluate(() => (globalThis as unknown as BrowserGlobal).document.documentElement.lang),
      'fr',
    )
    await fr.selectOption('#f-subjects-table-coverage', 'gap')
    const out = await fr.locator('[data-table="subjects-table"] output').textContent()
    assert.match(
      out ?? '',
      new RegExp(
        `^${analysis.subjects.filter((s) => s.coverage === 'gap').length} sur ${analysis.subjects.length} affichés$`,
      ),
    )
    assert.deepEqual(frErrors, [])
    await fr.close()
  })

  it('ends with no errors or dialogs', () => {
    assert.deepEqual(errors, [])
    assert.deepEqual(dialogs, [])
    assert.deepEqual(requests, [])
  })
})
