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
  return languageOfMarkers((foldText(text).match(/[\p{L}]+/gu) ?? []).map(languageMarker), text)
}

/** Which language a folded word is a function word of, if any. */
export function languageMarker(word: string): Language | undefined {
  // `de`, `en` are ambiguous only in theory: `en` is not an English function word here.
  return ENGLISH_MARKERS.has(word) ? 'en' : FRENCH_MARKERS.has(word) ? 'fr' : undefined
}

/** The rule, given the markers of a text's words and the raw text for the accent tie-break. */
export function languageOfMarkers(markers: readonly (Language | undefined)[], rawText: string): Language {
  let english = 0
  let french = 0
  for (const marker of markers) {
    if (marker === 'en') english++
    else if (marker === 'fr') french++
  }
  if (english !== french) return french > english ? 'fr' : 'en'
  return /[éèêàçôûùîïœ]/i.test(rawText) ? 'fr' : 'en'
}
