/**
 * Abstracts as the sources hold them are not always plain text: ISO/IEC abstracts carry the HTML
 * of a word processor (`<p class="MsoBodyText">`, `<!--[if gte mso 9]>` blocks of metadata and
 * style sheets), IETF index abstracts end in tags such as `[STANDARDS-TRACK]`, and some lists lost
 * their spaces ("of:1) improving …; and2) helping"). Terms drawn from such text came out as
 * "msobodytext", "0cm 5.4pt" or "and2". This turns an abstract into the plain words it says.
 */
import {ENGLISH_STOP_WORDS} from '../text/stopwords.js'

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '}

export function plainAbstract(abstract: string): string {
  return (
    abstract
      // Comments, including the conditional ones that hold Word's metadata and style sheets.
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<(style|script|xml)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<\/?[a-z][^<>]*>/gi, ' ')
      .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => entity(name) ?? whole)
      // The RFC index's category tags: "[STANDARDS-TRACK]", "[INFORMATIONAL]".
      .replace(/\[[A-Z][A-Z -]+\]/g, ' ')
      // A list marker glued to the function word before it: "and2)" → "and 2)".
      .replace(/\b([a-z]+)(\d{1,2}\))/g, (whole, word: string, marker: string) =>
        ENGLISH_STOP_WORDS.has(word) ? `${word} ${marker}` : whole,
      )
      .replace(/\s+/g, ' ')
      .trim()
  )
}

function entity(name: string): string | undefined {
  if (name[0] !== '#') return ENTITIES[name.toLowerCase()]
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
  return Number.isFinite(code) && code > 31 && code < 0x110000 ? String.fromCodePoint(code) : ' '
}
