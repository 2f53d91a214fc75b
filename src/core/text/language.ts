/**
 * Language of a text, English or French, the two languages of the catalogue and the seeds.
 * Rule: count function words of each language (they are frequent and disjoint enough) and take
 * the larger; on a tie (short titles), French accents decide; otherwise English, ITU's working
 * language. Cheaper and more predictable on 5-word titles than a statistical detector.
 */
import {foldText} from './normalise.js'

export type Language = 'en' | 'fr'

const ENGLISH_MARKERS = new Set(
  'the of and to in for with on by is are be this that from as which or an'.split(' '),
)
const FRENCH_MARKERS = new Set(
  'le la les des du de et en pour dans sur par une un est sont qui que au aux avec ce cette ces leur'.split(
    ' ',
  ),
)

export function detectLanguage(text: string): Language {
  return detectLanguageOfTokens(foldText(text).match(/[\p{L}]+/gu) ?? [], text)
}

/** The same rule on words already tokenised (folded), with the raw text for the accent tie-break. */
export function detectLanguageOfTokens(tokens: readonly string[], rawText: string): Language {
  let english = 0
  let french = 0
  for (const word of tokens) {
    const marker = languageMarker(word)
    if (marker === 'en') english++
    else if (marker === 'fr') french++
  }
  return languageOfCounts(english, french, rawText)
}

/** Which language a folded word is a function word of, if any. */
export function languageMarker(word: string): Language | undefined {
  // `de`, `en` are ambiguous only in theory: `en` is not an English function word here.
  return ENGLISH_MARKERS.has(word) ? 'en' : FRENCH_MARKERS.has(word) ? 'fr' : undefined
}

/** The rule itself, given the counts of English and French function words. */
export function languageOfCounts(english: number, french: number, rawText: string): Language {
  if (english !== french) return french > english ? 'fr' : 'en'
  return /[éèêàçôûùîïœ]/i.test(rawText) ? 'fr' : 'en'
}
