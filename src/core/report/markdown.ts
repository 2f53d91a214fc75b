/**
 * Markdown for rapporteurs to paste into a contribution: `summary.md` and one `sg-<N>.md` per
 * study group (its gaps, its overlaps with other SGs and bodies, what it already covers).
 */
import {
  bestLiveMatch,
  coverageCounts,
  type Analysis,
  type Overlap,
  type SubjectAnalysis,
} from '../analysis/analyse.js'
import {labels, type Labels, type Lang} from './labels.js'
import {reviewedRoutingLine, routingLine} from './routing-text.js'

/** Catalogue text in a Markdown table cell: no markup, no HTML, no line breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

function score(value: number, l: Labels): string {
  return value.toFixed(4).replace('.', l.decimalSeparator)
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function sgList(sgs: number[], l: Labels): string {
  return sgs.map((n) => `${l.sg}${n}`).join(', ')
}

function subjectRows(subjects: SubjectAnalysis[], l: Labels): string[][] {
  return subjects.map((s) => {
    const best = bestLiveMatch(s.matches)
    const coverage =
      s.reviewed && s.coverage !== s.computed.coverage
        ? `${l.coverage[s.coverage]} (${l.reviewed}; ${l.computed}: ${l.coverage[s.computed.coverage]})`
        : l.coverage[s.coverage]
    return [
      markdownText(s.id),
      markdownText(s.title),
      coverage,
      best ? `${markdownText(best.id)} (${score(best.score, l)})` : '—',
      s.relationship ? l.relationship[s.relationship] : '—',
      s.responsible.questions.length > 0
        ? `${sgList(s.responsible.sgs, l)} · ${s.responsible.questions.map(markdownText).join(', ')}`
        : sgList(s.responsible.sgs, l) || '—',
      best ? best.terms.map(markdownText).join(', ') : '',
      markdownRouting(s, l),
    ]
  })
}

/** The computed routing, and the reviewed one beside it when an `assign` decision exists. */
function markdownRouting(s: SubjectAnalysis, l: Labels): string {
  const reviewed = reviewedRoutingLine(s)
  const computed = markdownText(routingLine(s.routing, l))
  return reviewed
    ? `${l.routing.computedRouting}: ${computed}; ${l.routing.reviewedRouting}: ${markdownText(reviewed)}`
    : computed
}

function subjectTable(subjects: SubjectAnalysis[], l: Labels): string {
  if (subjects.length === 0) return `_${l.noSubjects}_`
  const c = l.columns
  return table(
    [c.id, c.title, c.coverage, c.standard, c.relationship, c.responsible, c.sharedTerms, l.routing.heading],
    subjectRows(subjects, l),
  )
}

function overlapTable(overlaps: Overlap[], l: Labels): string {
  if (overlaps.length === 0) return `_${l.noOverlaps}_`
  const c = l.columns
  return table(
    [c.type, c.between, c.sg, c.orgs, c.standards, c.score],
    overlaps.map((o) => [
      l.overlapType[o.type],
      markdownText(o.b ? `${o.a} ↔ ${o.b}` : o.a),
      sgList(o.sgs, l) || '—',
      o.orgs.map(markdownText).join(', ') || '—',
      o.standards.map(markdownText).join(', ') || '—',
      score(o.score, l),
    ]),
  )
}

function header(analysis: Analysis, title: string, l: Labels): string[] {
  const t = analysis.options.thresholds
  return [
    `# ${markdownText(title)}`,
    '',
    ...(analysis.date ? [`${l.generatedOn}: ${analysis.date}`, ''] : []),
    `${l.scoringModel}: ${analysis.options.scoring} · ${l.thresholds}: ${l.coverage.covered} ≥ ${score(t.covered, l)}, ${l.coverage.partial} ≥ ${score(t.partial, l)}`,
    '',
  ]
}

export function renderSummaryMarkdown(analysis: Analysis, lang: Lang): string {
  const l = labels(lang)
  const c = l.columns
  const counts = coverageCounts(analysis.subjects)
  const lines = [
    ...header(analysis, l.reportTitle, l),
    `## ${l.sections.summary}`,
    '',
    table(
      [l.subjects, l.coverage.covered, l.coverage.partial, l.coverage.gap, c.total],
      [
        [
          l.subjects,
          String(counts.covered),
          String(counts.partial),
          String(counts.gap),
          String(analysis.subjects.length),
        ],
      ],
    ),
    '',
    `## ${l.sections.bySg}`,
    '',
    table(
      [l.studyGroup, c.title, l.coverage.covered, l.coverage.partial, l.coverage.gap],
      analysis.studyGroups.map((g) => [
        `${l.sg}${g.number}`,
        markdownText(g.title),
        String(g.counts.covered),
        String(g.counts.partial),
        String(g.counts.gap),
      ]),
    ),
    '',
    `## ${l.gaps}`,
    '',
    subjectTable(
      analysis.subjects.filter((s) => s.coverage === 'gap'),
      l,
    ),
    '',
    `## ${l.sections.overlaps}`,
    '',
    overlapTable(analysis.overlaps, l),
    '',
  ]
  return `${lines.join('\n')}\n`
}

export function renderStudyGroupMarkdown(analysis: Analysis, sg: number, lang: Lang): string {
  const l = labels(lang)
  const group = analysis.studyGroups.find((g) => g.number === sg)
  const title = `${l.studyGroup} ${sg}${group ? ` — ${group.title}` : ''}`
  const mine = analysis.subjects.filter((s) => s.responsible.sgs.includes(sg))
  const mineIds = new Set(mine.map((s) => s.id))
  const overlaps = analysis.overlaps.filter(
    (o) => o.sgs.includes(sg) || mineIds.has(o.a) || (o.b !== undefined && mineIds.has(o.b)),
  )
  const lines = [
    ...header(analysis, title, l),
    `## ${capitalise(l.coverage.gap)} (${mine.filter((s) => s.coverage === 'gap').length})`,
    '',
    subjectTable(
      mine.filter((s) => s.coverage === 'gap'),
      l,
    ),
    '',
    `## ${capitalise(l.coverage.partial)} (${mine.filter((s) => s.coverage === 'partial').length})`,
    '',
    subjectTable(
      mine.filter((s) => s.coverage === 'partial'),
      l,
    ),
    '',
    `## ${l.sections.overlaps} (${overlaps.length})`,
    '',
    overlapTable(overlaps, l),
    '',
    `## ${capitalise(l.coverage.covered)} (${mine.filter((s) => s.coverage === 'covered').length})`,
    '',
    subjectTable(
      mine.filter((s) => s.coverage === 'covered'),
      l,
    ),
    '',
  ]
  return `${lines.join('\n')}\n`
}

/** Headings start with a capital; coverage labels are lower-case for use inside sentences. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
