/**
 * The printable documents: `summary` (the first pages a TSB counsellor reads) and one document per
 * resolution and study group. Built as format-neutral blocks (document.ts) for Markdown and Word.
 */
import {
  bestLiveMatch,
  coverageCounts,
  type Analysis,
  type Overlap,
  type StudyGroupSummary,
  type SubjectAnalysis,
} from '../analysis/analyse.js'
import {compareText} from '../catalogue/problems.js'
import type {SubjectKind} from '../catalogue/types.js'
import {COVERAGE_STATUSES} from '../match/matcher.js'
import {OVERLAP_COLUMNS, SUBJECT_COLUMNS, tableOf} from './columns.js'
import {FGMV_DELIVERABLES_TOTAL, RESOLUTIONS, selectView, type ReportContext} from './context.js'
import {heading, list, paragraph, table, type Block, type ReportDocument} from './document.js'
import {Formatter} from './format.js'

/** How many gaps and overlaps per study group the summary names. */
export const TOP_PER_SG = 3

/** An SG title in the report's language; English titles in a French report are marked. */
export function sgTitle(g: {title: string}, f: Formatter): string {
  return f.L.inEnglish ? `${g.title} ${f.L.inEnglish}` : g.title
}

/** The name of a per-SG document: `res105-sg-20`. */
export function sgDocumentName(kind: SubjectKind, sg: number): string {
  return `${RESOLUTIONS[kind].slug}-sg-${sg}`
}

/** Every document of a report: the summary, then per resolution its per-SG documents. */
export function reportDocuments(analysis: Analysis, ctx: ReportContext): ReportDocument[] {
  const docs = [summaryDocument(analysis, ctx)]
  for (const kind of ctx.kinds) {
    const view = selectView(analysis, {kinds: [kind], sgs: ctx.sgs})
    // An SG with no subject of this resolution gets no document (the summary lists its zeros).
    for (const g of view.studyGroups)
      if (g.subjects.length > 0) docs.push(studyGroupDocument(view, kind, g, ctx))
  }
  return docs
}

function thresholds(analysis: Analysis, f: Formatter): Record<string, string> {
  const t = analysis.options.thresholds
  return {covered: f.short(t.covered), partial: f.short(t.partial)}
}

/** The legend every document carries: what a score and each status do and do not mean. */
function readingBlocks(analysis: Analysis, f: Formatter): Block[] {
  const {L} = f
  return [
    heading(2, L.readingScores),
    paragraph(L.scoreMeaning),
    list(
      COVERAGE_STATUSES.map(
        (c) => `${f.colon(L.coverage[c])}${f.fill(L.coverageDescription[c], thresholds(analysis, f))}`,
      ),
    ),
  ]
}

function dateLine(analysis: Analysis, f: Formatter): string {
  const t = analysis.options.thresholds
  return [
    ...(analysis.date ? [`${f.colon(f.L.generatedOn)}${analysis.date}`] : []),
    `${f.colon(f.L.scoringModel)}${analysis.options.scoring}`,
    `${f.colon(f.L.thresholds)}${f.L.coverage.covered} ≥ ${f.short(t.covered)}, ${f.L.coverage.partial} ≥ ${f.short(t.partial)}`,
  ].join(' · ')
}

export function summaryDocument(analysis: Analysis, ctx: ReportContext): ReportDocument {
  const f = new Formatter(ctx.lang)
  const {L} = f
  const facts = ctx.catalogue
  const scope = [
    ctx.kinds.map((k) => L.resolution[k]).join(f.semicolon),
    ctx.sgs.length > 0 ? f.sgs(ctx.sgs) : L.allStudyGroups,
  ].join(' · ')
  const questions = Object.values(facts.questionsBySg).reduce((n, ids) => n + ids.length, 0)
  const caveats = [
    ...(ctx.kinds.includes('deliverable')
      ? [f.fill(L.caveatDeliverables, {present: facts.counts.deliverable, total: FGMV_DELIVERABLES_TOTAL})]
      : []),
    f.fill(L.caveatQuestions, {questions, sgs: Object.keys(facts.questionsBySg).length}),
    L.caveatStandards,
  ]
  const blocks: Block[] = [
    heading(1, L.reportTitle),
    paragraph(dateLine(analysis, f)),
    paragraph(`${f.colon(L.scope)}${scope}`),
    heading(2, L.catalogueContents),
    paragraph(
      [
        `${facts.counts.deliverable} ${L.deliverables.toLowerCase()}`,
        `${facts.counts.requirement} ${L.requirements.toLowerCase()}`,
        `${facts.counts.standard} ${L.standards.toLowerCase()}`,
        `${facts.counts.studyGroup} ${L.studyGroups.toLowerCase()}`,
      ].join(' · '),
    ),
    table(
      [L.columns.org, L.standards],
      Object.entries(facts.standardsByOrg).map(([org, n]) => [org, String(n)]),
    ),
    paragraph(`${f.colon(L.catalogueHash)}${facts.hash}`, true),
    heading(2, L.caveats),
    list(caveats),
  ]
  for (const kind of ctx.kinds) {
    blocks.push(...resolutionSummary(selectView(analysis, {kinds: [kind], sgs: ctx.sgs}), kind, f))
  }
  blocks.push(...readingBlocks(analysis, f))
  return {name: 'summary', title: L.reportTitle, lang: ctx.lang, blocks}
}

function resolutionSummary(view: Analysis, kind: SubjectKind, f: Formatter): Block[] {
  const {L} = f
  const counts = coverageCounts(view.subjects)
  const reviewed = view.subjects.filter((s) => s.reviewed)
  const blocks: Block[] = [
    heading(2, L.resolution[kind]),
    paragraph(
      f.fill(L.resolutionCounts, {
        total: view.subjects.length,
        ...counts,
        overlaps: view.overlaps.length,
        reviewed: reviewed.length,
      }),
    ),
    heading(3, L.sections.bySg),
    table(
      [L.columns.sg, L.columns.title, ...COVERAGE_STATUSES.map((c) => L.coverage[c]), L.columns.total],
      view.studyGroups.map((g) => [
        f.sg(g.number),
        sgTitle(g, f),
        ...COVERAGE_STATUSES.map((c) => String(g.counts[c])),
        String(g.subjects.length),
      ]),
    ),
    heading(3, L.topGaps),
  ]
  const t = view.options.thresholds
  const gapLines = view.studyGroups.flatMap((g) =>
    topGaps(view.subjects, g.number).map(
      (s) => `${f.sg(g.number)} — ${s.id} ${f.colon(s.title)}${gapEvidence(s, t.partial, f)}`,
    ),
  )
  blocks.push(gapLines.length > 0 ? list(gapLines) : paragraph(L.noGaps, true))
  blocks.push(heading(3, L.topOverlaps))
  const overlapLines = view.studyGroups.flatMap((g) =>
    topOverlaps(view, g.number).map((o) => `${f.sg(g.number)} — ${overlapEvidence(o, f)}`),
  )
  blocks.push(overlapLines.length > 0 ? list(overlapLines) : paragraph(L.noOverlaps, true))
  blocks.push(heading(3, L.reviewSection))
  if (reviewed.length === 0) blocks.push(paragraph(L.noReview, true))
  else {
    const changed = reviewed.filter((s) => s.coverage !== s.computed.coverage)
    blocks.push(
      paragraph(
        f.fill(L.reviewCounts, {
          decisions: reviewed.reduce((n, s) => n + s.decisions.length, 0),
          subjects: reviewed.length,
          changed: changed.length,
        }),
      ),
      list(
        reviewed.map(
          (s) =>
            `${f.colon(s.id)}${s.decisions
              .map(
                (d) =>
                  `${L.decisionAction[d.action]} ${d.standard ?? (d.sg !== undefined ? f.sg(d.sg) : '')} (${d.by}, ${d.date})`,
              )
              .join(
                f.semicolon,
              )}${s.coverage !== s.computed.coverage ? ` — ${L.coverage[s.computed.coverage]} → ${L.coverage[s.coverage]}` : ''}`,
        ),
      ),
    )
  }
  return blocks
}

/** Gaps an SG is responsible for, the best fit to its mandate first. */
function topGaps(subjects: readonly SubjectAnalysis[], sg: number): SubjectAnalysis[] {
  return subjects
    .filter((s) => s.coverage === 'gap' && s.responsible.sgs.includes(sg))
    .sort((a, b) => b.responsible.score - a.responsible.score || compareText(a.id, b.id))
    .slice(0, TOP_PER_SG)
}

/** Overlaps that involve an SG (its standards or its subjects), the strongest first. */
function topOverlaps(view: Analysis, sg: number): Overlap[] {
  const mine = new Set(view.subjects.filter((s) => s.responsible.sgs.includes(sg)).map((s) => s.id))
  return view.overlaps
    .filter((o) => o.sgs.includes(sg) || mine.has(o.a) || (o.b !== undefined && mine.has(o.b)))
    .sort((a, b) => b.score - a.score || compareText(a.a, b.a) || compareText(a.b ?? '', b.b ?? ''))
    .slice(0, TOP_PER_SG)
}

/** One line of evidence for a gap: its best standard's score and why this SG. */
export function gapEvidence(s: SubjectAnalysis, partial: number, f: Formatter): string {
  const best = bestLiveMatch(s.matches)
  const {L} = f
  const match = best
    ? f.fill(L.evidenceBest, {standard: best.id, score: f.score(best.score), partial: f.short(partial)})
    : L.evidenceNone
  const why = f.fill(L.evidenceResponsible, {
    sgs: f.sgs(s.responsible.sgs),
    basis: L.basis[s.responsible.basis],
    score: f.score(s.responsible.score),
  })
  return `${match}${f.semicolon}${why}`
}

function overlapEvidence(o: Overlap, f: Formatter): string {
  const parties = o.b ? `${o.a} ↔ ${o.b}` : o.a
  const who = [f.sgs(o.sgs), o.orgs.join(', ')].filter(Boolean).join(f.semicolon)
  const standards = o.standards.join(', ')
  const detail = who && standards ? `${f.colon(who)}${standards}` : who || standards
  return `${f.L.overlapType[o.type]} ${parties}${detail ? ` — ${detail}` : ''} (${f.score(o.score)})`
}

export function studyGroupDocument(
  view: Analysis,
  kind: SubjectKind,
  group: StudyGroupSummary,
  ctx: ReportContext,
): ReportDocument {
  const f = new Formatter(ctx.lang)
  const {L} = f
  const title = `${L.resolution[kind]} — ${f.colon(`${L.studyGroup} ${group.number}`)}${sgTitle(group, f)}`
  const mine = view.subjects.filter((s) => s.responsible.sgs.includes(group.number))
  const ids = new Set(mine.map((s) => s.id))
  const overlaps = view.overlaps.filter(
    (o) => o.sgs.includes(group.number) || ids.has(o.a) || (o.b !== undefined && ids.has(o.b)),
  )
  const subjectSection = (status: (typeof COVERAGE_STATUSES)[number], name: string): Block[] => {
    const rows = mine.filter((s) => s.coverage === status)
    const t = tableOf(SUBJECT_COLUMNS, rows, f)
    return [
      heading(2, `${name} (${rows.length})`),
      rows.length > 0 ? table(t.header, t.rows) : paragraph(L.noSubjects, true),
    ]
  }
  const o = tableOf(OVERLAP_COLUMNS, overlaps, f)
  const blocks: Block[] = [
    heading(1, title),
    paragraph(dateLine(view, f)),
    ...subjectSection('gap', L.gaps),
    ...subjectSection('partial', capitalise(L.coverage.partial)),
    heading(2, `${L.sections.overlaps} (${overlaps.length})`),
    overlaps.length > 0 ? table(o.header, o.rows) : paragraph(L.noOverlaps, true),
    ...subjectSection('covered', capitalise(L.coverage.covered)),
    ...readingBlocks(view, f),
  ]
  return {name: sgDocumentName(kind, group.number), title, lang: ctx.lang, blocks}
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
