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
  /** Term → weighted count. */
  terms: Map<string, number>
}

export const BIGRAM_JOINER = '_'

export class Analyser {
  /** A readable form of each term (the first surface words seen), for explanations. */
  readonly labels = new Map<string, string>()
  private readonly conceptLabels = new Map<string, string>()

  constructor(readonly options: AnalyserOptions) {
    for (const concept of options.glossary?.concepts ?? []) {
      this.conceptLabels.set(CONCEPT_PREFIX + concept.id, concept.en[0] ?? concept.fr[0] ?? concept.id)
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
    const terms = new Map<string, number>()
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
  label(term: string): string {
    return this.conceptLabels.get(term) ?? this.labels.get(term) ?? term
  }

  private addField(
    terms: Map<string, number>,
    tokens: string[],
    weight: number,
    language: Language,
    withLabels: boolean,
  ): void {
    if (weight <= 0 || tokens.length === 0) return
    const add = (term: string) => terms.set(term, (terms.get(term) ?? 0) + weight)
    // Words inside a glossary term count once, as the concept, not again as words and bigrams:
    // otherwise a long term ("information and communication technology") outweighs the rest.
    const inConcept = new Uint8Array(tokens.length)
    if (this.options.glossary) {
      let last: ConceptSpan | undefined
      for (const span of findConcepts(this.options.glossary, tokens.map(lightForm))) {
        // "Internet of things (IoT)": a term followed by its own acronym is one mention.
        if (!(last && last.concept === span.concept && last.end === span.start))
          add(CONCEPT_PREFIX + span.concept)
        inConcept.fill(1, span.start, span.end)
        last = span
      }
    }
    let previous: string | undefined
    let previousWord: string | undefined
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]
      if (inConcept[i]) {
        previous = undefined
        continue
      }
      if (isStopWord(token)) continue
      const stemmed = stem(token, language)
      if (withLabels && !this.labels.has(stemmed)) this.labels.set(stemmed, token)
      add(stemmed)
      if (this.options.bigrams && previous !== undefined) {
        const bigram = previous + BIGRAM_JOINER + stemmed
        if (withLabels && !this.labels.has(bigram)) this.labels.set(bigram, `${previousWord} ${token}`)
        add(bigram)
      }
      previous = stemmed
      previousWord = token
    }
  }
}
