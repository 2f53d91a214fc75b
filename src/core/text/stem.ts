/**
 * Stemmers per language from `natural`, imported by path: the package's main entry loads storage
 * back-ends, reads `.env` and prints to stdout, none of which a CLI should do.
 */
import {createRequire} from 'node:module'
import type {Language} from './language.js'

const require = createRequire(import.meta.url)
const english = require('natural/lib/natural/stemmers/porter_stemmer.js') as {stem(word: string): string}
const french = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as {stem(word: string): string}

const caches: Record<Language, Map<string, string>> = {en: new Map(), fr: new Map()}

/** Stems a folded token; results are cached because corpora repeat a small vocabulary. */
export function stem(token: string, language: Language): string {
  const cache = caches[language]
  let stemmed = cache.get(token)
  if (stemmed === undefined) {
    // Numbers and codes (e.g. "4600", "5g") are identifiers, not words.
    stemmed = /\d/.test(token) ? token : (language === 'fr' ? french : english).stem(token)
    if (cache.size < 500_000) cache.set(token, stemmed)
  }
  return stemmed
}
