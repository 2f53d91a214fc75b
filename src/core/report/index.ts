/**
 * The report set: which files each format produces. Pure: returns paths and contents; the
 * command writes them all at once with writeFolderAtomic. Every format shows the same selection
 * (resolutions and study groups of the context).
 */
import type {Analysis} from '../analysis/analyse.js'
import {selectView, type ReportContext} from './context.js'
import {gapsCsv, overlapsCsv} from './csv.js'
import {reportDocuments} from './documents.js'
import {renderDocx} from './docx.js'
import {renderHtml} from './html.js'
import {renderJson} from './json.js'
import {renderMarkdown} from './markdown.js'

export const REPORT_FORMATS = ['html', 'md', 'docx', 'json', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface ReportFile {
  name: string
  content: string | Uint8Array
}

export async function renderReports(
  analysis: Analysis,
  formats: readonly ReportFormat[],
  ctx: ReportContext,
): Promise<ReportFile[]> {
  const view = selectView(analysis, {kinds: ctx.kinds, sgs: ctx.sgs})
  const files: ReportFile[] = []
  if (formats.includes('html')) files.push({name: 'index.html', content: renderHtml(view, ctx)})
  const documents = formats.includes('md') || formats.includes('docx') ? reportDocuments(analysis, ctx) : []
  if (formats.includes('md'))
    for (const doc of documents) files.push({name: `${doc.name}.md`, content: renderMarkdown(doc)})
  if (formats.includes('docx'))
    for (const doc of documents)
      files.push({name: `${doc.name}.docx`, content: await renderDocx(doc, analysis.date)})
  if (formats.includes('json')) files.push({name: 'report.json', content: renderJson(view)})
  if (formats.includes('csv')) {
    files.push({name: 'gaps.csv', content: gapsCsv(view)})
    files.push({name: 'overlaps.csv', content: overlapsCsv(view)})
  }
  return files
}
