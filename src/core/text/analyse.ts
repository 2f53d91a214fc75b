/**
 * The text pipeline: fields → weighted terms. Per field: tokenise and fold, find glossary
 * concepts, drop stop words, stem in the text's language, add bigrams of adjacent stems.
 * Each term's weight is the sum of the weights of the fields it occurs in.
 */
import {availableParallelism} from 'node:os'
import {BackgroundScanner} from './background-scan.js'
import {
  CONCEPT_PREFIX,
  findConcepts,
  glossaryStem,
  glossaryToken,
  type Glossary,
  type GlossaryToken,
} from './glossary.js'
import {languageMarker, languageOfWords, type Language} from './language.js'
import {foldText} from './normalise.js'
import {isStopWord} from './stopwords.js'
import {TokenTable} from './token-table.js'
import {Vocabulary, type TermId, type TermWeights} from './vocabulary.js'

export interface FieldWeights {
  title: number
  keywords: number
  body: number
  /** Terms derived from a text the catalogue does not ship (a standard's abstract), as a bag of words. */
  terms: number
}

export interface AnalyserOptions {
  weights: FieldWeights
  bigrams: boolean
  glossary?: Glossary
}

export const DEFAULT_WEIGHTS: FieldWeights = {title: 3, keywords: 1, body: 1, terms: 1}

export interface TextFields {
  title: string
  /** Numbers or codes that name the text (a standard's `ISO 20022-1`), weighted like the title. */
  identifiers?: string[]
  keywords?: string[]
  /** Derived terms: an unordered bag of words (no bigrams are formed between them). */
  terms?: string[]
  body?: string
}

export interface AnalysedText {
  language: Language
  /** Term id (in the analyser's vocabulary) → weighted count. */
  terms: TermWeights
}

/** Entries per chunk handed to a BackgroundScanner, and chunks kept in its hands at a time. */
const CHUNK_ENTRIES = 256
const CHUNKS_AHEAD = 8
/**
 * Characters in a batch from which the second thread pays. Two busy threads slow each other
 * down (on a 2-vCPU machine each ran ~1.4× slower), and a new worker is cold (30–50 ms before
 * its first answer), so it pays on much text: the real job's 30 M characters of abstracts
 * analyse in ~1.3 s instead of ~1.9 s, data/'s 5.7 M characters of titles and keywords about
 * as fast either way, but 3 M characters of short synthetic subjects took ~210 ms, not ~165 ms.
 */
export const SCAN_AHEAD_MIN_CHARS = 4_000_000

/** An entry's texts in the order `weigh` takes them: title, identifiers, keywords, terms, body. */
function textsOf(fields: TextFields): string[] {
  return [
    fields.title,
    ...(fields.identifiers ?? []),
    ...(fields.keywords ?? []),
    ...(fields.terms ?? []),
    fields.body ?? '',
  ]
}

/** How many texts `textsOf` gives, without building them. */
function pieceCount(fields: TextFields): number {
  return 2 + (fields.identifiers?.length ?? 0) + (fields.keywords?.length ?? 0) + (fields.terms?.length ?? 0)
}

function worthScanningAhead(batch: readonly TextFields[]): boolean {
  if (availableParallelism() < 2) return false
  let chars = 0
  for (const fields of batch) {
    chars += fields.title.length + (fields.body?.length ?? 0)
    if (chars >= SCAN_AHEAD_MIN_CHARS) return true
  }
  return false
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
    const pieces = textsOf(fields).map((text) => this.tokens.scan(foldText(text)))
    return this.weigh(fields, pieces, withLabels, language)
  }

  /**
   * Analyses a batch, yielding exactly what `analyse` would for each entry in turn. Reading the
   * characters is up to half the work; for a large batch a second thread does it a few chunks
   * ahead (see BackgroundScanner) while this one weighs the tokens. Term ids and labels are still
   * handed out here, in batch order, so they — and any index built from them — are the same.
   * `scanner`: a new scanner to use whatever the batch's size (tests pass one that waits for
   * each chunk); by default one is started, and closed, for a large batch only.
   */
  *analyseMany(
    batch: readonly TextFields[],
    withLabels = false,
    scanner?: BackgroundScanner,
  ): Generator<AnalysedText> {
    const started = scanner === undefined && worthScanningAhead(batch) ? new BackgroundScanner() : undefined
    const ahead = scanner ?? started
    if (ahead === undefined) {
      for (const fields of batch) yield this.analyse(fields, withLabels)
      return
    }
    // The worker's token ids → this analyser's entries, looked up once per distinct token.
    const entries: TokenInfo[] = []
    const entryOf = (id: number) => (entries[id] ??= this.tokens.lookup(ahead.token(id)))
    const chunks = Math.ceil(batch.length / CHUNK_ENTRIES)
    const chunk = (c: number) => batch.slice(c * CHUNK_ENTRIES, (c + 1) * CHUNK_ENTRIES)
    const submit = (c: number) => {
      if (c < chunks) ahead.submit(c, chunk(c).flatMap(textsOf))
    }
    try {
      for (let c = 0; c < CHUNKS_AHEAD; c++) submit(c)
      for (let c = 0; c < chunks; c++) {
        submit(c + CHUNKS_AHEAD)
        const scanned = ahead.take(c)
        if (scanned === undefined) {
          for (const fields of chunk(c)) yield this.analyse(fields, withLabels)
          continue
        }
        let text = 0
        for (const fields of chunk(c)) {
          const pieces: TokenInfo[][] = []
          for (let n = pieceCount(fields); n > 0; n--, text++) {
            const piece: TokenInfo[] = []
            for (let at = text === 0 ? 0 : scanned.ends[text - 1]; at < scanned.ends[text]; at++)
              piece.push(entryOf(scanned.tokens[at]))
            pieces.push(piece)
          }
          yield this.weigh(fields, pieces, withLabels)
        }
      }
    } finally {
      started?.close()
    }
  }

  /**
   * A title's terms as a reader states them in any language: a glossary term counts as its
   * concept only, not also as its words, so "présentation générale de l'Internet des objets"
   * states all of "Overview of the Internet of things" (title coverage, see Matcher).
   */
  analyseTitle(title: string): TermWeights {
    const pieces = [this.tokens.scan(foldText(title))]
    const terms: TermWeights = new Map()
    const language = languageOfWords(pieces, title, '')
    this.addField(terms, pieces[0], 1, language, false, true)
    return terms
  }

  /** Weighs an entry's scanned texts (in `textsOf` order) into terms. */
  private weigh(
    fields: TextFields,
    pieces: TokenInfo[][],
    withLabels: boolean,
    language?: Language,
  ): AnalysedText {
    const title = pieces[0]
    const body = pieces[pieces.length - 1]
    const lang = language ?? languageOfWords([title, body], fields.title, fields.body ?? '')
    const terms: TermWeights = new Map()
    const {weights} = this.options
    const identifiers = fields.identifiers?.length ?? 0
    const keywords = fields.keywords?.length ?? 0
    const derived = fields.terms?.length ?? 0
    this.addField(terms, title, weights.title, lang, withLabels)
    for (let i = 1; i <= identifiers; i++) this.addField(terms, pieces[i], weights.title, lang, withLabels)
    // Each keyword, and each derived term, is its own phrase: no bigram spans two of them.
    for (let i = identifiers + 1; i <= identifiers + keywords; i++)
      this.addField(terms, pieces[i], weights.keywords, lang, withLabels)
    for (let i = identifiers + keywords + 1; i <= identifiers + keywords + derived; i++)
      this.addField(terms, pieces[i], weights.terms, lang, withLabels)
    this.addField(terms, body, weights.body, lang, withLabels)
    return {language: lang, terms}
  }

  /** Whether a term is a glossary concept (rather than a word or bigram). */
  isConcept(term: TermId): boolean {
    return this.conceptLabels.has(term)
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
      term = this.vocabulary.word(glossaryStem(this.options.glossary, info.token, language))
      if (french) info.fr = term
      else info.en = term
    }
    return term
  }

  private addField(
    terms: TermWeights,
    infos: TokenInfo[],
    weight: number,
    language: Language,
    withLabels: boolean,
    conceptsOnly = false,
  ): void {
    if (weight <= 0 || infos.length === 0) return
    const add = (term: TermId) => terms.set(term, (terms.get(term) ?? 0) + weight)
    // A glossary term adds its concept beside its words (measured: replacing the words lost
    // stem matches — "managing devices" no longer met "device management" — and cost paraphrase
    // recall@1 0.69 → 0.63 in English, 0.80 → 0.71 in French on the dev set).
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
      if (conceptsOnly) {
        while (span < spans.length && spans[span].end <= i) span++
        if (span < spans.length && spans[span].start <= i) continue
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
