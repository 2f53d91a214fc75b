/**
 * Cited standards: finds the designations a text writes (designations.ts, citation-names.ts) and
 * resolves each against a catalogue's standards (citation-keys.ts), across editions, parts,
 * amendments, joint ITU-T numbers, ETSI twins and ETSI transpositions of 3GPP specifications.
 * A designation written with its body that the catalogue does not hold comes back with no ids,
 * so a report can say "cites RFC 9999, not in catalogue"; one written without its body is dropped.
 * The lookup maps are built once, in the constructor.
 */
import {
  catalogueKeys,
  etsiKey,
  etsiTwinKey,
  ieeeKey,
  isoKey,
  nistKey,
  compare,
  pushTo as push,
  statusRank,
  type CatalogueKey,
  type CitableStandard,
} from './citation-keys.js'
import {NameIndex, WELL_KNOWN_NAMES, namedDesignation} from './citation-names.js'
import {findDesignations, withoutOverlaps, type Designation} from './designations.js'

export {findDesignations, type Designation} from './designations.js'
export type {CitableStandard} from './citation-keys.js'

export interface Citation {
  designation: Designation
  /** Catalogue ids, best first; empty when the catalogue does not hold the cited standard. */
  ids: string[]
  /** What a reader should know: an older edition cited, a series resolved to its parts, a successor. */
  note?: string
}

interface Filed extends Omit<CatalogueKey, 'key'> {
  id: string
}

interface Located {
  designation: Designation
  /** Already resolved (named designations are found by resolving them). */
  ids?: string[]
}

const ISO_BODY_OF_ID =
  /^(ISO\/IEC\/IEEE|ISO\/IEEE|ISO\/IEC|ISO\/ASTM|ISO\/SAE|ISO\/HL7|IEC\/IEEE|IEC\/ISO|ISO|IEC|CISPR)\b/
const BODY_NAMES: Record<string, string> = {OpenID: 'OpenID Foundation'}
/** "W3C DID Core v1.0", "OASIS MQTT 5.0", "OGC API - Features", "OGC WMS": a body, then capitalised words. */
const NAME_AFTER_BODY =
  /(?<![\w-])(W3C|OASIS|OGC|OpenID)\s+((?:[A-Z][\w+]*(?:-[\w+]+)*|[a-z]+-[\w.-]*[\w])(?:\s+(?!(?:Level|Version)\b)(?:[A-Z][\w+]*(?:-[\w+]+)*|[-–]))*)(?:\s+(?:v\.?\s?|[Vv]ersion\s+|[Ll]evel\s+)?(\d+(?:\.\d+)*)(?![\w]|\.\d))?/g

export class CitationResolver {
  private readonly standards = new Map<string, CitableStandard>()
  private readonly filed = new Map<string, Filed[]>()
  /** ETSI id -> the key of the 3GPP spec it transposes. */
  private readonly transposes = new Map<string, string>()
  private readonly names: NameIndex

  constructor(standards: readonly CitableStandard[]) {
    for (const s of standards) {
      this.standards.set(s.id, s)
      for (const {key, ...rest} of catalogueKeys(s)) {
        push(this.filed, key, {id: s.id, ...rest})
        if (rest.relation === 'transposition') this.transposes.set(s.id, key)
      }
    }
    this.names = new NameIndex(standards)
  }

  /** Every standard the text cites, in order of appearance, each designation once. */
  resolve(text: string): Citation[] {
    const citations: Citation[] = []
    const seen = new Set<string>()
    for (const {designation, ids} of this.locate(text)) {
      const citation = ids ? this.named(designation, ids) : this.resolveDesignation(designation)
      if (!citation.ids.length && !designation.explicit) continue
      // The same standard cited twice ("OpenID4VCI" and its full name) is one citation.
      const key = citation.ids.length
        ? `${designation.body}|${citation.ids.join('|')}`
        : designationKey(designation)
      if (seen.has(key)) continue
      seen.add(key)
      citations.push(citation)
    }
    return citations
  }

  /** The designations in `text` this catalogue can read: by number, and by the names its titles give. */
  private locate(text: string): Located[] {
    const located: Located[] = findDesignations(text).map((designation) => ({designation}))
    for (const known of WELL_KNOWN_NAMES) {
      for (const m of text.matchAll(known.pattern)) {
        const designation: Designation = {
          text: m[0],
          start: m.index,
          end: m.index + m[0].length,
          body: known.body,
          number: known.name,
          explicit: true,
        }
        located.push({designation, ids: this.wellKnown(known.ids)})
      }
    }
    for (const m of text.matchAll(NAME_AFTER_BODY)) {
      const body = BODY_NAMES[m[1]] ?? m[1]
      const words = m[2].split(/\s+/)
      const hit = this.names.afterBody(body, words, m[3])
      if (!hit) continue
      const used = words.slice(0, hit.used).join(' ')
      const end =
        hit.used === words.length ? m.index + m[0].length : text.indexOf(used, m.index) + used.length
      const designation: Designation = {
        text: text.slice(m.index, end),
        start: m.index,
        end,
        body,
        number: used,
        version: hit.used === words.length ? m[3] : undefined,
        explicit: true,
      }
      located.push({designation, ids: hit.ids})
    }
    for (const c of [...this.names.findVersioned(text), ...this.names.findFullNames(text)])
      located.push({designation: namedDesignation(c, text), ids: c.ids})
    // A numbered designation wins a tie with a name: its number is the more exact reading.
    return withoutOverlaps(
      located,
      (l) => l.designation,
      (l) => Number(!l.ids),
    )
  }

  /** The first of a table entry's ids the catalogue holds; an ITU-T number as a citation of it would. */
  private wellKnown(ids: readonly string[]): string[] {
    for (const id of ids) {
      const held = this.standards.get(id)
      if (held?.org === 'ITU-T')
        return this.itu({text: id, start: 0, end: 0, body: 'ITU-T', number: id, explicit: true}).ids
      if (held) return [id]
    }
    return []
  }

  private named(designation: Designation, ids: string[]): Citation {
    return this.withSuccessors({designation, ids})
  }

  /** The catalogue ids one designation names. */
  resolveDesignation(d: Designation): Citation {
    switch (d.body) {
      case 'ITU-T':
        return this.withSuccessors(this.itu(d))
      case 'IEEE':
        return this.withSuccessors(this.ieee(d))
      case 'ETSI':
        return this.withSuccessors(this.etsi(d))
      case '3GPP':
        return this.withSuccessors(this.gpp(d))
      case 'NIST':
        return this.withSuccessors(this.nist(d))
      case 'IETF':
      case 'OGC':
        return this.withSuccessors({designation: d, ids: this.exactIds(`ID|${d.number.toLowerCase()}`)})
      default:
        return this.withSuccessors(ISO_BODY_OF_ID.test(d.body) ? this.iso(d) : {designation: d, ids: []})
    }
  }

  private itu(d: Designation): Citation {
    const notes: string[] = []
    const of = (number: string, relation: Filed['relation']) =>
      (this.filed.get(`ITU|${number}`) ?? []).filter((f) => f.relation === relation).map((f) => f.id)
    let ids = of(d.number, 'exact')
    if (!ids.length) {
      const halves = d.number.split('/')
      ids = unique(halves.flatMap((h) => [...of(h, 'exact'), ...of(h, 'joint')]))
      if (ids.length && halves.length === 1) notes.push(`joint number ${ids.join(', ')}`)
    }
    // "H.264" is the first edition, withdrawn; "H.264 (V16)" the one in force: a citation means the
    // Recommendation, so the current edition comes first.
    const editions = of(d.number, 'edition').sort((a, b) => editionNumber(b) - editionNumber(a))
    const current = editions.find((id) => this.statusRank(id) === 0)
    if (current && !ids.some((id) => this.statusRank(id) === 0)) {
      if (ids.length) notes.push(`${current} is the edition in force`)
      ids = [current, ...ids]
    } else if (!ids.length) ids = editions.slice(0, 1)
    if (!ids.length) {
      ids = this.seriesParts(`ITU|${d.number}`, () => true)
      if (ids.length) notes.push(`series: ${ids.length} parts`)
    }
    if (d.amendment) {
      const amendment = (this.filed.get(`ITU|${d.number}`) ?? [])
        .filter(
          (f) => f.relation === 'amendment' && f.amendment === d.amendment && (!d.year || f.year === d.year),
        )
        .map((f) => f.id)
      ids = unique([...ids, ...amendment])
      notes.push(`${d.amendment} cited; base Recommendation first`)
    } else if (d.year && ids.length) {
      notes.push(`edition ${d.year} cited; catalogue holds the latest`)
    }
    return cited(d, this.ranked(ids), notes)
  }

  private iso(d: Designation): Citation {
    const notes: string[] = []
    const cited_ = new Set(d.body.split('/'))
    const compatible = (id: string) => {
      const body = ISO_BODY_OF_ID.exec(id)?.[1] ?? ''
      return body.split('/').some((b) => cited_.has(b))
    }
    const filed = (this.filed.get(isoKey(d.number, d.part)) ?? []).filter((f) => compatible(f.id))
    const bodyFirst = (ids: string[]) =>
      [...ids].sort(
        (a, b) =>
          Number(!a.startsWith(d.body + ' ') && !a.startsWith(`${d.body}/${d.type} `)) -
            Number(!b.startsWith(d.body + ' ') && !b.startsWith(`${d.body}/${d.type} `)) ||
          this.statusRank(a) - this.statusRank(b) ||
          compare(a, b),
      )
    let ids = bodyFirst(filed.filter((f) => f.relation === 'exact').map((f) => f.id))
    // "ISO 1059-1973": the old way of writing an edition year.
    if (!ids.length && d.part && !d.year && /^(?:19|20)\d\d$/.test(d.part))
      return this.iso({...d, part: undefined, year: d.part})
    // No id, or only a withdrawn one ("ISO 17442", since split into parts): the parts in force.
    if (ids.every((id) => this.statusRank(id) === 2)) {
      const parts = this.seriesParts(isoKey(d.number, d.part), compatible)
      if (parts.some((id) => this.statusRank(id) < 2)) {
        notes.push(
          ids.length ? `withdrawn; its series: ${parts.length} parts` : `series: ${parts.length} parts`,
        )
        ids = [...parts, ...ids]
      }
    }
    if (d.amendment) {
      const amendments = filed
        .filter((f) => f.relation === 'amendment' && f.amendment === d.amendment)
        .map((f) => f.id)
      ids = unique([...ids, ...amendments])
      notes.push(`${d.amendment} cited; base standard first`)
    }
    if (d.year && ids.length) notes.push(`edition ${d.year} cited; catalogue holds the latest`)
    return cited(d, ids, notes)
  }

  private ieee(d: Designation): Citation {
    const notes: string[] = []
    const exact = (number: string) =>
      (this.filed.get(ieeeKey(number)) ?? []).filter((f) => f.relation === 'exact').map((f) => f.id)
    let ids = exact(d.number)
    const base = /^(.*\d)[a-z]{1,3}$/.exec(d.number)?.[1]
    if (!ids.length && base) {
      ids = exact(base)
      if (ids.length) notes.push(`amendment ${d.number} not in catalogue; base standard`)
    }
    if (!ids.length && d.number.startsWith('P')) {
      ids = exact(d.number.slice(1))
      if (ids.length) notes.push(`project ${d.number} cited; the approved standard`)
    }
    if (d.amendment) {
      const amendments = (this.filed.get(ieeeKey(d.number)) ?? [])
        .filter((f) => f.relation === 'amendment' && f.amendment === d.amendment)
        .map((f) => f.id)
      ids = unique([...ids, ...amendments])
    }
    // ISO/IEC/IEEE 8802-x is the international adoption of IEEE 802.x.
    const lan = /^802\.(\d+(?:\.\d+)?)$/.exec(base && !exact(d.number).length ? base : d.number)
    if (lan) {
      const adoption = (this.filed.get(isoKey('8802', lan[1])) ?? []).filter((f) => f.relation === 'exact')
      ids = unique([...ids, ...adoption.map((f) => f.id)])
    }
    if (d.year && ids.length) notes.push(`edition ${d.year} cited; catalogue holds the latest`)
    return cited(d, ids, notes)
  }

  private etsi(d: Designation): Citation {
    const notes: string[] = []
    const own = `ETSI ${d.type} ${d.number}${d.part ? '-' + d.part : ''}`
    let ids = this.exactIds(etsiKey(d.type ?? '', d.number, d.part))
    if (!ids.length && !d.part) {
      ids = this.seriesParts(etsiKey(d.type ?? '', d.number), () => true)
      if (ids.length) notes.push(`series: ${ids.length} parts`)
    }
    const twinKey = etsiTwinKey(own)
    const twins = (twinKey ? this.idsFiled(twinKey, 'twin') : []).filter(
      (id) =>
        id !== own &&
        (!ids.length || similarTitles(this.standards.get(id)!.title, this.standards.get(ids[0])!.title)),
    )
    if (twins.length) {
      notes.push(ids.length ? `ETSI twin ${twins.join(', ')}` : `${own} not in catalogue; its ETSI twin`)
      ids = unique([...ids, ...twins])
    }
    const spec = ids.length ? this.transposes.get(ids[0]) : undefined
    if (spec) {
      const specs = this.exactIds(spec)
      if (specs.length) notes.push(`transposes ${specs.join(', ')}`)
      ids = unique([...ids, ...specs])
    }
    return cited(d, ids, notes)
  }

  private gpp(d: Designation): Citation {
    const key = `3GPP|${d.number}`
    const ids = this.exactIds(key)
    const etsi = this.idsFiled(key, 'transposition')
    const notes = etsi.length ? [`ETSI transposition ${etsi.join(', ')}`] : []
    return cited(d, unique([...ids, ...etsi]), notes)
  }

  private nist(d: Designation): Citation {
    const ids = [...this.exactIds(nistKey(d.type ?? '', d.number))].sort(
      (a, b) => Number(a.startsWith('NBS')) - Number(b.startsWith('NBS')) || compare(a, b),
    )
    const notes = d.version && ids.length ? [`revision ${d.version} cited; catalogue holds the latest`] : []
    return cited(d, ids, notes)
  }

  /** The parts filed under a series key, first part first. */
  private seriesParts(key: string, keep: (id: string) => boolean): string[] {
    return (this.filed.get(key) ?? [])
      .filter((f) => f.relation === 'part' && keep(f.id))
      .sort((a, b) => compareNumbers(a.order ?? [], b.order ?? []) || compare(a.id, b.id))
      .map((f) => f.id)
  }

  private exactIds(key: string): string[] {
    return this.idsFiled(key, 'exact')
  }

  private idsFiled(key: string, relation: Filed['relation']): string[] {
    return unique((this.filed.get(key) ?? []).filter((f) => f.relation === relation).map((f) => f.id))
  }

  private statusRank(id: string): number {
    return statusRank(this.standards.get(id)?.status)
  }

  /** Current texts before withdrawn ones, keeping the order otherwise. */
  private ranked(ids: string[]): string[] {
    return ids
      .map((id, i) => ({id, i}))
      .sort((a, b) => this.statusRank(a.id) - this.statusRank(b.id) || a.i - b.i)
      .map((x) => x.id)
  }

  /** Adds the successors of a withdrawn first hit to the note: "obsoleted by RFC 9110". */
  private withSuccessors(c: Citation): Citation {
    const first = c.ids.length ? this.standards.get(c.ids[0]) : undefined
    if (!first?.replacedBy?.length) return c
    const verb = first.org === 'IETF' ? 'obsoleted by' : 'replaced by'
    const note = `${verb} ${first.replacedBy.join(', ')}`
    return {...c, note: c.note ? `${c.note}; ${note}` : note}
  }
}

/** 16 of "H.264 (V16)", 1 of "Q.4010.1 v.1". */
function editionNumber(id: string): number {
  const m = /\(V(\d+)\)$| v\.(\d+)$/.exec(id)
  return m ? Number(m[1] ?? m[2]) : 0
}

function cited(designation: Designation, ids: string[], notes: string[]): Citation {
  return notes.length && ids.length ? {designation, ids, note: notes.join('; ')} : {designation, ids}
}

/** ETSI twins carry (nearly) the same title; a shared number alone could be a coincidence. */
function similarTitles(a: string, b: string): boolean {
  const words = (t: string) => new Set(t.toLowerCase().match(/[a-z0-9]+/g) ?? [])
  const wa = words(a)
  const wb = words(b)
  const shared = [...wa].filter((w) => wb.has(w)).length
  return shared / Math.max(1, Math.min(wa.size, wb.size)) >= 0.6
}

function designationKey(d: Designation): string {
  return [d.body, d.type, d.number, d.part, d.amendment, d.version].join('|')
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1)
    if (d) return d
  }
  return 0
}

/** Body names as written in lower-case keywords, and as designations write them. */
const BODY_CAPITALS: Record<string, string> = {
  'iso/iec/ieee': 'ISO/IEC/IEEE',
  'iso/iec': 'ISO/IEC',
  'iso/ieee': 'ISO/IEEE',
  iso: 'ISO',
  iec: 'IEC',
  ieee: 'IEEE',
  etsi: 'ETSI',
  '3gpp': '3GPP',
  rfc: 'RFC',
  'itu-t': 'ITU-T',
  nist: 'NIST',
  fips: 'FIPS',
  w3c: 'W3C',
  oasis: 'OASIS',
  ogc: 'OGC',
}
const LOWER_BODY = new RegExp(
  `^(${Object.keys(BODY_CAPITALS)
    .map((b) => b.replace(/[/-]/g, '\\$&'))
    .join('|')})(?=[\\s\\d])`,
)

/**
 * A keyword written in lower case, as catalogue keywords are ("x.509 certificates", "rfc 5280",
 * "iso 8601"), with the capitals a designation needs restored: the body's name, or the series
 * letter of an ITU-T number. Designations are read case-sensitively elsewhere, where capitals
 * tell a designation from prose.
 */
export function keywordDesignationCase(keyword: string): string {
  const body = LOWER_BODY.exec(keyword)
  if (body) return BODY_CAPITALS[body[1]] + keyword.slice(body[1].length)
  return /^[a-z]\.\d/.test(keyword) ? keyword[0].toUpperCase() + keyword.slice(1) : keyword
}
