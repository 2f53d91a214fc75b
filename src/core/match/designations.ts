/**
 * Finds standard designations written in running text (English or French): "ITU-T X.509",
 * "Recommandation UIT-T Y.4900", "ISO/IEC 27001:2022/Amd 1", "IEEE Std 802.15.4-2020",
 * "ETSI EN 319 412-2", "3GPP TS 23.501", "RFC 5280", "NIST SP 800-53 Rev. 5", "OGC 06-042", ...
 * Pure text grammar: it knows each body's numbering, not which numbers a catalogue holds, so a
 * number written without its body ("X.509", "802.11ax", "EN 301 549") comes back with
 * `explicit: false` and is kept only when a catalogue holds it (see CitationResolver).
 */

export interface Designation {
  /** The designation as written. */
  text: string
  start: number
  end: number
  /** 'ITU-T', 'ISO', 'IEC', 'ISO/IEC', 'ISO/IEEE', 'IEEE', 'ETSI', '3GPP', 'IETF', 'NIST', 'OGC', 'W3C', 'OASIS', ... */
  body: string
  /** The body's own number: 'X.509', 'Y Suppl. 73', 'D.1140/X.1261', '27001', '802.11ax', '319 412', '23.501', 'RFC 5280', 'SP 800-63B', or a name ('WCAG'). */
  number: string
  /** ISO/IEC and ETSI part ('2' of 19650-2, '2-49' of 60335-2-49). */
  part?: string
  /** Edition year as cited: '2022' of ISO/IEC 27001:2022, '2019' of X.509 (2019), '2020' of IEEE 802.15.4-2020. */
  year?: string
  /** Document type where the numbering needs it: 'TS', 'EN', 'TR', 'SP', 'FIPS', ... */
  type?: string
  /** Amendment or corrigendum cited: 'Amd 1', 'Cor 1'. */
  amendment?: string
  /** Version of a named specification ('2.2' of WCAG 2.2) or revision of a NIST publication. */
  version?: string
  /** False when written without its body: then only a catalogue hit makes it a citation. */
  explicit: boolean
}

type Built = Omit<Designation, 'text' | 'start' | 'end'>
type Rule = {
  pattern: RegExp
  build: (m: RegExpExecArray) => Built
  /** The later items of a list the designation starts: ", Y.4100 and Y.4200"; "and 27002". */
  tail?: {pattern: RegExp; build: (m: RegExpExecArray, head: Built) => Built}
}

const ITU_NUMBER = String.raw`[A-Z]\.\d+(?:\.\d+)*(?:\s?(?:bis|ter))?`
const ITU_JOINT = String.raw`${ITU_NUMBER}(?:\/${ITU_NUMBER})*`
const ITU_SUPPLEMENT = String.raw`[A-Z](?:\.\d+(?:\.\d+)*)?(?:-series)?\s+(?:Suppl\.|Supplement|Supplément|Sup\.)\s*\d+(?:\.\d+)?`
const ITU_EDITION = String.raw`(?:\s*\((?:\d{1,2}\/)?(\d{4})\))?`
const AMENDMENT = String.raw`(?:\s*(?:\/\s*)?((?:Technical\s+)?(?:Amd|Amendment|Amendement|Cor|Corr|Corrigendum|Err|Erratum)\.?)\s*(\d+))?`
/** "ITU-T", "UIT-T", also with the non-breaking or other hyphens word processors put, or a space. */
const ITU_T = String.raw`(?:(?:ITU|UIT)[-\u2010\u2011\u2012\u2013\s]T|CCITT)`
const ITU_OTHER_SECTOR = String.raw`(?:ITU|UIT)[-\u2010\u2011\u2012\u2013\s][RD]`
const REC_WORD = String.raw`(?:[Rr]ecommendations?|[Rr]ecommandations?|Recs?\.)`
const ITU_PREFIX = String.raw`(?:${ITU_T}\s+(?:${REC_WORD}\s+)?|${REC_WORD}\s+(?:${ITU_T}\s+)?)`
/** One ITU-T number with its edition and amendment; capture groups: number, year, amendment kind, amendment number. */
const ITU_ITEM = String.raw`(${ITU_SUPPLEMENT}|${ITU_JOINT})${ITU_EDITION}${AMENDMENT}`
/**
 * An ITU-T number ends at a non-word; "Q.6/17" is Question 6 of Study Group 17, not Q.6, and
 * "Y.2000-series" names a series, not Y.2000.
 */
const ITU_END = String.raw`(?![\w]|\/\d|-series|\s+series)`
const LIST_JOIN = String.raw`\s*(?:,|;|\band\b|\bor\b|\bet\b|\bou\b|&)\s*`

/** "ISO 2015", "IEEE 2020": more often an event's year than a standard; kept only if the catalogue holds it. */
const YEAR_LIKE = /^(?:19|20)\d\d$/
const ISO_BODY = String.raw`ISO\/IEC\/IEEE|ISO\/IEEE|ISO\/IEC|ISO\/CEI|ISO\/ASTM|ISO\/SAE|ISO\/HL7|IEC\/IEEE|IEC\/ISO|ISO|IEC|CEI|CISPR`
const ISO_TYPE = String.raw`TS|TR|PAS|ISP|Guide|IWA|DIS|FDIS|DTS|DTR|CD`

/** A word before a letter-dot-number that makes it a document's own section, not a Recommendation. */
const STRUCTURE_BEFORE = new RegExp(
  String.raw`(?<![\w-])(?:${ITU_OTHER_SECTOR}(?:\s+Rec(?:ommendation)?\.?)?|table|tableau|annex|annexe|appendix|appendice|figure|fig\.|section|sections|clause|clauses|article|§|chapter|chapitre|paragraph|paragraphe|step|étape|item|note|equation|eq\.|part|partie|point|no\.|n°|version|release|rev\.|page|p\.|req\.|requirement|exigence)s?\s+(?:[A-Z]\.[\d.]+\s*(?:,|and|or|et|ou|to|à|-)\s*)*$`,
  'i',
)

const RULES: Rule[] = [
  // ITU-T with its prefix; a list after the prefix ("ITU-T Y.4000, Y.4100 and Y.4200") is expanded below.
  {
    pattern: new RegExp(
      String.raw`(?<![\w-])(?<!${ITU_OTHER_SECTOR}\s+)${ITU_PREFIX}${ITU_ITEM}${ITU_END}`,
      'g',
    ),
    build: (m) => itu(m[1], m[2], m[3], m[4], true),
    tail: {
      pattern: new RegExp(String.raw`${LIST_JOIN}(?:${ITU_T}\s+)?${ITU_ITEM}${ITU_END}`, 'y'),
      build: (m) => itu(m[1], m[2], m[3], m[4], true),
    },
  },
  // A supplement names its series, so it needs no prefix: "Y Suppl. 73".
  {
    pattern: new RegExp(String.raw`(?<![\w.\/-])(${ITU_SUPPLEMENT})${ITU_EDITION}(?![\w])`, 'g'),
    build: (m) => itu(m[1], m[2], undefined, undefined, true),
  },
  // A bare letter-dot-number ("X.509", "E.164"): a citation only if the catalogue holds it.
  {
    pattern: new RegExp(
      String.raw`(?<![\w.\/-])([A-Z]\.\d{2,}(?:\.\d+)*(?:\/[A-Z]\.\d+(?:\.\d+)*)*)${ITU_EDITION}${AMENDMENT}(?![.\d]*\d|[A-Za-uw-z_]|v[a-z]|\/\d|-series|\s+series)`,
      'g',
    ),
    build: (m) => itu(m[1], m[2], m[3], m[4], false),
  },
  {
    pattern: new RegExp(
      String.raw`(?<![\w\/-])(?:(?:NF|EN|BS|DIN|UNE|SN|CSA|CAN\/CSA)\s+)*(${ISO_BODY})(?:\/(${ISO_TYPE}))?(?:\s+(${ISO_TYPE}))?\s*(\d{2,6})((?:[-.]\d+)*)(?::(\d{4}))?(?:\s*(?:\/|\+)\s*(Amd|AMD|Amd\.|Cor|COR|Cor\.|A)\s*(\d+)(?::\d{4})?)?(?![\w]|[-.]\d)`,
      'g',
    ),
    build: (m) => ({
      body: isoBody(m[1]),
      number: m[4],
      part: m[5] ? m[5].slice(1) : undefined,
      year: m[6],
      type: m[2] ?? m[3],
      amendment: m[7]
        ? `${m[7].replace('.', '').replace(/^A$/, 'Amd').replace(/^AMD$/, 'Amd').replace(/^COR$/, 'Cor')} ${m[8]}`
        : undefined,
      explicit: Boolean(m[5]) || !YEAR_LIKE.test(m[4]),
    }),
    tail: {
      pattern: new RegExp(
        String.raw`(?:${LIST_JOIN}|\s*\/\s*)(\d{4,6}|\d{3}(?=-\d))((?:-\d+)*)(?::(\d{4}))?(?![\w]|[-.]\d)`,
        'y',
      ),
      build: (m, head) => ({
        body: head.body,
        type: head.type,
        number: m[1],
        part: m[2] ? m[2].slice(1) : undefined,
        year: m[3],
        explicit: Boolean(m[2]) || !YEAR_LIKE.test(m[1]),
      }),
    },
  },
  {
    pattern:
      /(?<![\w/])(?:ANSI\/)?IEEE\s+(?:Std\.?\s+)?(P?C?\d+(?:\.\d+)*[a-zA-Z]{0,3})(?:-(\d{4}))?(?:\/(Cor|Amd)\s*(\d+))?(?!\w)/g,
    build: (m) => ({
      body: 'IEEE',
      number: m[1],
      year: m[2],
      amendment: m[3] ? `${m[3]} ${m[4]}` : undefined,
      explicit: !YEAR_LIKE.test(m[1]),
    }),
  },
  // IEEE 802 numbers are cited without "IEEE" often enough ("Wi-Fi (802.11ax)").
  {
    pattern: /(?<![\w./-])(802\.\d+(?:\.\d+)?[a-zA-Z]{0,3})(?:-(\d{4}))?(?![\w]|\.\d)/g,
    build: (m) => ({body: 'IEEE', number: m[1], year: m[2], explicit: false}),
  },
  {
    pattern:
      /(?<![\w/])(?:(ETSI)\s+)?(EN|TS|TR|ES|EG|SR|ETS|I-ETS|TBR)\s+(\d{3}\s\d{3})((?:-\d+)*)(?:\s+V(\d+\.\d+\.\d+))?(?!\w)/g,
    build: (m) => ({
      body: 'ETSI',
      type: m[2],
      number: m[3],
      part: m[4] ? m[4].slice(1) : undefined,
      version: m[5],
      explicit: Boolean(m[1]),
    }),
  },
  {
    pattern:
      /(?<![\w/])ETSI\s+(GS|GR)\s+([A-Z][A-Za-z0-9]*(?:-[A-Z][A-Za-z0-9]*)*)\s+(\d{3})((?:-\d+)*)(?!\w)/g,
    build: (m) => ({
      body: 'ETSI',
      type: `${m[1]} ${m[2]}`,
      number: m[3],
      part: m[4] ? m[4].slice(1) : undefined,
      explicit: true,
    }),
  },
  {
    pattern: /(?<![\w/])ETSI\s+(ETR|TCRTR)\s+(\d{3})(?!\w)/g,
    build: (m) => ({body: 'ETSI', type: m[1], number: m[2], explicit: true}),
  },
  {
    pattern:
      /(?<![\w/])(?:(3GPP)\s+(?:(TS|TR)\s+)?|(TS|TR)\s+)(\d{2}\.\d{3}(?:-\d+)*)(?:\s+V?\d+\.\d+\.\d+)?(?![\w]|\.\d)/g,
    build: (m) => ({body: '3GPP', type: m[2] ?? m[3], number: m[4], explicit: Boolean(m[1])}),
  },
  {
    pattern: /(?<![\w/])(?:IETF\s+)?RFCs?[\s-]?(\d{1,5})(?!\d)/g,
    build: (m) => ({body: 'IETF', number: `RFC ${Number(m[1])}`, explicit: true}),
    // "RFCs 6749 and 6750", "RFC 2289, RFC 4226": a number without "RFC" needs the catalogue.
    tail: {
      pattern: new RegExp(
        String.raw`${LIST_JOIN}(?:RFC[\s-]?(\d{1,5})|(?!(?:19|20)\d\d(?!\d))(\d{3,5}))(?!\d)`,
        'y',
      ),
      build: (m) => ({body: 'IETF', number: `RFC ${Number(m[1] ?? m[2])}`, explicit: Boolean(m[1])}),
    },
  },
  {
    pattern:
      /(?<![\w/])(?:(?:NIST|NBS)\s+(?:SP\s*|Special\s+Publication\s+)?|(?:SP|Special\s+Publication)\s*)(\d{3,4}-\d+[A-Za-z]?(?:-\d+)?)(?:\s*(?:Rev\.?|Revision|r)\s*(\d+))?(?!\w)/g,
    build: (m) => ({body: 'NIST', type: 'SP', number: m[1].toUpperCase(), version: m[2], explicit: true}),
  },
  {
    pattern: /(?<![\w/])(?:(?:NIST|NBS)\s+)?FIPS(?:\s+PUB)?\s*(\d{1,3}(?:-\d+)?)(?!\w)/g,
    build: (m) => ({body: 'NIST', type: 'FIPS', number: m[1], explicit: true}),
  },
  {
    pattern: /(?<![\w/])(?:NIST\s+IR|NISTIR)\s*(\d{3,5}(?:-\d+)?)(?!\w)/g,
    build: (m) => ({body: 'NIST', type: 'IR', number: m[1], explicit: true}),
  },
  {
    pattern: /(?<![\w/])OGC\s+(\d{2}-\d{3})(?:r\d+)?(?!\w)/g,
    build: (m) => ({body: 'OGC', number: `OGC ${m[1]}`, explicit: true}),
  },
]

function isoBody(raw: string): string {
  return raw.replace(/CEI/g, 'IEC')
}

function itu(
  raw: string,
  year: string | undefined,
  amendmentKind: string | undefined,
  amendmentNumber: string | undefined,
  explicit: boolean,
): Omit<Designation, 'text' | 'start' | 'end'> {
  const number = raw
    .replace(/\s+/g, ' ')
    .replace(/(?:Supplement|Supplément|Sup\.)\s*/, 'Suppl. ')
    .replace(/Suppl\.\s*/, 'Suppl. ')
  const amendment = amendmentKind ? `${amendmentKindName(amendmentKind)} ${amendmentNumber}` : undefined
  return {body: 'ITU-T', number, year, amendment, explicit}
}

function amendmentKindName(kind: string): string {
  return /^(?:Technical\s+)?(?:Cor|Corr|Corrigendum)/i.test(kind) ? 'Cor' : /^Err/i.test(kind) ? 'Err' : 'Amd'
}

/** The later items of a list after a designation that ends at `from`. */
function listTail(text: string, from: number, head: Built, tail: NonNullable<Rule['tail']>): Designation[] {
  const found: Designation[] = []
  tail.pattern.lastIndex = from
  for (let m = tail.pattern.exec(text); m; m = tail.pattern.exec(text)) {
    const start = m.index + m[0].indexOf(m.slice(1).find((g) => g !== undefined) ?? m[0])
    const end = tail.pattern.lastIndex
    found.push({text: text.slice(start, end), start, end, ...tail.build(m, head)})
  }
  return found
}

/** Standard designations in `text`, in order of appearance, none overlapping another. */
export function findDesignations(text: string): Designation[] {
  const found: Designation[] = []
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const built = rule.build(m)
      const start = m.index
      const end = m.index + m[0].length
      if (
        !built.explicit &&
        built.body === 'ITU-T' &&
        STRUCTURE_BEFORE.test(text.slice(Math.max(0, start - 60), start))
      )
        continue
      found.push({text: m[0], start, end, ...built})
      if (rule.tail) found.push(...listTail(text, end, built, rule.tail))
    }
  }
  return withoutOverlaps(
    found,
    (d) => d,
    (d) => Number(d.explicit),
  )
}

/**
 * Keeps, of designations that overlap, the one that starts first, then the longest, then the one
 * `preference` ranks higher.
 */
export function withoutOverlaps<T>(
  all: readonly T[],
  span: (t: T) => Designation,
  preference: (t: T) => number,
): T[] {
  const sorted = [...all].sort(
    (a, b) => span(a).start - span(b).start || span(b).end - span(a).end || preference(b) - preference(a),
  )
  const kept: T[] = []
  for (const t of sorted) {
    const last = kept.at(-1)
    if (last && span(t).start < span(last).end) continue
    kept.push(t)
  }
  return kept
}
