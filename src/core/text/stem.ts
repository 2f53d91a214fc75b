/**
 * Stemmers per language from `natural`, imported by path: the package's main entry loads storage
 * back-ends, reads `.env` and prints to stdout, none of which a CLI should do.
 */
import {createRequire} from 'node:module'
import type {Language} from './language.js'

const require = createRequire(import.meta.url)
const english = require('natural/lib/natural/stemmers/porter_stemmer.js') as {stem(word: string): string}
const french = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as {stem(word: string): string}

/** Stems a folded token. Callers cache: the Analyser stems each distinct token once. */
export function stem(token: string, language: Language): string {
  // Numbers and codes (e.g. "4600", "5g") are identifiers, not words.
  return /\d/.test(token) ? token : (language === 'fr' ? french : english).stem(token)
}
