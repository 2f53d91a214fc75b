/**
 * The report set: which files each format produces. Pure: returns paths and contents; the
 * command writes them all at once with writeFolderAtomic.
 */
import type {Analysis} from '../analysis/analyse.js'
import {gapsCsv, overlapsCsv} from './csv.js'
import {renderHtml} from './html.js'
import {renderJson} from './json.js'
import type {Lang} from './labels.js'
import {renderStudyGroupMarkdown, renderSummaryMarkdown} from './markdown.js'

export const REPORT_FORMATS = ['html', 'md', 'json', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface ReportFile {
  name: string
  content: string
}

export function renderReports(
  analysis: Analysis,
  formats: readonly ReportFormat[],
  lang: Lang,
): ReportFile[] {
  const files: ReportFile[] = []
  if (formats.includes('html')) files.push({name: 'index.html', content: renderHtml(analysis, lang)})
  if (formats.includes('md')) {
    files.push({name: 'summary.md', content: renderSummaryMarkdown(analysis, lang)})
    for (const group of analysis.studyGroups) {
      files.push({
        name: `sg-${group.number}.md`,
        content: renderStudyGroupMarkdown(analysis, group.number, lang),
      })
    }
  }
  if (formats.includes('json')) files.push({name: 'report.json', content: renderJson(analysis)})
  if (formats.includes('csv')) {
    files.push({name: 'gaps.csv', content: gapsCsv(analysis)})
    files.push({name: 'overlaps.csv', content: overlapsCsv(analysis)})
  }
  return files
}
