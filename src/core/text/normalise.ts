/** Lower-casing, accent folding and tokenising, shared by every text gapscan compares. */

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
  const folded = foldText(text)
  const tokens: string[] = []
  for (let i = 0; i < folded.length;) {
    const end = wordEnd(folded, i)
    if (end === i) i++
    else {
      tokens.push(folded.slice(i, end))
      i = end
    }
  }
  return tokens
}

/**
 * Where the word (a run of letters and digits, `[\p{L}\p{N}]+`) starting at `start` ends: `start`
 * itself if no word starts there. Scanned by hand: a corpus has millions of tokens, and a regular
 * expression would make a string of each before the analyser can look it up.
 */
export function wordEnd(text: string, start: number): number {
  let i = start
  while (i < text.length) {
    const length = wordCharLength(text, i)
    if (length === 0) break
    i += length
  }
  return i
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u
/** Per BMP code unit: 0 not classified yet, 1 letter or digit, 2 neither. */
const bmpClass = new Uint8Array(0x10000)

/** Code units of the letter or digit at `i` (2 for one outside the BMP), or 0. */
export function wordCharLength(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0
  if (c >= 0xd800 && c <= 0xdbff) {
    const point = text.codePointAt(i)!
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0
  }
  let kind = bmpClass[c]
  if (kind === 0) bmpClass[c] = kind = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
  return kind === 1 ? 1 : 0
}

/**
 * A light, language-neutral form used to find glossary terms: drops a final plural `s`/`x`
 * (`cities` → `city`) on longer words. Stemming differs per language, so glossary lookup must not depend on it.
 */
export function lightForm(token: string): string {
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`
  return token.length > 3 && /[sx]$/.test(token) && !/ss$/.test(token) ? token.slice(0, -1) : token
}
