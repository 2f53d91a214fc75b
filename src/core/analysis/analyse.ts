/**
 * The gap and overlap analysis: pure functions from a catalogue, a matcher and reviewed decisions
 * to one `Analysis` — the model every report format renders and `report.json` serialises.
 */
import {compareText} from '../catalogue/problems.js'
import {subjectsOf, type Catalogue, type Standard, type Subject} from '../catalogue/types.js'
import {
  coverageStatus,
  fieldsOf,
  matchCoverage,
  type CoverageRule,
  type CitationFound,
  roundScore,
  type CoverageStatus,
  type Matcher,
  type StandardMatch,
} from '../match/matcher.js'
import {MatchIndex} from '../match/index.js'
import type {TermWeights} from '../text/vocabulary.js'
import type {Decision} from './decisions.js'
import {relationshipOf, type Relationship} from './relationship.js'
import {mandatePhrasesOf, routeSubject, type MandatePhrases, type Routing} from './routing.js'

export const SCHEMA_VERSION = '1.2'

export interface AnalysedMatch extends StandardMatch {
  title: string
  /** The standard's page (its catalogue source URL), when it has one. */
  url?: string
  relationship: Relationship
  /** Share of the subject's weighted terms found in the standard, and vice versa. */
  subjectCovered: number
  standardCovered: number
  /** Set by a reviewed decision. */
  review?: 'accepted' | 'rejected' | 'added'
}

/**
 * Which study groups answer for a subject after review: an `assign` decision when there is one,
 * else the computed result (the SGs of covering standards, or the routing's first SG). The
 * computed routing itself is `SubjectAnalysis.routing`, never changed by decisions.
 */
export interface Responsibility {
  /** Why these SGs: covering standards, the computed routing (gaps), or a reviewed assignment. */
  basis: 'covering-standards' | 'mandate' | 'assigned'
  sgs: number[]
  questions: string[]
  score: number
}

export interface OverlapFlags {
  /** Covered by standards of two or more ITU-T study groups. */
  multipleSgs: boolean
  /** Covered by ITU-T and by another standards body. */
  otherBodies: boolean
  /** An FG-MV deliverable that overlaps another deliverable. */
  otherDeliverables: boolean
}

export interface SubjectAnalysis {
  id: string
  kind: Subject['kind']
  title: string
  /** Building block (requirements) or working group (deliverables). */
  group?: string
  computed: {coverage: CoverageStatus; score: number}
  /** The result after reviewed decisions; equals `computed` when there are none. */
  coverage: CoverageStatus
  reviewed: boolean
  /** The reviewed routing (an `assign` decision); shown beside, never instead of, `routing`. */
  assigned?: {sg: number; question?: string}
  /** The computed routing: candidate SGs with evidence, or another body, or outside scope. */
  routing: Routing
  relationship?: Relationship
  matches: AnalysedMatch[]
  responsible: Responsibility
  overlaps: OverlapFlags
  decisions: Omit<Decision, 'line'>[]
  /** Standard designations the subject's text names, with the catalogue ids they resolve to (none: not in the catalogue). */
  citations: CitationFound[]
}

/** Kinds of overlap, in the order reports list them. */
export const OVERLAP_TYPES = ['coordination', 'duplication', 'deliverables'] as const
export type OverlapType = (typeof OVERLAP_TYPES)[number]

export interface Overlap {
  type: OverlapType
  /** Subject id (coordination), or the first of the pair. */
  a: string
  /** Second of the pair (duplication, deliverables). */
  b?: string
  /** Study groups and bodies involved. */
  sgs: number[]
  orgs: string[]
  /** Standards involved (coordination). */
  standards: string[]
  score: number
}

export interface StudyGroupSummary {
  number: number
  title: string
  counts: Record<CoverageStatus, number>
  /** Subjects this SG is responsible for (covering standards or best mandate). */
  subjects: string[]
}

export interface Analysis {
  schemaVersion: string
  date?: string
  options: {scoring: string; thresholds: {covered: number; partial: number}; top: number}
  catalogue: {deliverables: number; requirements: number; standards: number; studyGroups: number}
  studyGroups: StudyGroupSummary[]
  subjects: SubjectAnalysis[]
  overlaps: Overlap[]
}

export interface AnalysisOptions {
  decisions?: Decision[]
  /** Only these SGs in the per-SG view (all when empty). */
  sgs?: number[]
  date?: string
  /** Called after each subject, for progress bars. */
  onProgress?: (done: number, total: number) => void
}

/** How many subjects are covered, partial and gaps. */
export function coverageCounts(subjects: readonly SubjectAnalysis[]): Record<CoverageStatus, number> {
  const counts = {covered: 0, partial: 0, gap: 0}
  for (const s of subjects) counts[s.coverage]++
  return counts
}

/**
 * A subject's matches not rejected in review, in the order its coverage rests on them: links
 * accepted or added in review first, then the rest by score (the matches' own order).
 */
export function liveMatches(matches: readonly AnalysedMatch[]): AnalysedMatch[] {
  const live = matches.filter((m) => m.review !== 'rejected')
  return [...live.filter((m) => m.review !== undefined), ...live.filter((m) => m.review === undefined)]
}

/** The first of `liveMatches`: the match a subject's coverage rests on, if any. */
export function bestLiveMatch(matches: readonly AnalysedMatch[]): AnalysedMatch | undefined {
  return liveMatches(matches)[0]
}

export function analyse(catalogue: Catalogue, matcher: Matcher, options: AnalysisOptions = {}): Analysis {
  const {config} = matcher
  const {thresholds} = config
  const byId = new Map(catalogue.standards.map((s) => [s.id, s]))
  const decisions = options.decisions ?? []
  const subjects = subjectsOf(catalogue)
  // Each subject's text is analysed once, for its matches and for the overlaps between deliverables.
  const terms = matcher.analyseAll(subjects.map(fieldsOf))
  const deliverableOverlaps = findDeliverableOverlaps(
    subjects.flatMap((subject, i) =>
      subject.kind === 'deliverable' ? [{id: subject.id, terms: terms[i]}] : [],
    ),
    matcher,
  )
  const overlappingDeliverables = new Set(deliverableOverlaps.flatMap((o) => [o.a, o.b!]))
  const routingContext: RoutingContext = {
    groups: new Map(catalogue.studyGroups.map((g) => [g.number, g])),
    phrases: mandatePhrasesOf(catalogue.studyGroups, matcher),
  }
  const analysed: SubjectAnalysis[] = []
  subjects.forEach((subject, i) => {
    analysed.push(
      analyseSubject(subject, terms[i], matcher, byId, decisions, overlappingDeliverables, routingContext),
    )
    options.onProgress?.(i + 1, subjects.length)
  })
  const overlaps = [
    ...coordinationOverlaps(analysed, config),
    ...duplicationOverlaps(analysed, matcher),
    ...deliverableOverlaps,
  ]
  const selectedSgs = new Set(options.sgs ?? [])
  const studyGroups = [...catalogue.studyGroups]
    .sort((a, b) => a.number - b.number)
    .filter((g) => selectedSgs.size === 0 || selectedSgs.has(g.number))
    .map((g) => {
      const mine = analysed.filter((s) => s.responsible.sgs.includes(g.number))
      return {number: g.number, title: g.title, counts: coverageCounts(mine), subjects: mine.map((s) => s.id)}
    })
  return {
    schemaVersion: SCHEMA_VERSION,
    ...(options.date ? {date: options.date} : {}),
    options: {scoring: config.scoring.model, thresholds: {...thresholds}, top: config.top},
    catalogue: {
      deliverables: catalogue.deliverables.length,
      requirements: catalogue.requirements.length,
      standards: catalogue.standards.length,
      studyGroups: catalogue.studyGroups.length,
    },
    studyGroups,
    subjects: analysed,
    overlaps,
  }
}

/** What routing needs of the whole catalogue, prepared once per run. */
interface RoutingContext {
  groups: Map<number, Catalogue['studyGroups'][number]>
  phrases: MandatePhrases[]
}

function analyseSubject(
  subject: Subject,
  terms: TermWeights,
  matcher: Matcher,
  standards: Map<string, Standard>,
  allDecisions: Decision[],
  overlappingDeliverables: Set<string>,
  context: RoutingContext,
): SubjectAnalysis {
  const result = matcher.matchTerms({id: subject.id, kind: subject.kind, ...fieldsOf(subject)}, terms)
  const matches: AnalysedMatch[] = result.matches.map((m) => {
    const doc = matcher.index.docIndex(m.id)!
    const {queryShare, docShare} = matcher.index.overlap(terms, doc)
    const standard = standards.get(m.id)!
    return {
      ...m,
      title: standard.title,
      ...(standard.sourceUrl ? {url: standard.sourceUrl} : {}),
      relationship: relationshipOf(queryShare, docShare),
      subjectCovered: roundScore(queryShare),
      standardCovered: roundScore(docShare),
    }
  })
  const computed = {coverage: result.status, score: matches[0]?.score ?? 0}
  const decisions = allDecisions.filter((d) => d.subject === subject.id)
  const reviewed = applyDecisions(matches, decisions, standards)
  // The best match that was not rejected decides coverage and relationship; none when all were.
  const best = bestLiveMatch(matches)
  const coverage = reviewed.coverage ?? coverageStatus(liveMatches(matches), matcher.config)
  const covering = matches.filter((m) => isCovering(m, 'partial', matcher.config))
  // A link a rapporteur rejected is not evidence for routing either.
  const rejected = new Set(matches.filter((m) => m.review === 'rejected').map((m) => m.id))
  const routing = routeSubject({
    terms,
    matcher,
    ...context,
    rejected,
    cited: matches.filter((m) => m.basis === 'cited').map((m) => standards.get(m.id)!),
    ...(subject.kind === 'deliverable' ? {listed: subject.sgs} : {}),
  })
  const responsible = responsibility(coverage, matches, routing, matcher, reviewed.assigned)
  const itu = covering.filter((m) => m.org === 'ITU-T')
  return {
    id: subject.id,
    kind: subject.kind,
    title: subject.title,
    ...(subject.kind === 'requirement'
      ? {group: subject.buildingBlock}
      : subject.workingGroup
        ? {group: subject.workingGroup}
        : {}),
    computed,
    coverage,
    reviewed: decisions.length > 0,
    ...(reviewed.assigned ? {assigned: reviewed.assigned} : {}),
    routing,
    ...(best ? {relationship: best.relationship} : {}),
    matches,
    responsible,
    overlaps: {
      multipleSgs: new Set(itu.map((m) => m.sg).filter((sg) => sg !== undefined)).size >= 2,
      otherBodies: itu.length > 0 && covering.some((m) => m.org !== 'ITU-T'),
      otherDeliverables: overlappingDeliverables.has(subject.id),
    },
    decisions: decisions.map(({line: _line, ...d}) => d),
    citations: result.citations,
  }
}

/**
 * Whether a match counts as covering at `level`: linked in review, or reaching that level by
 * score and evidence (see matchCoverage), and not rejected.
 */
function isCovering(match: AnalysedMatch, level: 'covered' | 'partial', rule: CoverageRule): boolean {
  if (match.review === 'rejected') return false
  if (match.review !== undefined) return true
  const reached = matchCoverage(match, rule)
  return reached === 'covered' || (level === 'partial' && reached === 'partial')
}

/** Applies a subject's decisions to its matches in file order; later decisions win. */
function applyDecisions(
  matches: AnalysedMatch[],
  decisions: Decision[],
  standards: Map<string, Standard>,
): {coverage?: CoverageStatus; assigned?: {sg: number; question?: string}} {
  let assigned: {sg: number; question?: string} | undefined
  for (const d of decisions) {
    if (d.action === 'assign') {
      assigned = {sg: d.sg!, ...(d.question ? {question: d.question} : {})}
      continue
    }
    let match = matches.find((m) => m.id === d.standard)
    if (!match && d.action !== 'reject') {
      const standard = standards.get(d.standard!)!
      match = {
        id: standard.id,
        basis: 'review',
        score: 0,
        evidence: 0,
        org: standard.org,
        ...(standard.sg !== undefined ? {sg: standard.sg} : {}),
        status: standard.status,
        terms: [],
        title: standard.title,
        relationship: 'intersects with',
        subjectCovered: 0,
        standardCovered: 0,
      }
      matches.push(match)
    }
    if (match) match.review = d.action === 'reject' ? 'rejected' : d.action === 'add' ? 'added' : 'accepted'
  }
  const linked = matches.some((m) => m.review === 'accepted' || m.review === 'added')
  return {...(linked ? {coverage: 'covered' as const} : {}), ...(assigned ? {assigned} : {})}
}

/**
 * Which study groups answer for a subject. Assigned in review: that SG. Covered: the SGs of the
 * ITU-T standards that cover it (score at or above `covered`, or accepted/added in review).
 * Otherwise (Res. 103: where could an SG work within its current mandate?) the routing's first SG
 * and its Question when one was proposed; for work another body leads, the ITU-T SGs that could
 * complement it; none when the subject is outside ITU-T's scope.
 */
function responsibility(
  coverage: CoverageStatus,
  matches: AnalysedMatch[],
  routing: Routing,
  matcher: Matcher,
  assigned?: {sg: number; question?: string},
): Responsibility {
  if (assigned) {
    return {
      basis: 'assigned',
      sgs: [assigned.sg],
      questions: assigned.question ? [assigned.question] : [],
      score: 1,
    }
  }
  const covering = matches.filter(
    (m) => m.org === 'ITU-T' && m.sg !== undefined && isCovering(m, 'covered', matcher.config),
  )
  if (coverage === 'covered' && covering.length > 0) {
    const sgs = [...new Set(covering.map((m) => m.sg!))].sort((a, b) => a - b)
    return {basis: 'covering-standards', sgs, questions: [], score: covering[0].score}
  }
  const first = routing.sgs[0]
  const sgs =
    routing.outcome === 'itu-t'
      ? first
        ? [first.sg]
        : []
      : routing.outcome === 'other-body'
        ? (routing.itu_complement ?? [])
        : []
  return {
    basis: 'mandate',
    sgs,
    questions: routing.question.id && sgs.length > 0 ? [routing.question.id] : [],
    score: sgs.length > 0 ? (first?.confidence ?? 0) : 0,
  }
}

/** (a) Subjects covered by standards of several SGs, or by ITU-T and another body. */
function coordinationOverlaps(subjects: SubjectAnalysis[], rule: CoverageRule): Overlap[] {
  const out: Overlap[] = []
  for (const s of subjects) {
    if (!s.overlaps.multipleSgs && !s.overlaps.otherBodies) continue
    const covering = s.matches.filter((m) => isCovering(m, 'partial', rule))
    out.push({
      type: 'coordination',
      a: s.id,
      sgs: [...new Set(covering.map((m) => m.sg).filter((x): x is number => x !== undefined))].sort(
        (x, y) => x - y,
      ),
      orgs: [...new Set(covering.map((m) => m.org))].sort(compareText),
      standards: covering.map((m) => m.id),
      score: covering[0]?.score ?? 0,
    })
  }
  return out
}

/**
 * (b) Near-duplicate standards or work items of different SGs, or of ITU-T and another body,
 * among the standards that match some subject (the ones this analysis is about).
 */
function duplicationOverlaps(subjects: SubjectAnalysis[], matcher: Matcher): Overlap[] {
  // Standards that cover some subject at least partly: a near-duplicate of a standard that
  // matches nothing well is not this analysis's business (and each costs a search).
  const relevant = [
    ...new Set(
      subjects.flatMap((s) =>
        s.matches.filter((m) => isCovering(m, 'partial', matcher.config)).map((m) => m.id),
      ),
    ),
  ].sort(compareText)
  const threshold = matcher.config.overlap.duplicate
  const seen = new Set<string>()
  const out: Overlap[] = []
  for (const id of relevant) {
    const doc = matcher.index.docIndex(id)
    if (doc === undefined) continue
    const standard = matcher.standards[doc]
    // Analysed exactly as indexed: the search finds candidates; the pair's score is how much of
    // each side's idf-weighted vocabulary the other holds, the lower of the two. It is symmetric
    // and 1 for identical texts (a BM25 score is neither: saturation keeps a text's score
    // against itself near 0.5).
    // Candidates by title and key terms (near-duplicates share them; the derived terms would
    // make a long, slow query), scored on their whole vocabulary, numbers aside: two bodies'
    // editions of one text differ only by them.
    const content = matcher.contentTerms(standard)
    for (const hit of matcher.index.search(matcher.headlineTerms(standard), 10)) {
      if (hit.doc === doc) continue
      const other = matcher.standards[hit.doc]
      // Each side's share measured the same way (as a query), so the pair scores the same
      // whichever of the two was looked at first.
      const there = matcher.index.overlap(content, hit.doc).queryShare
      const back = matcher.index.overlap(matcher.contentTerms(other), doc).queryShare
      const score = Math.min(there, back)
      if (score < threshold) continue
      const differentHome =
        other.org !== standard.org ||
        (other.sg !== undefined && standard.sg !== undefined && other.sg !== standard.sg)
      if (!differentHome || (standard.org !== 'ITU-T' && other.org !== 'ITU-T')) continue
      const [a, b] = compareText(standard.id, other.id) <= 0 ? [standard, other] : [other, standard]
      const key = `${a.id}\u0000${b.id}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({
        type: 'duplication',
        a: a.id,
        b: b.id,
        sgs: [...new Set([a.sg, b.sg].filter((x): x is number => x !== undefined))].sort((x, y) => x - y),
        orgs: [...new Set([a.org, b.org])].sort(compareText),
        standards: [a.id, b.id],
        score: roundScore(score),
      })
    }
  }
  return out.sort((x, y) => y.score - x.score || compareText(x.a, y.a) || compareText(x.b ?? '', y.b ?? ''))
}

/** (c) FG-MV deliverables whose texts overlap each other, given their analysed texts. */
function findDeliverableOverlaps(docs: {id: string; terms: TermWeights}[], matcher: Matcher): Overlap[] {
  const index = new MatchIndex(docs, matcher.config.scoring)
  const out: Overlap[] = []
  docs.forEach((d, i) => {
    for (const hit of index.search(d.terms, 10)) {
      if (hit.doc <= i || hit.score < matcher.config.overlap.deliverables) continue
      out.push({
        type: 'deliverables',
        a: d.id,
        b: docs[hit.doc].id,
        sgs: [],
        orgs: [],
        standards: [],
        score: roundScore(hit.score),
      })
    }
  })
  return out.sort((x, y) => y.score - x.score || compareText(x.a, y.a) || compareText(x.b ?? '', y.b ?? ''))
}
