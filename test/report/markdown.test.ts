import assert from 'node:assert/strict'
import type {AnalysedMatch, Analysis, SubjectAnalysis} from '../../src/core/analysis/analyse.js'
import {gapsCsv, GAPS_COLUMNS, overlapsCsv} from '../../src/core/report/csv.js'
import {selectView} from '../../src/core/report/context.js'
import {studyGroupDocument, summaryDocument} from '../../src/core/report/documents.js'
import {markdownText, renderMarkdown} from '../../src/core/report/markdown.js'
import {reportContext, TEST_HASH} from './context-helper.js'

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
    routing: {outcome: 'itu-t', sgs: [], question: {}},
    overlaps: NO_OVERLAPS,
    decisions: [],
    citations: [],
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
      decisions: [
        {
          subject: 'R-3',
          action: 'accept',
          standard: 'H.1',
          by: 'TSB',
          date: '2026-01-02',
          reason: 'Same scope',
        },
      ],
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
  const ctx = (lang: 'en' | 'fr' = 'en', extra = {}) => reportContext(lang, HOSTILE, extra)
  const sgDoc = (sg: number, lang: 'en' | 'fr' = 'en', analysis = HOSTILE) => {
    const view = selectView(analysis, {kinds: ['requirement'], sgs: []})
    const group = view.studyGroups.find((g) => g.number === sg)!
    return renderMarkdown(studyGroupDocument(view, 'requirement', group, ctx(lang)))
  }
  const summary = (lang: 'en' | 'fr' = 'en', extra = {}, analysis = HOSTILE) =>
    renderMarkdown(summaryDocument(analysis, ctx(lang, extra)))

  it('res103-sg-<N>.md: gaps, partial, overlaps and covered of that SG only, then the legend', () => {
    assert.equal(
      sgDoc(20),
      [
        '# Res. 103 — DPI requirements by building block — Study group 20: IoT',
        '',
        'Scoring model: tfidf · Thresholds: covered ≥ 0.20, partial ≥ 0.12',
        '',
        '## Gaps (1)',
        '',
        '| ID | Title | Coverage | Best match | Terms shared (measured) | Responsible SG | Routing | Shared terms |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| R-1 | &lt;script&gt;alert(1)&lt;/script&gt; | gap | — | — | SG20 · Q1/20 | ITU-T study group |   |',
        '',
        '## Partial (1)',
        '',
        '| ID | Title | Coverage | Best match | Terms shared (measured) | Responsible SG | Routing | Shared terms |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        '| R-2 | a\\|b | partial | Y.1 (0.1500) | 50% of the subject’s terms, 40% of the standard’s | SG20 | ITU-T study group | smart city, a\\|b |',
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
        '## How to read the scores',
        '',
        'A score (0 to 1) measures how much of the subject’s weighted vocabulary a standard’s title and terms share. It ranks candidates for a reader; it does not judge technical equivalence.',
        '',
        '- covered: best score ≥ 0.20: a standard shares most of the subject’s weighted terms; read it before relying on it',
        '- partial: best score from 0.12 to 0.20: standards share some of the subject’s terms and may cover part of it',
        '- gap: no standard in the catalogue scores 0.12 or more: a candidate gap, not proof that no standard exists',
        '',
      ].join('\n'),
    )
  })

  it('a reviewed subject shows the reviewed and the computed coverage where they differ', () => {
    const md = sgDoc(21)
    assert.ok(md.includes('## Covered (1)'), md)
    assert.ok(
      md.includes(
        '| R-3 | \\*x\\* | covered (reviewed; computed: gap) | H.1 (0.0500) | 50% of the subject’s terms, 40% of the standard’s | SG21 |',
      ),
      md,
    )
    assert.ok(md.includes('| R-4 | =cmd() | gap | — |'), md)
    assert.ok(md.includes('## Partial (0)\n\n_No subject._'), md)
    assert.ok(md.includes('## Overlaps (1)'), md)
    assert.ok(!md.includes('<script>'))
  })

  it('summary.md: date, scope, catalogue, hash, caveats, then per resolution counts, gaps with evidence, review', () => {
    const md = summary('en', {kinds: ['requirement']}, {...HOSTILE, date: '2026-11-22'})
    const lines = md.split('\n')
    assert.equal(lines[0], '# Standardization gap analysis')
    assert.equal(
      lines[2],
      'Date: 2026-11-22 · Scoring model: tfidf · Thresholds: covered ≥ 0.20, partial ≥ 0.12',
    )
    assert.equal(lines[4], 'Scope: Res. 103 — DPI requirements by building block · all study groups')
    assert.ok(md.includes('0 deliverables · 4 requirements · 3 standards · 2 study groups'), md)
    assert.ok(md.includes('| ITU-T | 2 |\n| ISO | 1 |'), md)
    assert.ok(md.includes(`_Content hash of the catalogue files (SHA-256): ${TEST_HASH}_`), md)
    // Only requirements asked for: no line about the 52 FG-MV deliverables.
    assert.ok(!md.includes('FG-MV deliverables are in the catalogue'), md)
    assert.ok(md.includes('- Question lists are incomplete: 2 Questions are listed for 3 study groups'), md)
    assert.ok(
      md.includes('- Standards are known by their titles and terms derived from their abstracts only'),
      md,
    )
    assert.ok(
      md.includes(
        '## Res. 103 — DPI requirements by building block\n\n4 subjects: 1 covered, 1 partial, 2 gaps; 1 overlaps; 1 reviewed.',
      ),
      md,
    )
    assert.ok(md.includes('| SG20 | IoT | 0 | 1 | 1 | 2 |'), md)
    assert.ok(
      md.includes(
        '- SG20 — R-1 &lt;script&gt;alert(1)&lt;/script&gt;: no standard among the matches; SG20 by mandate (0.1000)',
      ),
      md,
    )
    assert.ok(md.includes('- SG21 — Coordination R-2 — SG20, SG21; ISO, ITU-T: Y.1, ISO 1 (0.1500)'), md)
    assert.ok(md.includes('1 reviewed decisions on 1 subjects; 1 results changed by review.'), md)
    assert.ok(md.includes('- R-3: accept H.1 (TSB, 2026-01-02) — gap → covered'), md)
    assert.ok(!md.includes('## Res. 105'), md)
  })

  it('summary.md names the deliverables present of the 52 when deliverables are asked for', () => {
    assert.ok(
      summary().includes(
        '- 0 of the 52 FG-MV deliverables are in the catalogue; the others are not analysed.',
      ),
    )
    assert.ok(
      summary().includes('## Res. 105 — FG-MV deliverables\n\n0 subjects: 0 covered, 0 partial, 0 gaps;'),
    )
  })

  it('--sg narrows the summary: counts, SG rows and gaps of that SG only', () => {
    const md = summary('en', {sgs: [21]}, selectViewSgs(HOSTILE, [21]))
    assert.ok(
      md.includes(
        'Scope: Res. 105 — FG-MV deliverables; Res. 103 — DPI requirements by building block · SG21',
      ),
      md,
    )
    assert.ok(md.includes('2 subjects: 1 covered, 0 partial, 1 gaps;'), md)
    assert.ok(!md.includes('| SG20 |'), md)
    assert.ok(!md.includes('R-1'), md)
  })

  it('writes French labels and typography with lang fr (CE, lacune, decimal comma, narrow space before colons)', () => {
    const md = sgDoc(20, 'fr')
    assert.ok(
      md.startsWith(
        '# Rés. 103 — exigences DPI par composant — Commission d’études 20\u202f: IoT (en anglais)\n',
      ),
      md,
    )
    assert.ok(md.includes('Modèle de score\u202f: tfidf · Seuils\u202f: couvert ≥ 0,20, partiel ≥ 0,12'), md)
    assert.ok(md.includes('## Lacunes (1)'), md)
    assert.ok(
      md.includes(
        '| R-2 | a\\|b | partiel | Y.1 (0,1500) | 50\u202f% des termes du sujet, 40\u202f% de ceux de la norme |',
      ),
      md,
    )
    assert.ok(md.includes('| CE20 · Q1/20 |'), md)
    assert.ok(md.includes('## Chevauchements (1)'), md)
    assert.ok(md.includes('_Aucun sujet._'), md)
    assert.ok(
      md.includes('- lacune\u202f: aucune norme du catalogue n’atteint 0,12\u202f: une lacune possible'),
      md,
    )
    // No ordinary or missing space before a colon or semicolon anywhere in the French labels.
    assert.doesNotMatch(md.replace(/&\w+;/g, ''), /[^\u202f\s][:;](?=\s)| [:;](?=\s)/)
    const s = summary('fr')
    assert.doesNotMatch(s.replace(/&\w+;/g, ''), /[^\u202f\s][:;](?=\s)| [:;](?=\s)/)
    assert.ok(s.startsWith('# Analyse des lacunes de normalisation\n'), s)
    assert.ok(s.includes('| CE21 | Multimedia (en anglais) | 1 | 0 | 1 | 2 |'), s)
  })
})

/** The analysis `analyse` returns for `--sg`: its study group list is already narrowed. */
function selectViewSgs(analysis: Analysis, sgs: number[]): Analysis {
  return {...analysis, studyGroups: analysis.studyGroups.filter((g) => sgs.includes(g.number))}
}

describe('report: gaps.csv and overlaps.csv', () => {
  it('gaps.csv: exact header, gaps and partial subjects only, formula injection neutralised', () => {
    const csv = gapsCsv(HOSTILE)
    assert.equal(
      GAPS_COLUMNS.join(','),
      'subject_id,kind,title,coverage,computed_coverage,best_standard,best_score,relationship,responsible_sgs,questions,basis,reviewed,routing_outcome,routing,reviewed_routing',
    )
    assert.equal(
      csv,
      [
        'subject_id,kind,title,coverage,computed_coverage,best_standard,best_score,relationship,responsible_sgs,questions,basis,reviewed,routing_outcome,routing,reviewed_routing',
        // The hand-made subjects are routed to ITU-T with no candidate SG and no assignment.
        'R-1,requirement,<script>alert(1)</script>,gap,gap,,0.0000,,SG20,Q1/20,mandate,no,itu-t,itu-t: ITU-T study group,',
        'R-2,requirement,a|b,partial,partial,Y.1,0.1500,intersects with,SG20,,mandate,no,itu-t,itu-t: ITU-T study group,',
        "R-4,requirement,'=cmd(),gap,gap,,0.0000,,SG21,,mandate,no,itu-t,itu-t: ITU-T study group,",
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
