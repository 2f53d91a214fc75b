import type {Analysis, AnalysedMatch, SubjectAnalysis} from '../../src/core/analysis/analyse.js'

export function match(id: string, score: number, extra: Partial<AnalysedMatch> = {}): AnalysedMatch {
  return {
    id,
    basis: 'text',
    score,
    evidence: 3,
    org: 'ITU-T',
    sg: 20,
    status: 'in-force',
    terms: [],
    title: `Standard ${id}`,
    relationship: 'intersects with',
    subjectCovered: 0.5,
    standardCovered: 0.5,
    ...extra,
  }
}

export function subject(id: string, extra: Partial<SubjectAnalysis> = {}): SubjectAnalysis {
  return {
    id,
    kind: 'deliverable',
    title: `Subject ${id}`,
    computed: {coverage: 'gap', score: 0},
    coverage: 'gap',
    reviewed: false,
    matches: [],
    responsible: {basis: 'mandate', sgs: [20], questions: [], score: 0.1},
    routing: {outcome: 'itu-t', sgs: [], question: {}},
    overlaps: {multipleSgs: false, otherBodies: false, otherDeliverables: false},
    decisions: [],
    citations: [],
    ...extra,
  }
}

export function analysisOf(subjects: SubjectAnalysis[]): Analysis {
  return {
    schemaVersion: '1.0',
    options: {scoring: 'tfidf', thresholds: {covered: 0.4, partial: 0.25}, top: 5},
    catalogue: {deliverables: subjects.length, requirements: 0, standards: 0, studyGroups: 0},
    studyGroups: [],
    subjects,
    overlaps: [],
  }
}

/** `diff` of test/fixtures/export/old.* and new.* as text. */
export const EXPECTED_TEXT = [
  'new gap: FGMV-01 (SG21)',
  'new gap: FGMV-05 (SG21)',
  'closed gap: FGMV-02 (SG17): now partial',
  'changed coverage: FGMV-03: covered → partial',
  'changed SG: DPI-T-01: SG17 → SG17;SG20',
  'changed SG: FGMV-01: SG20 → SG21',
  'added: FGMV-05 (gap, SG21)',
  'removed: FGMV-04 (covered, SG16)',
  '',
].join('\n')
