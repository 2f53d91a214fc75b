/**
 * Scores subjects (FG-MV deliverables, DPI requirements, or ad-hoc texts) against a catalogue's
 * standards and study-group mandates, and classifies each subject's coverage.
 */
import {entryBody, type Catalogue, type Entry, type Standard, type StudyGroup} from '../catalogue/types.js'
import type {GapscanConfig, Thresholds} from '../config.js'
import {Analyser, type TextFields} from '../text/analyse.js'
import type {Glossary} from '../text/glossary.js'
import {compareText} from '../catalogue/problems.js'
import type {TermWeights} from '../text/vocabulary.js'
import {MatchIndex, MatchIndexBuilder, type Hit, type TermContribution} from './index.js'
import {searchMany} from './search-many.js'
import {CitationResolver, keywordDesignationCase, type Citation} from './citations.js'

export const COVERAGE_STATUSES = ['covered', 'partial', 'gap'] as const
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]

/** What the matcher needs of a subject: an id, a kind, and text fields. */
export interface MatchSubject extends TextFields {
  id: string
  kind: string
}

/**
 * Why a standard is a match: the subject names it (`cited`), their texts are alike (`text`), or a
 * reviewer linked it (`review`).
 */
export type MatchBasis = 'cited' | 'text' | 'review'

export interface StandardMatch {
  id: string
  basis: MatchBasis
  /** For a cited match: the designation as the subject writes it ("ITU-T X.509"). */
  cited?: string
  /** What a reader should know about a citation: an older edition, a series, a successor. */
  note?: string
  score: number
  /**
   * How much distinctive vocabulary the subject and the standard share: the idf of each shared
   * word over the highest idf the index gives (a word no other standard has counts 1, a common
   * one little), or of each shared glossary concept if those weigh more (see `evidenceOf`). A
   * shared generic word or two cannot reach the `covered` level.
   */
  evidence: number
  org: string
  sg?: number
  status: Standard['status']
  /** The shared terms that added most to the score, readable. */
  terms: string[]
}

/** A designation found in a subject's text, resolved to catalogue ids (none: not in the catalogue). */
export interface CitationFound {
  text: string
  ids: string[]
  note?: string
}

export interface SubjectResult {
  subject: string
  status: CoverageStatus
  /** Cited matches first (in the order the subject names them), then by score. */
  matches: StandardMatch[]
  /** Every standard designation the subject's text names, resolved or not. */
  citations: CitationFound[]
}

/** A study group or one of its Questions whose mandate matches a subject. */
export interface MandateMatch {
  sg: number
  /** Question id, or undefined for the study group's mandate as a whole. */
  question?: string
  score: number
  terms: string[]
}

/** One study group's evidence for a subject (see Matcher.studyGroupEvidence). */
export interface StudyGroupEvidence {
  sg: number
  /** The SG's best-matching Question and its cosine, when any Question shares terms. */
  question?: string
  questionScore?: number
  /** 0..1: mean of mandate and related-work evidence, each relative to the best SG. */
  score: number
  /** Cosine of the subject against the SG's whole mandate text. */
  mandateScore: number
  /** Shared mandate terms, readable, most contributing first. */
  mandateTerms: string[]
  /** The SG's ITU-T standards among the subject's closest, best first. */
  standards: string[]
}

/** A term's share of a score, with the term as text and as a reader would say it. */
export interface LabelledContribution extends Omit<TermContribution, 'term'> {
  term: string
  label: string
}

/** What a match must reach, in score and in evidence, to count as covering or partly covering. */
export interface CoverageRule {
  thresholds: Thresholds
  evidence: Thresholds
}

/**
 * How far one match goes towards covering its subject: a standard the subject cites covers it;
 * otherwise score and evidence decide.
 */
export function matchCoverage(
  match: Pick<StandardMatch, 'score' | 'evidence'> & {basis?: MatchBasis},
  rule: CoverageRule,
): CoverageStatus {
  if (match.basis === 'cited') return 'covered'
  const {thresholds, evidence} = rule
  if (match.score >= thresholds.covered && match.evidence >= evidence.covered) return 'covered'
  if (match.score >= thresholds.partial && match.evidence >= evidence.partial) return 'partial'
  return 'gap'
}

const COVERAGE_ORDER: Record<CoverageStatus, number> = {covered: 0, partial: 1, gap: 2}

/**
 * A subject's coverage from its matches: the furthest any of them goes. Both the score (the share
 * of the subject's vocabulary the standard states) and the evidence (how distinctive the shared
 * vocabulary is) must reach the level: a high score on one generic word is not coverage.
 */
export function coverageStatus(
  matches: readonly (Pick<StandardMatch, 'score' | 'evidence'> & {basis?: MatchBasis})[],
  rule: CoverageRule,
): CoverageStatus {
  let status: CoverageStatus = 'gap'
  for (const match of matches) {
    const reached = matchCoverage(match, rule)
    if (COVERAGE_ORDER[reached] < COVERAGE_ORDER[status]) status = reached
  }
  return status
}

/** Readable terms of an explanation, most contributing first. */
const EXPLANATION_TERMS = 5
/** Share of its score a withdrawn or replaced standard keeps when ranked (with includeWithdrawn). */
const SUPERSEDED_FACTOR = 0.7
/** Standards a ranking keeps at least: the routing's pool (see analysis/routing.ts). */
const RANK_DEPTH = 30

export class Matcher {
  readonly analyser: Analyser
  readonly standards: Standard[]
  readonly index: MatchIndex
  private readonly mandateIndex: MatchIndex
  private readonly mandates: {sg: number; question?: string}[]
  /** Titles analysed for title coverage, by document: the same standards come up for many subjects. */
  private readonly titleTerms = new Map<number, TermWeights>()
  /** Every standard of the catalogue, withdrawn ones too: a subject may cite one. */
  private readonly catalogueStandards: Map<string, Standard>
  private readonly citations?: CitationResolver
  /** The last ranking of each analysed subject (see rank). */
  private readonly ranked = new WeakMap<TermWeights, {depth: number; hits: Hit[]}>()

  constructor(
    catalogue: Catalogue,
    readonly config: GapscanConfig,
    glossary?: Glossary,
  ) {
    this.analyser = new Analyser({weights: config.weights, bigrams: config.bigrams, glossary})
    const ids = new Set(catalogue.standards.map((s) => s.id))
    this.standards = catalogue.standards.filter(
      (s) => (config.includeWithdrawn || s.status !== 'withdrawn') && baseOfAmendment(s, ids) === undefined,
    )
    // Standards are analysed and added one by one, so their term maps never pile up in memory.
    const builder = new MatchIndexBuilder()
    let doc = 0
    for (const {terms} of this.analyser.analyseMany(this.standards.map(standardFields)))
      builder.add(this.standards[doc++].id, terms)
    this.index = builder.build(config.scoring)
    const mandateDocs: {id: string; terms: TermWeights}[] = []
    this.mandates = []
    for (const group of catalogue.studyGroups) {
      this.mandates.push({sg: group.number})
      mandateDocs.push({id: group.id, terms: this.analyser.analyse(mandateFields(group)).terms})
      for (const question of group.questions) {
        this.mandates.push({sg: group.number, question: question.id})
        // A Question's own title only: the group's mandate is in the group's document, and
        // repeating it in every Question would make the group's words look common.
        const terms = this.analyser.analyse({title: question.title}).terms
        mandateDocs.push({id: `${group.id} ${question.id}`, terms})
      }
    }
    this.mandateIndex = new MatchIndex(mandateDocs, config.scoring, this.index)
    this.catalogueStandards = new Map(catalogue.standards.map((s) => [s.id, s]))
    if (config.citations) this.citations = new CitationResolver(catalogue.standards)
  }

  /** The standards a subject's text names, resolved against the whole catalogue. */
  cite(subject: TextFields): Citation[] {
    if (!this.citations) return []
    const keywords = (subject.keywords ?? []).map(keywordDesignationCase)
    const text = [subject.title, ...keywords, subject.body ?? ''].join('\n')
    return this.citations.resolve(text)
  }

  /** A standard's title and key terms, without its number: enough to find its near-duplicates. */
  headlineTerms(standard: Standard): TermWeights {
    return this.analyser.analyse({title: standard.title, keywords: standard.keywords}).terms
  }

  /** A standard's terms without its number: what it says, for comparing two standards' texts. */
  contentTerms(standard: Standard): TermWeights {
    return this.analyser.analyse({...standardFields(standard), identifiers: []}).terms
  }

  /** Analyses a query text, keeping readable labels for its explanations. */
  analyse(subject: TextFields): TermWeights {
    return this.analyser.analyse(subject, true).terms
  }

  /** `analyse` for a batch (see Analyser.analyseMany): the same terms, in order. */
  analyseAll(subjects: readonly TextFields[]): TermWeights[] {
    return Array.from(this.analyser.analyseMany(subjects, true), (analysed) => analysed.terms)
  }

  match(subject: MatchSubject, top = this.config.top): SubjectResult {
    return this.matchTerms(subject, this.analyse(subject), top)
  }

  /**
   * `match` for a batch: the same results, with the searches spread over the machine's cores
   * when the batch is large enough to gain from it (see searchMany).
   */
  async matchAll(subjects: MatchSubject[], top = this.config.top): Promise<SubjectResult[]> {
    const terms = this.analyseAll(subjects)
    const pools = await searchMany(this.index, terms, this.poolSize(top))
    return subjects.map((subject, i) =>
      this.resultOf(subject, terms[i], this.rerank(terms[i], pools[i], top), top),
    )
  }

  /** `match` for a subject already analysed (callers that also need its terms analyse once). */
  matchTerms(subject: MatchSubject, terms: TermWeights, top = this.config.top): SubjectResult {
    return this.resultOf(subject, terms, this.rank(terms, top), top)
  }

  /**
   * The standards the subject cites, first and in its order, then the text matches; `top` in
   * all unless the subject cites more.
   */
  private resultOf(subject: MatchSubject, terms: TermWeights, hits: Hit[], top: number): SubjectResult {
    const citations = this.cite(subject)
    const cited: StandardMatch[] = []
    const citedIds = new Set<string>()
    for (const citation of citations) {
      for (const id of citation.ids) {
        if (citedIds.has(id)) continue
        citedIds.add(id)
        const doc = this.index.docIndex(id)
        const scored = doc === undefined ? undefined : {doc, score: this.scoreOf(terms, doc)}
        cited.push({
          ...this.matchOf(this.catalogueStandards.get(id)!, terms, scored),
          basis: 'cited',
          cited: citation.designation.text,
          ...(citation.note ? {note: citation.note} : {}),
        })
      }
    }
    const text = hits
      .filter((hit) => !citedIds.has(this.standards[hit.doc].id))
      .map((hit) => this.matchOf(this.standards[hit.doc], terms, hit))
    const matches = [...cited, ...text].slice(0, Math.max(top, cited.length))
    return {
      subject: subject.id,
      status: coverageStatus(matches, this.config),
      matches,
      citations: citations.map((c) => ({
        text: c.designation.text,
        ids: c.ids,
        ...(c.note ? {note: c.note} : {}),
      })),
    }
  }

  /** A standard as a text match; `hit` is its place in the index, if it is indexed. */
  private matchOf(standard: Standard, terms: TermWeights, hit: Hit | undefined): StandardMatch {
    // One walk of the standard's row gives both the evidence and the shared terms.
    const shared = hit ? this.index.explain(terms, hit.doc) : []
    return {
      id: standard.id,
      basis: 'text',
      score: roundScore(hit?.score ?? 0),
      evidence: roundScore(this.evidenceFrom(shared)),
      org: standard.org,
      ...(standard.sg !== undefined ? {sg: standard.sg} : {}),
      status: standard.status,
      terms: this.sharedLabels(shared),
    }
  }

  /** A subject's score against one indexed standard, as search and re-ranking give it. */
  private scoreOf(terms: TermWeights, doc: number): number {
    // Summed in term-id order, as `search` sums, so the score is the same number.
    const base = this.index.explain(terms, doc).reduce((sum, c) => sum + c.contribution, 0)
    return this.adjusted(terms, doc, base)
  }

  /**
   * Sum of the idf of the words a subject shares with a standard, or of the glossary concepts
   * they share if that is more, over the index's highest idf.
   */
  evidenceOf(terms: TermWeights, doc: number): number {
    return this.evidenceFrom(this.index.explain(terms, doc))
  }

  /** `evidenceOf` from the shared terms an explanation lists. */
  private evidenceFrom(shared: readonly TermContribution[]): number {
    let words = 0
    let concepts = 0
    // Not both: a concept stands beside its words, which count already when the two texts share
    // them. Across languages (or a term and its abbreviation) only the concept is shared, and
    // counting words alone gave a French text matching English through the glossary evidence 0.
    for (const c of shared) {
      if (this.analyser.isConcept(c.term)) concepts += c.idf
      else words += c.idf
    }
    return Math.max(words, concepts) / this.index.maxIdf
  }

  /**
   * Cosine hits re-ranked by title coverage (see GapscanConfig.titleBoost). A wider pool than
   * `top` is scored so that re-ranking can lift a standard from just below the cut.
   */
  rank(terms: TermWeights, top: number): Hit[] {
    if (this.reranks) return this.rerank(terms, this.index.search(terms, this.poolSize(top)), top)
    // A subject's match list and its routing ask for its closest standards three times: one
    // search of at least RANK_DEPTH serves them all (top k of a deeper search is the top k).
    const known = this.ranked.get(terms)
    if (known && known.depth >= top) return known.hits.slice(0, top)
    const depth = Math.max(top, RANK_DEPTH)
    const hits = this.index.search(terms, depth)
    this.ranked.set(terms, {depth, hits})
    return hits.slice(0, top)
  }

  /** Whether search scores are adjusted after the search, so a wider pool must be searched. */
  private get reranks(): boolean {
    return this.config.titleBoost > 0 || this.config.includeWithdrawn
  }

  private poolSize(top: number): number {
    return this.reranks ? Math.max(top * 4, 20) : top
  }

  /**
   * A search score as ranked: with the title-coverage bonus (GapscanConfig.titleBoost), and
   * scaled down for a withdrawn or replaced standard, so it ranks below a current one that
   * matches as well (its successor, typically).
   */
  private adjusted(terms: TermWeights, doc: number, score: number): number {
    const boost = this.config.titleBoost
    const boosted =
      boost > 0 ? (score * (1 + boost * this.titleCoverage(terms, doc) ** 2)) / (1 + boost) : score
    const standard = this.standards[doc]
    const superseded = standard.status === 'withdrawn' || (standard.replacedBy?.length ?? 0) > 0
    return superseded ? boosted * SUPERSEDED_FACTOR : boosted
  }

  private rerank(terms: TermWeights, pool: Hit[], top: number): Hit[] {
    if (!this.reranks) return pool.slice(0, top)
    const boosted = pool.map((hit) => ({doc: hit.doc, score: this.adjusted(terms, hit.doc, hit.score)}))
    return boosted
      .sort((a, b) => b.score - a.score || compareText(this.standards[a.doc].id, this.standards[b.doc].id))
      .slice(0, top)
  }

  /** Share of a standard's title (idf-weighted terms) that the query contains. */
  titleCoverage(terms: TermWeights, doc: number): number {
    let title = this.titleTerms.get(doc)
    if (!title) {
      title = this.analyser.analyseTitle(this.standards[doc].title)
      this.titleTerms.set(doc, title)
    }
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
      terms: this.labelled(this.mandateIndex.explain(terms, hit.doc), EXPLANATION_TERMS).map((c) => c.label),
    }))
  }

  /**
   * Per study group, the evidence (0..1) that a subject belongs there: the mean of how well the
   * SG's mandate (title, summary, mandate keywords, Question titles) matches, and of the vote of
   * related work (the scores of the SG's ITU-T standards among the subject's closest `pool`,
   * summed), each relative to the best SG; with the SG's best-matching Question. Best first,
   * ties by SG number; standards in `exclude` (rejected in review) do not vote. `terms`: the subject,
   * analysed (`analyse`). Mandate texts are scored with the standards' idf: ten short mandates say
   * little about how common a word is. Each row also carries what a reader needs to check it: the
   * raw mandate and Question cosines, the shared mandate terms and the voting standards.
   */
  studyGroupEvidence(
    terms: TermWeights,
    exclude: ReadonlySet<string> = new Set(),
    pool = 50,
  ): StudyGroupEvidence[] {
    const mandate = new Map<
      number,
      {score: number; terms: string[]; question?: string; questionScore: number}
    >()
    for (const hit of this.mandateIndex.search(terms, this.mandates.length)) {
      const {sg, question} = this.mandates[hit.doc]
      const row = mandate.get(sg) ?? {score: 0, terms: [], questionScore: 0}
      // The group's whole mandate decides the SG; its Questions only say where inside it.
      if (question === undefined) {
        row.score = hit.score
        row.terms = this.labelled(this.mandateIndex.explain(terms, hit.doc), EXPLANATION_TERMS).map(
          (c) => c.label,
        )
      } else if (hit.score > row.questionScore) {
        row.question = question
        row.questionScore = hit.score
      }
      mandate.set(sg, row)
    }
    // Related work votes: the scores of the SG's ITU-T standards among the closest `pool`, summed.
    const work = new Map<number, {score: number; standards: string[]}>()
    for (const hit of this.rank(terms, pool)) {
      const {id, org, sg} = this.standards[hit.doc]
      if (org !== 'ITU-T' || sg === undefined || exclude.has(id)) continue
      const row = work.get(sg) ?? {score: 0, standards: []}
      row.score += hit.score
      row.standards.push(id)
      work.set(sg, row)
    }
    // The two kinds of score live on different scales (short mandate texts score lower than
    // titles): each is taken relative to its best SG before they are averaged.
    const bestMandate = Math.max(0, ...[...mandate.values()].map((m) => m.score))
    const bestWork = Math.max(0, ...[...work.values()].map((w) => w.score))
    const sgs = new Set([...mandate.keys(), ...work.keys()])
    return [...sgs]
      .map((sg) => {
        const m = mandate.get(sg)
        const w = work.get(sg)
        const fromMandate = bestMandate > 0 ? (m?.score ?? 0) / bestMandate : 0
        const fromWork = bestWork > 0 ? (w?.score ?? 0) / bestWork : 0
        return {
          sg,
          ...(m?.question ? {question: m.question, questionScore: roundScore(m.questionScore)} : {}),
          score: roundScore((fromMandate + fromWork) / 2),
          mandateScore: roundScore(m?.score ?? 0),
          mandateTerms: m?.terms ?? [],
          standards: w?.standards ?? [],
        }
      })
      .sort((a, b) => b.score - a.score || a.sg - b.sg)
  }

  /**
   * An index's explanation made readable: largest share first (ties by term text), the first
   * `limit`, with labels.
   */
  /**
   * The readable terms that added most to a match, each label once: a glossary concept and its
   * own word ("metaverse") read the same.
   */
  private sharedLabels(shared: TermContribution[]): string[] {
    const labels = this.labelled(shared).map((c) => c.label)
    return [...new Set(labels)].slice(0, EXPLANATION_TERMS)
  }

  private labelled(
    contributions: TermContribution[],
    limit = contributions.length,
    markConcepts = false,
  ): LabelledContribution[] {
    return contributions
      .map((c) => ({c, text: this.analyser.vocabulary.text(c.term)}))
      .sort((a, b) => b.c.contribution - a.c.contribution || compareText(a.text, b.text))
      .slice(0, limit)
      .map(({c, text}) => {
        const label = this.analyser.label(c.term)
        return {
          ...c,
          term: text,
          label: markConcepts && this.analyser.isConcept(c.term) ? `${label} (concept)` : label,
        }
      })
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
        /** See StandardMatch.evidence. */
        evidence: number
        /** How far this match goes towards covering the subject (see matchCoverage). */
        coverage: CoverageStatus
        /** The designation, when the subject cites the standard. */
        cited?: string
        contributions: LabelledContribution[]
      }
    | undefined {
    const doc = this.index.docIndex(standardId)
    if (doc === undefined) return undefined
    const terms = this.analyse(subject)
    const explained = this.index.explain(terms, doc)
    // Summed in term-id order (before sorting), as `search` sums, so the cosine is the same number.
    const cosine = explained.reduce((sum, c) => sum + c.contribution, 0)
    // Term by term, a glossary concept is told from its own word ("metaverse (concept)").
    const contributions = this.labelled(explained, explained.length, true)
    const titleCoverage = this.config.titleBoost > 0 ? this.titleCoverage(terms, doc) : 0
    const score = this.adjusted(terms, doc, cosine)
    const evidence = roundScore(this.evidenceFrom(explained))
    const cited = this.cite(subject).find((c) => c.ids.includes(standardId))?.designation.text
    const basis = cited === undefined ? 'text' : 'cited'
    return {
      score: roundScore(score),
      cosine: roundScore(cosine),
      titleCoverage: roundScore(titleCoverage),
      evidence,
      coverage: matchCoverage({score: roundScore(score), evidence, basis}, this.config),
      ...(cited === undefined ? {} : {cited}),
      contributions,
    }
  }
}

/** Kinds of text that change another ITU-T text and repeat its title. */
const AMENDING_TYPES = new Set(['amendment', 'corrigendum', 'erratum'])

/**
 * The base standard an amendment, corrigendum or erratum changes ("G.1072 (2020) Cor. 1" →
 * "G.1072"), when the catalogue holds it. Such texts repeat their base's title, so indexed apart
 * they crowd a subject's matches with copies of one standard (measured on the dev set: a
 * corrigendum ranked above its own Recommendation); they stay citable.
 */
export function baseOfAmendment(standard: Standard, ids: ReadonlySet<string>): string | undefined {
  if (!AMENDING_TYPES.has(standard.type ?? '')) return undefined
  const base = standard.id.replace(/\s*\(.*$/, '')
  return base !== standard.id && ids.has(base) ? base : undefined
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

/** A standard's fields as indexed: its number is part of its text, so "ISO 20022" finds it. */
function standardFields(standard: Standard): TextFields {
  return {
    title: standard.title,
    keywords: standard.keywords,
    terms: standard.derivedTerms,
    body: entryBody(standard),
    identifiers: [standard.id],
  }
}
