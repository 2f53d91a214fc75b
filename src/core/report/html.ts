/**
 * The HTML report: one self-contained, deterministic page (inline CSS, JS and SVG; no network)
 * for TSB staff. Every table row is rendered here as HTML; the small inline script only sorts,
 * filters and expands existing DOM nodes and never builds markup from catalogue text.
 */
import {createHash} from 'node:crypto'
import {
  bestLiveMatch,
  coverageCounts,
  OVERLAP_TYPES,
  type AnalysedMatch,
  type Analysis,
  type Overlap,
  type SubjectAnalysis,
} from '../analysis/analyse.js'
import {SUBJECT_KINDS} from '../catalogue/types.js'
import {COVERAGE_STATUSES, type CoverageStatus} from '../match/matcher.js'
import {labels, type Labels, type Lang} from './labels.js'
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

export function renderHtml(analysis: Analysis, lang: Lang): string {
  const L = labels(lang)
  const ctx = new Context(analysis, L)
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
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

class Context {
  readonly subjectIndex = new Map<string, number>()
  readonly standardTitles = new Map<string, string>()
  readonly sgTitles = new Map<number, string>()

  constructor(
    readonly analysis: Analysis,
    readonly L: Labels,
  ) {
    analysis.subjects.forEach((s, i) => {
      if (!this.subjectIndex.has(s.id)) this.subjectIndex.set(s.id, i)
      for (const m of s.matches) if (!this.standardTitles.has(m.id)) this.standardTitles.set(m.id, m.title)
    })
    for (const g of analysis.studyGroups) this.sgTitles.set(g.number, g.title)
  }

  /** A score with 4 decimals in the report's language. */
  score(value: number): string {
    return value.toFixed(4).replace('.', this.L.decimalSeparator)
  }

  short(value: number): string {
    return value.toFixed(2).replace('.', this.L.decimalSeparator)
  }

  percent(value: number): string {
    const n = Math.round(value * 100)
    return this.L.lang === 'fr' ? `${n}\u202f%` : `${n}%`
  }

  sg(n: number): string {
    return `${this.L.sg}${n}`
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
  return [
    `<section id="${SECTION_IDS.summary}" aria-labelledby="h-summary">`,
    `<h2 id="h-summary">${esc(L.sections.summary)}</h2>`,
    '<div class="cards">',
    card('total', analysis.subjects.length, L.subjects, 'subjects'),
    ...COVERAGE_STATUSES.map((c) => card(`cov-${c}`, counts[c], L.coverage[c], c)),
    card('neutral', analysis.overlaps.length, L.overlaps, 'overlaps'),
    card('neutral', reviewed, L.reviewed, 'reviewed'),
    '</div>',
    `<p class="catalogue">${esc(L.catalogueContents)}: ${analysis.catalogue.deliverables} ${esc(
      L.deliverables.toLowerCase(),
    )} · ${analysis.catalogue.requirements} ${esc(L.requirements.toLowerCase())} · ${
      analysis.catalogue.standards
    } ${esc(L.standards.toLowerCase())} · ${analysis.catalogue.studyGroups} ${esc(L.studyGroups.toLowerCase())}</p>`,
    '</section>',
  ].join('\n')
}

function legend(ctx: Context): string {
  const {L} = ctx
  return `<ul class="legend">${COVERAGE_STATUSES.map(
    (c) =>
      `<li><span class="swatch cov-${c}" aria-hidden="true"></span>${esc(L.coverage[c])} <span class="muted">— ${esc(
        L.coverageDescription[c],
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
        `${ctx.sg(g.number)} — ${L.coverage[c]}: ${n}`,
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
        `${ctx.sg(g.number)} ${g.title}: ${COVERAGE_STATUSES.map((c) => `${L.coverage[c]} ${g.counts[c]}`).join(', ')}`,
      )}">`,
      `<g class="bar" data-sg="${g.number}">`,
      `<title>${esc(`${ctx.sg(g.number)} — ${g.title}`)}</title>`,
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
      return `<tr data-sg="${g.number}"><th scope="row">${esc(ctx.sg(g.number))}</th><td>${esc(g.title)}</td>${COVERAGE_STATUSES.map(
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
        const tip = [
          `${s.id} · ${ctx.sg(n)}`,
          score === undefined ? L.heatmapNoMatch : `${L.columns.score} ${ctx.score(score)}`,
          ...(responsible ? [L.heatmapResponsible] : []),
        ].join(' — ')
        const text = score === undefined ? '' : ctx.short(score)
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
    `<li class="legend-title">${esc(L.heatmapLegend)}:</li>`,
    `<li><span class="swatch h0" aria-hidden="true"></span>${esc(L.heatmapNoMatch)}</li>`,
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
  return ctx.analysis.studyGroups.map((g) => [String(g.number), `${ctx.sg(g.number)} — ${g.title}`])
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
    sortableHeader(ctx, cols.computed),
    sortableHeader(ctx, cols.bestMatch),
    sortableHeader(ctx, cols.relationship),
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
      `${L.bestMatches}: ${s.id}`,
    )}"><span aria-hidden="true">▸</span></button></td>`,
    `<th scope="row" class="id">${esc(s.id)}</th>`,
    `<td class="title">${esc(s.title)}</td>`,
    `<td>${esc(s.group ?? '')}</td>`,
    `<td data-sort="${COVERAGE_STATUSES.indexOf(s.coverage)}">${coverageCell}</td>`,
    `<td data-sort="${s.computed.score}" class="nowrap"><span class="cov-text cov-${s.computed.coverage}">${esc(
      L.coverage[s.computed.coverage],
    )}</span> <span class="num">${ctx.score(s.computed.score)}</span></td>`,
    `<td>${live ? esc(live.id) : `<span class="muted">${esc(L.none)}</span>`}</td>`,
    `<td>${s.relationship ? esc(L.relationship[s.relationship] ?? s.relationship) : `<span class="muted">${esc(L.none)}</span>`}</td>`,
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

function subjectDetail(ctx: Context, s: SubjectAnalysis): string {
  const {L} = ctx
  const cols = L.columns
  const r = s.responsible
  const computed = [
    '<div class="box computed">',
    `<h3>${esc(L.computedResult)} <span class="tag">${esc(L.computed)}</span></h3>`,
    `<p>${ctx.badge(s.computed.coverage)} ${esc(cols.bestScore)} <strong class="num">${ctx.score(s.computed.score)}</strong>${
      s.relationship ? ` · ${esc(cols.relationship)}: ${esc(L.relationship[s.relationship])}` : ''
    }</p>`,
    // An assignment is a reviewed result: the computed box shows only what was computed.
    r.basis === 'assigned'
      ? ''
      : `<p>${esc(L.responsibility)}: ${
          r.sgs.length
            ? r.sgs.map((n) => esc(`${ctx.sg(n)} — ${ctx.sgTitles.get(n) ?? ''}`)).join(', ')
            : esc(L.none)
        }${r.questions.length ? ` · ${esc(L.questions)}: ${esc(r.questions.join(', '))}` : ''} <span class="muted">(${esc(
          cols.basis,
        )}: ${esc(L.basis[r.basis])}, ${esc(cols.score)} ${ctx.score(r.score)})</span></p>`,
    htmlRouting(ctx, s),
    s.matches.length === 0 ? `<p class="muted">${esc(L.noMatches)}</p>` : matchesTable(ctx, s.matches),
    '</div>',
  ].join('')
  const reviewed = s.reviewed
    ? [
        '<div class="box reviewed">',
        `<h3>${esc(L.decisions)} <span class="tag reviewed">${esc(L.reviewed)}</span></h3>`,
        `<p>${esc(L.reviewedResult)}: ${ctx.badge(s.coverage)}${
          s.assigned
            ? ` · ${esc(L.assigned)}: ${esc(ctx.sg(s.assigned.sg))}${s.assigned.question ? ` ${esc(s.assigned.question)}` : ''}`
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
  return `<div class="detail-grid">${computed}${reviewed}</div>`
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
      )}</td><td class="num strong">${ctx.score(m.score)}</td><td>${esc(L.relationship[m.relationship] ?? m.relationship)}</td><td class="num">${ctx.percent(
        m.subjectCovered,
      )}</td><td class="num">${ctx.percent(m.standardCovered)}</td><td class="terms">${m.terms
        .map((t) => `<span class="term">${esc(t)}</span>`)
        .join(
          ' ',
        )}</td><td>${m.review ? `<span class="tag reviewed">${esc(L.review[m.review])}</span>` : ''}</td></tr>`,
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
    `<ul>${COVERAGE_STATUSES.map((c) => `<li>${ctx.badge(c)} ${esc(L.coverageDescription[c])}</li>`).join('')}</ul>`,
    `<p class="muted">${esc(L.scoringModel)}: ${esc(analysis.options.scoring)} · ${esc(L.thresholds)}: ${ctx.score(
      t.covered,
    )} / ${ctx.score(t.partial)} · top ${analysis.options.top} · schema ${esc(analysis.schemaVersion)}</p>`,
    '</section>',
  ].join('\n')
}

const STYLE = `
:root{--fg:#1b2631;--muted:#4f5d6b;--line:#d5dde5;--bg:#fff;--soft:#f4f7fa;--brand:#00548f;--accent:#009cd6;
--covered:#1a7a50;--partial:#e8b021;--gap:#b42318;--review:#8a4b00;--review-bg:#fff4e0;--ring:#c2410c}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--brand)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,.scroll:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.page-header{background:var(--brand);color:#fff;padding:20px 32px 0}
.page-header a{color:#fff}
.brand{margin:0;font-size:12px;letter-spacing:.08em;text-transform:uppercase;opacity:.9}
h1{margin:4px 0 2px;font-size:26px;font-weight:600}
.subtitle{margin:0 0 12px;opacity:.92}
.meta{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0 0 12px;font-size:13px}
.meta div{display:flex;gap:6px}.meta dt{opacity:.8}.meta dd{margin:0;font-weight:600}
nav ul{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0}
nav a{display:block;padding:8px 12px;text-decoration:none;border-bottom:3px solid transparent}
nav a:hover{border-bottom-color:#fff}
main{padding:8px 32px 48px;max-width:1500px}
section{margin-top:28px}
h2{font-size:20px;margin:0 0 6px;padding-bottom:4px;border-bottom:2px solid var(--line);font-weight:600}
h3{font-size:14px;margin:0 0 6px}
.intro{margin:4px 0 12px;color:var(--muted)}
.muted{color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{min-width:130px;padding:12px 16px;border:1px solid var(--line);border-top:4px solid var(--muted);border-radius:6px;background:var(--soft)}
.card .value{display:block;font-size:26px;font-weight:700;line-height:1.1}
.card .label{color:var(--muted)}
.card.total{border-top-color:var(--brand)}
.card.cov-covered{border-top-color:var(--covered)}.card.cov-partial{border-top-color:var(--partial)}.card.cov-gap{border-top-color:var(--gap)}
.catalogue{color:var(--muted);margin:10px 0 0}
.by-sg{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;align-items:start}
@media (max-width:1100px){.by-sg{grid-template-columns:1fr}}
.chart{margin:0}
.sg-chart{width:100%;height:auto;max-width:760px;font-size:13px}
.sg-chart .track{fill:var(--soft)}
.sg-chart .seg.cov-covered{fill:var(--covered)}.sg-chart .seg.cov-partial{fill:var(--partial)}.sg-chart .seg.cov-gap{fill:var(--gap)}
.sg-chart .seg-label{font-size:12px;font-weight:600;fill:#fff;pointer-events:none}
.sg-chart .seg-label.cov-partial{fill:#3b2a00}
.sg-chart .sg-label{font-weight:600;fill:var(--fg)}
.sg-chart .total{fill:var(--muted);font-weight:600}
.sg-chart a:hover .track,.sg-chart a:focus .track{fill:#e2eaf2}
.legend,.heat-legend,.types{list-style:none;padding:0;margin:8px 0;display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px}
.types{display:block}.types li{margin:2px 0}
.legend-title{font-weight:600}
.swatch{display:inline-block;width:14px;height:14px;margin-right:6px;vertical-align:-2px;border:1px solid rgba(0,0,0,.2);border-radius:2px}
.swatch.cov-covered{background:var(--covered)}.swatch.cov-partial{background:var(--partial)}.swatch.cov-gap{background:var(--gap)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;white-space:nowrap}
.badge.cov-covered{background:var(--covered);color:#fff}.badge.cov-partial{background:var(--partial);color:#3b2a00}.badge.cov-gap{background:var(--gap);color:#fff}
.cov-text{font-weight:600}.cov-text.cov-covered{color:var(--covered)}.cov-text.cov-partial{color:#8a5a00}.cov-text.cov-gap{color:var(--gap)}
.tag{display:inline-block;padding:0 6px;border:1px solid var(--line);border-radius:3px;font-size:12px;color:var(--muted);white-space:nowrap;background:#fff}
.tag.reviewed{border-color:#e3b26b;background:var(--review-bg);color:var(--review);font-weight:600}
.term{display:inline-block;padding:0 5px;margin:1px 0;border-radius:3px;background:#e6eef6;font-size:12px}
.num{font-variant-numeric:tabular-nums;text-align:right}
.strong{font-weight:600}.nowrap{white-space:nowrap}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse}
table.data{width:100%;font-size:13px}
table.data th,table.data td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.data thead th{position:sticky;top:0;z-index:1;background:#e9eff5;border-bottom:2px solid #b8c4d0;font-weight:600;vertical-align:bottom}
table.data td.num,table.data th.num{text-align:right}
table.data tbody tr.row:hover{background:#f7fafc}
table.data tbody th{font-weight:600}
table.compact th,table.compact td{padding:4px 8px}
.sort{all:unset;cursor:pointer;display:inline-flex;align-items:flex-end;gap:4px;hyphens:auto}
.sort:focus-visible{outline:3px solid var(--accent)}
th[aria-sort=ascending] .arrow::after{content:"▲";font-size:10px}
th[aria-sort=descending] .arrow::after{content:"▼";font-size:10px}
th[aria-sort=none] .arrow::after{content:"⇅";font-size:11px;color:#7b8794}
.toggle-col{width:28px}
.toggle{cursor:pointer;border:1px solid var(--line);background:#fff;border-radius:4px;width:24px;height:24px;padding:0;color:var(--brand);font-size:12px}
.toggle[aria-expanded=true] span{display:inline-block;transform:rotate(90deg)}
td.title{min-width:220px}
.id{white-space:nowrap;font-weight:600}
tr.detail>td{background:var(--soft);padding:10px 12px 14px}
.detail-grid{display:grid;grid-template-columns:minmax(0,1fr);gap:10px;width:0;min-width:100%}
.box{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 12px;min-width:0;overflow-x:auto}
.box.computed{border-left:4px solid var(--brand)}
.box.reviewed{border-left:4px solid #d48806;background:#fffaf2}
.box p{margin:4px 0}
.not-reviewed{margin:0;font-style:italic}
table.matches td.mtitle{min-width:200px}
table.matches td.terms{min-width:160px}
table.decisions td:last-child{width:55%}
table.matches,table.decisions{width:100%;font-size:12px;margin-top:6px}
table.matches caption,table.decisions caption{text-align:left;font-weight:600;padding:4px 0}
table.matches th,table.matches td,table.decisions th,table.decisions td{padding:3px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.matches thead th,table.decisions thead th{background:#eef2f6;white-space:nowrap}
table.matches td.num{text-align:right}
tr.rejected td,tr.rejected th{color:var(--muted);text-decoration:line-through}
tr.rejected td:last-child{text-decoration:none}
.filters{display:flex;flex-wrap:wrap;align-items:flex-end;gap:10px 16px;padding:10px 12px;margin:0 0 10px;background:var(--soft);border:1px solid var(--line);border-radius:6px}
.field{display:flex;flex-direction:column;gap:2px}
.field label{font-size:12px;font-weight:600;color:var(--muted)}
.filters input,.filters select,.filters button{font:inherit;padding:5px 8px;border:1px solid #8a99a8;border-radius:4px;background:#fff;color:var(--fg)}
.filters input{min-width:240px}
.filters select{max-width:320px}
.filters button{cursor:pointer}
.filters .count{margin-left:auto;color:var(--muted);align-self:center}
.scroll{max-height:34rem;overflow:auto;border:1px solid var(--line);border-radius:6px}
table.heatmap{font-size:12px;border-collapse:separate;border-spacing:0}
.heatmap thead th{position:sticky;top:0;z-index:2;background:#e9eff5;padding:6px 4px;border-bottom:2px solid #b8c4d0}
.heatmap thead th.corner{left:0;z-index:3;text-align:left;padding-left:10px}
.heatmap abbr{text-decoration:none}
.heatmap tbody th{position:sticky;left:0;z-index:1;background:#fff;text-align:left;font-weight:400;padding:2px 10px;border-bottom:1px solid #eef2f6;max-width:380px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.heatmap tbody th a{font-weight:600}
.hm-title{color:var(--muted)}
.heatmap tr.hm-group th{background:var(--soft);font-weight:600;padding:6px 10px;border-top:1px solid var(--line);color:var(--fg)}
.heatmap td{width:52px;min-width:52px;height:24px;text-align:center;font-variant-numeric:tabular-nums;border:1px solid #fff;padding:0 2px}
.sg-col{min-width:52px}
.h0{background:#fff}.h1{background:#eaf2fa}.h2{background:#c6dbef}.h3{background:#6baed6}.h4{background:#2171b5;color:#fff}.h5{background:#08306b;color:#fff}
.heat-legend .swatch{width:18px}
.swatch.h0{background:#fff}
td.resp,.swatch.resp{box-shadow:inset 0 0 0 2px var(--ring)}
.heatmap td.resp.h0::after{content:"●";color:var(--ring);font-size:9px}
@page{size:A4 landscape;margin:12mm}
@media print{
body{font-size:9pt}
.page-header{background:none;color:var(--fg);padding:0;border-bottom:2px solid var(--brand)}
.page-header a{color:var(--fg)}
nav,.filters,.toggle-col,.toggle{display:none!important}
main{padding:0;max-width:none}
tr[hidden]{display:table-row!important}
.scroll{max-height:none!important;overflow:visible!important;border:0}
.table-wrap{overflow:visible}
table.data thead th,.heatmap thead th,.heatmap tbody th{position:static!important}
thead{display:table-header-group}
tr{break-inside:avoid}
.page-break{break-before:page}
h2,h3{break-after:avoid}
.box{break-inside:avoid;overflow:visible}
.detail-grid{width:auto}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`
  .trim()
  .replace(/\n/g, '')

/**
 * Sort, filter and expand. Reads only attributes and textContent; writes only attributes,
 * `hidden` and textContent of fixed, label-only elements.
 */
const SCRIPT = `
(() => {
  'use strict';
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const norm = (s) => s.toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '');
  const lang = document.documentElement.lang;
  const detailOf = (row) => {
    const b = row.querySelector('button.toggle');
    return b ? document.getElementById(b.getAttribute('aria-controls')) : null;
  };
  const setOpen = (btn, open) => {
    btn.setAttribute('aria-expanded', String(open));
    const d = document.getElementById(btn.getAttribute('aria-controls'));
    if (d) d.hidden = !open || btn.closest('tr').hidden;
  };
  const order = new Map();
  $$('table.sortable tbody > tr.row').forEach((r, i) => order.set(r, i));
  const cmp = (a, b) => {
    const na = Number(a), nb = Number(b);
    if (a !== '' && b !== '' && !isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, lang, {numeric: true, sensitivity: 'base'});
  };
  const sortBy = (th) => {
    const table = th.closest('table');
    const tbody = table.tBodies[0];
    const col = Array.from(th.parentElement.children).indexOf(th);
    const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    $$('th[aria-sort]', table.tHead).forEach((h) => h.setAttribute('aria-sort', 'none'));
    th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    const key = (r) => {
      const c = r.cells[col];
      return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim();
    };
    $$(':scope > tr.row', tbody)
      .map((r) => ({r, k: key(r)}))
      .sort((x, y) => dir * cmp(x.k, y.k) || order.get(x.r) - order.get(y.r))
      .forEach(({r}) => {
        tbody.append(r);
        const d = detailOf(r);
        if (d) tbody.append(d);
      });
  };
  const appliers = new Map();
  $$('.filters').forEach((box) => {
    const table = document.getElementById(box.getAttribute('data-table'));
    if (!table) return;
    const rows = $$(':scope > tbody > tr.row', table);
    const texts = new Map(rows.map((r) => [r, norm(r.textContent)]));
    const controls = $$('[data-filter]', box);
    const out = box.querySelector('output');
    const apply = () => {
      let shown = 0;
      for (const r of rows) {
        let ok = true;
        for (const c of controls) {
          const v = c.value.trim();
          if (!v) continue;
          const f = c.getAttribute('data-filter');
          if (f === 'text') ok = norm(v).split(/\\s+/).every((w) => texts.get(r).includes(w));
          else if (f === 'sg') ok = (r.getAttribute('data-sgs') || '').split(' ').includes(v);
          else ok = r.getAttribute('data-' + f) === v;
          if (!ok) break;
        }
        r.hidden = !ok;
        if (ok) shown++;
        const b = r.querySelector('button.toggle');
        if (b) setOpen(b, b.getAttribute('aria-expanded') === 'true');
      }
      if (out) out.textContent = out.getAttribute('data-template').replace('{shown}', shown).replace('{total}', rows.length);
    };
    const reset = () => {
      controls.forEach((c) => (c.value = ''));
      apply();
    };
    appliers.set(table, {apply, reset, box});
    box.addEventListener('input', apply);
    box.addEventListener('change', apply);
    const rb = box.querySelector('[data-reset]');
    if (rb) rb.addEventListener('click', reset);
  });
  const reveal = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const row = id ? document.getElementById(id) : null;
    if (!row || !row.matches('tr.row')) return;
    const f = appliers.get(row.closest('table'));
    if (row.hidden && f) f.reset();
    const b = row.querySelector('button.toggle');
    if (b) setOpen(b, true);
    row.scrollIntoView({block: 'center'});
  };
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const toggle = t.closest('button.toggle');
    if (toggle) return setOpen(toggle, toggle.getAttribute('aria-expanded') !== 'true');
    const sort = t.closest('button.sort');
    if (sort) return sortBy(sort.closest('th'));
    const bar = t.closest('a[data-sg]');
    if (bar) {
      const sel = document.querySelector('[data-table="subjects-table"] [data-filter="sg"]');
      if (sel) {
        sel.value = bar.getAttribute('data-sg');
        sel.dispatchEvent(new Event('change', {bubbles: true}));
      }
    }
  });
  window.addEventListener('hashchange', reveal);
  reveal();
})();
`.trim()
