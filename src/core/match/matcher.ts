/**
 * Scores subjects (FG-MV deliverables, DPI requirements, or ad-hoc texts) against a catalogue's
 * standards and study-group mandates, and classifies each subject's coverage.
 */
import {entryBody, type Catalogue, type Entry, type Standard, type StudyGroup} from '../catalogue/types.js'
import type {GapscanConfig, Thresholds} from '../config.js'
import {Analyser, type TextFields} from '../text/analyse.js'
import type {Glossary} from '../text/glossary.js'
import {compareText} from '../catalogue/problems.js'
import {MatchIndex, type Hit, type TermContribution} from './index.js'

export const COVERAGE_STATUSES = ['covered', 'partial', 'gap'] as const
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]

/** What the matcher needs of a subject: an id, a kind, and text fields. */
export interface MatchSubject extends TextFields {
  id: string
  kind: string
}

export interface StandardMatch {
  id: string
  score: number
  org: string
  sg?: number
  status: Standard['status']
  /** The shared terms that added most to the score, readable. */
  terms: string[]
}

export interface SubjectResult {
  subject: string
  status: CoverageStatus
  matches: StandardMatch[]
}

/** A study group or one of its Questions whose mandate matches a subject. */
export interface MandateMatch {
  sg: number
  /** Question id, or undefined for the study group's mandate as a whole. */
  question?: string
  score: number
  terms: string[]
}

export function coverageStatus(bestScore: number, thresholds: Thresholds): CoverageStatus {
  if (bestScore >= thresholds.covered) return 'covered'
  if (bestScore >= thresholds.partial) return 'partial'
  return 'gap'
}

/** Readable terms of an explanation, most contributing first. */
const EXPLANATION_TERMS = 5

export class Matcher {
  readonly analyser: Analyser
  readonly standards: Standard[]
  readonly index: MatchIndex
  private readonly mandateIndex: MatchIndex
  private readonly mandates: {sg: number; question?: string}[]

  constructor(
    catalogue: Catalogue,
    readonly config: GapscanConfig,
    glossary?: Glossary,
  ) {
    this.analyser = new Analyser({weights: config.weights, bigrams: config.bigrams, glossary})
    this.standards = catalogue.standards.filter((s) => config.includeWithdrawn || s.status !== 'withdrawn')
    this.index = new MatchIndex(
      // A standard's number is part of its text, so "uses ISO 20022" or "X.509 certificates" find it.
      this.standards.map((s) => ({
        id: s.id,
        terms: this.analyser.analyse({...fieldsOf(s), keywords: [s.id, ...s.keywords]}).terms,
      })),
      config.scoring,
    )
    const mandateDocs: {id: string; terms: Map<string, number>}[] = []
    this.mandates = []
    for (const group of catalogue.studyGroups) {
      this.mandates.push({sg: group.number})
      mandateDocs.push({id: group.id, terms: this.analyser.analyse(mandateFields(group)).terms})
      for (const question of group.questions) {
        this.mandates.push({sg: group.number, question: question.id})
        const terms = this.analyser.analyse({title: question.title, keywords: group.mandate}).terms
        mandateDocs.push({id: `${group.id} ${question.id}`, terms})
      }
    }
    this.mandateIndex = new MatchIndex(mandateDocs, config.scoring)
  }

  /** Analyses a query text, keeping readable labels for its explanations. */
  analyse(subject: TextFields): Map<string, number> {
    return this.analyser.analyse(subject, true).terms
  }

  match(subject: MatchSubject, top = this.config.top): SubjectResult {
    const terms = this.analyse(subject)
    const hits = this.rank(terms, top)
    const matches = hits.map((hit) => {
      const standard = this.standards[hit.doc]
      return {
        id: standard.id,
        score: roundScore(hit.score),
        org: standard.org,
        ...(standard.sg !== undefined ? {sg: standard.sg} : {}),
        status: standard.status,
        terms: this.index
          .explain(terms, hit.doc)
          .slice(0, EXPLANATION_TERMS)
          .map((c) => this.analyser.label(c.term)),
      }
    })
    return {
      subject: subject.id,
      status: coverageStatus(matches[0]?.score ?? 0, this.config.thresholds),
      matches,
    }
  }

  /**
   * Cosine hits re-ranked by title coverage (see GapscanConfig.titleBoost). A wider pool than
   * `top` is scored so that re-ranking can lift a standard from just below the cut.
   */
  rank(terms: Map<string, number>, top: number): Hit[] {
    const boost = this.config.titleBoost
    if (boost <= 0) return this.index.search(terms, top)
    const pool = this.index.search(terms, Math.max(top * 4, 20))
    const boosted = pool.map((hit) => ({
      doc: hit.doc,
      score: (hit.score * (1 + boost * this.titleCoverage(terms, hit.doc))) / (1 + boost),
    }))
    return boosted
      .sort((a, b) => b.score - a.score || compareText(this.standards[a.doc].id, this.standards[b.doc].id))
      .slice(0, top)
  }

  /** Share of a standard's title (idf-weighted terms) that the query contains. */
  titleCoverage(terms: Map<string, number>, doc: number): number {
    const title = this.analyser.analyse({title: this.standards[doc].title}).terms
    let total = 0
    let shared = 0
    for (const term of title.keys()) {
      const idf = this.index.idfOf(term)
      total += idf
      if (terms.has(term)) shared += idf
    }
    return total > 0 ? shared / total : 0
  }

  /** Study groups and Questions whose mandate best matches the subject, best first. */
  mandatesFor(subject: TextFields, top = 3): MandateMatch[] {
    const terms = this.analyse(subject)
    return this.mandateIndex.search(terms, top).map((hit) => ({
      ...this.mandates[hit.doc],
      score: roundScore(hit.score),
      terms: this.mandateIndex
        .explain(terms, hit.doc)
        .slice(0, EXPLANATION_TERMS)
        .map((c) => this.analyser.label(c.term)),
    }))
  }

  /** The score of one subject against one standard, term by term. */
  explain(
    subject: TextFields,
    standardId: string,
  ):
    | {
        score: number
        cosine: number
        titleCoverage: number
        contributions: (TermContribution & {label: string})[]
      }
    | undefined {
    const doc = this.index.docIndex(standardId)
    if (doc === undefined) return undefined
    const terms = this.analyse(subject)
    const contributions = this.index
      .explain(terms, doc)
      .map((c) => ({...c, label: this.analyser.label(c.term)}))
    const cosine = contributions.reduce((sum, c) => sum + c.contribution, 0)
    const boost = this.config.titleBoost
    const titleCoverage = boost > 0 ? this.titleCoverage(terms, doc) : 0
    const score = boost > 0 ? (cosine * (1 + boost * titleCoverage)) / (1 + boost) : cosine
    return {
      score: roundScore(score),
      cosine: roundScore(cosine),
      titleCoverage: roundScore(titleCoverage),
      contributions,
    }
  }
}

export function fieldsOf(entry: Entry): TextFields {
  return {title: entry.title, keywords: entry.keywords, body: entryBody(entry)}
}

function mandateFields(group: StudyGroup): TextFields {
  return {title: group.title, keywords: group.mandate, body: entryBody(group)}
}

/** Scores are reported with four decimals, so outputs are identical across runs and machines. */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000
}
