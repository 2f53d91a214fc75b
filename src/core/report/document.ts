/**
 * A format-neutral document: headings, paragraphs, lists and tables of plain text. The summary
 * and per-SG documents are built once as blocks, then written as Markdown or Word, so both
 * formats always say the same thing.
 */
export type Block =
  | {type: 'heading'; level: 1 | 2 | 3; text: string}
  /** `note` paragraphs are secondary (italic in every format). */
  | {type: 'paragraph'; text: string; note?: boolean}
  | {type: 'list'; items: string[]}
  | {type: 'table'; header: string[]; rows: string[][]}

export interface ReportDocument {
  /** File name without extension, e.g. `summary` or `res105-sg-20`. */
  name: string
  title: string
  lang: string
  blocks: Block[]
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({type: 'heading', level, text})
export const paragraph = (text: string, note = false): Block =>
  note ? {type: 'paragraph', text, note} : {type: 'paragraph', text}
export const list = (items: string[]): Block => ({type: 'list', items})
export const table = (header: string[], rows: string[][]): Block => ({type: 'table', header, rows})
