/**
 * Every user-facing string of the reports (HTML, Markdown, CSV), in English and French.
 * Plain data: writers pick the strings they need and format numbers themselves.
 */
import type {DecisionAction} from '../analysis/decisions.js'
import type {OverlapFlags, OverlapType, Responsibility} from '../analysis/analyse.js'
import type {Relationship} from '../analysis/relationship.js'
import type {ConfidenceLevel, QuestionReason, RoutingOutcome} from '../analysis/routing.js'
import type {StandardStatus, SubjectKind} from '../catalogue/types.js'
import type {CoverageStatus} from '../match/matcher.js'
import {frenchTypography} from './typography.js'

export const LANGS = ['en', 'fr'] as const
export type Lang = (typeof LANGS)[number]

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value)
}

export type ReviewMark = 'accepted' | 'rejected' | 'added'

export interface Labels {
  lang: Lang
  /** Decimal separator for scores: `0.3173` / `0,3173`. */
  decimalSeparator: string

  reportTitle: string
  reportSubtitle: string
  generatedOn: string
  scoringModel: string
  thresholds: string
  catalogueContents: string

  /** Short prefix of a study group number: `SG17` / `CE17`. */
  sg: string
  studyGroup: string
  studyGroups: string
  question: string
  questions: string
  itut: string

  subject: string
  subjects: string
  deliverables: string
  requirements: string
  standards: string
  overlaps: string
  gaps: string

  kind: Record<SubjectKind, string>
  /** Plural headings for subject kinds. */
  kindPlural: Record<SubjectKind, string>
  coverage: Record<CoverageStatus, string>
  /** What each status means; `{covered}` and `{partial}` are the thresholds. */
  coverageDescription: Record<CoverageStatus, string>
  relationship: Record<Relationship, string>
  overlapType: Record<OverlapType, string>
  overlapTypeDescription: Record<OverlapType, string>
  overlapFlag: Record<keyof OverlapFlags, string>
  basis: Record<Responsibility['basis'], string>
  reviewMark: Record<ReviewMark, string>
  decisionAction: Record<DecisionAction, string>
  standardStatus: Record<StandardStatus, string>

  reviewed: string
  computed: string
  assigned: string
  routing: RoutingLabels
  result: string
  notReviewed: string

  columns: {
    id: string
    title: string
    kind: string
    group: string
    coverage: string
    computed: string
    score: string
    bestScore: string
    relationship: string
    responsible: string
    overlaps: string
    reviewed: string
    rank: string
    standard: string
    bestMatch: string
    org: string
    sg: string
    status: string
    subjectCovered: string
    standardCovered: string
    sharedTerms: string
    measured: string
    review: string
    type: string
    between: string
    orgs: string
    standards: string
    total: string
    action: string
    by: string
    date: string
    reason: string
    basis: string
  }

  sections: {
    summary: string
    bySg: string
    heatmap: string
    subjects: string
    overlaps: string
    method: string
  }

  bySgIntro: string
  chartTitle: string
  chartDescription: string
  heatmapIntro: string
  heatmapLegend: string
  heatmapResponsible: string
  heatmapNoMatch: string
  subjectsIntro: string
  overlapsIntro: string
  methodText: string

  filter: {
    text: string
    textPlaceholder: string
    coverage: string
    sg: string
    type: string
    all: string
    reset: string
    /** `{shown}` and `{total}` are replaced. */
    showing: string
  }

  expand: string
  collapse: string
  bestMatches: string
  noMatches: string
  decisions: string
  noDecisions: string
  computedResult: string
  reviewedResult: string
  responsibility: string
  none: string
  yes: string
  no: string
  noOverlaps: string
  noGaps: string
  noSubjects: string
  sortBy: string

  /** Resolution documents: `Res. 105 — FG-MV deliverables`. */
  resolution: Record<SubjectKind, string>
  scope: string
  allStudyGroups: string
  catalogueHash: string
  standardsByBody: string
  caveats: string
  /** `{present}` deliverables of `{total}`. */
  caveatDeliverables: string
  /** `{questions}` Questions for `{sgs}` study groups. */
  caveatQuestions: string
  caveatStandards: string
  /** `{total}`, `{covered}`, `{partial}`, `{gap}`, `{overlaps}`, `{reviewed}`. */
  resolutionCounts: string
  topGaps: string
  topOverlaps: string
  reviewSection: string
  /** `{decisions}` decisions on `{subjects}` subjects; `{changed}` results changed. */
  reviewCounts: string
  noReview: string
  readingScores: string
  scoreMeaning: string
  /** Evidence of a gap: `{standard}` best scored `{score}`, below `{partial}`. */
  evidenceBest: string
  evidenceNone: string
  /** How responsibility was found: `{basis}`, `{score}`. */
  evidenceResponsible: string
  /** Shares of terms: `{subject}` of the subject's, `{standard}` of the standard's. */
  shares: string
  /** A match the subject names: `cited as “{designation}”`. */
  citedAs: string
  /** Designations the catalogue does not hold: `cites {designations} (not in the catalogue)`. */
  citesMissing: string
  /** Column: why a standard is a match (cited, text, review) and its evidence. */
  basisColumn: string
  basisOf: {cited: string; text: string; review: string}
  evidence: string
  /** Heatmap cell for an SG with no standard in the top matches: below `{score}`. */
  heatmapBelow: string
  heatmapBelowTitle: string
  /** Marks an English text in a French report. */
  inEnglish: string
  review: {
    title: string
    intro: string
    addPlaceholder: string
    assign: string
    question: string
    reason: string
    by: string
    download: string
    pending: string
    needReason: string
    needSubject: string
    open: string
    record: string
    recorded: string
  }
}

/** Routing (computed) and its evidence; see analysis/routing.ts. */
export interface RoutingLabels {
  heading: string
  outcome: Record<RoutingOutcome, string>
  level: Record<ConfidenceLevel, string>
  /** "Y.4600, Y.4238 match" */
  match: string
  mandate: string
  listed: string
  runnersUp: string
  complement: string
  question: string
  toBeDecided: string
  reason: Record<QuestionReason, string>
  /** Computed routing, beside the reviewed one. */
  computedRouting: string
  reviewedRouting: string
}

const EN_ROUTING: RoutingLabels = {
  heading: 'Routing',
  outcome: {
    'itu-t': 'ITU-T study group',
    'other-body': 'another body leads',
    'outside-scope': 'outside ITU-T scope (no telecom/ICT standardization angle found)',
  },
  level: {high: 'high', medium: 'medium', low: 'low'},
  match: 'match',
  mandate: 'mandate',
  listed: 'named by the deliverable',
  runnersUp: 'runners-up',
  complement: 'ITU-T complement',
  question: 'Question',
  toBeDecided: 'to be decided',
  reason: {
    'list-incomplete':
      'the catalogue’s Question list for this SG is incomplete and none of its listed Questions matches well',
    'no-question-matches': 'none of this SG’s Questions matches well',
    'no-questions-listed': 'no Question of this SG is in the catalogue',
  },
  computedRouting: 'computed routing',
  reviewedRouting: 'reviewed routing',
}

const FR_ROUTING: RoutingLabels = {
  heading: 'Orientation',
  outcome: {
    'itu-t': 'commission d’études de l’UIT-T',
    'other-body': 'un autre organisme est en tête',
    'outside-scope': 'hors du champ de l’UIT-T (aucun angle de normalisation télécom/TIC trouvé)',
  },
  level: {high: 'élevée', medium: 'moyenne', low: 'faible'},
  match: 'correspondent',
  mandate: 'mandat',
  listed: 'citée par le livrable',
  runnersUp: 'autres candidates',
  complement: 'complément UIT-T',
  question: 'Question',
  toBeDecided: 'à décider',
  reason: {
    'list-incomplete':
      'la liste des Questions de cette CE dans le catalogue est incomplète et aucune Question listée ne correspond bien',
    'no-question-matches': 'aucune Question de cette CE ne correspond bien',
    'no-questions-listed': 'aucune Question de cette CE ne figure dans le catalogue',
  },
  computedRouting: 'orientation calculée',
  reviewedRouting: 'orientation examinée',
}

const EN: Labels = {
  lang: 'en',
  decimalSeparator: '.',

  reportTitle: 'Standardization gap analysis',
  reportSubtitle:
    'Coverage of subjects by ITU-T Recommendations and other standards (WTSA Res. 105 / Res. 103)',
  generatedOn: 'Date',
  scoringModel: 'Scoring model',
  thresholds: 'Thresholds',
  catalogueContents: 'Catalogue',

  sg: 'SG',
  studyGroup: 'Study group',
  studyGroups: 'Study groups',
  question: 'Question',
  questions: 'Questions',
  itut: 'ITU-T',

  subject: 'Subject',
  subjects: 'Subjects',
  deliverables: 'Deliverables',
  requirements: 'Requirements',
  standards: 'Standards',
  overlaps: 'Overlaps',
  gaps: 'Gaps',

  kind: {deliverable: 'Deliverable', requirement: 'Requirement'},
  kindPlural: {deliverable: 'FG-MV deliverables', requirement: 'DPI requirements'},
  coverage: {covered: 'covered', partial: 'partial', gap: 'gap'},
  coverageDescription: {
    covered:
      'best score ≥ {covered}: a standard shares most of the subject’s weighted terms; read it before relying on it',
    partial:
      'best score from {partial} to {covered}: standards share some of the subject’s terms and may cover part of it',
    gap: 'no standard in the catalogue scores {partial} or more: a candidate gap, not proof that no standard exists',
  },
  relationship: {
    equal: 'equal',
    'subset of': 'subset of',
    'superset of': 'superset of',
    'intersects with': 'intersects with',
  },
  overlapType: {
    coordination: 'Coordination',
    duplication: 'Duplication',
    deliverables: 'Overlapping deliverables',
  },
  overlapTypeDescription: {
    coordination: 'subject covered by standards of several study groups, or of ITU-T and another body',
    duplication: 'near-duplicate standards of different study groups or bodies',
    deliverables: 'FG-MV deliverables whose texts overlap',
  },
  overlapFlag: {
    multipleSgs: 'several SGs',
    otherBodies: 'other bodies',
    otherDeliverables: 'other deliverables',
  },
  basis: {'covering-standards': 'covering standards', mandate: 'mandate', assigned: 'assigned in review'},
  reviewMark: {accepted: 'accepted', rejected: 'rejected', added: 'added'},
  decisionAction: {accept: 'accept', reject: 'reject', add: 'add', assign: 'assign'},
  standardStatus: {'in-force': 'in force', 'under-study': 'under study', withdrawn: 'withdrawn'},

  reviewed: 'reviewed',
  computed: 'computed',
  assigned: 'assigned',
  routing: EN_ROUTING,
  result: 'result',
  notReviewed: 'not reviewed',

  columns: {
    id: 'ID',
    title: 'Title',
    kind: 'Kind',
    group: 'Group',
    coverage: 'Coverage',
    computed: 'Computed',
    score: 'Score',
    bestScore: 'Best score',
    relationship: 'Relationship',
    responsible: 'Responsible SG',
    overlaps: 'Overlaps',
    reviewed: 'Reviewed',
    rank: '#',
    standard: 'Standard',
    bestMatch: 'Best match',
    org: 'Body',
    sg: 'SG',
    status: 'Status',
    subjectCovered: 'Subject covered',
    standardCovered: 'Standard covered',
    sharedTerms: 'Shared terms',
    measured: 'Terms shared (measured)',
    review: 'Review',
    type: 'Type',
    between: 'Between',
    orgs: 'Bodies',
    standards: 'Standards',
    total: 'Total',
    action: 'Action',
    by: 'By',
    date: 'Date',
    reason: 'Reason',
    basis: 'Basis',
  },

  sections: {
    summary: 'Summary',
    bySg: 'Coverage by study group',
    heatmap: 'Subjects × study groups',
    subjects: 'Subjects and gaps',
    overlaps: 'Overlaps',
    method: 'Method',
  },

  bySgIntro:
    'Subjects each study group is responsible for: through covering standards, an assignment, or its mandate.',
  chartTitle: 'Coverage of subjects per study group',
  chartDescription: 'Stacked bars: covered, partial and gap subjects for each study group.',
  heatmapIntro:
    'Each cell shows the best score of the subject’s matches among the study group’s standards; a ring marks the study group responsible for the subject.',
  heatmapLegend: 'Best match score',
  heatmapResponsible: 'responsible study group',
  heatmapNoMatch: 'no matching standard',
  subjectsIntro: 'Expand a row to see its best matches and any reviewed decisions.',
  overlapsIntro: 'Possible overlaps that call for coordination between study groups or standards bodies.',
  methodText:
    'Scores compare the weighted terms of each subject with those of each standard. Reviewed decisions by rapporteurs override computed results and are shown apart from them.',

  filter: {
    text: 'Search',
    textPlaceholder: 'ID, title, term…',
    coverage: 'Coverage',
    sg: 'Study group',
    type: 'Type',
    all: 'All',
    reset: 'Reset',
    showing: 'Showing {shown} of {total}',
  },

  expand: 'Show matches',
  collapse: 'Hide matches',
  bestMatches: 'Best matches',
  noMatches: 'No matching standard.',
  decisions: 'Reviewed decisions',
  noDecisions: 'No reviewed decision.',
  computedResult: 'Computed result',
  reviewedResult: 'Reviewed result',
  responsibility: 'Responsibility',
  none: '—',
  yes: 'yes',
  no: 'no',
  noOverlaps: 'No overlap found.',
  noGaps: 'No gap.',
  noSubjects: 'No subject.',
  sortBy: 'Sort by',

  resolution: {
    deliverable: 'Res. 105 — FG-MV deliverables',
    requirement: 'Res. 103 — DPI requirements by building block',
  },
  scope: 'Scope',
  allStudyGroups: 'all study groups',
  catalogueHash: 'Content hash of the catalogue files (SHA-256)',
  standardsByBody: 'Standards per body',
  caveats: 'What the analysis rests on',
  caveatDeliverables:
    '{present} of the {total} FG-MV deliverables are in the catalogue; the others are not analysed.',
  caveatQuestions:
    'Question lists are incomplete: {questions} Questions are listed for {sgs} study groups (only Questions with a sourced title). A gap may fall under a Question not listed.',
  caveatStandards:
    'Standards are known by their titles and terms derived from their abstracts only, not their full texts.',
  resolutionCounts:
    '{total} subjects: {covered} covered, {partial} partial, {gap} gaps; {overlaps} overlaps; {reviewed} reviewed.',
  topGaps: 'Top gaps per study group',
  topOverlaps: 'Top overlaps per study group',
  reviewSection: 'What was reviewed',
  reviewCounts: '{decisions} reviewed decisions on {subjects} subjects; {changed} results changed by review.',
  noReview: 'No decision has been reviewed: every result is computed.',
  readingScores: 'How to read the scores',
  scoreMeaning:
    'A score (0 to 1) measures how much of the subject’s weighted vocabulary a standard’s title and terms share. It ranks candidates for a reader; it does not judge technical equivalence.',
  evidenceBest: 'best standard {standard} scores {score} (partial from {partial})',
  evidenceNone: 'no standard among the matches',
  evidenceResponsible: '{sgs} by {basis} ({score})',
  shares: '{subject} of the subject’s terms, {standard} of the standard’s',
  citedAs: 'cited as “{designation}”',
  citesMissing: 'cites {designations} (not in the catalogue)',
  basisColumn: 'Basis',
  basisOf: {cited: 'cited', text: 'text', review: 'review'},
  evidence: 'evidence',
  heatmapBelow: '< {score}',
  heatmapBelowTitle:
    'no standard of this study group among the subject’s top {top} matches: its best score here is below {score}',
  inEnglish: '',
  review: {
    title: 'Review',
    intro:
      'Accept or reject a match, add a standard or assign the subject to a study group, then download decisions.yaml and run the report again with it.',
    addPlaceholder: 'Standard ID',
    assign: 'Assign to',
    question: 'Question',
    reason: 'Reason',
    by: 'Reviewer',
    download: 'Download decisions.yaml',
    pending: '{count} new decisions',
    needReason: 'Give a reason and a reviewer first.',
    needSubject: 'Choose a subject (its Review button) and a standard or study group first.',
    open: 'Review this subject',
    record: 'Record decision',
    recorded: 'Recorded',
  },
}

const FR: Labels = {
  lang: 'fr',
  decimalSeparator: ',',

  reportTitle: 'Analyse des lacunes de normalisation',
  reportSubtitle:
    'Couverture des sujets par les Recommandations UIT-T et d’autres normes (Rés. 105 / Rés. 103 de l’AMNT)',
  generatedOn: 'Date',
  scoringModel: 'Modèle de score',
  thresholds: 'Seuils',
  catalogueContents: 'Catalogue',

  sg: 'CE',
  studyGroup: 'Commission d’études',
  studyGroups: 'Commissions d’études',
  question: 'Question',
  questions: 'Questions',
  itut: 'UIT-T',

  subject: 'Sujet',
  subjects: 'Sujets',
  deliverables: 'Livrables',
  requirements: 'Exigences',
  standards: 'Normes',
  overlaps: 'Chevauchements',
  gaps: 'Lacunes',

  kind: {deliverable: 'Livrable', requirement: 'Exigence'},
  kindPlural: {deliverable: 'Livrables du FG-MV', requirement: 'Exigences DPI'},
  coverage: {covered: 'couvert', partial: 'partiel', gap: 'lacune'},
  coverageDescription: {
    covered:
      'meilleur score ≥ {covered} : une norme partage l’essentiel des termes pondérés du sujet ; la lire avant de s’y fier',
    partial:
      'meilleur score de {partial} à {covered} : des normes partagent une partie des termes du sujet et peuvent en couvrir une partie',
    gap: 'aucune norme du catalogue n’atteint {partial} : une lacune possible, non la preuve qu’aucune norme n’existe',
  },
  relationship: {
    equal: 'égal à',
    'subset of': 'sous-ensemble de',
    'superset of': 'sur-ensemble de',
    'intersects with': 'recoupe',
  },
  overlapType: {
    coordination: 'Coordination',
    duplication: 'Double emploi',
    deliverables: 'Livrables qui se chevauchent',
  },
  overlapTypeDescription: {
    coordination:
      'sujet couvert par des normes de plusieurs commissions d’études, ou de l’UIT-T et d’un autre organisme',
    duplication: 'normes quasi identiques de commissions d’études ou d’organismes différents',
    deliverables: 'livrables du FG-MV dont les textes se chevauchent',
  },
  overlapFlag: {
    multipleSgs: 'plusieurs CE',
    otherBodies: 'autres organismes',
    otherDeliverables: 'autres livrables',
  },
  basis: {'covering-standards': 'normes couvrantes', mandate: 'mandat', assigned: 'attribué après examen'},
  reviewMark: {accepted: 'accepté', rejected: 'rejeté', added: 'ajouté'},
  decisionAction: {accept: 'accepter', reject: 'rejeter', add: 'ajouter', assign: 'attribuer'},
  standardStatus: {'in-force': 'en vigueur', 'under-study': 'à l’étude', withdrawn: 'supprimée'},

  reviewed: 'examiné',
  computed: 'calculé',
  routing: FR_ROUTING,
  assigned: 'attribué',
  result: 'résultat',
  notReviewed: 'non examiné',

  columns: {
    id: 'ID',
    title: 'Titre',
    kind: 'Type de sujet',
    group: 'Groupe',
    coverage: 'Couverture',
    computed: 'Calculé',
    score: 'Score',
    bestScore: 'Meilleur score',
    relationship: 'Relation',
    responsible: 'CE responsable',
    overlaps: 'Chevauchements',
    reviewed: 'Examiné',
    rank: 'N°',
    standard: 'Norme',
    bestMatch: 'Meilleure correspondance',
    org: 'Organisme',
    sg: 'CE',
    status: 'Statut',
    subjectCovered: 'Sujet couvert',
    standardCovered: 'Norme couverte',
    sharedTerms: 'Termes communs',
    measured: 'Termes partagés (mesurés)',
    review: 'Examen',
    type: 'Type',
    between: 'Entre',
    orgs: 'Organismes',
    standards: 'Normes',
    total: 'Total',
    action: 'Action',
    by: 'Par',
    date: 'Date',
    reason: 'Motif',
    basis: 'Fondement',
  },

  sections: {
    summary: 'Résumé',
    bySg: 'Couverture par commission d’études',
    heatmap: 'Sujets × commissions d’études',
    subjects: 'Sujets et lacunes',
    overlaps: 'Chevauchements',
    method: 'Méthode',
  },

  bySgIntro:
    'Sujets dont chaque commission d’études est responsable : par des normes couvrantes, une attribution ou son mandat.',
  chartTitle: 'Couverture des sujets par commission d’études',
  chartDescription: 'Barres empilées : sujets couverts, partiels et lacunes pour chaque commission d’études.',
  heatmapIntro:
    'Chaque case indique le meilleur score des correspondances du sujet parmi les normes de la commission d’études ; un anneau marque la commission d’études responsable du sujet.',
  heatmapLegend: 'Meilleur score de correspondance',
  heatmapResponsible: 'commission d’études responsable',
  heatmapNoMatch: 'aucune norme correspondante',
  subjectsIntro: 'Déployez une ligne pour voir ses meilleures correspondances et les décisions examinées.',
  overlapsIntro:
    'Chevauchements possibles qui appellent une coordination entre commissions d’études ou organismes de normalisation.',
  methodText:
    'Les scores comparent les termes pondérés de chaque sujet à ceux de chaque norme. Les décisions examinées par les rapporteurs priment sur les résultats calculés et sont présentées séparément.',

  filter: {
    text: 'Rechercher',
    textPlaceholder: 'ID, titre, terme…',
    coverage: 'Couverture',
    sg: 'Commission d’études',
    type: 'Type',
    all: 'Tous',
    reset: 'Réinitialiser',
    showing: '{shown} sur {total} affichés',
  },

  expand: 'Afficher les correspondances',
  collapse: 'Masquer les correspondances',
  bestMatches: 'Meilleures correspondances',
  noMatches: 'Aucune norme correspondante.',
  decisions: 'Décisions examinées',
  noDecisions: 'Aucune décision examinée.',
  computedResult: 'Résultat calculé',
  reviewedResult: 'Résultat examiné',
  responsibility: 'Responsabilité',
  none: '—',
  yes: 'oui',
  no: 'non',
  noOverlaps: 'Aucun chevauchement trouvé.',
  noGaps: 'Aucune lacune.',
  noSubjects: 'Aucun sujet.',
  sortBy: 'Trier par',

  resolution: {
    deliverable: 'Rés. 105 — livrables du FG-MV',
    requirement: 'Rés. 103 — exigences DPI par composant',
  },
  scope: 'Portée',
  allStudyGroups: 'toutes les commissions d’études',
  catalogueHash: 'Empreinte du contenu des fichiers du catalogue (SHA-256)',
  standardsByBody: 'Normes par organisme',
  caveats: 'Sur quoi repose l’analyse',
  caveatDeliverables:
    '{present} des {total} livrables du FG-MV figurent au catalogue ; les autres ne sont pas analysés.',
  caveatQuestions:
    'Les listes de Questions sont incomplètes : {questions} Questions sont listées pour {sgs} commissions d’études (seules celles dont le titre est sourcé). Une lacune peut relever d’une Question non listée.',
  caveatStandards:
    'Les normes ne sont connues que par leur titre et des termes tirés de leur résumé, non par leur texte intégral.',
  resolutionCounts:
    '{total} sujets : {covered} couverts, {partial} partiels, {gap} lacunes ; {overlaps} chevauchements ; {reviewed} examinés.',
  topGaps: 'Principales lacunes par commission d’études',
  topOverlaps: 'Principaux chevauchements par commission d’études',
  reviewSection: 'Ce qui a été examiné',
  reviewCounts:
    '{decisions} décisions examinées sur {subjects} sujets ; {changed} résultats modifiés par l’examen.',
  noReview: 'Aucune décision examinée : tous les résultats sont calculés.',
  readingScores: 'Lire les scores',
  scoreMeaning:
    'Un score (de 0 à 1) mesure la part du vocabulaire pondéré du sujet que partagent le titre et les termes d’une norme. Il classe des candidats pour un lecteur ; il ne juge pas d’une équivalence technique.',
  evidenceBest: 'meilleure norme {standard}, score {score} (partiel dès {partial})',
  evidenceNone: 'aucune norme parmi les correspondances',
  evidenceResponsible: '{sgs} par {basis} ({score})',
  shares: '{subject} des termes du sujet, {standard} de ceux de la norme',
  citedAs: 'citée comme « {designation} »',
  citesMissing: 'cite {designations} (absent du catalogue)',
  basisColumn: 'Fondement',
  basisOf: {cited: 'citée', text: 'texte', review: 'examen'},
  evidence: 'indices',
  heatmapBelow: '< {score}',
  heatmapBelowTitle:
    'aucune norme de cette commission d’études parmi les {top} meilleures correspondances du sujet : son meilleur score ici est inférieur à {score}',
  inEnglish: '(en anglais)',
  review: {
    title: 'Examen',
    intro:
      'Acceptez ou rejetez une correspondance, ajoutez une norme ou attribuez le sujet à une commission d’études, puis téléchargez decisions.yaml et relancez le rapport avec ce fichier.',
    addPlaceholder: 'ID de la norme',
    assign: 'Attribuer à',
    question: 'Question',
    reason: 'Motif',
    by: 'Examinateur',
    download: 'Télécharger decisions.yaml',
    pending: '{count} nouvelles décisions',
    needReason: 'Indiquez d’abord un motif et un examinateur.',
    needSubject: 'Choisissez d’abord un sujet (son bouton Examiner) et une norme ou une commission d’études.',
    open: 'Examiner ce sujet',
    record: 'Enregistrer la décision',
    recorded: 'Enregistré',
  },
}

/** Every string of a label tree passed through `fix` (objects and records alike). */
function mapStrings<T>(value: T, fix: (text: string) => string): T {
  if (typeof value === 'string') return fix(value) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fix)])) as T
}

const LABELS: Record<Lang, Labels> = {en: EN, fr: mapStrings(FR, frenchTypography)}

/** The UI strings of a language. The object is shared: do not modify it. */
export function labels(lang: Lang): Labels {
  return LABELS[lang]
}
