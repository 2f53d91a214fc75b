/**
 * Routing as evidence (Res. 103 / Res. 105): for a subject, which ITU-T study groups could take
 * the work, ranked with a confidence and the evidence a TSB counsellor can check; or that another
 * body leads, or that the subject has no telecom/ICT standardization angle. See docs/DESIGN.md
 * "Routing" for the rule and why each threshold is where it is.
 */
import {compareText} from '../catalogue/problems.js'
import type {Standard, StudyGroup} from '../catalogue/types.js'
import {
  coverageStatus,
  matchCoverage,
  roundScore,
  type CoverageRule,
  type CoverageStatus,
  type Matcher,
  type StudyGroupEvidence,
} from '../match/matcher.js'
import type {TermId, TermWeights} from '../text/vocabulary.js'

export const ROUTING_OUTCOMES = ['itu-t', 'other-body', 'outside-scope'] as const
export type RoutingOutcome = (typeof ROUTING_OUTCOMES)[number]

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number]

/** Why no Question is proposed. */
export const QUESTION_REASONS = ['list-incomplete', 'no-question-matches', 'no-questions-listed'] as const
export type QuestionReason = (typeof QUESTION_REASONS)[number]

/** One candidate study group with the evidence for it. */
export interface RoutedStudyGroup {
  sg: number
  /** 0..1, relative to the other candidates (see `rankStudyGroups`). */
  confidence: number
  level: ConfidenceLevel
  /** The SG's ITU-T Recommendations among the subject's closest matches, best first. */
  standards: string[]
  /** The SG's mandate phrases found in the subject. */
  mandate: string[]
  /** The subject (an FG-MV deliverable) names this SG in its own `sgs` list. */
  listed: boolean
}

export interface QuestionProposal {
  /** A Question of the first SG's sourced list; absent when it is to be decided. */
  id?: string
  reason?: QuestionReason
}

export interface Routing {
  outcome: RoutingOutcome
  /** Candidate ITU-T study groups, best first (runners-up after the first). */
  sgs: RoutedStudyGroup[]
  /** other-body: the body whose standards cover the subject best. */
  body?: string
  /** other-body: that body's closest standards. */
  standards?: string[]
  /** other-body: ITU-T study groups that could complement the other body's work. */
  itu_complement?: number[]
  question: QuestionProposal
}

/** Tuning of the rule; the values are documented (and measured) in docs/DESIGN.md "Routing". */
export const ROUTING_RULE = {
  /** Closest standards read for evidence. */
  pool: 30,
  /** Candidate SGs shown. */
  candidates: 3,
  /**
   * The SG's best-matching Question is proposed when the subject contains at least this share of
   * its title's idf-weighted terms: a Question sharing one word ("security" with "AI security")
   * is not a match.
   */
  questionCoverage: 0.5,
  /** Weights of the evidence: mandate phrases, related Recommendations, mandate text, own list. */
  weights: {phrases: 2, work: 2, mandateText: 1},
  /** A deliverable's own `sgs` list: the first named SG counts this much, later ones less. */
  listedWeight: 1,
} as const

/** A study group's mandate phrases as term sets, analysed once per run. */
export interface MandatePhrases {
  sg: number
  phrases: {text: string; terms: TermId[]}[]
}

/** Words a mandate phrase may lose in analysis without losing its sense. */
const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

/**
 * Each SG's mandate phrases as the term sets a subject must contain. A phrase with a word the
 * analyser drops (e.g. "ai" in "ai security") is left out: it would match on its other words
 * alone and name a topic the subject does not have.
 */
export function mandatePhrasesOf(groups: readonly StudyGroup[], matcher: Matcher): MandatePhrases[] {
  const termsOf = (text: string) => [...matcher.analyser.analyse({title: text}).terms.keys()]
  const whole = (text: string) =>
    text.split(/\s+/).every((word) => FUNCTION_WORDS.has(word.toLowerCase()) || termsOf(word).length > 0)
  return groups.map((g) => ({
    sg: g.number,
    phrases: g.mandate
      .filter(whole)
      .map((text) => ({text, terms: termsOf(text)}))
      .filter((p) => p.terms.length > 0),
  }))
}

export interface RoutingInput {
  terms: TermWeights
  matcher: Matcher
  groups: ReadonlyMap<number, StudyGroup>
  phrases: readonly MandatePhrases[]
  /** Standards rejected in review: not evidence. */
  rejected: ReadonlySet<string>
  /** A deliverable's own list of study groups, in its order. */
  listed?: readonly number[]
  /** The standards the subject cites (see StandardMatch basis `cited`), in its order. */
  cited?: readonly Standard[]
}

/** The body a standard stands for: an ISO or IEC standard's top committee, else its org. */
export function bodyOf(org: string, committee?: string): string {
  if (committee && /^(ISO|IEC)/.test(org)) {
    const top = /^(ISO\/IEC JTC ?1|ISO\/TC ?\d+|IEC\/TC ?\d+|ISO\/IEC JTC ?\d+)/.exec(committee)
    if (top) return top[1]
  }
  return org
}

export function routeSubject(input: RoutingInput): Routing {
  const {matcher, terms, rejected} = input
  const rule = matcher.config
  const hits = matcher
    .rank(terms, ROUTING_RULE.pool)
    .map((h) => ({
      standard: matcher.standards[h.doc],
      score: h.score,
      evidence: matcher.evidenceOf(terms, h.doc),
    }))
    .filter((h) => !rejected.has(h.standard.id))
  const evidence = matcher.studyGroupEvidence(terms, rejected, ROUTING_RULE.pool)
  const sgs = rankStudyGroups(input, evidence, hits)
  const question = proposeQuestion(sgs[0]?.sg, evidence, input)
  const chartered = sgs.some((s) => s.mandate.length > 0)
  const listed = (input.listed ?? []).length > 0
  const cited = (input.cited ?? []).filter((s) => !rejected.has(s.id))
  const citesItu = cited.some((s) => s.org === 'ITU-T')
  const ituLevel = coverageStatus(
    hits.filter((h) => h.standard.org === 'ITU-T'),
    rule,
  )
  // Withdrawn (and obsoleted) standards do not make another body the leader.
  const others = hits.filter((h) => h.standard.org !== 'ITU-T' && h.standard.status !== 'withdrawn')
  const citedOthers = cited.filter((s) => s.org !== 'ITU-T' && s.status !== 'withdrawn')
  const leader = otherLeader(others, ituLevel, chartered, rule)
  // A subject that names its own SGs (an FG-MV deliverable) is ITU-T work already: other bodies'
  // matches are coordination (see overlaps), not a hand-over. A subject that cites another body's
  // standard and no ITU-T Recommendation relies on that body; otherwise the text evidence decides.
  const lead = listed || citesItu ? undefined : (citedOthers[0] ?? leader?.standard)
  if (lead) {
    const body = bodyOf(lead.org, lead.committee)
    const ofBody = (s: {org: string; committee?: string}) => bodyOf(s.org, s.committee) === body
    const standards = [...citedOthers.filter(ofBody), ...others.map((h) => h.standard).filter(ofBody)]
      .map((s) => s.id)
      .filter((id, i, all) => all.indexOf(id) === i)
      .slice(0, 3)
    // ITU-T complements where an SG's own mandate phrases match: its security, identity or network angle.
    const complement = sgs.filter((s) => s.mandate.length > 0).map((s) => s.sg)
    return {
      outcome: 'other-body',
      sgs,
      body,
      standards,
      ...(complement.length > 0 ? {itu_complement: complement.slice(0, 2)} : {}),
      question: complement[0] === sgs[0]?.sg ? question : {},
    }
  }
  // No chartered mandate phrase, no listed SG, no cited Recommendation and no ITU-T
  // Recommendation covering the subject at least partly (score and evidence): nothing for a study
  // group to build on.
  const anchored = chartered || listed || citesItu || ituLevel !== 'gap'
  if (!anchored) return {outcome: 'outside-scope', sgs, question: {}}
  return {outcome: 'itu-t', sgs, question}
}

/**
 * Another body's closest standard, when the text evidence alone says that body leads: no study
 * group's chartered mandate phrase matches (then the subject is in an SG's charter and another
 * body's closeness is an overlap to coordinate), and the body's standard covers the subject fully
 * (see matchCoverage) while no ITU-T Recommendation does.
 */
function otherLeader<H extends {score: number; evidence: number}>(
  others: readonly H[],
  ituLevel: CoverageStatus,
  chartered: boolean,
  rule: CoverageRule,
): H | undefined {
  if (chartered || ituLevel === 'covered') return undefined
  return others.find((h) => matchCoverage(h, rule) === 'covered')
}

/**
 * Candidate SGs, best first. Each piece of evidence is taken relative to the best SG for it, then
 * weighted (ROUTING_RULE.weights): mandate phrases found in the subject (idf mass), the SG's
 * Recommendations among the closest matches (sum of squared scores, so close ones count most,
 * on the absolute scale of the `covered` threshold),
 * and the cosine of the whole mandate text; a deliverable's own list adds its share on top.
 */
function rankStudyGroups(
  input: RoutingInput,
  evidence: StudyGroupEvidence[],
  hits: {standard: {id: string; org: string; sg?: number}; score: number}[],
): RoutedStudyGroup[] {
  const {terms, matcher, phrases, listed = []} = input
  const phraseMass = new Map<number, {mass: number; found: string[]}>()
  for (const group of phrases) {
    let mass = 0
    const found: string[] = []
    for (const p of group.phrases) {
      if (!p.terms.every((t) => terms.has(t))) continue
      mass += p.terms.reduce((sum, t) => sum + matcher.index.idfOf(t), 0)
      found.push(p.text)
    }
    phraseMass.set(group.sg, {mass, found})
  }
  const work = new Map<number, {mass: number; standards: string[]}>()
  for (const h of hits) {
    if (h.standard.org !== 'ITU-T' || h.standard.sg === undefined) continue
    const row = work.get(h.standard.sg) ?? {mass: 0, standards: []}
    row.mass += h.score ** 2
    row.standards.push(h.standard.id)
    work.set(h.standard.sg, row)
  }
  const mandateText = new Map(evidence.map((e) => [e.sg, e.mandateScore]))
  const relative = (values: Map<number, number>) => {
    const top = Math.max(0, ...values.values())
    return (sg: number) => (top > 0 ? (values.get(sg) ?? 0) / top : 0)
  }
  const fromPhrases = relative(new Map([...phraseMass].map(([sg, p]) => [sg, p.mass])))
  // Related work on an absolute scale: one Recommendation at the `covered` score is full
  // evidence, weak neighbours little (relative to the best SG, noise would count as much).
  const fullWork = matcher.config.thresholds.covered ** 2
  const fromWork = (sg: number) => Math.min(1, (work.get(sg)?.mass ?? 0) / fullWork)
  const fromText = relative(mandateText)
  const {weights} = ROUTING_RULE
  const total = weights.phrases + weights.work + weights.mandateText
  const scored = [...input.groups.keys()].map((sg) => {
    const position = listed.indexOf(sg)
    const listedShare = position < 0 ? 0 : ROUTING_RULE.listedWeight / (1 + position)
    const raw =
      (weights.phrases * fromPhrases(sg) + weights.work * fromWork(sg) + weights.mandateText * fromText(sg)) /
      total
    return {
      sg,
      raw: listed.length > 0 ? (raw + listedShare) / 2 : raw,
      standards: (work.get(sg)?.standards ?? []).slice(0, 3),
      mandate: (phraseMass.get(sg)?.found ?? []).sort(compareText).slice(0, 4),
      listed: position >= 0,
    }
  })
  scored.sort((a, b) => b.raw - a.raw || a.sg - b.sg)
  // A candidate whose confidence rounds to 0.00 would only be noise in the list.
  const top = scored.slice(0, ROUTING_RULE.candidates).filter((s) => s.raw >= 0.005)
  return top.map((s, i) => ({
    sg: s.sg,
    confidence: roundScore(s.raw),
    level: confidenceLevel(s.raw, i === 0 ? (top[1]?.raw ?? 0) : top[0].raw, i === 0),
    standards: s.standards,
    mandate: s.mandate,
    listed: s.listed,
  }))
}

/**
 * high: strong evidence well ahead of the runner-up; low: weak, or a near tie; medium otherwise.
 * Runners-up are never more than medium.
 */
function confidenceLevel(score: number, other: number, first: boolean): ConfidenceLevel {
  if (score < 0.35 || (first && score - other < 0.05)) return 'low'
  if (first && score >= 0.6 && score - other >= 0.2) return 'high'
  return 'medium'
}

/**
 * The first SG's Question, only when one of its sourced Questions matches the subject well;
 * otherwise why it is to be decided. Never a Question outside the catalogue's list for that SG.
 */
function proposeQuestion(
  sg: number | undefined,
  evidence: StudyGroupEvidence[],
  {groups, matcher, terms}: RoutingInput,
): QuestionProposal {
  if (sg === undefined) return {}
  const group = groups.get(sg)
  if (!group || group.questions.length === 0) return {reason: 'no-questions-listed'}
  const row = evidence.find((e) => e.sg === sg)
  const title = group.questions.find((q) => q.id === row?.question)?.title
  if (row?.question && title) {
    let total = 0
    let shared = 0
    for (const term of matcher.analyser.analyse({title}).terms.keys()) {
      const idf = matcher.index.idfOf(term)
      total += idf
      if (terms.has(term)) shared += idf
    }
    if (total > 0 && shared / total >= ROUTING_RULE.questionCoverage) return {id: row.question}
  }
  return {reason: group.questionsComplete ? 'no-question-matches' : 'list-incomplete'}
}

/** The routing in words a counsellor can check, e.g. "SG20: Y.4600, Y.4238 match; mandate: digital twins". */
export function evidenceText(
  s: RoutedStudyGroup,
  labels: {match: string; mandate: string; listed: string},
): string {
  const parts = [
    ...(s.standards.length > 0 ? [`${s.standards.join(', ')} ${labels.match}`] : []),
    ...(s.mandate.length > 0 ? [`${labels.mandate}: ${s.mandate.join(', ')}`] : []),
    ...(s.listed ? [labels.listed] : []),
  ]
  return `SG${s.sg}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}`
}
