/** The catalogue model: what gapscan matches (subjects) and what it matches them against (standards). */

export const ENTRY_KINDS = ['deliverable', 'requirement', 'standard', 'study-group'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

/** Subjects are the entries whose coverage gapscan assesses. */
export const SUBJECT_KINDS = ['deliverable', 'requirement'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

export const REQUIREMENT_LEVELS = ['REQUIRED', 'RECOMMENDED', 'OPTIONAL'] as const
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number]

export const STANDARD_STATUSES = ['in-force', 'under-study', 'withdrawn'] as const
export type StandardStatus = (typeof STANDARD_STATUSES)[number]

export const DELIVERABLE_TYPES = ['TR', 'TS'] as const
export type DeliverableType = (typeof DELIVERABLE_TYPES)[number]

/** Where an entry was read from, for messages that name file and line. */
export interface Origin {
  file: string
  line: number
  /** Lines of individual fields, where the format tells them apart (YAML). */
  fieldLines?: Record<string, number>
}

interface EntryBase {
  id: string
  title: string
  keywords: string[]
  sourceUrl?: string
  origin: Origin
}

export interface Deliverable extends EntryBase {
  kind: 'deliverable'
  type: DeliverableType
  workingGroup?: string
  approved?: string
  summary?: string
  /** Study groups whose mandate the deliverable touches (as judged by the catalogue's authors). */
  sgs: number[]
}

export interface Requirement extends EntryBase {
  kind: 'requirement'
  buildingBlock: string
  level?: RequirementLevel
  text: string
  /** Ids in the source specification (e.g. GovStack `identity-6.1-3`) this entry stands for. */
  sourceRefs: string[]
}

export interface Standard extends EntryBase {
  kind: 'standard'
  org: string
  status: StandardStatus
  /** ITU-T study group number, when the standard is ITU-T's and has one. */
  sg?: number
  /** True when `sg` was not in the source but derived from the standard's numbering neighbours. */
  sgDerived?: boolean
  /** ITU-T Question id, e.g. `Q6/17`. */
  question?: string
  /** Publication type: recommendation, supplement, amendment, technical report, … */
  type?: string
  published?: string
  committee?: string
  summary?: string
  /**
   * Content words of the source abstract, as an unordered bag (sorted, unique, none of the
   * title's words): what the abstract is about without its prose.
   */
  derivedTerms?: string[]
  /** Ids of the standards that replace this one (e.g. the RFCs that obsolete it). */
  replacedBy?: string[]
}

export interface Question {
  id: string
  title: string
  sourceUrl?: string
}

export interface StudyGroup extends EntryBase {
  kind: 'study-group'
  number: number
  summary?: string
  /** Mandate keywords: what the SG is chartered to study, in the catalogue's own words. */
  mandate: string[]
  questions: Question[]
  /**
   * The catalogue lists every Question of the SG (`questions_complete: true`). When false (the
   * default), routing proposes no Question it cannot find and `assign` accepts other Questions.
   */
  questionsComplete: boolean
}

export type Subject = Deliverable | Requirement
export type Entry = Deliverable | Requirement | Standard | StudyGroup

export interface Catalogue {
  deliverables: Deliverable[]
  requirements: Requirement[]
  standards: Standard[]
  studyGroups: StudyGroup[]
}

/** The body text of an entry that matching reads besides title and keywords. */
export function entryBody(entry: Entry): string {
  switch (entry.kind) {
    case 'requirement':
      return entry.text
    case 'study-group':
      return [entry.summary ?? '', ...entry.questions.map((q) => q.title)].join(' ')
    default:
      return entry.summary ?? ''
  }
}

export function subjectsOf(catalogue: Catalogue): Subject[] {
  return [...catalogue.deliverables, ...catalogue.requirements]
}
