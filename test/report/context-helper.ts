/** A report context for tests: both resolutions, every study group, a fixed catalogue description. */
import type {Analysis} from '../../src/core/analysis/analyse.js'
import {SUBJECT_KINDS} from '../../src/core/catalogue/types.js'
import type {ReportContext} from '../../src/core/report/context.js'
import type {Lang} from '../../src/core/report/labels.js'

export const TEST_HASH = 'f'.repeat(64)

export function reportContext(
  lang: Lang,
  analysis?: Analysis,
  extra: Partial<ReportContext> = {},
): ReportContext {
  return {
    lang,
    kinds: [...SUBJECT_KINDS],
    sgs: [],
    catalogue: {
      hash: TEST_HASH,
      counts: {
        deliverable: analysis?.catalogue.deliverables ?? 0,
        requirement: analysis?.catalogue.requirements ?? 0,
        standard: analysis?.catalogue.standards ?? 0,
        studyGroup: analysis?.catalogue.studyGroups ?? 0,
      },
      standardsByOrg: {'ITU-T': 2, ISO: 1},
      questionsBySg: {17: ['Q6/17'], 20: [], 21: ['Q1/21']},
    },
    ...extra,
  }
}
