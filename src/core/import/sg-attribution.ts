/**
 * Study groups for in-force ITU-T texts whose source names none, derived only where the numbering
 * gives evidence (each derived `sg` is flagged `sgDerived`):
 * - a Recommendation (`X.1234`, `X.1277.2`) takes a study group when every in-force
 *   Recommendation of its numbering block that has a study group from the source has that same
 *   one, and there are at least `MIN_EVIDENCE` of them. The block is the thousand of its series
 *   (X.1000–X.1999) from 1000 on, the hundred below (X.500–X.599), as ITU-T allocates ranges;
 * - an amendment, corrigendum or erratum (`X.1197 (2012) Amd. 1`) takes the study group of its base
 *   Recommendation (from the source, or derived by the rule above).
 * The rest stays without a study group: joint numbers (`Y.4900/L.1600`), supplements, texts of the
 * TSAG or other committees, and numbers whose block is shared by several study groups.
 */
import type {Standard} from '../catalogue/types.js'

const NUMBERED = /^([A-Z]+)\.(\d+)(?:\.\d+)*(?: bis| ter)?$/
const PART = /^([A-Z]+\.\d+(?:\.\d+)*) \(\d{4}\) (?:Amd|Cor|Err)\. \d+$/
export const MIN_EVIDENCE = 5

/** Sets `sg` and `sgDerived` where the rule above allows; returns how many were derived. */
export function deriveStudyGroups(standards: Standard[]): number {
  const inForce = standards.filter((s) => s.status === 'in-force' && s.org === 'ITU-T')
  // Per block: the study groups its sourced Recommendations name, and how many do.
  const blocks = new Map<string, {sgs: Set<number>; count: number}>()
  for (const standard of inForce) {
    const block = blockOf(standard.id)
    if (block === undefined || standard.sg === undefined) continue
    const evidence = blocks.get(block) ?? {sgs: new Set<number>(), count: 0}
    evidence.sgs.add(standard.sg)
    evidence.count++
    blocks.set(block, evidence)
  }
  const fromBlock = (id: string): number | undefined => {
    const evidence = blocks.get(blockOf(id) ?? '')
    if (!evidence || evidence.sgs.size !== 1 || evidence.count < MIN_EVIDENCE) return undefined
    return [...evidence.sgs][0]
  }
  const sgOf = new Map(inForce.map((s) => [s.id, s]))
  const unattributed = (s: Standard) => s.sg === undefined && s.committee === undefined
  let derived = 0
  // Recommendations first, so that their parts can follow them.
  for (const pass of [NUMBERED, PART]) {
    for (const standard of inForce) {
      if (!unattributed(standard) || !pass.test(standard.id)) continue
      const sg = pass === NUMBERED ? fromBlock(standard.id) : sgOf.get(PART.exec(standard.id)?.[1] ?? '')?.sg
      if (sg === undefined) continue
      standard.sg = sg
      standard.sgDerived = true
      derived++
    }
  }
  return derived
}

/** `X.1234` → `X/1`; `X.509.1` → `X/5h`; undefined for numbers outside the plain numbering. */
function blockOf(id: string): string | undefined {
  const match = NUMBERED.exec(id)
  if (!match) return undefined
  const n = Number(match[2])
  return n >= 1000 ? `${match[1]}/${Math.floor(n / 1000)}` : `${match[1]}/${Math.floor(n / 100)}h`
}
