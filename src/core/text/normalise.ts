/** Lower-casing, accent folding and tokenising, shared by every text gapscan compares. */
import {TokenTable} from './token-table.js'

const LIGATURES: Record<string, string> = {œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i'}

/** Lower-case and strip accents (`Métavers` → `metavers`), so French and English forms meet. */
export function foldText(text: string): string {
  const lower = text.toLowerCase()
  // Most catalogue text is plain ASCII, which the rest would leave as it is.
  if (!/[^\0-\x7f]/.test(lower)) return lower
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œæßøđłı]/g, (c) => LIGATURES[c])
}

/** Words of folded text: runs of letters and digits; apostrophes and hyphens split (`l'internet`). */
export function tokenise(text: string): string[] {
  // A throwaway table sized for a short text: glossary loading tokenises thousands of terms.
  return new TokenTable((token) => token, undefined, 16).scan(foldText(text))
}

/**
 * A light, language-neutral form used to find glossary terms: drops a final plural `s`/`x`
 * (`cities` → `city`) on longer words. Stemming differs per language, so glossary lookup must not depend on it.
 */
export function lightForm(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`
  return token.length > 3 && /[sx]$/.test(token) && !/ss$/.test(token) ? token.slice(0, -1) : token
}
