/**
 * Derived terms: what a standard's abstract is about, kept as an unordered bag of words so that
 * no sentence of the abstract can be read back (the bodies' prose is not ours to ship).
 *
 * Rule, per standard with an abstract:
 * - the abstract's words (markup removed, folded and split as the matcher splits text), without
 *   stop words (the matcher's list and the key-term boilerplate list), numbers, ordinals, one-letter
 *   and over-long tokens, and without the words of the title (compared in their light form, so
 *   "services" goes when the title says "service"): the title is indexed already;
 * - if more than `max` (48) remain, the most distinctive are kept: by occurrences in the abstract
 *   × log((N + 1) / df), where df is the number of abstracts in the same batch (one body's file)
 *   that use the word and N the number of abstracts; ties by the word itself;
 * - written unique and sorted (code-unit order), never in the abstract's order.
 */
import {lightForm, tokenise} from '../text/normalise.js'
import {isStopWord} from '../text/stopwords.js'
import {plainAbstract} from './abstract-text.js'
import {isKeyTermStopWord} from './key-terms.js'

export const MAX_DERIVED_TERMS = 48

export interface DerivedTermSource {
  title: string
  abstract?: string
}

/** Derived terms for each source, in the sources' order (an empty list when there is no abstract). */
export function deriveTerms(sources: readonly DerivedTermSource[], max = MAX_DERIVED_TERMS): string[][] {
  const bags = sources.map((s) =>
    s.abstract ? contentWords(s.abstract, s.title) : new Map<string, number>(),
  )
  const df = new Map<string, number>()
  for (const bag of bags) for (const word of bag.keys()) df.set(word, (df.get(word) ?? 0) + 1)
  const documents = bags.filter((b) => b.size > 0).length
  return bags.map((bag) => {
    const words = [...bag.keys()]
    if (words.length > max) {
      const score = (word: string) => (bag.get(word) ?? 0) * Math.log((documents + 1) / (df.get(word) ?? 1))
      const scores = new Map(words.map((w) => [w, score(w)]))
      words.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || (a < b ? -1 : 1))
      words.length = max
    }
    return words.sort()
  })
}

/** The abstract's content words with their counts, the title's words left out. */
export function contentWords(abstract: string, title: string): Map<string, number> {
  const titleForms = new Set(tokenise(title).map(lightForm))
  const counts = new Map<string, number>()
  for (const token of tokenise(plainAbstract(abstract))) {
    if (!isDerivedWord(token) || titleForms.has(lightForm(token))) continue
    counts.set(token, (counts.get(token) ?? 0) + 1)
  }
  return counts
}

function isDerivedWord(token: string): boolean {
  if (token.length > 30 || isStopWord(token) || isKeyTermStopWord(token)) return false
  if (!/[a-z]/.test(token) || /^\d+(st|nd|rd|th)$/.test(token)) return false
  // Two characters only as a digit and a letter ("5g", "3d"); other short tokens are noise.
  return token.length >= 3 || /^(\d[a-z]|[a-z]\d)$/.test(token)
}
