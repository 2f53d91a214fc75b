/**
 * The text pipeline: fields → weighted terms. Per field: tokenise and fold, find glossary
 * concepts, drop stop words, stem in the text's language, add bigrams of adjacent stems.
 * Each term's weight is the sum of the weights of the fields it occurs in.
 */
import {CONCEPT_PREFIX, findConcepts, glossaryToken, type Glossary, type GlossaryToken} from './glossary.js'
import {languageMarker, languageOfWords, type Language} from './language.js'
import {foldText} from './normalise.js'
import {stem} from './stem.js'
import {isStopWord} from './stopwords.js'
import {TokenTable} from './token-table.js'
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

/** A term id that stands for a stop word (no term). */
const STOP = -1
/** Not stemmed in that language yet. */
const UNSEEN = -2

/**
 * What the analyser knows of a distinct folded token, worked out once: whether it marks a
 * language, how the glossary sees it, and its term in each language (or STOP).
 */
interface TokenInfo extends GlossaryToken {
  token: string
  marker: Language | undefined
  en: TermId
  fr: TermId
}

export class Analyser {
  /** Ids of every term this analyser has produced; indexes and queries share them. */
  readonly vocabulary = new Vocabulary()
  /** A readable form of each term (the first surface words seen), for explanations. */
  private readonly labels = new Map<TermId, string>()
  private readonly conceptLabels = new Map<TermId, string>()
  /**
   * Folded token → what it stands for. A corpus repeats a small vocabulary, so each distinct
   * token is classified, checked against the stop words and stemmed once, and a text's tokens
   * cost one lookup each.
   */
  private readonly tokens = new TokenTable<TokenInfo>((token) => {
    const stop = isStopWord(token)
    const {light, starts} = glossaryToken(this.options.glossary, token)
    // One object shape for every token (no spread): the hot loops read these fields millions of times.
    return {
      token,
      marker: languageMarker(token),
      light,
      starts,
      en: stop ? STOP : UNSEEN,
      fr: stop ? STOP : UNSEEN,
    }
  })

  constructor(readonly options: AnalyserOptions) {
    for (const concept of options.glossary?.concepts ?? []) {
      const id = this.vocabulary.word(CONCEPT_PREFIX + concept.id)
      this.conceptLabels.set(id, concept.en[0] ?? concept.fr[0] ?? concept.id)
    }
  }

  /**
   * Analyses one entry's fields. `withLabels` records readable forms of the terms; explanations
   * only show terms a query shares with a document, so only queries need it (it costs time).
   */
  analyse(fields: TextFields, withLabels = false, language?: Language): AnalysedText {
    const title = this.tokens.scan(foldText(fields.title))
    const body = fields.body ? this.tokens.scan(foldText(fields.body)) : []
    const lang = language ?? languageOfWords([title, body], fields.title, fields.body ?? '')
    const terms: TermWeights = new Map()
    const {weights} = this.options
    this.addField(terms, title, weights.title, lang, withLabels)
    for (const id of fields.identifiers ?? []) this.addPhrase(terms, id, weights.title, lang, withLabels)
    // Each keyword is its own phrase: no bigram spans two keywords.
    for (const keyword of fields.keywords ?? [])
      this.addPhrase(terms, keyword, weights.keywords, lang, withLabels)
    this.addField(terms, body, weights.body, lang, withLabels)
    return {language: lang, terms}
  }

  /** The readable label of a term. */
  label(term: TermId): string {
    return this.conceptLabels.get(term) ?? this.labels.get(term) ?? this.vocabulary.text(term)
  }

  /** The term a token stands for in a language, or STOP. */
  private termOf(info: TokenInfo, language: Language): TermId {
    // Named fields, not info[language]: this runs for every token, and a keyed access is slower.
    const french = language === 'fr'
    let term = french ? info.fr : info.en
    if (term === UNSEEN) {
      term = this.vocabulary.word(stem(info.token, language))
      if (french) info.fr = term
      else info.en = term
    }
    return term
  }

  private addPhrase(
    terms: TermWeights,
    text: string,
    weight: number,
    language: Language,
    withLabels: boolean,
  ): void {
    this.addField(terms, this.tokens.scan(foldText(text)), weight, language, withLabels)
  }

  private addField(
    terms: TermWeights,
    infos: TokenInfo[],
    weight: number,
    language: Language,
    withLabels: boolean,
  ): void {
    if (weight <= 0 || infos.length === 0) return
    const add = (term: TermId) => terms.set(term, (terms.get(term) ?? 0) + weight)
    // Words inside a glossary term count once, as the concept, not again as words and bigrams:
    // otherwise a long term ("information and communication technology") outweighs the rest.
    const spans = findConcepts(infos)
    for (let s = 0; s < spans.length; s++) {
      const span = spans[s]
      const last = spans[s - 1]
      // "Internet of things (IoT)": a term followed by its own acronym is one mention.
      if (!(last && last.concept === span.concept && last.end === span.start))
        add(this.vocabulary.word(CONCEPT_PREFIX + span.concept))
    }
    const bigrams = this.options.bigrams
    let previous = STOP
    let previousWord = ''
    let span = 0
    for (let i = 0; i < infos.length; i++) {
      while (span < spans.length && spans[span].end <= i) span++
      if (span < spans.length && spans[span].start <= i) {
        previous = STOP
        continue
      }
      const info = infos[i]
      const token = info.token
      const term = this.termOf(info, language)
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
