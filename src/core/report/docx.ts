/**
 * Word (.docx) of a report document, for ITU contributions: real headings (Heading 1–3 styles),
 * tables with a header row, bulleted lists. Deterministic: the package's timestamps are fixed.
 */
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import type {Block, ReportDocument} from './document.js'

const HEADINGS = {1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3} as const

/** Word rejects control characters in XML text; catalogue text might carry some. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
}

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({children: [new TextRun({text: clean(text), bold: header, size: 18})]})],
    ...(header ? {shading: {fill: 'E9EFF5'}} : {}),
  })
}

function children(b: Block): FileChild[] {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({text: clean(b.text), heading: HEADINGS[b.level]})]
    case 'paragraph':
      return [new Paragraph({children: [new TextRun({text: clean(b.text), italics: b.note ?? false})]})]
    case 'list':
      return b.items.map((item) => new Paragraph({text: clean(item), bullet: {level: 0}}))
    case 'table':
      return [
        new Table({
          width: {size: 100, type: WidthType.PERCENTAGE},
          rows: [
            new TableRow({tableHeader: true, children: b.header.map((h) => cell(h, true))}),
            ...b.rows.map((r) => new TableRow({children: r.map((c) => cell(c, false))})),
          ],
        }),
        new Paragraph({}),
      ]
  }
}

/** The report date as the document's creation time (midnight UTC), or a fixed epoch. */
function coreXml(doc: ReportDocument, date: string | undefined): string {
  const when = `${date ?? '1980-01-01'}T00:00:00Z`
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${esc(clean(doc.title))}</dc:title>`,
    '<dc:creator>gapscan</dc:creator>',
    `<dc:language>${esc(doc.lang)}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('')
}

export async function renderDocx(doc: ReportDocument, date?: string): Promise<Uint8Array> {
  const file = new Document({
    title: doc.title,
    creator: 'gapscan',
    styles: {default: {document: {run: {font: 'Times New Roman', size: 22}}}},
    sections: [{children: doc.blocks.flatMap(children)}],
  })
  const bytes = await Packer.toBuffer(file, false, [{path: 'docProps/core.xml', data: coreXml(doc, date)}])
  return fixZipTimes(new Uint8Array(bytes))
}

/**
 * Sets every entry's modification time in a ZIP to 1980-01-01 00:00 (the DOS epoch), so the same
 * document gives the same bytes on every run. Walks local headers, then the central directory.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const DOS_DATE = (0 << 9) | (1 << 5) | 1
  let o = 0
  while (o + 30 <= zip.length && view.getUint32(o, true) === 0x04034b50) {
    view.setUint16(o + 10, 0, true)
    view.setUint16(o + 12, DOS_DATE, true)
    o += 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true) + view.getUint32(o + 18, true)
  }
  while (o + 46 <= zip.length && view.getUint32(o, true) === 0x02014b50) {
    view.setUint16(o + 12, 0, true)
    view.setUint16(o + 14, DOS_DATE, true)
    o += 46 + view.getUint16(o + 28, true) + view.getUint16(o + 30, true) + view.getUint16(o + 32, true)
  }
  return zip
}
