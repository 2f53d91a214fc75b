/**
 * The HTML report: one self-contained, deterministic page (inline CSS, JS and SVG; no network)
 * for TSB staff. Every table row is rendered here as HTML; the inline script (assets/report.js)
 * sorts, filters, expands and records review decisions, and never builds markup from catalogue text.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {
  bestLiveMatch,
  coverageCounts,
  OVERLAP_TYPES,
  type AnalysedMatch,
  type Analysis,
  type Overlap,
  type SubjectAnalysis,
} from '../analysis/analyse.js'
import {compareText} from '../catalogue/problems.js'
import {SUBJECT_KINDS} from '../catalogue/types.js'
import {COVERAGE_STATUSES, type CoverageStatus} from '../match/matcher.js'
import {sharesText} from './columns.js'
import type {ReportContext} from './context.js'
import type {Block} from './document.js'
import {sgTitle, summaryDocument} from './documents.js'
import {Formatter} from './format.js'
import type {Decision} from '../analysis/decisions.js'

/** The page's stylesheet and script, files of their own beside the compiled module. */
const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8').trim()
const STYLE = asset('report.css')
const SCRIPT = asset('report.js')
import {routingParts} from './routing-text.js'

/** Escapes text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c])
}
const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}
const esc = escapeHtml

/** A standard's id, linked to its page when the URL is plain http(s) (never javascript: or data:). */
export function standardLink(id: string, url: string | undefined): string {
  return url && /^https?:\/\/[^\s"'<>]+$/i.test(url)
    ? `<a href="${esc(url)}" rel="noopener noreferrer" target="_blank">${esc(id)}</a>`
    : esc(id)
}

/**
 * The page for an analysis (already narrowed to the report's selection). `decisions` are those the
 * report was built from: the review loop downloads them merged with the new ones.
 */
export function renderHtml(
  analysis: Analysis,
  report: ReportContext,
  decisions: readonly Omit<Decision, 'line'>[] = analysis.subjects.flatMap((s) => s.decisions),
): string {
  const ctx = new Context(analysis, report)
  const {L} = ctx
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64')
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${scriptHash}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(L.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    '<meta name="generator" content="gapscan">',
    `<title>${esc(L.reportTitle)}</title>`,
    `<style>${STYLE}</style>`,
    '<noscript><style>tr.detail[hidden]{display:table-row}.filters,.toggle-col{display:none}</style></noscript>',
    '</head>',
    '<body>',
    renderHeader(ctx),
    '<main>',
    renderSummary(ctx),
    renderBySg(ctx),
    renderHeatmap(ctx),
    renderSubjects(ctx),
    renderOverlaps(ctx),
    renderMethod(ctx),
    '</main>',
    reviewData(decisions),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** The decisions the page was built from, as data for the review script (never executed). */
function reviewData(decisions: readonly Omit<Decision, 'line'>[]): string {
  const json = JSON.stringify({decisions}).replace(/</g, '\\u003c')
  return `<script type="application/json" id="rv-data">${json}</script>`
}

class Context extends Formatter {
  readonly subjectIndex = new Map<string, number>()
  readonly standardTitles = new Map<string, string>()
  readonly sgTitles = new Map<number, string>()
  /** Computed and reviewed results are shown apart only when review changed one. */
  readonly reviewChanged: boolean

  constructor(
    readonly analysis: Analysis,
    readonly report: ReportContext,
  ) {
    super(report.lang)
    analysis.subjects.forEach((s, i) => {
      if (!this.subjectIndex.has(s.id)) this.subjectIndex.set(s.id, i)
      for (const m of s.matches) if (!this.standardTitles.has(m.id)) this.standardTitles.set(m.id, m.title)
    })
    for (const g of analysis.studyGroups) this.sgTitles.set(g.number, sgTitle(g, this))
    this.reviewChanged = analysis.subjects.some((s) => s.coverage !== s.computed.coverage)
  }

  /** The meaning of each status, with the thresholds filled in. */
  coverageMeaning(c: CoverageStatus): string {
    const t = this.analysis.options.thresholds
    return this.fill(this.L.coverageDescription[c], {
      covered: this.short(t.covered),
      partial: this.short(t.partial),
    })
  }

  badge(coverage: CoverageStatus): string {
    return `<span class="badge cov-${coverage}">${esc(this.L.coverage[coverage])}</span>`
  }

  subjectAnchor(id: string): string {
    const i = this.subjectIndex.get(id)
    return i === undefined
      ? `<span class="id">${esc(id)}</span>`
      : `<a class="id" href="#s-${i}">${esc(id)}</a>`
  }
}

function renderHeader(ctx: Context): string {
  const {L, analysis} = ctx
  const meta: string[] = []
  if (analysis.date) meta.push(`<div><dt>${esc(L.generatedOn)}</dt><dd>${esc(analysis.date)}</dd></div>`)
  meta.push(`<div><dt>${esc(L.scoringModel)}</dt><dd>${esc(analysis.options.scoring)}</dd></div>`)
  const t = analysis.options.thresholds
  meta.push(
    `<div><dt>${esc(L.thresholds)}</dt><dd>${esc(L.coverage.covered)} ≥ ${ctx.short(t.covered)} · ${esc(
      L.coverage.partial,
    )} ≥ ${ctx.short(t.partial)}</dd></div>`,
  )
  const nav = (['bySg', 'heatmap', 'subjects', 'overlaps', 'method'] as const)
    .map((k) => `<li><a href="#${SECTION_IDS[k]}">${esc(L.sections[k])}</a></li>`)
    .join('')
  return [
    '<header class="page-header">',
    `<p class="brand">gapscan · ${esc(L.itut)}</p>`,
    `<h1>${esc(L.reportTitle)}</h1>`,
    `<p class="subtitle">${esc(L.reportSubtitle)}</p>`,
    `<dl class="meta">${meta.join('')}</dl>`,
    `<nav aria-label="${esc(L.reportTitle)}"><ul>${nav}</ul></nav>`,
    '</header>',
  ].join('\n')
}

const SECTION_IDS = {
  summary: 'summary',
  bySg: 'by-sg',
  heatmap: 'heatmap',
  subjects: 'subjects',
  overlaps: 'overlaps',
  method: 'method',
} as const

function renderSummary(ctx: Context): string {
  const {L, analysis} = ctx
  const counts = coverageCounts(analysis.subjects)
  const reviewed = analysis.subjects.filter((s) => s.reviewed).length
  const card = (cls: string, value: number, label: string, key: string) =>
    `<div class="card ${cls}" data-count="${esc(key)}"><span class="value">${value}</span><span class="label">${esc(label)}</span></div>`
  // The printable summary (summary.md / summary.docx) without its title: the page header has it.
  const [, ...blocks] = summaryDocument(analysis, ctx.report).blocks
  return [
    `<section id="${SECTION_IDS.summary}" aria-labelledby="h-summary">`,
    `<h2 id="h-summary">${esc(L.sections.summary)}</h2>`,
    '<div class="cards">',
    card('total', analysis.subjects.length, L.subjects, 'subjects'),
    ...COVERAGE_STATUSES.map((c) => card(`cov-${c}`, counts[c], L.coverage[c], c)),
    card('neutral', analysis.overlaps.length, L.overlaps, 'overlaps'),
    card('neutral', reviewed, L.reviewed, 'reviewed'),
    '</div>',
    `<div class="summary-text">${blocks.map(blockHtml).join('\n')}</div>`,
    '</section>',
  ].join('\n')
}

/** A document block as HTML, one heading level below the page's section headings. */
function blockHtml(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`
    case 'paragraph':
      return `<p${b.note ? ' class="muted"' : ''}>${esc(b.text)}</p>`
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`
    case 'table':
      return `<div class="table-wrap"><table class="data compact"><thead><tr>${b.header
        .map((h) => `<th scope="col">${esc(h)}</th>`)
        .join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`
  }
}

function legend(ctx: Context): string {
  const {L} = ctx
  return `<ul class="legend">${COVERAGE_STATUSES.map(
    (c) =>
      `<li><span class="swatch cov-${c}" aria-hidden="true"></span>${esc(L.coverage[c])} <span class="muted">— ${esc(
        ctx.coverageMeaning(c),
      )}</span></li>`,
  ).join('')}</ul>`
}

function renderBySg(ctx: Context): string {
  const {L, analysis} = ctx
  const groups = analysis.studyGroups
  const W = 760
  const labelW = 64
  const totalW = 44
  const barH = 22
  const gap = 10
  const top = 6
  const plotW = W - labelW - totalW
  const max = Math.max(1, ...groups.map((g) => g.counts.covered + g.counts.partial + g.counts.gap))
  const H = top * 2 + groups.length * (barH + gap) - (groups.length > 0 ? gap : 0)
  const bars = groups.map((g, i) => {
    const y = top + i * (barH + gap)
    const total = g.counts.covered + g.counts.partial + g.counts.gap
    let x = labelW
    const segs = COVERAGE_STATUSES.map((c) => {
      const n = g.counts[c]
      if (n === 0) return ''
      const w = (n / max) * plotW
      const rect = `<rect class="seg cov-${c}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barH}"><title>${esc(
        `${ctx.sg(g.number)} — ${ctx.colon(L.coverage[c])}${n}`,
      )}</title></rect>`
      const text =
        w >= 24
          ? `<text class="seg-label cov-${c}" x="${(x + w / 2).toFixed(1)}" y="${y + barH / 2}" text-anchor="middle" dominant-baseline="central">${n}</text>`
          : ''
      x += w
      return rect + text
    }).join('')
    return [
      `<a href="#${SECTION_IDS.subjects}" class="bar-link" data-sg="${g.number}" aria-label="${esc(
        `${ctx.colon(`${ctx.sg(g.number)} ${sgTitle(g, ctx)}`)}${COVERAGE_STATUSES.map((c) => `${L.coverage[c]} ${g.counts[c]}`).join(', ')}`,
      )}">`,
      `<g class="bar" data-sg="${g.number}">`,
      `<title>${esc(`${ctx.sg(g.number)} — ${sgTitle(g, ctx)}`)}</title>`,
      `<text class="sg-label" x="${labelW - 8}" y="${y + barH / 2}" text-anchor="end" dominant-baseline="central">${esc(ctx.sg(g.number))}</text>`,
      `<rect class="track" x="${labelW}" y="${y}" width="${plotW}" height="${barH}"></rect>`,
      segs,
      `<text class="total" x="${(x + 6).toFixed(1)}" y="${y + barH / 2}" dominant-baseline="central">${total}</text>`,
      '</g></a>',
    ].join('')
  })
  const chart =
    groups.length === 0
      ? `<p class="empty">${esc(L.none)}</p>`
      : [
          `<figure class="chart">`,
          `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="chart-title chart-desc" class="sg-chart">`,
          `<title id="chart-title">${esc(L.chartTitle)}</title>`,
          `<desc id="chart-desc">${esc(L.chartDescription)}</desc>`,
          ...bars,
          '</svg>',
          `<figcaption>${legend(ctx)}</figcaption>`,
          '</figure>',
        ].join('\n')
  const rows = groups
    .map((g) => {
      const total = g.counts.covered + g.counts.partial + g.counts.gap
      return `<tr data-sg="${g.number}"><th scope="row">${esc(ctx.sg(g.number))}</th><td>${esc(sgTitle(g, ctx))}</td>${COVERAGE_STATUSES.map(
        (c) => `<td class="num" data-coverage="${c}">${g.counts[c]}</td>`,
      ).join('')}<td class="num strong">${total}</td></tr>`
    })
    .join('\n')
  const table = [
    '<div class="table-wrap">',
    '<table class="data compact sg-table">',
    `<caption class="sr-only">${esc(L.sections.bySg)}</caption>`,
    `<thead><tr><th scope="col">${esc(L.columns.sg)}</th><th scope="col">${esc(L.columns.title)}</th>${COVERAGE_STATUSES.map(
      (c) => `<th scope="col" class="num">${esc(L.coverage[c])}</th>`,
    ).join('')}<th scope="col" class="num">${esc(L.columns.total)}</th></tr></thead>`,
    `<tbody>${rows}</tbody>`,
    '</table>',
    '</div>',
  ].join('\n')
  return [
    `<section id="${SECTION_IDS.bySg}" aria-labelledby="h-by-sg">`,
    `<h2 id="h-by-sg">${esc(L.sections.bySg)}</h2>`,
    `<p class="intro">${esc(L.bySgIntro)}</p>`,
    '<div class="by-sg">',
    chart,
    table,
    '</div>',
    '</section>',
  ].join('\n')
}

/** Heat class of a best score: 1–5 relative to the thresholds, 0 when there is no match. */
function heatClass(score: number | undefined, t: {covered: number; partial: number}): number {
  if (score === undefined) return 0
  if (score < t.partial / 2) return 1
  if (score < t.partial) return 2
  if (score < (t.partial + t.covered) / 2) return 3
  if (score < t.covered) return 4
  return 5
}

function bestBySg(subject: SubjectAnalysis): Map<number, number> {
  const best = new Map<number, number>()
  for (const m of subject.matches) {
    if (m.sg === undefined || m.review === 'rejected') continue
    best.set(m.sg, Math.max(best.get(m.sg) ?? 0, m.score))
  }
  return best
}

function renderHeatmap(ctx: Context): string {
  const {L, analysis} = ctx
  const t = analysis.options.thresholds
  const sgs = analysis.studyGroups.map((g) => g.number)
  // Group rows by kind, then by building block / working group, in order of first appearance.
  const blocks = new Map<string, {kind: SubjectAnalysis['kind']; group?: string; rows: number[]}>()
  for (const kind of SUBJECT_KINDS) {
    analysis.subjects.forEach((s, i) => {
      if (s.kind !== kind) return
      const key = `${kind}\u0000${s.group ?? ''}`
      const block = blocks.get(key) ?? {kind, ...(s.group !== undefined ? {group: s.group} : {}), rows: []}
      block.rows.push(i)
      blocks.set(key, block)
    })
  }
  const head = `<thead><tr><th scope="col" class="corner">${esc(L.subject)}</th>${sgs
    .map(
      (n) =>
        `<th scope="col" class="sg-col"><abbr title="${esc(`${ctx.sg(n)} — ${ctx.sgTitles.get(n) ?? ''}`)}">${esc(ctx.sg(n))}</abbr></th>`,
    )
    .join('')}</tr></thead>`
  const bodies = [...blocks.values()].map((block) => {
    const name = `${L.kindPlural[block.kind]}${block.group !== undefined ? ` — ${block.group}` : ''}`
    const rows = block.rows.map((i) => {
      const s = analysis.subjects[i]
      const best = bestBySg(s)
      const cells = sgs.map((n) => {
        const score = best.get(n)
        const responsible = s.responsible.sgs.includes(n)
        const cls = `h${heatClass(score, t)}${responsible ? ' resp' : ''}`
        // Not in the top matches: the SG's best score is below the lowest listed one.
        const floor = s.matches.length > 0 ? Math.min(...s.matches.map((m) => m.score)) : undefined
        const below =
          floor === undefined
            ? L.heatmapNoMatch
            : ctx.fill(L.heatmapBelowTitle, {top: analysis.options.top, score: ctx.score(floor)})
        const tip = [
          `${s.id} · ${ctx.sg(n)}`,
          score === undefined ? below : `${L.columns.score} ${ctx.score(score)}`,
          ...(responsible ? [L.heatmapResponsible] : []),
        ].join(' — ')
        const text =
          score !== undefined
            ? ctx.short(score)
            : floor !== undefined
              ? esc(ctx.fill(L.heatmapBelow, {score: ctx.short(floor)}))
              : ''
        const sr = responsible ? `<span class="sr-only"> ${esc(L.heatmapResponsible)}</span>` : ''
        return `<td class="${cls}" title="${esc(tip)}">${text}${sr}</td>`
      })
      return `<tr><th scope="row">${ctx.subjectAnchor(s.id)} <span class="hm-title">${esc(s.title)}</span></th>${cells.join('')}</tr>`
    })
    return `<tbody><tr class="hm-group"><th scope="rowgroup" colspan="${sgs.length + 1}">${esc(name)} <span class="muted">(${
      block.rows.length
    })</span></th></tr>${rows.join('\n')}</tbody>`
  })
  const bounds = [t.partial / 2, t.partial, (t.partial + t.covered) / 2, t.covered]
  const ranges = [
    `< ${ctx.short(bounds[0])}`,
    `${ctx.short(bounds[0])} – ${ctx.short(bounds[1])}`,
    `${ctx.short(bounds[1])} – ${ctx.short(bounds[2])}`,
    `${ctx.short(bounds[2])} – ${ctx.short(bounds[3])}`,
    `≥ ${ctx.short(bounds[3])}`,
  ]
  const scale = [
    `<ul class="heat-legend" aria-label="${esc(L.heatmapLegend)}">`,
    `<li class="legend-title">${esc(ctx.colon(L.heatmapLegend).trim())}</li>`,
    `<li><span class="swatch h0" aria-hidden="true"></span>${esc(
      ctx.fill(L.heatmapBelowTitle, {top: analysis.options.top, score: '…'}),
    )}</li>`,
    ...ranges.map((r, i) => `<li><span class="swatch h${i + 1}" aria-hidden="true"></span>${esc(r)}</li>`),
    `<li><span class="swatch h0 resp" aria-hidden="true"></span>${esc(L.heatmapResponsible)}</li>`,
    '</ul>',
  ].join('')
  return [
    `<section id="${SECTION_IDS.heatmap}" aria-labelledby="h-heatmap" class="page-break">`,
    `<h2 id="h-heatmap">${esc(L.sections.heatmap)}</h2>`,
    `<p class="intro">${esc(L.heatmapIntro)}</p>`,
    scale,
    analysis.subjects.length === 0
      ? `<p class="empty">${esc(L.noSubjects)}</p>`
      : `<div class="scroll heat-wrap" tabindex="0" role="region" aria-labelledby="h-heatmap"><table class="heatmap">${head}${bodies.join(
          '\n',
        )}</table></div>`,
    '</section>',
  ].join('\n')
}

function sortableHeader(ctx: Context, label: string, extra = ''): string {
  return `<th scope="col" aria-sort="none"${extra}><button type="button" class="sort" title="${esc(
    `${ctx.L.sortBy} ${label}`,
  )}">${esc(label)}<span class="arrow" aria-hidden="true"></span></button></th>`
}

function filters(
  ctx: Context,
  table: string,
  total: number,
  selects: {key: string; label: string; options: [string, string][]}[],
): string {
  const {L} = ctx
  const id = (k: string) => `f-${table}-${k}`
  return [
    `<div class="filters" role="search" data-table="${table}">`,
    `<div class="field"><label for="${id('text')}">${esc(L.filter.text)}</label><input type="search" id="${id(
      'text',
    )}" data-filter="text" placeholder="${esc(L.filter.textPlaceholder)}" autocomplete="off"></div>`,
    ...selects.map(
      (s) =>
        `<div class="field"><label for="${id(s.key)}">${esc(s.label)}</label><select id="${id(s.key)}" data-filter="${esc(
          s.key,
        )}"><option value="">${esc(L.filter.all)}</option>${s.options
          .map(([v, text]) => `<option value="${esc(v)}">${esc(text)}</option>`)
          .join('')}</select></div>`,
    ),
    `<button type="button" class="reset" data-reset>${esc(L.filter.reset)}</button>`,
    `<output class="count" aria-live="polite" data-template="${esc(L.filter.showing)}">${esc(
      L.filter.showing.replace('{shown}', String(total)).replace('{total}', String(total)),
    )}</output>`,
    '</div>',
  ].join('')
}

function sgOptions(ctx: Context): [string, string][] {
  return ctx.analysis.studyGroups.map((g) => [String(g.number), `${ctx.sg(g.number)} — ${sgTitle(g, ctx)}`])
}

function renderSubjects(ctx: Context): string {
  const {L, analysis} = ctx
  const cols = L.columns
  const head = [
    `<th scope="col" class="toggle-col"><span class="sr-only">${esc(L.expand)}</span></th>`,
    sortableHeader(ctx, cols.id),
    sortableHeader(ctx, cols.title),
    sortableHeader(ctx, cols.group),
    sortableHeader(ctx, cols.coverage),
    ...(ctx.reviewChanged ? [sortableHeader(ctx, cols.computed)] : []),
    sortableHeader(ctx, cols.bestMatch),
    sortableHeader(ctx, cols.measured, ' class="screen-only"'),
    sortableHeader(ctx, cols.responsible),
    sortableHeader(ctx, cols.overlaps),
    sortableHeader(ctx, cols.reviewed),
  ]
  const rows = analysis.subjects.map((s, i) => subjectRows(ctx, s, i, head.length)).join('\n')
  return [
    `<section id="${SECTION_IDS.subjects}" aria-labelledby="h-subjects" class="page-break">`,
    `<h2 id="h-subjects">${esc(L.sections.subjects)}</h2>`,
    `<p class="intro">${esc(L.subjectsIntro)}</p>`,
    filters(ctx, 'subjects-table', analysis.subjects.length, [
      {key: 'coverage', label: L.filter.coverage, options: COVERAGE_STATUSES.map((c) => [c, L.coverage[c]])},
      {key: 'sg', label: L.columns.responsible, options: sgOptions(ctx)},
      {key: 'kind', label: L.columns.kind, options: SUBJECT_KINDS.map((k) => [k, L.kindPlural[k]])},
    ]),
    reviewPanel(ctx),
    '<div class="table-wrap">',
    '<table id="subjects-table" class="data sortable">',
    `<caption class="sr-only">${esc(L.sections.subjects)}</caption>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>${rows}</tbody>`,
    '</table>',
    '</div>',
    '</section>',
  ].join('\n')
}

/**
 * The review panel: one form for every subject (a row's "Review" button selects the subject),
 * so the page does not repeat controls per row. The script records decisions and downloads them.
 */
function reviewPanel(ctx: Context): string {
  const {L, analysis} = ctx
  const R = L.review
  const actions = (['accept', 'reject', 'add', 'assign'] as const)
    .map((a) => `<option value="${a}">${esc(L.decisionAction[a])}</option>`)
    .join('')
  const standards = [...new Set(analysis.subjects.flatMap((s) => s.matches.map((m) => m.id)))].sort(
    compareText,
  )
  const questions = Object.entries(ctx.report.catalogue.questionsBySg).flatMap(([sg, ids]) =>
    ids.map((q) => `<option value="${esc(q)}" data-sg="${esc(sg)}" hidden>${esc(q)}</option>`),
  )
  const field = (label: string, control: string) =>
    `<label class="field"><span>${esc(label)}</span>${control}</label>`
  return [
    `<div id="review-panel" class="review-panel" data-sg-prefix="${esc(L.sg)}" data-need="${esc(R.needReason)}" data-need-subject="${esc(R.needSubject)}">`,
    `<h3>${esc(R.title)}</h3>`,
    `<p class="muted">${esc(R.intro)}</p>`,
    '<div class="rv-fields">',
    field(L.subject, `<output id="rv-subject" class="id">${esc(L.none)}</output>`),
    field(L.columns.action, `<select id="rv-action">${actions}</select>`),
    field(
      L.columns.standard,
      `<select id="rv-match"></select><input id="rv-standard" list="rv-standards" placeholder="${esc(R.addPlaceholder)}" hidden>`,
    ),
    field(
      R.assign,
      `<select id="rv-sg" disabled><option value="">${esc(L.none)}</option>${analysis.studyGroups
        .map((g) => `<option value="${g.number}">${esc(ctx.sg(g.number))}</option>`)
        .join('')}</select>`,
    ),
    field(
      R.question,
      `<select id="rv-question" disabled><option value="">${esc(L.none)}</option>${questions.join('')}</select>`,
    ),
    field(R.reason, '<input id="rv-reason" type="text">'),
    field(R.by, '<input id="rv-by" type="text">'),
    `<button type="button" id="rv-record">${esc(R.record)}</button>`,
    '</div>',
    `<datalist id="rv-standards">${standards.map((id) => `<option value="${esc(id)}"></option>`).join('')}</datalist>`,
    `<p><output id="rv-msg" aria-live="polite"></output> <output id="rv-count" data-template="${esc(R.pending)}"></output> <button type="button" id="rv-download">${esc(
      R.download,
    )}</button></p>`,
    '</div>',
  ].join('')
}

function subjectRows(ctx: Context, s: SubjectAnalysis, i: number, colspan: number): string {
  const {L} = ctx
  const live = bestLiveMatch(s.matches)
  const flags = (Object.keys(s.overlaps) as (keyof SubjectAnalysis['overlaps'])[]).filter(
    (k) => s.overlaps[k],
  )
  const responsible = s.responsible.sgs.length
    ? `${s.responsible.sgs.map((n) => esc(ctx.sg(n))).join(', ')}${
        s.responsible.questions.length
          ? ` <span class="muted">${esc(s.responsible.questions.join(', '))}</span>`
          : ''
      }${s.assigned ? ` <span class="tag reviewed">${esc(L.assigned)}</span>` : ''}`
    : esc(L.none)
  const coverageCell = `${ctx.badge(s.coverage)}${
    s.reviewed && s.coverage !== s.computed.coverage
      ? ` <span class="tag reviewed">${esc(L.reviewed)}</span>`
      : ''
  }`
  const main = [
    `<tr class="row" id="s-${i}" data-coverage="${s.coverage}" data-sgs="${s.responsible.sgs.join(' ')}" data-kind="${esc(s.kind)}">`,
    `<td class="toggle-col"><button type="button" class="toggle" aria-expanded="false" aria-controls="s-${i}-d" aria-label="${esc(
      `${ctx.colon(L.bestMatches)}${s.id}`,
    )}"><span aria-hidden="true">▸</span></button></td>`,
    `<th scope="row" class="id">${esc(s.id)}</th>`,
    `<td class="title">${esc(s.title)}</td>`,
    `<td>${esc(s.group ?? '')}</td>`,
    `<td data-sort="${COVERAGE_STATUSES.indexOf(s.coverage)}">${coverageCell}</td>`,
    ...(ctx.reviewChanged
      ? [
          `<td data-sort="${s.computed.score}" class="nowrap">${
            s.coverage !== s.computed.coverage
              ? `<span class="cov-text cov-${s.computed.coverage}">${esc(L.coverage[s.computed.coverage])}</span>`
              : ''
          }</td>`,
        ]
      : []),
    `<td data-sort="${live?.score ?? 0}">${
      live
        ? `${esc(live.id)} <span class="num muted">${ctx.score(live.score)}</span>`
        : `<span class="muted">${esc(L.none)}</span>`
    }</td>`,
    `<td class="screen-only" data-sort="${live?.subjectCovered ?? 0}">${esc(sharesText(s, ctx))}</td>`,
    `<td data-sort="${s.responsible.sgs[0] ?? 999}">${responsible}</td>`,
    `<td data-sort="${flags.length}">${flags.map((k) => `<span class="tag">${esc(L.overlapFlag[k])}</span>`).join(' ')}</td>`,
    `<td data-sort="${s.reviewed ? 1 : 0}">${s.reviewed ? `<span class="tag reviewed">${esc(L.reviewed)}</span>` : ''}</td>`,
    '</tr>',
  ].join('')
  const detail = `<tr class="detail" id="s-${i}-d" hidden><td colspan="${colspan}">${subjectDetail(ctx, s)}</td></tr>`
  return `${main}\n${detail}`
}

/** The computed routing with its evidence, one item per part (see report/routing-text.ts). */
function htmlRouting(ctx: Context, s: SubjectAnalysis): string {
  const {L} = ctx
  const parts = routingParts(s.routing, L)
  return `<div class="routing"><p>${esc(L.routing.heading)} <span class="tag">${esc(
    L.routing.computedRouting,
  )}</span>: <strong>${esc(L.routing.outcome[s.routing.outcome])}</strong></p><ul>${parts
    .map((p) => `<li>${esc(p)}</li>`)
    .join('')}</ul></div>`
}

/** The designations a subject names that the catalogue does not hold: a rapporteur wants to know. */
function missingCitations(ctx: Context, s: SubjectAnalysis): string {
  const missing = s.citations.filter((c) => c.ids.length === 0).map((c) => c.text)
  return missing.length
    ? `<p class="muted">${esc(ctx.fill(ctx.L.citesMissing, {designations: missing.join(', ')}))}</p>`
    : ''
}

function subjectDetail(ctx: Context, s: SubjectAnalysis): string {
  const {L} = ctx
  const cols = L.columns
  const r = s.responsible
  const computed = [
    '<div class="box computed">',
    `<h3>${esc(L.computedResult)} <span class="tag">${esc(L.computed)}</span></h3>`,
    `<p>${ctx.badge(s.computed.coverage)} ${esc(cols.bestScore)} <strong class="num">${ctx.score(s.computed.score)}</strong>${
      s.relationship ? ` · ${esc(ctx.colon(cols.relationship))}${esc(L.relationship[s.relationship])}` : ''
    }</p>`,
    // An assignment is a reviewed result: the computed box shows only what was computed.
    r.basis === 'assigned'
      ? ''
      : `<p>${esc(ctx.colon(L.responsibility))}${
          r.sgs.length
            ? r.sgs.map((n) => esc(`${ctx.sg(n)} — ${ctx.sgTitles.get(n) ?? ''}`)).join(', ')
            : esc(L.none)
        }${r.questions.length ? ` · ${esc(ctx.colon(L.questions))}${esc(r.questions.join(', '))}` : ''} <span class="muted">(${esc(ctx.colon(cols.basis))}${esc(L.basis[r.basis])}, ${esc(cols.score)} ${ctx.score(r.score)})</span></p>`,
    htmlRouting(ctx, s),
    s.matches.length === 0 ? `<p class="muted">${esc(L.noMatches)}</p>` : matchesTable(ctx, s.matches),
    missingCitations(ctx, s),
    '</div>',
  ].join('')
  const reviewed = s.reviewed
    ? [
        '<div class="box reviewed">',
        `<h3>${esc(L.decisions)} <span class="tag reviewed">${esc(L.reviewed)}</span></h3>`,
        `<p>${esc(ctx.colon(L.reviewedResult))}${ctx.badge(s.coverage)}${
          s.assigned
            ? ` · ${esc(ctx.colon(L.assigned))}${esc(ctx.sg(s.assigned.sg))}${s.assigned.question ? ` ${esc(s.assigned.question)}` : ''}`
            : ''
        }</p>`,
        '<table class="decisions">',
        `<thead><tr>${[cols.action, cols.standard, cols.by, cols.date, cols.reason]
          .map((c) => `<th scope="col">${esc(c)}</th>`)
          .join('')}</tr></thead><tbody>`,
        ...s.decisions.map(
          (d) =>
            `<tr><td>${esc(L.decisionAction[d.action] ?? d.action)}</td><td>${
              d.standard !== undefined
                ? esc(d.standard)
                : d.sg !== undefined
                  ? esc(`${ctx.sg(d.sg)}${d.question ? ` ${d.question}` : ''}`)
                  : ''
            }</td><td>${esc(d.by)}</td><td class="nowrap">${esc(d.date)}</td><td>${esc(d.reason)}</td></tr>`,
        ),
        '</tbody></table>',
        '</div>',
      ].join('')
    : `<p class="muted not-reviewed">${esc(L.notReviewed)}</p>`
  const open = `<p class="rv-open-wrap"><button type="button" class="rv-open" data-subject="${esc(s.id)}">${esc(
    L.review.open,
  )}</button></p>`
  return `<div class="detail-grid">${computed}${reviewed}${open}</div>`
}

function matchesTable(ctx: Context, matches: AnalysedMatch[]): string {
  const {L} = ctx
  const c = L.columns
  const head = [
    c.rank,
    c.standard,
    c.title,
    c.org,
    c.sg,
    c.status,
    L.basisColumn,
    c.score,
    c.relationship,
    c.subjectCovered,
    c.standardCovered,
    c.sharedTerms,
    c.review,
  ]
  const rows = matches.map(
    (m, i) =>
      `<tr${m.review === 'rejected' ? ' class="rejected"' : ''}><td class="num">${i + 1}</td><th scope="row" class="id">${standardLink(m.id, m.url)}</th><td class="mtitle">${esc(m.title)}</td><td>${esc(m.org)}</td><td>${m.sg !== undefined ? esc(ctx.sg(m.sg)) : ''}</td><td>${esc(
        L.standardStatus[m.status] ?? m.status,
      )}</td><td>${esc(L.basisOf[m.basis])}${m.cited ? ` <span class="muted">“${esc(m.cited)}”</span>` : ''}${m.note ? ` <span class="muted">(${esc(m.note)})</span>` : ''}<br><span class="muted">${esc(L.evidence)} ${ctx.short(m.evidence)}</span></td><td class="num strong">${ctx.score(m.score)}</td><td>${esc(L.relationship[m.relationship] ?? m.relationship)}</td><td class="num">${ctx.percent(
        m.subjectCovered,
      )}</td><td class="num">${ctx.percent(m.standardCovered)}</td><td class="terms">${m.terms
        .map((t) => `<span class="term">${esc(t)}</span>`)
        .join(
          ' ',
        )}</td><td>${m.review ? `<span class="tag reviewed">${esc(L.reviewMark[m.review])}</span>` : ''}</td></tr>`,
  )
  return [
    '<table class="matches">',
    `<caption>${esc(L.bestMatches)}</caption>`,
    `<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('')
}

function overlapParty(ctx: Context, o: Overlap, id: string): string {
  const subject = ctx.subjectIndex.get(id)
  const title = subject !== undefined ? ctx.analysis.subjects[subject].title : ctx.standardTitles.get(id)
  return `<div>${o.type === 'duplication' ? `<span class="id">${esc(id)}</span>` : ctx.subjectAnchor(id)}${
    title !== undefined ? ` <span class="muted">${esc(title)}</span>` : ''
  }</div>`
}

function renderOverlaps(ctx: Context): string {
  const {L, analysis} = ctx
  const cols = L.columns
  const types = OVERLAP_TYPES.map(
    (t) =>
      `<li><strong>${esc(L.overlapType[t])}</strong> (${analysis.overlaps.filter((o) => o.type === t).length}) — ${esc(
        L.overlapTypeDescription[t],
      )}</li>`,
  ).join('')
  const body =
    analysis.overlaps.length === 0
      ? `<p class="empty">${esc(L.noOverlaps)}</p>`
      : [
          filters(ctx, 'overlaps-table', analysis.overlaps.length, [
            {key: 'type', label: L.filter.type, options: OVERLAP_TYPES.map((t) => [t, L.overlapType[t]])},
            {key: 'sg', label: L.filter.sg, options: sgOptions(ctx)},
          ]),
          '<div class="table-wrap">',
          '<table id="overlaps-table" class="data sortable">',
          `<caption class="sr-only">${esc(L.sections.overlaps)}</caption>`,
          `<thead><tr>${[cols.type, cols.between, cols.sg, cols.orgs, cols.standards, cols.score]
            .map((c) => sortableHeader(ctx, c))
            .join('')}</tr></thead>`,
          '<tbody>',
          ...analysis.overlaps.map(
            (o) =>
              `<tr class="row" data-type="${esc(o.type)}" data-sgs="${o.sgs.join(' ')}"><td>${esc(L.overlapType[o.type])}</td><td>${overlapParty(
                ctx,
                o,
                o.a,
              )}${o.b !== undefined ? overlapParty(ctx, o, o.b) : ''}</td><td data-sort="${o.sgs[0] ?? 999}">${esc(
                o.sgs.map((n) => ctx.sg(n)).join(', '),
              )}</td><td>${esc(o.orgs.join(', '))}</td><td>${esc(o.standards.join(', '))}</td><td class="num" data-sort="${o.score}">${ctx.score(
                o.score,
              )}</td></tr>`,
          ),
          '</tbody>',
          '</table>',
          '</div>',
        ].join('\n')
  return [
    `<section id="${SECTION_IDS.overlaps}" aria-labelledby="h-overlaps" class="page-break">`,
    `<h2 id="h-overlaps">${esc(L.sections.overlaps)}</h2>`,
    `<p class="intro">${esc(L.overlapsIntro)}</p>`,
    `<ul class="types">${types}</ul>`,
    body,
    '</section>',
  ].join('\n')
}

function renderMethod(ctx: Context): string {
  const {L, analysis} = ctx
  const t = analysis.options.thresholds
  return [
    `<section id="${SECTION_IDS.method}" aria-labelledby="h-method">`,
    `<h2 id="h-method">${esc(L.sections.method)}</h2>`,
    `<p>${esc(L.methodText)}</p>`,
    `<p>${esc(L.scoreMeaning)}</p>`,
    `<ul>${COVERAGE_STATUSES.map((c) => `<li>${ctx.badge(c)} ${esc(ctx.coverageMeaning(c))}</li>`).join('')}</ul>`,
    `<p class="muted">${esc(ctx.colon(L.scoringModel))}${esc(analysis.options.scoring)} · ${esc(ctx.colon(L.thresholds))}${ctx.score(
      t.covered,
    )} / ${ctx.score(t.partial)} · top ${analysis.options.top} · schema ${esc(analysis.schemaVersion)}</p>`,
    '</section>',
  ].join('\n')
}
