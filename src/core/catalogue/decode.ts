/**
 * Turns a file's bytes into text without ever garbling it silently: UTF-8 (with or without BOM)
 * and UTF-16 (with BOM, or detected from NUL bytes) are decoded; other 8-bit text is decoded as
 * Windows-1252 (a superset of Latin-1) with a warning; binary content is refused.
 */
export interface DecodedText {
  text: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
  /** Set when the encoding was guessed rather than declared by a BOM or valid UTF-8. */
  warning?: string
}

export class DecodeError extends Error {}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {text: utf8(bytes.subarray(3)), encoding: 'utf-8'}
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le'}
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be'}
  }
  // indexOf is native: the common case (no NUL at all) costs one fast scan.
  const nulParity = bytes.indexOf(0) < 0 ? {total: 0, even: 0, odd: 0} : countNuls(bytes)
  if (nulParity.total > 0) {
    // ASCII-range UTF-16 without a BOM has a NUL in every other byte.
    const half = bytes.length / 2
    if (nulParity.odd > half * 0.3 && nulParity.even === 0) {
      return {
        text: new TextDecoder('utf-16le').decode(bytes),
        encoding: 'utf-16le',
        warning: 'no byte-order mark; decoded as UTF-16LE',
      }
    }
    if (nulParity.even > half * 0.3 && nulParity.odd === 0) {
      return {
        text: new TextDecoder('utf-16be').decode(bytes),
        encoding: 'utf-16be',
        warning: 'no byte-order mark; decoded as UTF-16BE',
      }
    }
    throw new DecodeError('binary content (NUL bytes): not a text file')
  }
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), encoding: 'utf-8'}
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      warning: 'not valid UTF-8; decoded as Latin-1 (Windows-1252): save it as UTF-8 to silence this',
    }
  }
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new DecodeError('starts with a UTF-8 byte-order mark but is not valid UTF-8')
  }
}

function countNuls(bytes: Uint8Array): {total: number; even: number; odd: number} {
  let even = 0
  let odd = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++
      else odd++
    }
  }
  return {total: even + odd, even, odd}
}

// Windows-1252 characters for bytes 0x80–0x9F (undefined bytes stay as their C1 code).
// Decoded by hand: some Node builds' TextDecoder('windows-1252') yields plain Latin-1 here.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    )
  }
  return out
}
