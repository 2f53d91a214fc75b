/**
 * The text pipeline: fields → weighted terms. Per field: tokenise and fold, find glossary
 * concepts, drop stop words, stem in the text's language, add bigrams of adjacent stems.
 * Each term's weight is the sum of the weights of the fields it occurs in.
 */
import {CONCEPT_PREFIX, findConcepts, type ConceptSpan, type Glossary} from './glossary.js'
import {detectLanguageOfTokens, type Language} from './language.js'
import {lightForm, tokenise} from './normalise.js'
import {stem} from './stem.js'
import {isStopWord} from './stopwords.js'
import {Vocabulary, type TermId, type TermWeights} from './vocabulary.js'

export interface FieldWeights {
  title: number
  keywords: number
  body: number
}

export interface AnalyserOptions {
  weights: FieldWeights
  bigrams: boolean
  glossary?: Glossary
}

export const DEFAULT_WEIGHTS: FieldWeights = {title: 3, keywords: 1, body: 1}

export interface TextFields {
  title: string
  /** Numbers or codes that name the text (a standard's `ISO 20022-1`), weighted like the title. */
  identifiers?: string[]
  keywords?: string[]
  body?: string
}

export interface AnalysedText {
  language: Language
  /** Term id (in the analyser's vocabulary) → weighted count. */
  terms: TermWeights
}

/** What a folded token stands for in one language: a term id, or STOP for a stop word. */
const STOP = -1

export class Analyser {
  /** Ids of every term this analyser has produced; indexes and queries share them. */
  readonly vocabulary: Vocabulary
  /** A readable form of each term (the first surface words seen), for explanations. */
  private readonly labels = new Map<TermId, string>()
  private readonly conceptLabels = new Map<TermId, string>()
  /**
   * Folded token → term id (or STOP), per language: a corpus repeats a small vocabulary, so
   * each distinct token is checked against the stop words and stemmed once.
   */
  private readonly tokenTerms: Record<Language, Map<string, TermId>> = {en: new Map(), fr: new Map()}

  constructor(
    readonly options: AnalyserOptions,
    vocabulary = new Vocabulary(),
  ) {
    this.vocabulary = vocabulary
    for (const concept of options.glossary?.concepts ?? []) {
      const id = vocabulary.word(CONCEPT_PREFIX + concept.id)
      this.conceptLabels.set(id, concept.en[0] ?? concept.fr[0] ?? concept.id)
    }
  }

  /**
   * Analyses one entry's fields. `withLabels` records readable forms of the terms; explanations
   * only show terms a query shares with a document, so only queries need it (it costs time).
   */
  analyse(fields: TextFields, withLabels = false, language?: Language): AnalysedText {
    const titleTokens = tokenise(fields.title)
    const bodyTokens = fields.body ? tokenise(fields.body) : []
    const lang =
      language ??
      detectLanguageOfTokens(titleTokens.concat(bodyTokens), `${fields.title} ${fields.body ?? ''}`)
    const terms: TermWeights = new Map()
    const {weights} = this.options
    this.addField(terms, titleTokens, weights.title, lang, withLabels)
    for (const id of fields.identifiers ?? [])
      this.addField(terms, tokenise(id), weights.title, lang, withLabels)
    // Each keyword is its own phrase: no bigram spans two keywords.
    for (const keyword of fields.keywords ?? [])
      this.addField(terms, tokenise(keyword), weights.keywords, lang, withLabels)
    if (bodyTokens.length > 0) this.addField(terms, bodyTokens, weights.body, lang, withLabels)
    return {language: lang, terms}
  }

  /** The readable label of a term. */
  label(term: TermId): string {
    return this.conceptLabels.get(term) ?? this.labels.get(term) ?? this.vocabulary.text(term)
  }

  /** The term a folded token stands for in a language, or STOP. */
  private termOf(token: string, language: Language): TermId {
    const known = this.tokenTerms[language]
    let term = known.get(token)
    if (term === undefined) {
      term = isStopWord(token) ? STOP : this.vocabulary.word(stem(token, language))
      // Bounded, for a process that analyses an endless stream of new tokens.
      if (known.size < 500_000) known.set(token, term)
    }
    return term
  }

  private addField(
    terms: TermWeights,
    tokens: string[],
    weight: number,
    language: Language,
    withLabels: boolean,
  ): void {
    if (weight <= 0 || tokens.length === 0) return
    const add = (term: TermId) => terms.set(term, (terms.get(term) ?? 0) + weight)
    // Words inside a glossary term count once, as the concept, not again as words and bigrams:
    // otherwise a long term ("information and communication technology") outweighs the rest.
    const inConcept = new Uint8Array(tokens.length)
    if (this.options.glossary) {
      let last: ConceptSpan | undefined
      for (const span of findConcepts(this.options.glossary, tokens.map(lightForm))) {
        // "Internet of things (IoT)": a term followed by its own acronym is one mention.
        if (!(last && last.concept === span.concept && last.end === span.start))
          add(this.vocabulary.word(CONCEPT_PREFIX + span.concept))
        inConcept.fill(1, span.start, span.end)
        last = span
      }
    }
    const bigrams = this.options.bigrams
    let previous = STOP
    let previousWord = ''
    for (let i = 0; i < tokens.length; i++) {
      if (inConcept[i]) {
        previous = STOP
        continue
      }
      const token = tokens[i]
      const term = this.termOf(token, language)
      if (term === STOP) continue
      if (withLabels && !this.labels.has(term)) this.labels.set(term, token)
      add(term)
      if (bigrams && previous !== STOP) {
        const bigram = this.vocabulary.bigram(previous, term)
        if (withLabels && !this.labels.has(bigram)) this.labels.set(bigram, `${previousWord} ${token}`)
        add(bigram)
      }
      previous = term
      previousWord = token
    }
  }
}
