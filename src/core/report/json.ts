/** `report.json`: the whole analysis, as documented in docs/report-schema.json. */
import type {Analysis} from '../analysis/analyse.js'

export function renderJson(analysis: Analysis): string {
  return `${JSON.stringify(analysis, null, 2)}\n`
}
