/** Markdown of a report document, for rapporteurs to paste into a contribution. */
import type {Block, ReportDocument} from './document.js'

/** Catalogue text in Markdown: no markup, no HTML, no line breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, ' ')
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${markdownText(b.text)}`
    case 'paragraph':
      return b.note ? `_${markdownText(b.text)}_` : markdownText(b.text)
    case 'list':
      return b.items.map((item) => `- ${markdownText(item)}`).join('\n')
    case 'table': {
      const line = (cells: string[]) => `| ${cells.map((c) => markdownText(c) || ' ').join(' | ')} |`
      return [line(b.header), `|${b.header.map(() => ' --- |').join('')}`, ...b.rows.map(line)].join('\n')
    }
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  return `${doc.blocks.map(block).join('\n\n')}\n`
}
