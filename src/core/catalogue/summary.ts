/** Counts that describe a catalogue: per kind, per study group, per organisation and status. */
import {compareText} from './problems.js'
import type {Catalogue} from './types.js'

export interface CatalogueSummary {
  counts: {deliverable: number; requirement: number; standard: number; 'study-group': number}
  /** Standards per ITU-T study group (`SG20`), plus deliverables that name the SG. */
  bySg: Record<
    string,
    {standards: number; inForce: number; underStudy: number; deliverables: number; questions: number}
  >
  /** Standards per organisation (ITU-T, ISO, IEC, …). */
  byOrg: Record<string, number>
  byStatus: Record<string, number>
  /** Requirements per building block or cross-cutting area. */
  byBuildingBlock: Record<string, number>
  /** Entries per source file. */
  byFile: Record<string, number>
}

/**
 * Counts are keyed by user data (an organisation, a building block, a file name), so they start
 * as null-prototype objects: an organisation named `constructor` or `__proto__` is counted like
 * any other.
 */
export function summariseCatalogue(catalogue: Catalogue): CatalogueSummary {
  const bySg: CatalogueSummary['bySg'] = Object.create(null)
  const sgRow = (n: number) =>
    (bySg[`SG${n}`] ??= {standards: 0, inForce: 0, underStudy: 0, deliverables: 0, questions: 0})
  for (const group of [...catalogue.studyGroups].sort((a, b) => a.number - b.number))
    sgRow(group.number).questions = group.questions.length
  const byOrg: Record<string, number> = Object.create(null)
  const byStatus: Record<string, number> = Object.create(null)
  for (const standard of catalogue.standards) {
    byOrg[standard.org] = (byOrg[standard.org] ?? 0) + 1
    byStatus[standard.status] = (byStatus[standard.status] ?? 0) + 1
    if (standard.sg !== undefined) {
      const row = sgRow(standard.sg)
      row.standards++
      if (standard.status === 'in-force') row.inForce++
      if (standard.status === 'under-study') row.underStudy++
    }
  }
  for (const deliverable of catalogue.deliverables) for (const sg of deliverable.sgs) sgRow(sg).deliverables++
  const byBuildingBlock: Record<string, number> = Object.create(null)
  for (const requirement of catalogue.requirements) {
    byBuildingBlock[requirement.buildingBlock] = (byBuildingBlock[requirement.buildingBlock] ?? 0) + 1
  }
  const byFile: Record<string, number> = Object.create(null)
  for (const entry of [
    ...catalogue.deliverables,
    ...catalogue.requirements,
    ...catalogue.standards,
    ...catalogue.studyGroups,
  ]) {
    byFile[entry.origin.file] = (byFile[entry.origin.file] ?? 0) + 1
  }
  return {
    counts: {
      deliverable: catalogue.deliverables.length,
      requirement: catalogue.requirements.length,
      standard: catalogue.standards.length,
      'study-group': catalogue.studyGroups.length,
    },
    bySg: sortKeys(bySg, (a, b) => Number(a.slice(2)) - Number(b.slice(2))),
    byOrg: sortKeys(byOrg),
    byStatus: sortKeys(byStatus),
    byBuildingBlock: sortKeys(byBuildingBlock),
    byFile: sortKeys(byFile),
  }
}

function sortKeys<V>(
  record: Record<string, V>,
  compare: (a: string, b: string) => number = compareText,
): Record<string, V> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)))
}
