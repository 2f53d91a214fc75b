/**
 * Relationship of a subject to a standard in the set-theory vocabulary of NIST OLIR mappings,
 * derived from coverage in both directions (shares of idf-weighted term mass):
 *   equal           — each covers at least `full` of the other
 *   subset of       — the standard covers at least `full` of the subject, but not vice versa
 *                     (the subject is a subset of the standard)
 *   superset of     — the subject covers at least `full` of the standard, but not vice versa
 *   intersects with — neither covers `full` of the other, but they share terms
 */
export const RELATIONSHIPS = ['equal', 'subset of', 'superset of', 'intersects with'] as const
export type Relationship = (typeof RELATIONSHIPS)[number]

/** Share of a text's weighted terms that counts as "all of it" (titles are short: not 1.0). */
export const FULL_COVERAGE = 0.7

export function relationshipOf(
  subjectCovered: number,
  standardCovered: number,
  full = FULL_COVERAGE,
): Relationship {
  const subjectInside = subjectCovered >= full
  const standardInside = standardCovered >= full
  if (subjectInside && standardInside) return 'equal'
  if (subjectInside) return 'subset of'
  if (standardInside) return 'superset of'
  return 'intersects with'
}
