import assert from 'node:assert/strict'
import type {AnalysedMatch, Analysis, SubjectAnalysis} from '../../src/core/analysis/analyse.js'
import {gapsCsv, GAPS_COLUMNS, overlapsCsv} from '../../src/core/report/csv.js'
import {
  markdownText,
  renderStudyGroupMarkdown,
  renderSummaryMarkdown,
} from '../../src/core/report/markdown.js'

const NO_OVERLAPS = {multipleSgs: false, otherBodies: false, otherDeliverables: false}

function match(
  id: string,
  score: number,
  sg: number | undefined,
  extra: Partial<AnalysedMatch> = {},
): AnalysedMatch {
  return {
    id,
    basis: 'text',
    score,
    evidence: 3,
    org: sg === undefined ? 'ISO' : 'ITU-T',
    ...(sg === undefined ? {} : {sg}),
    status: 'in-force',
    terms: ['smart city', 'a|b'],
    title: `Title of ${id}`,
    relationship: 'intersects with',
    subjectCovered: 0.5,
    standardCovered: 0.4,
    ...extra,
  }
}

function subject(
  id: string,
  title: string,
  coverage: SubjectAnalysis['coverage'],
  sgs: number[],
  extra: Partial<SubjectAnalysis> = {},
): SubjectAnalysis {
  return {
    id,
    kind: 'requirement',
    title,
    computed: {coverage, score: 0},
    coverage,
    reviewed: false,
    matches: [],
    responsible: {basis: 'mandate', sgs, questions: [], score: 0.1},
    overlaps: NO_OVERLAPS,
    decisions: [],
    ...extra,
  }
}

/** A hand-made analysis with hostile titles: HTML, a pipe, emphasis, a spreadsheet formula. */
const HOSTILE: Analysis = {
  schemaVersion: '1.0',
  options: {scoring: 'tfidf', thresholds: {covered: 0.2, partial: 0.12}, top: 5},
  catalogue: {deliverables: 0, requirements: 4, standards: 3, studyGroups: 2},
  studyGroups: [
    {number: 20, title: 'IoT', counts: {covered: 0, partial: 1, gap: 1}, subjects: ['R-1', 'R-2']},
    {number: 21, title: 'Multimedia', counts: {covered: 1, partial: 0, gap: 1}, subjects: ['R-3', 'R-4']},
  ],
  subjects: [
    subject('R-1', '<script>alert(1)</script>', 'gap', [20], {
      responsible: {basis: 'mandate', sgs: [20], questions: ['Q1/20'], score: 0.1},
    }),
    subject('R-2', 'a|b', 'partial', [20], {
      computed: {coverage: 'partial', score: 0.15},
      relationship: 'intersects with',
      matches: [match('Y.1', 0.15, 20)],
    }),
    subject('R-3', '*x*', 'covered', [21], {
      computed: {coverage: 'gap', score: 0.05},
      reviewed: true,
      relationship: 'subset of',
      matches: [match('H.1', 0.05, 21, {review: 'accepted', relationship: 'subset of'})],
      responsible: {basis: 'covering-standards', sgs: [21], questions: [], score: 0.05},
    }),
    subject('R-4', '=cmd()', 'gap', [21]),
  ],
  overlaps: [
    {
      type: 'coordination',
      a: 'R-2',
      sgs: [20, 21],
      orgs: ['ISO', 'ITU-T'],
      standards: ['Y.1', 'ISO 1'],
      score: 0.15,
    },
  ],
}

describe('report: markdownText', () => {
  it('escapes HTML, Markdown markup and table pipes; joins lines', () => {
    assert.equal(markdownText('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;')
    assert.equal(markdownText('a|b'), 'a\\|b')
    assert.equal(markdownText('*x*'), '\\*x\\*')
    assert.equal(markdownText('_a_ `b` [c] #d ~e~ \\'), '\\_a\\_ \\`b\\` \\[c\\] \\#d \\~e\\~ \\\\')
    assert.equal(markdownText('R&D'), 'R&amp;D')
    assert.equal(markdownText('line one\r\n  line two\nthree'), 'line one line two three')
  })
})

describe('report: Markdown writers', () => {
  it('summary.md (English): counts, per-SG table, gaps, overlaps; titles escaped', () => {
    assert.equal(
      renderSummaryMarkdown(HOSTILE, 'en'),
      [
        '# Standardization gap analysis',
        '',
        'Scoring model: tfidf · Thresholds: covered ≥ 0.2000, partial ≥ 0.1200',
        '',
        '## Summary',
        '',
        '| Subjects | covered | partial | gap | Total |',
        '| --- | --- | --- | --- | --- |',
        '| Subjects | 1 | 1 | 2 | 4 |',
        '',
        '## Coverage by study group',
        '',
        '| Study group | Title | covered | partial | gap |',
        '| --- | --- | --- | --- | --- |',
        '| SG20 | IoT | 0 | 1 | 1 |',
        '| SG21 | Multimedia | 1 | 0 | 1 |',
        '',
        '## Gaps',
        '',
        '| ID | Title | Coverage | Standard | Relationship | Responsible SG | Shared terms |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| R-1 | &lt;script&gt;alert(1)&lt;/script&gt; | gap | — | — | SG20 · Q1/20 |  |',
        '| R-4 | =cmd() | gap | — | — | SG21 |  |',
        '',
        '## Overlaps',
        '',
        '| Type | Between | SG | Bodies | Standards | Score |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Coordination | R-2 | SG20, SG21 | ISO, ITU-T | Y.1, ISO 1 | 0.1500 |',
        '',
        '',
      ].join('\n'),
    )
  })

  it('sg-<N>.md: gaps, partial, overlaps and covered sections of that SG only', () => {
    assert.equal(
      renderStudyGroupMarkdown(HOSTILE, 20, 'en'),
      [
        '# Study group 20 — IoT',
        '',
        'Scoring model: tfidf · Thresholds: covered ≥ 0.2000, partial ≥ 0.1200',
        '',
        '## Gap (1)',
        '',
        '| ID | Title | Coverage | Standard | Relationship | Responsible SG | Shared terms |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| R-1 | &lt;script&gt;alert(1)&lt;/script&gt; | gap | — | — | SG20 · Q1/20 |  |',
        '',
        '## Partial (1)',
        '',
        '| ID | Title | Coverage | Standard | Relationship | Responsible SG | Shared terms |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| R-2 | a\\|b | partial | Y.1 (0.1500) | intersects with | SG20 | smart city, a\\|b |',
        '',
        '## Overlaps (1)',
        '',
        '| Type | Between | SG | Bodies | Standards | Score |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Coordination | R-2 | SG20, SG21 | ISO, ITU-T | Y.1, ISO 1 | 0.1500 |',
        '',
        '## Covered (0)',
        '',
        '_No subject._',
        '',
        '',
      ].join('\n'),
    )
  })

  it('sg-<N>.md: a reviewed subject shows the reviewed and the computed coverage', () => {
    const md = renderStudyGroupMarkdown(HOSTILE, 21, 'en')
    assert.ok(md.includes('## Covered (1)'), md)
    assert.ok(
      md.includes('| R-3 | \\*x\\* | covered (reviewed; computed: gap) | H.1 (0.0500) | subset of | SG21 |'),
      md,
    )
    assert.ok(md.includes('## Partial (0)\n\n_No subject._'), md)
    // The coordination overlap names SG21 too.
    assert.ok(md.includes('## Overlaps (1)'), md)
    assert.ok(!md.includes('<script>'))
  })

  it('writes French labels with lang fr (CE, lacune, decimal comma)', () => {
    const md = renderStudyGroupMarkdown(HOSTILE, 20, 'fr')
    assert.ok(md.startsWith('# Commission d’études 20 — IoT\n'), md)
    assert.ok(md.includes('Modèle de score: tfidf · Seuils: couvert ≥ 0,2000, partiel ≥ 0,1200'), md)
    assert.ok(md.includes('## Lacune (1)'), md)
    assert.ok(md.includes('| R-2 | a\\|b | partiel | Y.1 (0,1500) |'), md)
    assert.ok(md.includes('| CE20 · Q1/20 |'), md)
    assert.ok(md.includes('## Chevauchements (1)'), md)
    assert.ok(md.includes('_Aucun sujet._'), md)
    const summary = renderSummaryMarkdown(HOSTILE, 'fr')
    assert.ok(summary.startsWith('# Analyse des lacunes de normalisation\n'), summary)
    assert.ok(summary.includes('## Lacunes'), summary)
    assert.ok(summary.includes('| CE21 | Multimedia | 1 | 0 | 1 |'), summary)
  })

  it('prints the date only when the analysis has one', () => {
    const dated = renderSummaryMarkdown({...HOSTILE, date: '2026-11-22'}, 'en')
    assert.ok(dated.includes('\nDate: 2026-11-22\n'), dated)
    assert.ok(!renderSummaryMarkdown(HOSTILE, 'en').includes('Date:'))
  })
})

describe('report: gaps.csv and overlaps.csv', () => {
  it('gaps.csv: exact header, gaps and partial subjects only, formula injection neutralised', () => {
    const csv = gapsCsv(HOSTILE)
    assert.equal(
      GAPS_COLUMNS.join(','),
      'subject_id,kind,title,coverage,computed_coverage,best_standard,best_score,relationship,responsible_sgs,questions,basis,reviewed',
    )
    assert.equal(
      csv,
      [
        'subject_id,kind,title,coverage,computed_coverage,best_standard,best_score,relationship,responsible_sgs,questions,basis,reviewed',
        'R-1,requirement,<script>alert(1)</script>,gap,gap,,0.0000,,SG20,Q1/20,mandate,no',
        'R-2,requirement,a|b,partial,partial,Y.1,0.1500,intersects with,SG20,,mandate,no',
        "R-4,requirement,'=cmd(),gap,gap,,0.0000,,SG21,,mandate,no",
        '',
      ].join('\r\n'),
    )
  })

  it('overlaps.csv: one row per overlap', () => {
    assert.equal(
      overlapsCsv(HOSTILE),
      'type,a,b,sgs,orgs,standards,score\r\ncoordination,R-2,,SG20;SG21,ISO;ITU-T,Y.1;ISO 1,0.1500\r\n',
    )
  })

  it('quotes a title with a comma or a quote', () => {
    const analysis: Analysis = {
      ...HOSTILE,
      subjects: [subject('R-9', 'Say "hi", then -1', 'gap', [20])],
    }
    assert.ok(gapsCsv(analysis).includes('\r\nR-9,requirement,"Say ""hi"", then -1",gap,'))
  })
})
