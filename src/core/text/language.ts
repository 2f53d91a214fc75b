/**
 * Language of a text, English or French, the two languages of the catalogue and the seeds.
 * Rule: count function words of each language (they are frequent and disjoint enough) and take
 * the larger; on a tie (short titles), French accents decide; otherwise English, ITU's working
 * language. Cheaper and more predictable on 5-word titles than a statistical detector.
 */
export type Language = 'en' | 'fr'

const ENGLISH_MARKERS = new Set(
  'the of and to in for with on by is are be this that from as which or an'.split(' '),
)
const FRENCH_MARKERS = new Set(
  'le la les des du de et en pour dans sur par une un est sont qui que au aux avec ce cette ces leur'.split(
    ' ',
  ),
)

/** Which language a folded word is a function word of, if any. */
export function languageMarker(word: string): Language | undefined {
  // `de`, `en` are ambiguous only in theory: `en` is not an English function word here.
  return ENGLISH_MARKERS.has(word) ? 'en' : FRENCH_MARKERS.has(word) ? 'fr' : undefined
}

/**
 * The rule, given a text's words with their markers (in one or more runs: title, body) and its
 * raw parts for the accent tie-break.
 */
export function languageOfWords(
  runs: readonly (readonly {marker: Language | undefined}[])[],
  ...rawTexts: string[]
): Language {
  let english = 0
  let french = 0
  for (const words of runs) {
    for (const {marker} of words) {
      if (marker === 'en') english++
      else if (marker === 'fr') french++
    }
  }
  if (english !== french) return french > english ? 'fr' : 'en'
  return rawTexts.some((text) => /[éèêàçôûùîïœ]/i.test(text)) ? 'fr' : 'en'
}
