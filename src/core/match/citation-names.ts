/**
 * Specifications cited by name rather than number ("WCAG 2.2", "MQTT 5.0", "TLS 1.3",
 * "Verifiable Credentials Data Model 2.0", "W3C WebAuthn", "OGC WMS"). The names come from the
 * catalogue itself, so a new catalogue brings its own names:
 * - an acronym defined in a title, with the version beside it: "Web Content Accessibility
 *   Guidelines (WCAG) 2.2", "The Transport Layer Security (TLS) Protocol Version 1.3";
 * - a title that is a name and a version: "MQTT Version 5.0", "OpenID Connect Core 1.0 ...";
 * - the short names of W3C and OASIS ids ("W3C webauthn-3", "OASIS mqtt-v5.0") after "W3C"/"OASIS";
 * - a series title before its parts: "OGC API - Features - Part 1: Core".
 * A name without a version is a citation only after its body ("W3C WebAuthn", "OGC WMS") or when
 * it is in WELL_KNOWN_NAMES: a product name alone ("MQTT", "TLS") says which technology, not which text.
 */
import {compare, pushTo as push, statusRank, type CitableStandard} from './citation-keys.js'
import type {Designation} from './designations.js'

/**
 * Names people write that no title or id yields. Each entry says why it cannot be derived.
 * `ids` are tried in order; the first the catalogue holds wins, so later ones are fallbacks.
 */
export const WELL_KNOWN_NAMES: readonly {
  name: string
  pattern: RegExp
  body: string
  ids: readonly string[]
  why: string
}[] = [
  {
    name: 'OAuth 2.0',
    pattern: /\bOAuth\s?2(?:\.0)?(?![\w.])/g,
    body: 'IETF',
    ids: ['RFC 6749'],
    why: 'dozens of RFC titles say "OAuth 2.0"; the name means the framework, RFC 6749',
  },
  {
    name: 'OpenID Connect',
    pattern: /\bOpenID\s+Connect(?!\s+(?:[A-Z][a-z]+\s+)*\d)(?:\s+(?:Core\s+)?1\.0)?(?![\w.])/gi,
    body: 'OpenID Foundation',
    ids: ['OpenID openid-connect-core-1_0'],
    why: 'the suite name; Core is its normative base, and no title is just "OpenID Connect"',
  },
  {
    name: 'OpenID4VP',
    pattern: /\bOpenID4VP\b|\bOID4VP\b/gi,
    body: 'OpenID Foundation',
    ids: ['OpenID openid-4-verifiable-presentations-1_0'],
    why: 'an abbreviation no title spells',
  },
  {
    name: 'OpenID4VCI',
    pattern: /\bOpenID4VCI?\b|\bOID4VCI\b/gi,
    body: 'OpenID Foundation',
    ids: ['OpenID openid-4-verifiable-credential-issuance-1_0'],
    why: 'an abbreviation no title spells',
  },
  {
    name: 'JWT',
    pattern: /\bJWTs?\b|\bJSON\s+Web\s+Tokens?\b/g,
    body: 'IETF',
    ids: ['RFC 7519'],
    why: 'an acronym alone, which the resolver reads only with a version or its body; unambiguous here',
  },
  {
    name: 'BPMN',
    pattern: /\bBPMN(?:\s+2(?:\.0(?:\.[12])?)?)?(?![\w.])/g,
    body: 'ISO/IEC',
    ids: ['ISO/IEC 19510'],
    why: "OMG's notation, held in the catalogue as its ISO/IEC transposition; no title says BPMN",
  },
  {
    name: 'QR code',
    pattern: /\bQR[\s-]codes?\b/gi,
    body: 'ISO/IEC',
    ids: ['ISO/IEC 18004'],
    why: 'the title says "QR code bar code symbology", after a long generic prefix',
  },
  {
    name: 'OMAF',
    pattern: /\bOMAF\b/g,
    body: 'ISO/IEC',
    ids: ['ISO/IEC 23090-2'],
    why: 'the title spells "Omnidirectional media format" without the acronym',
  },
  {
    name: 'WebAuthn',
    pattern: /\bWebAuthn\b(?!\s+(?:Level\s+)?\d)/g,
    body: 'W3C',
    ids: ['W3C webauthn-3', 'W3C webauthn-2', 'W3C webauthn-1'],
    why: 'the short name, written without "W3C"; the title says "Web Authentication"',
  },
  {
    name: 'DID Core',
    pattern: /\bDID\s+Core\b/g,
    body: 'W3C',
    ids: ['W3C did-core'],
    why: 'the short name did-core, written without "W3C"; the title says "Decentralized Identifiers"',
  },
  {
    name: 'HEVC',
    pattern: /\bHEVC\b/g,
    body: 'ITU-T',
    ids: ['H.265', 'ISO/IEC 23008-2'],
    why: 'the codec name; the titles say "High efficiency video coding"',
  },
  {
    name: 'VVC',
    pattern: /\bVVC\b/g,
    body: 'ITU-T',
    ids: ['H.266', 'ISO/IEC 23090-3'],
    why: 'the codec name; the titles say "Versatile video coding"',
  },
  {
    name: 'MPEG-DASH',
    pattern: /\bMPEG-DASH\b/g,
    body: 'ISO/IEC',
    ids: ['ISO/IEC 23009-1'],
    why: 'the title says "Dynamic adaptive streaming over HTTP (DASH)"; "DASH" alone is a word',
  },
  {
    name: 'glTF',
    pattern: /\bglTF\b/g,
    body: 'ISO/IEC',
    ids: ['ISO/IEC 12113'],
    why: 'the title writes "glTF™ 2.0" after a generic prefix',
  },
  {
    name: 'NGSI-LD',
    pattern: /\bNGSI-LD\b/g,
    body: 'ETSI',
    ids: ['ETSI GS CIM 009'],
    why: 'the API name; the title leads with "Context Information Management (CIM)"',
  },
  {
    name: 'W3C Verifiable Credentials',
    pattern: /\bW3C\s+Verifiable\s+Credentials?\b(?!\s+Data\s+Model)/g,
    body: 'W3C',
    ids: ['W3C vc-data-model-2.0', 'W3C vc-data-model-1.1'],
    why: 'the family name; its normative core is the data model, whose title adds "Data Model"',
  },
]

interface NameEntry {
  id: string
  org: string
  version?: string
  /** Specific words in the title (see specificWords): the fewer, the more the title is just this name. */
  words: number
  status: string
}

/** '1.0' -> '1', 'v2.10' -> '2.10', '5.0.0' -> '5': versions compared as readers write them. */
export function normaliseVersion(v: string): string {
  return v.replace(/^v\.?/i, '').replace(/(?:\.0)+$/, '')
}

function byGenerality(a: NameEntry, b: NameEntry): number {
  return a.words - b.words || statusRank(a.status) - statusRank(b.status) || compare(a.id, b.id)
}

function versionOrder(a: string | undefined, b: string | undefined): number {
  const pa = (a ?? '').split(/[.-]/).map(Number)
  const pb = (b ?? '').split(/[.-]/).map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] || 0) - (pa[i] || 0)
    if (d) return d
  }
  return 0
}

const ACRONYM_IN_TITLE =
  /\(([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*?)s?\)(?:\s+(?:Protocol|Specification|Standard))?(?:\s+(?:Version|v\.?|Level)\s*|\s+)?(\d+\.\d+(?:\.\d+)*)?/g
const NAME_AND_VERSION_TITLE =
  /^([A-Z][\w+-]*(?:\s+[\w+-]+){0,5}?)(?:\s+\([A-Za-z0-9]+\))?\s+(?:(?:Version|Level)\s+|v\.?\s?)?(\d+\.\d+(?:\.\d+)*)(?=$|\s*[-–:(,]|\s+(?:Plus|incorporating|Part|Errata|Edition|Second|Final|-|draft))/
/** "OGC API - Features - Part 1: Core", "OGC SensorThings API Part 2 – Tasking Core": the series name and part. */
const SERIES_TITLE = /^(.{6,80}?)(?:\s+[-–]|[.,;])?\s+Part\s+(\d+)\s*[:–-]/
const SHORT_NAME = /^(W3C|OASIS) (.+?)(?:-?v?(\d+(?:\.\d+)*))?$/
const TITLE_VERSION = /(?:\s|^)(?:(?:Version|Level)\s+|v\.?\s?)?(\d+\.\d+(?:\.\d+)*)\s*$/
/** Words that make a "name + number" title a clause, a release or a generic heading, not a name. */
const NOT_A_NAME =
  /\b(?:clause|section|release|std|ieee|annex|version|part|table|figure|amendment|corrigendum)\b/i
/** A one-word name must look like a name (MQTT, WebCGM, OAuth), not a word of prose. */
const DISTINCTIVE_WORD = /^(?=.*[A-Z].*[A-Z])[A-Za-z][\w+-]*$/

export class NameIndex {
  /** Acronym (as written) -> entries; versioned and not. */
  private readonly acronyms = new Map<string, NameEntry[]>()
  /** Lower-cased multi-word name -> entries with a version. */
  private readonly names = new Map<string, NameEntry[]>()
  /** Lower-cased expansion of a title's acronym ("web feature service") -> the acronym's entries. */
  private readonly expansions = new Map<string, NameEntry[]>()
  /** First word of a title name of 3+ words, as written -> the names starting with it, as written. */
  private readonly fullNames = new Map<string, {words: string[]; entries: NameEntry[]}[]>()
  /** Lower-cased series title -> its parts, first part first. */
  private readonly series = new Map<string, {entry: NameEntry; part: number}[]>()
  /** 'W3C|webauthn' -> entries with the level/version of the short name. */
  private readonly shortNames = new Map<string, NameEntry[]>()
  /** 'OGC|web' -> titles of a named body by their first word after the body's own name, lower-cased. */
  private readonly leads = new Map<string, {words: string[]; entry: NameEntry}[]>()

  constructor(standards: readonly CitableStandard[]) {
    for (const s of standards) {
      let words: number | undefined
      // Counted only for the few titles that give a name.
      const entry = (version?: string): NameEntry => ({
        id: s.id,
        org: s.org,
        version: version ? normaliseVersion(version) : undefined,
        words: (words ??= specificWords(s.title)),
        status: s.status,
      })
      // Cheap tests first: the title patterns are tried on a few thousand of ~60,000 titles.
      const versioned = /\d\.\d/.test(s.title)
      if (s.title.includes('(')) {
        for (const m of s.title.matchAll(ACRONYM_IN_TITLE)) {
          // An acronym without a version is a citation only after its body (see afterBody).
          if (!m[2] && !NAMED_BODIES.has(s.org)) continue
          const e = entry(m[2])
          push(this.acronyms, m[1], e)
          const expansion = expansionOf(s.title.slice(0, m.index), m[1])
          if (expansion) push(this.expansions, expansion.toLowerCase(), e)
        }
      }
      const named = versioned ? NAME_AND_VERSION_TITLE.exec(s.title) : null
      if (named) {
        const name = named[1].replace(/\s*\([^)]*\)\s*$/, '').replace(/^(?:The|A|An)\s+/, '')
        if ((name.includes(' ') || DISTINCTIVE_WORD.test(name)) && !NOT_A_NAME.test(name)) {
          const e = entry(named[2])
          push(this.names, name.toLowerCase(), e)
          this.addFullName(name, e)
        }
      }
      const series = s.title.includes('Part') ? SERIES_TITLE.exec(s.title) : null
      if (series) {
        const version = /(?:Version|v)\s?(\d+(?:\.\d+)+)/.exec(s.title)?.[1]
        push(this.series, series[1].toLowerCase(), {entry: entry(version), part: Number(series[2])})
      }
      if (NAMED_BODIES.has(s.org)) {
        const words = s.title.replace(LEADING_BODY_WORDS, '').split(/\s+/)
        const version = words.find((w) => /^v?\d+\.\d/.test(w))
        push(this.leads, `${s.org}|${words[0].toLowerCase()}`, {words, entry: entry(version)})
      }
      const short = s.id.startsWith('W3C ') || s.id.startsWith('OASIS ') ? SHORT_NAME.exec(s.id) : null
      // A short name without a version ("did-core") takes the title's ("Decentralized Identifiers (DIDs) v1.0").
      if (short)
        push(
          this.shortNames,
          `${short[1]}|${short[2].toLowerCase()}`,
          entry(short[3] ?? TITLE_VERSION.exec(s.title)?.[1]),
        )
    }
    for (const list of this.series.values())
      list.sort(
        (a, b) =>
          a.part - b.part || versionOrder(a.entry.version, b.entry.version) || byGenerality(a.entry, b.entry),
      )
  }

  private addFullName(name: string, entry: NameEntry): void {
    const words = name.split(/\s+/)
    if (words.length < 3) return
    const list = this.fullNames.get(words[0]) ?? []
    const same = list.find((n) => n.words.join(' ') === words.join(' '))
    if (same) same.entries.push(entry)
    else {
      list.push({words, entries: [entry]})
      list.sort((a, b) => b.words.length - a.words.length)
      this.fullNames.set(words[0], list)
    }
  }

  /**
   * Names of three or more words written in full and capitalised as their title writes them
   * ("Verifiable Credentials Data Model", "OpenID for Verifiable Credential Issuance"): the
   * newest version. Shorter names need a version or their body: alone they are prose.
   */
  findFullNames(text: string): NamedCitation[] {
    const found: NamedCitation[] = []
    const word = /[A-Za-z][\w+-]*/g
    const tokens = [...text.matchAll(word)]
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.fullNames.get(tokens[i][0])
      if (!candidates) continue
      const hit = candidates.find(
        (n) =>
          n.words.every((w, k) => tokens[i + k]?.[0] === w) &&
          n.words.every(
            (_, k) =>
              k === 0 ||
              /^\s+$/.test(
                text.slice(tokens[i + k - 1].index + tokens[i + k - 1][0].length, tokens[i + k].index),
              ),
          ),
      )
      if (!hit) continue
      const last = tokens[i + hit.words.length - 1]
      found.push({
        start: tokens[i].index,
        end: last.index + last[0].length,
        name: hit.words.join(' '),
        version: '',
        ids: newest(hit.entries),
        org: hit.entries[0].org,
      })
      i += hit.words.length - 1
    }
    return found
  }

  /**
   * Named designations anchored on a version in `text`: the words just before "2.2" / "v1.1" /
   * "Version 5.0" / "Level 3" that a catalogue title names with that version.
   */
  findVersioned(text: string): NamedCitation[] {
    const found: NamedCitation[] = []
    const version = /(?<![\w.])(?:(v\.?\s?|(?:version|level|niveau)\s+)|)(\d+(?:\.\d+)*)(?![\w]|\.\d)/gi
    for (const m of text.matchAll(version)) {
      if (!m[1] && !m[2].includes('.')) continue
      const before = /((?:[A-Za-z][\w+-]*\s+){1,6})$/.exec(text.slice(Math.max(0, m.index - 90), m.index))
      if (!before) continue
      const words = before[1].trim().split(/\s+/)
      const v = normaliseVersion(m[2])
      for (let k = words.length; k >= 1; k--) {
        const name = words.slice(words.length - k).join(' ')
        const hits = this.versioned(name, v, k)
        if (!hits) continue
        const start = m.index - before[1].length + before[1].indexOf(name)
        found.push({start, end: m.index + m[0].length, name, version: v, ids: hits.ids, org: hits.org})
        break
      }
    }
    return found
  }

  private versioned(
    name: string,
    version: string,
    wordCount: number,
  ): {ids: string[]; org: string} | undefined {
    const entries =
      wordCount === 1
        ? [
            ...(this.acronyms.get(name) ?? []),
            ...((DISTINCTIVE_WORD.test(name) ? this.names.get(name.toLowerCase()) : undefined) ?? []),
          ]
        : [...(this.names.get(name.toLowerCase()) ?? []), ...(this.expansions.get(name.toLowerCase()) ?? [])]
    const hits = entries?.filter((e) => e.version === version)
    if (!hits?.length) return undefined
    return {ids: best(hits), org: hits[0].org}
  }

  /** A name written after its body ("W3C DID Core v1.0", "OGC WMS", "OASIS MQTT"): the catalogue ids it names. */
  afterBody(
    body: string,
    words: readonly string[],
    version?: string,
  ): {ids: string[]; used: number} | undefined {
    for (let k = Math.min(words.length, 6); k >= 1; k--) {
      const name = words.slice(0, k).join(' ')
      const ids = this.bodyName(
        body,
        name,
        version && k === words.length ? normaliseVersion(version) : undefined,
      )
      if (ids.length) return {ids, used: k}
    }
    return undefined
  }

  private bodyName(body: string, name: string, version: string | undefined): string[] {
    const ofBody = (list: NameEntry[] | undefined) => (list ?? []).filter((e) => e.org === body)
    const pick = (list: NameEntry[]): string[] =>
      version ? best(list.filter((e) => e.version === version)) : newest(list)
    const short = pick(this.shortNames.get(`${body}|${name.toLowerCase().replace(/\s+/g, '-')}`) ?? [])
    if (short.length) return short
    const series = this.series.get(`${body} ${name}`.toLowerCase()) ?? this.series.get(name.toLowerCase())
    if (series?.length) return series.map((p) => p.entry.id)
    const cited = name.toLowerCase().split(/\s+/)
    const leading = (this.leads.get(`${body}|${cited[0]}`) ?? []).filter(
      (t) =>
        cited.every((w, i) => t.words[i]?.toLowerCase() === w) &&
        t.words.slice(cited.length).every(isGeneric),
    )
    if (leading.length) return pick(leading.map((t) => t.entry))
    if (!name.includes(' ')) {
      const acronym = ofBody(this.acronyms.get(name))
      if (acronym.length)
        return version ? best(acronym.filter((e) => e.version === version)) : [best(acronym)[0]]
    }
    const lower = name.toLowerCase()
    return pick(ofBody([...(this.names.get(lower) ?? []), ...(this.expansions.get(lower) ?? [])]))
  }
}

export interface NamedCitation {
  start: number
  end: number
  name: string
  version: string
  ids: string[]
  org: string
}

/** The newest version's most general entry, a current text before a withdrawn one. */
function newest(entries: NameEntry[]): string[] {
  if (!entries.length) return []
  const sorted = [...entries].sort((a, b) => versionOrder(a.version, b.version) || byGenerality(a, b))
  const current = sorted.filter((e) => e.status !== 'withdrawn')
  return [(current[0] ?? sorted[0]).id]
}

/**
 * The words before an acronym that spell it ("Web Feature Service" before "(WFS)"), or undefined.
 * Only capitalised words count, so "Internet of Things (IoT)" gives none: its words are prose.
 */
function expansionOf(before: string, acronym: string): string | undefined {
  const words = before.trim().split(/\s+/)
  const letters = acronym.replace(/[^A-Z]/g, '')
  if (letters.length < 2 || words.length < letters.length) return undefined
  const tail = words.slice(words.length - letters.length)
  if (!tail.every((w, i) => /^[A-Z]/.test(w) && w[0] === letters[i])) return undefined
  return tail.join(' ')
}

/** The most general entries (fewest title words), current before withdrawn; at most three. */
function best(entries: NameEntry[]): string[] {
  if (!entries.length) return []
  const sorted = [...entries].sort(byGenerality)
  return [...new Set(sorted.filter((e) => e.words === sorted[0].words).map((e) => e.id))].slice(0, 3)
}

/** Words a title may add to a name and still be just that specification: its body, kind, edition. */
const GENERIC_WORDS = new Set(
  'ogc ogc® opengis w3c oasis openid the implementation specification standard interface protocol version with corrigendum incorporating errata set draft final level plus edition core'.split(
    ' ',
  ),
)

function isGeneric(word: string): boolean {
  return (
    GENERIC_WORDS.has(word.toLowerCase().replace(/^[(]|[),:;]$/g, '')) ||
    /^\(?[A-Z0-9]{2,}s?\)?$/.test(word) ||
    /^v?\d/.test(word) ||
    word === '-'
  )
}

/** Title words that are not generic: "OpenGIS Web Map Service (WMS) Implementation Specification" has 3. */
function specificWords(title: string): number {
  let n = 0
  for (const w of title.split(' ')) if (w && !isGeneric(w)) n++
  return n
}

/** Bodies whose specifications are cited by name after the body: "OGC Web Feature Service", "W3C WebAuthn". */
const NAMED_BODIES = new Set(['W3C', 'OASIS', 'OGC', 'OpenID Foundation'])
const LEADING_BODY_WORDS = /^(?:(?:OGC®?|OpenGIS®?|W3C|OASIS|OpenID)\s+)+/

/** Designations found by name, for the caller to merge with the numbered ones. */
export function namedDesignation(c: NamedCitation, text: string): Designation {
  return {
    text: text.slice(c.start, c.end),
    start: c.start,
    end: c.end,
    body: c.org,
    number: c.name,
    version: c.version,
    explicit: true,
  }
}
