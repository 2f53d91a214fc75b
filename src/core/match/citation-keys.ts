/**
 * Reads each catalogue id as its body writes it and files it under a lookup key, so a citation
 * ("ISO/IEC 27001:2022", "IEEE Std 802.15.4-2020", "Y.4900") finds it whatever edition, amendment
 * or joint number the catalogue id carries. Keys are `family|number`, the number normalised the way
 * the body's readers vary it (ISO part separators "-" and "."; IEEE and NIST letter case).
 */

/** What the resolver needs of a catalogue standard. */
export interface CitableStandard {
  id: string
  org: string
  title: string
  status: string
  replacedBy?: readonly string[]
}

/**
 * How a catalogue id relates to the number filed under a key: the same document, one half of a
 * joint number, an amendment or corrigendum of it, another edition of it, a part of the series,
 * an ETSI twin (same number, another document type), or the ETSI transposition of a 3GPP spec.
 */
export type KeyRelation = 'exact' | 'joint' | 'amendment' | 'edition' | 'part' | 'twin' | 'transposition'

export interface CatalogueKey {
  key: string
  relation: KeyRelation
  /** For an amendment: 'Amd 1', 'Cor 1' (the same spelling as Designation.amendment). */
  amendment?: string
  year?: string
  /** For a part: its part numbers, to list a series first part first. */
  order?: number[]
}

const ITU_ID =
  /^((?:[A-Z](?:\.\d+)*(?:-\d+)?(?: series)? Suppl\. \d+(?:\.\d+)?)|(?:[A-Z]\.\d+(?:\.\d+)*(?: bis| ter)?(?:\/[A-Z]\.\d+(?:\.\d+)*(?: bis| ter)?)*))(.*)$/
const ITU_AMENDMENT = /^ \((\d{4})\) (?:Technical )?(Amd|Cor|Err|Add)\. (\d+)$/
const ITU_EDITION = /^(?: \(V\d+\)| v\.\d+)$/
const ISO_ID =
  /^(ISO\/IEC\/IEEE|ISO\/IEEE|ISO\/IEC|ISO\/ASTM|ISO\/SAE|ISO\/HL7|IEC\/IEEE|IEC\/ISO|ISO|IEC|CISPR)(?:[/ ](TS|TR|PAS|ISP|Guide|IWA|R))?\s+(\d+)((?:[-.]\d+)*)(.*)$/
const ISO_AMENDMENT = /^\/(Amd|Cor)\s*(\d+)$/
const IEEE_ID = /^IEEE (P?C?\d+(?:\.\d+)*[a-zA-Z]{0,3})(?:\/(Cor|Amd)\s*(\d+))?(?:-(\d{4}))?$/
const ETSI_ID =
  /^ETSI (EN|TS|TR|ES|EG|SR|ETS|I-ETS|TBR|ETR|TCRTR|G[SR] [A-Za-z0-9-]+) (\d{3}(?: \d{3})?)((?:-\d+)*)$/
const NIST_ID = /^(?:NIST|NBS) (SP|FIPS|IR|CSWP) (.+)$/

/** The ISO family key of a number and its parts ("19650", "2" -> "19650-2"; "11073.20601" -> "11073-20601"). */
export function isoKey(number: string, part?: string): string {
  return `ISO|${number}${part ? '-' + part.replace(/\./g, '-') : ''}`
}

export function ieeeKey(number: string): string {
  return `IEEE|${number.toLowerCase()}`
}

export function etsiKey(type: string, number: string, part?: string): string {
  return `ETSI|${type}|${number}${part ? '-' + part : ''}`
}

export function nistKey(type: string, number: string): string {
  return `NIST|${type}|${number.toUpperCase()}`
}

/** Keys under which a catalogue standard is found; only the id forms of its own body are tried. */
export function catalogueKeys(s: CitableStandard): CatalogueKey[] {
  const keys: CatalogueKey[] = [{key: `ID|${s.id.toLowerCase()}`, relation: 'exact'}]
  const id = s.id
  if (s.org === 'ITU-T') keys.push(...ituKeys(id))
  if (id.startsWith('ISO') || id.startsWith('IEC') || id.startsWith('CISPR')) keys.push(...isoKeys(id))
  if (id.startsWith('IEEE ')) {
    const ieee = IEEE_ID.exec(id)
    const amendment = ieee?.[2] ? `${ieee[2]} ${ieee[3]}` : undefined
    if (ieee)
      keys.push({
        key: ieeeKey(ieee[1]),
        relation: amendment ? 'amendment' : 'exact',
        amendment,
        year: ieee[4],
      })
  }
  if (id.startsWith('ETSI ')) keys.push(...etsiKeys(s))
  const gpp = id.startsWith('3GPP ') ? /^3GPP (?:TS|TR) (\d{2}\.\d{3}.*)$/.exec(id) : null
  if (gpp) keys.push({key: `3GPP|${gpp[1]}`, relation: 'exact'})
  const nist = id.startsWith('NIST ') || id.startsWith('NBS ') ? NIST_ID.exec(id) : null
  if (nist) keys.push({key: nistKey(nist[1], nist[2]), relation: 'exact'})
  return keys
}

function isoKeys(id: string): CatalogueKey[] {
  const iso = ISO_ID.exec(id)
  if (!iso) return []
  const part = iso[4] ? iso[4].slice(1) : undefined
  const base = isoKey(iso[3], part)
  if (iso[5] === '') {
    const keys: CatalogueKey[] = [{key: base, relation: 'exact'}]
    // Filed under each level of its series too: "ISO 20022" and "IEC 60721-3" have no id, only parts.
    const levels = part ? part.split(/[-.]/) : []
    for (let i = 0; i < levels.length; i++)
      keys.push({
        key: isoKey(iso[3], levels.slice(0, i).join('-') || undefined),
        relation: 'part',
        order: levels.slice(i).map(Number),
      })
    return keys
  }
  const amendment = ISO_AMENDMENT.exec(iso[5])
  return amendment ? [{key: base, relation: 'amendment', amendment: `${amendment[1]} ${amendment[2]}`}] : []
}

/**
 * ETSI ids by type and number; EN/TS twins (EN 319 412-2, TS 119 412-2: ETSI publishes a text as a
 * TS and then as an EN, the number's first digit telling which) under the number without that digit;
 * and a transposition under the 3GPP spec its title names: "(3GPP TS 23.501 version 19.7.0 ...)".
 */
function etsiKeys(s: CitableStandard): CatalogueKey[] {
  const keys: CatalogueKey[] = []
  const etsi = ETSI_ID.exec(s.id)
  if (etsi) {
    const part = etsi[3] ? etsi[3].slice(1) : undefined
    keys.push({key: etsiKey(etsi[1], etsi[2], part), relation: 'exact'})
    // A multi-part deliverable ("EN 301 908") is cited by its number alone.
    if (part)
      keys.push({key: etsiKey(etsi[1], etsi[2]), relation: 'part', order: part.split('-').map(Number)})
  }
  const twin = etsiTwinKey(s.id)
  if (twin) keys.push({key: twin, relation: 'twin'})
  const spec = s.title.includes('3GPP')
    ? /\(3GPP (?:TS|TR) (\d{2}\.\d{3}(?:-\d+)*) version/.exec(s.title)
    : null
  if (spec) keys.push({key: `3GPP|${spec[1]}`, relation: 'transposition'})
  return keys
}

function ituKeys(id: string): CatalogueKey[] {
  const m = ITU_ID.exec(id)
  if (!m) return []
  const number = m[1]
  const rest = m[2]
  const halves = number.includes(' Suppl. ') ? [number] : number.split('/')
  const relations: CatalogueKey[] = []
  const amendment = ITU_AMENDMENT.exec(rest)
  if (rest === '') {
    relations.push({key: `ITU|${number}`, relation: 'exact'})
    // Q.731.3 is a part of the Q.731 series, which may have no Recommendation of its own.
    const parent = /^([A-Z]\.\d+(?:\.\d+)*)\.(\d+)$/.exec(number)
    if (parent) relations.push({key: `ITU|${parent[1]}`, relation: 'part', order: [Number(parent[2])]})
    if (halves.length > 1)
      relations.push(...halves.map((h) => ({key: `ITU|${h}`, relation: 'joint' as const})))
  } else if (amendment) {
    const kind = amendment[2] === 'Add' ? 'Amd' : amendment[2]
    for (const h of halves.length > 1 ? [number, ...halves] : halves)
      relations.push({
        key: `ITU|${h}`,
        relation: 'amendment',
        amendment: `${kind} ${amendment[3]}`,
        year: amendment[1],
      })
  } else if (ITU_EDITION.test(rest)) {
    relations.push({key: `ITU|${number}`, relation: 'edition'})
  }
  return relations
}

/** Where the twins of an ETSI EN, TS, ES or TR number are filed (see etsiKeys). */
export function etsiTwinKey(id: string): string | undefined {
  const etsi = /^ETSI (?:EN|TS|ES|TR) \d(\d{2} \d{3}(?:-\d+)*)$/.exec(id)
  return etsi ? `ETSI-TWIN|${etsi[1]}` : undefined
}

const STATUS_RANK: Record<string, number> = {'in-force': 0, 'under-study': 1, withdrawn: 2}

/** Current texts first, then drafts, then withdrawn ones. */
export function statusRank(status: string | undefined): number {
  return STATUS_RANK[status ?? ''] ?? 1
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
