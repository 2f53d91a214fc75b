/**
 * Derived terms: what a standard's abstract is about, kept as an unordered bag of words so that
 * no sentence of the abstract can be read back (the bodies' prose is not ours to ship).
 *
 * Rule, per standard with an abstract:
 * - the abstract's words (markup removed, folded and split as the matcher splits text), without
 *   stop words (the matcher's list and the key-term boilerplate list), numbers, ordinals, one-letter
 *   and over-long tokens, and without the words of the title (compared in their light form, so
 *   "services" goes when the title says "service"): the title is indexed already;
 * - a word that more than a fifth of the batch's abstracts use (one body's file, when it has at
 *   least 50 abstracts) is that body's boilerplate ("internet", "community" in RFCs) and goes;
 * - if more than `max` (48) remain, the most distinctive are kept: by occurrences in the abstract
 *   × log((N + 1) / df), where df is the number of abstracts in the batch that use the word and N
 *   the number of abstracts; ties by the word itself;
 * - written unique and sorted (code-unit order), never in the abstract's order; where an abstract
 *   lists words alphabetically, words are dropped until no 8 of its tokens read in a row.
 */
import {lightForm, tokenise} from '../text/normalise.js'
import {isStopWord} from '../text/stopwords.js'
import {plainAbstract} from './abstract-text.js'
import {isKeyTermStopWord} from './key-terms.js'

export const MAX_DERIVED_TERMS = 48

const BOILERPLATE_SHARE = 0.2
const MIN_BOILERPLATE_BATCH = 50

export interface DerivedTermSource {
  title: string
  abstract?: string
}

/** Derived terms for each source, in the sources' order (an empty list when there is no abstract). */
export function deriveTerms(sources: readonly DerivedTermSource[], max = MAX_DERIVED_TERMS): string[][] {
  const texts = sources.map((s) => (s.abstract ? tokenise(plainAbstract(s.abstract)) : []))
  const bags = texts.map((tokens, i) => contentWords(tokens, sources[i].title))
  const df = new Map<string, number>()
  for (const bag of bags) for (const word of bag.keys()) df.set(word, (df.get(word) ?? 0) + 1)
  const documents = bags.filter((b) => b.size > 0).length
  const boilerplate = documents >= MIN_BOILERPLATE_BATCH ? documents * BOILERPLATE_SHARE : Infinity
  return bags.map((bag, i) => {
    const words = [...bag.keys()].filter((w) => (df.get(w) ?? 0) <= boilerplate)
    if (words.length > max) {
      const score = (word: string) => (bag.get(word) ?? 0) * Math.log((documents + 1) / (df.get(word) ?? 1))
      const scores = new Map(words.map((w) => [w, score(w)]))
      words.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a < b ? -1 : 1))
      words.length = max
    }
    return withoutReadableRuns(words.sort(), texts[i])
  })
}

/** The longest run of an abstract's tokens that may read, in order, in its sorted bag (the provenance rule: no 8). */
const MAX_RUN = 7

/**
 * Drops words until no run of more than `MAX_RUN` of the abstract's tokens reads in the sorted bag:
 * an abstract that lists words in alphabetical order ("Dutch, English, French, German…", "13a,
 * 13b, 13c…") would otherwise come back whole. The word cut is one in the middle of the run.
 */
function withoutReadableRuns(terms: string[], tokens: readonly string[]): string[] {
  let out = terms
  for (;;) {
    const index = new Map(out.map((t, i) => [t, i]))
    let run = 1
    let cut: string | undefined
    for (let i = 1; i < tokens.length && cut === undefined; i++) {
      const previous = index.get(tokens[i - 1])
      run = previous !== undefined && index.get(tokens[i]) === previous + 1 ? run + 1 : 1
      if (run > MAX_RUN) cut = tokens[i - Math.floor(MAX_RUN / 2)]
    }
    if (cut === undefined) return out
    out = out.filter((t) => t !== cut)
  }
}

/** The content words among an abstract's tokens, with their counts, the title's words left out. */
function contentWords(tokens: readonly string[], title: string): Map<string, number> {
  const counts = new Map<string, number>()
  if (tokens.length === 0) return counts
  const titleForms = new Set(tokenise(title).map(lightForm))
  for (const token of tokens) {
    if (!isDerivedWord(token) || titleForms.has(lightForm(token))) continue
    counts.set(token, (counts.get(token) ?? 0) + 1)
  }
  return counts
}

function isDerivedWord(token: string): boolean {
  if (token.length > 30 || isStopWord(token) || isKeyTermStopWord(token)) return false
  if (!/[a-z]/.test(token) || /^\d+(st|nd|rd|th)$/.test(token)) return false
  // Codes with three digits or more are document and work-item references ("stf279", "en300718").
  if (/\d.*\d.*\d/.test(token)) return false
  // Two characters only as a digit and a letter ("5g", "3d"); other short tokens are noise.
  return token.length >= 3 || /^(\d[a-z]|[a-z]\d)$/.test(token)
}
