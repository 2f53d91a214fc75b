import assert from 'node:assert/strict'
import type {AnalysedMatch, Analysis, Overlap, SubjectAnalysis} from '../../src/core/analysis/analyse.js'
import {escapeHtml, renderHtml} from '../../src/core/report/html.js'
import {reportContext} from './context-helper.js'
import {isLang, labels, LANGS} from '../../src/core/report/labels.js'

export const HOSTILE_TITLE = `<script>alert(1)</script> "quoted" & 'single' </script><!-- <img src=x onerror=alert(2)>`

function match(id: string, score: number, extra: Partial<AnalysedMatch> = {}): AnalysedMatch {
  return {
    id,
    basis: 'text',
    score,
    evidence: 3,
    org: 'ITU-T',
    sg: 17,
    status: 'in-force',
    terms: ['identity', 'authentication'],
    title: `Title of ${id}`,
    relationship: 'intersects with',
    subjectCovered: 0.5,
    standardCovered: 0.25,
    ...extra,
  }
}

function subject(id: string, extra: Partial<SubjectAnalysis> = {}): SubjectAnalysis {
  const coverage = extra.coverage ?? 'gap'
  return {
    id,
    kind: 'requirement',
    title: `Title of ${id}`,
    group: 'identity',
    computed: {coverage, score: extra.matches?.[0]?.score ?? 0},
    coverage,
    reviewed: false,
    matches: [],
    responsible: {basis: 'mandate', sgs: [17], questions: ['Q6/17'], score: 0.1234},
    routing: {outcome: 'itu-t', sgs: [], question: {}},
    overlaps: {multipleSgs: false, otherBodies: false, otherDeliverables: false},
    decisions: [],
    citations: [],
    ...extra,
  }
}

/** A small hand-built analysis: 2 SGs, 4 subjects (one hostile), 3 overlaps, one reviewed decision. */
export function buildAnalysis(): Analysis {
  const subjects: SubjectAnalysis[] = [
    subject('DPI-ID-01', {
      title: 'Multi-factor authentication',
      coverage: 'covered',
      computed: {coverage: 'covered', score: 0.61234},
      relationship: 'subset of',
      matches: [
        match('X.1254', 0.61234, {
          relationship: 'subset of',
          terms: ['authentication', 'assurance'],
          url: 'https://www.itu.int/rec/T-REC-X.1254',
        }),
        match('ISO/IEC 29115', 0.5, {
          org: 'ISO/IEC',
          sg: undefined,
          title: 'Entity authentication & assurance',
        }),
      ],
      responsible: {basis: 'covering-standards', sgs: [17], questions: [], score: 0.6123},
      overlaps: {multipleSgs: false, otherBodies: true, otherDeliverables: false},
    }),
    subject('DPI-PAY-02', {
      title: 'Merchant payments',
      coverage: 'partial',
      computed: {coverage: 'partial', score: 0.3},
      relationship: 'intersects with',
      matches: [match('Y.PAY', 0.3, {sg: 20, terms: ['payment']})],
      responsible: {basis: 'mandate', sgs: [20], questions: ['Q1/20'], score: 0.2},
    }),
    subject('FGMV-99', {
      kind: 'deliverable',
      group: 'WG1',
      title: HOSTILE_TITLE,
      coverage: 'covered',
      computed: {coverage: 'gap', score: 0.05},
      reviewed: true,
      relationship: 'intersects with',
      matches: [
        match('<b>X.evil</b>', 0.05, {
          title: 'Std </script><script>alert(4)</script>',
          terms: ['<i>term</i>'],
          review: 'added',
        }),
      ],
      responsible: {basis: 'mandate', sgs: [20], questions: [], score: 1},
      assigned: {sg: 20},
      decisions: [
        {
          subject: 'FGMV-99',
          action: 'add',
          standard: '<b>X.evil</b>',
          by: 'Rapporteur "Q6/17" <r@itu.int>',
          date: '2025-05-20',
          reason: 'Agreed & minuted </script>',
        },
        {
          subject: 'FGMV-99',
          action: 'assign',
          sg: 20,
          by: 'TSB',
          date: '2025-05-21',
          reason: 'Mandate of SG20',
        },
      ],
    }),
    subject('DPI-GAP-03', {title: 'Unmatched requirement', group: 'payments'}),
  ]
  const overlaps: Overlap[] = [
    {
      type: 'coordination',
      a: 'DPI-ID-01',
      sgs: [17],
      orgs: ['ISO/IEC', 'ITU-T'],
      standards: ['X.1254', 'ISO/IEC 29115'],
      score: 0.6123,
    },
    {
      type: 'duplication',
      a: 'ISO/IEC 29115',
      b: 'X.1254',
      sgs: [17],
      orgs: ['ISO/IEC', 'ITU-T'],
      standards: ['ISO/IEC 29115', 'X.1254'],
      score: 0.91,
    },
    {type: 'deliverables', a: 'FGMV-99', b: 'FGMV-98', sgs: [], orgs: [], standards: [], score: 0.5},
  ]
  return {
    schemaVersion: '1.0',
    date: '2025-06-01',
    options: {scoring: 'bm25', thresholds: {covered: 0.4, partial: 0.25}, top: 5},
    catalogue: {deliverables: 1, requirements: 3, standards: 4, studyGroups: 2},
    studyGroups: [
      {
        number: 17,
        title: 'Security & <trust>',
        counts: {covered: 1, partial: 0, gap: 1},
        subjects: ['DPI-ID-01', 'DPI-GAP-03'],
      },
      {
        number: 20,
        title: 'IoT, smart cities',
        counts: {covered: 1, partial: 1, gap: 0},
        subjects: ['DPI-PAY-02', 'FGMV-99'],
      },
    ],
    subjects,
    overlaps,
  }
}

/** Table rows of a class; detail rows hold nested tables and end with `</div></td></tr>`. */
function rows(html: string, cls: string): string[] {
  const end = cls === 'detail' ? '</div></td></tr>' : '</tr>'
  return [...html.matchAll(new RegExp(`<tr class="${cls}"[^>]*>[\\s\\S]*?${end}`, 'g'))].map((m) => m[0])
}

describe('report labels', () => {
  it('has the same keys in English and French, all non-empty', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      )
    const en = keys(labels('en')).sort()
    assert.deepEqual(keys(labels('fr')).sort(), en)
    for (const lang of LANGS) {
      // English titles are not marked in English: the one label that may be empty.
      const flat = JSON.stringify({...labels(lang), inEnglish: lang === 'en' ? '-' : labels(lang).inEnglish})
      assert.doesNotMatch(flat, /""/, `${lang} has an empty label`)
    }
  })

  it('names coverage, study groups and relationships in French', () => {
    const fr = labels('fr')
    assert.deepEqual(fr.coverage, {covered: 'couvert', partial: 'partiel', gap: 'lacune'})
    assert.equal(fr.sg, 'CE')
    assert.equal(fr.studyGroup, 'Commission d’études')
    assert.equal(fr.question, 'Question')
    assert.equal(fr.reviewed, 'examiné')
    assert.equal(fr.computed, 'calculé')
    assert.equal(fr.assigned, 'attribué')
    assert.equal(fr.relationship['subset of'], 'sous-ensemble de')
    assert.equal(labels('en').overlapType.duplication, 'Duplication')
  })

  it('recognises languages', () => {
    assert.ok(isLang('fr'))
    assert.ok(!isLang('de'))
  })
})

describe('renderHtml', () => {
  const analysis = buildAnalysis()
  const en = renderHtml(analysis, reportContext('en'))
  const fr = renderHtml(analysis, reportContext('fr'))

  it('is a complete page with a lang attribute', () => {
    assert.match(en, /^<!DOCTYPE html>\n<html lang="en">/)
    assert.match(fr, /^<!DOCTYPE html>\n<html lang="fr">/)
    assert.match(en, /<\/html>\n$/)
  })

  it('escapes text for content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })

  it('escapes hostile catalogue text everywhere', () => {
    for (const html of [en, fr]) {
      // Two <script> elements: the page's own and the review data (JSON, never executed).
      assert.equal(html.match(/<script/gi)?.length, 2)
      assert.equal(html.match(/<\/script/gi)?.length, 2)
      assert.equal(html.match(/<script type="application\/json" id="rv-data">/g)?.length, 1)
      assert.ok(!html.includes('<!-- <img'))
      assert.ok(!/<img/i.test(html))
      assert.ok(!html.includes('<b>X.evil'))
      assert.ok(!html.includes('<i>term'))
      assert.ok(!html.includes('<trust>'))
      // The hostile title shows as text, escaped in content…
      assert.ok(
        html.includes(
          '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39; &lt;/script&gt;&lt;!-- &lt;img src=x onerror=alert(2)&gt;',
        ),
      )
      // …and in attributes (aria-label, title): no raw quote can end an attribute early.
      for (const attr of html.matchAll(/ (?:title|aria-label|data-[a-z-]+)="([^"]*)"/g)) {
        assert.ok(!/[<>]/.test(attr[1]), `unescaped attribute value: ${attr[1]}`)
      }
      assert.ok(
        html.includes(
          html === en
            ? 'aria-label="Best matches: FGMV-99"'
            : 'aria-label="Meilleures correspondances\u202f: FGMV-99"',
        ),
      )
      assert.ok(html.includes('&lt;b&gt;X.evil&lt;/b&gt;'))
      assert.ok(html.includes('Security &amp; &lt;trust&gt;'))
      assert.ok(html.includes('Entity authentication &amp; assurance'))
      assert.ok(html.includes('Rapporteur &quot;Q6/17&quot; &lt;r@itu.int&gt;'))
      assert.ok(html.includes('Agreed &amp; minuted &lt;/script&gt;'))
    }
  })

  it('loads nothing from the network', () => {
    for (const html of [en, fr]) {
      assert.doesNotMatch(html, /<script[^>]+src=/i)
      assert.doesNotMatch(html, /<link\b/i)
      assert.doesNotMatch(html, /<(img|iframe|object|embed|video|audio|source)\b/i)
      assert.doesNotMatch(html, /@import/i)
      assert.doesNotMatch(html.match(/<style>([\s\S]*?)<\/style>/)![1], /url\(/i)
      assert.doesNotMatch(html, /\bsrc=["']?(https?:)?\/\//i)
      // The only hrefs are in-page anchors and standards' own https pages, opened without referrer.
      const external: string[] = []
      for (const link of html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>/g)) {
        if (/^#[\w-]+$/.test(link[1])) continue
        external.push(link[1])
        assert.match(link[0], /rel="noopener noreferrer"/)
      }
      for (const href of html.matchAll(/href="([^"]*)"/g))
        assert.ok(/^#[\w-]+$/.test(href[1]) || external.includes(href[1]), href[1])
      assert.ok(external.length > 0)
      assert.ok(
        external.every((href) => href === 'https://www.itu.int/rec/T-REC-X.1254'),
        external.join(' '),
      )
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/)
    }
  })

  it('is deterministic', () => {
    assert.equal(renderHtml(buildAnalysis(), reportContext('en')), en)
    assert.equal(renderHtml(buildAnalysis(), reportContext('fr')), fr)
    assert.notEqual(en, fr)
  })

  it('does not modify the analysis', () => {
    const a = buildAnalysis()
    const before = JSON.stringify(a)
    renderHtml(a, reportContext('fr'))
    assert.equal(JSON.stringify(a), before)
  })

  it('shows the summary counts', () => {
    const card = (key: string) => en.match(new RegExp(`data-count="${key}"><span class="value">(\\d+)<`))?.[1]
    assert.equal(card('subjects'), '4')
    assert.equal(card('covered'), '2')
    assert.equal(card('partial'), '1')
    assert.equal(card('gap'), '1')
    assert.equal(card('overlaps'), '3')
    assert.equal(card('reviewed'), '1')
  })

  it('draws one stacked bar per study group with its counts', () => {
    assert.equal(en.match(/<g class="bar" data-sg="\d+">/g)?.length, 2)
    const sg17 = en.match(/<g class="bar" data-sg="17">[\s\S]*?<\/g>/)![0]
    assert.match(sg17, /<rect class="seg cov-covered"/)
    assert.match(sg17, /<rect class="seg cov-gap"/)
    assert.doesNotMatch(sg17, /cov-partial/)
    assert.match(sg17, /<text class="total"[^>]*>2<\/text>/)
    const row20 = en.match(/<tr data-sg="20">[\s\S]*?<\/tr>/)![0]
    assert.match(row20, /data-coverage="covered">1</)
    assert.match(row20, /data-coverage="partial">1</)
    assert.match(row20, /data-coverage="gap">0</)
  })

  it('renders a heatmap grouped by kind with best scores and responsibilities', () => {
    const heat = en.slice(en.indexOf('id="heatmap"'), en.indexOf('id="subjects"'))
    assert.match(heat, /FG-MV deliverables — WG1/)
    assert.match(heat, /DPI requirements — identity/)
    assert.match(heat, /DPI requirements — payments/)
    // DPI-ID-01: best SG17 score 0.61 (≥ covered: darkest class), responsible for SG17.
    assert.match(
      heat,
      /<td class="h5 resp" title="DPI-ID-01 · SG17 — Score 0.6123 — responsible study group">0.61/,
    )
    // Not among the top matches: the cell says the best score is below the lowest listed one.
    assert.match(
      heat,
      /<td class="h0" title="DPI-ID-01 · SG20 — no standard of this study group among the subject’s top 5 matches: its best score here is below 0.5000">&lt; 0.50<\/td>/,
    )
    // Best match only (X.1254 0.61 beats ISO/IEC with no SG); gap subject: ring only.
    assert.match(heat, /<td class="h0 resp" title="DPI-GAP-03 · SG17/)
  })

  it('renders subject rows with expandable matches and reviewed decisions apart', () => {
    const main = rows(en, 'row').filter((r) => r.includes('id="s-'))
    assert.equal(main.length, 4)
    const details = rows(en, 'detail')
    assert.equal(details.length, 4)
    assert.ok(details.every((d) => / hidden>/.test(d)))
    const id01 = details[0]
    assert.match(id01, /0\.6123/)
    assert.match(id01, /0\.5000/)
    assert.match(id01, /subset of/)
    assert.match(id01, /<span class="term">assurance<\/span>/)
    assert.match(id01, /not reviewed/)
    const evil = details[2]
    assert.match(evil, /<div class="box computed">[\s\S]*<div class="box reviewed">/)
    assert.match(evil, /Reviewed decisions/)
    assert.match(evil, /2025-05-20/)
    assert.match(evil, /<span class="tag reviewed">added<\/span>/)
    assert.match(main[2], /data-coverage="covered"/)
    // Review changed this result: the computed one shows beside it; unchanged rows leave it empty.
    assert.match(main[2], /<span class="cov-text cov-gap">gap<\/span><\/td>/)
    assert.match(main[0], /<td data-sort="0.61234" class="nowrap"><\/td>/)
    assert.match(main[2], /assigned/)
    assert.match(main[0], /data-sgs="17"/)
  })

  it('renders sortable, filterable tables', () => {
    assert.equal(en.match(/<table id="subjects-table" class="data sortable">/g)?.length, 1)
    assert.equal(en.match(/<table id="overlaps-table" class="data sortable">/g)?.length, 1)
    assert.ok((en.match(/aria-sort="none"/g)?.length ?? 0) >= 16)
    for (const table of ['subjects-table', 'overlaps-table']) {
      assert.match(
        en,
        new RegExp(`<label for="f-${table}-text">Search</label><input type="search" id="f-${table}-text"`),
      )
    }
    assert.match(
      en,
      /<select id="f-subjects-table-coverage" data-filter="coverage"><option value="">All<\/option><option value="covered">covered/,
    )
    assert.match(en, /<option value="17">SG17 — Security &amp; &lt;trust&gt;<\/option>/)
    assert.equal(rows(en, 'row').filter((r) => r.includes('data-type=')).length, 3)
    assert.match(en, /Showing 4 of 4/)
    assert.match(en, /Showing 3 of 3/)
  })

  it('uses French labels and number format', () => {
    assert.match(fr, /<title>Analyse des lacunes de normalisation<\/title>/)
    assert.match(fr, />lacune</)
    assert.match(fr, />partiel</)
    assert.match(fr, />couvert</)
    assert.match(fr, /CE17/)
    assert.doesNotMatch(fr, />SG17</)
    assert.match(fr, /Commission d’études/)
    assert.match(fr, /0,6123/)
    assert.match(fr, /sous-ensemble de/)
    assert.match(fr, /Décisions examinées/)
    assert.match(fr, /Double emploi/)
    assert.match(fr, /4 sur 4 affichés/)
    assert.match(fr, /50\u202f%/)
    // No French SG title is sourced: the English one, marked, everywhere an SG is named.
    assert.match(fr, /<td>Security &amp; &lt;trust&gt; \(en anglais\)<\/td>/)
    assert.match(fr, /<option value="17">CE17 — Security &amp; &lt;trust&gt; \(en anglais\)<\/option>/)
    assert.doesNotMatch(en, /en anglais/)
  })

  it('opens with the printable summary: scope, catalogue hash, caveats, per-resolution parts', () => {
    const summary = en.slice(en.indexOf('id="summary"'), en.indexOf('id="by-sg"'))
    assert.match(
      summary,
      /<p>Scope: Res\. 105 — FG-MV deliverables; Res\. 103 — DPI requirements by building block · all study groups<\/p>/,
    )
    assert.match(summary, /Content hash of the catalogue files \(SHA-256\): f{64}/)
    assert.match(summary, /<li>Question lists are incomplete: 2 Questions are listed for 3 study groups/)
    assert.match(summary, /<h3>Res\. 105 — FG-MV deliverables<\/h3>/)
    assert.match(summary, /<h3>Res\. 103 — DPI requirements by building block<\/h3>/)
    assert.match(summary, /<h4>Top gaps per study group<\/h4>/)
  })

  it('has a review form and the decisions the page was built from as data', () => {
    assert.match(en, /<div id="review-panel" class="review-panel"/)
    assert.match(
      en,
      /<select id="rv-action"><option value="accept">accept<\/option><option value="reject">reject<\/option><option value="add">add<\/option><option value="assign">assign<\/option><\/select>/,
    )
    assert.match(en, /<option value="Q6\/17" data-sg="17" hidden>Q6\/17<\/option>/)
    const data = JSON.parse(en.match(/<script type="application\/json" id="rv-data">([^<]*)<\/script>/)![1])
    assert.deepEqual(
      data.decisions,
      analysis.subjects.flatMap((s) => s.decisions),
    )
    assert.ok(data.decisions.length > 0)
    assert.equal((en.match(/class="rv-open"/g) ?? []).length, analysis.subjects.length)
  })

  it('has a print stylesheet', () => {
    const style = en.match(/<style>([\s\S]*?)<\/style>/)![1]
    const print = style.slice(style.indexOf('@media print'))
    // Controls, details and the heatmap are not printed; every subject row is.
    const hidden = print.match(/([^{}]*)\{\s*display: none !important;\s*\}/)![1]
    for (const selector of ['.filters', '.review-panel', '#heatmap', 'tr.detail'])
      assert.ok(hidden.includes(selector), selector)
    assert.match(print, /tr\.row\[hidden\] \{\s*display: table-row !important;/)
    assert.match(print, /position: static !important/)
    assert.match(print, /break-before: page/)
  })

  it('renders an empty analysis', () => {
    const html = renderHtml(
      {...buildAnalysis(), subjects: [], overlaps: [], studyGroups: []},
      reportContext('en'),
    )
    assert.match(html, /No overlap found\./)
    assert.match(html, /No subject\./)
  })
})
