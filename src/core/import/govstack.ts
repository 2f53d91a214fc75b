/**
 * Parser for GovStack building-block specification pages (GitBook markdown) into requirement
 * statements. The rules were inferred from, and reproduce, the reference extract `requirements.csv`
 * that ships with the GovStack data (same ids, levels and texts):
 *
 * - a statement is a heading with a level marker or an upper-case key word, a top-level bullet with
 *   a marker or a key word in any case (upper case only on the descriptive `4-…` pages), a nested
 *   bullet with a marker, a paragraph with a marker or an upper-case key word, or a table row with
 *   a level cell, a marker or an upper-case key word;
 * - its section is the innermost numbered heading (`5.1`, `**5**.1**.2`, `5.1.` all count), or
 *   the number a table row starts with; statements outside any numbered section are dropped;
 * - a marked heading's text runs on over the following paragraphs, tables and bullets that are
 *   not statements themselves, up to the next heading; a bullet's text takes in its continuation
 *   lines and then its nested bullets;
 * - text keeps markdown markup (`**`, links, `\_`) as written but loses HTML tags, GitBook hint
 *   blocks, hard-break backslashes and whitespace entities, and is whitespace-normalised.
 */

export type GovstackLevel = 'REQUIRED' | 'RECOMMENDED' | 'OPTIONAL'

export interface GovstackStatement {
  id: string
  buildingBlock: string
  section: string
  level?: GovstackLevel
  text: string
  sourceFile: string
}

interface Heading {
  kind: 'heading'
  depth: number
  text: string
}
interface Paragraph {
  kind: 'paragraph'
  lines: string[]
}
interface ListItem {
  kind: 'item'
  /** Lines belonging to the item itself (its first line and continuation paragraphs). */
  lines: string[]
  children: ListItem[]
}
interface Table {
  kind: 'table'
  rows: string[][]
}
type Block = Heading | Paragraph | ListItem | Table

/** A statement whose text is still growing, with its raw parts. */
interface Owner {
  parts: string[]
  statement: GovstackStatement
}

const LEVELS: readonly GovstackLevel[] = ['REQUIRED', 'RECOMMENDED', 'OPTIONAL']

// Markers in brackets or parentheses (`(REQUIRED)`, `\[OPTIONAL]`, `(REQUIRED for public clouds)`,
// an unclosed `(RECOMMENDED` at the end of a line). Upper case only: "(optional)" is prose, and so
// is a parenthesis that goes on past commas ("(REQUIRED for public clouds, obviously, but …)").
const MARKER = /[([](REQUIRED|RECOMMENDED|OPTIONAL)(?: [A-Za-z ]*)?(?:[)\]]|[ \t]*$)/m
// RFC 2119 key words. Upper case marks a normative statement and implies a level (the strongest
// one present); lower case still makes a bullet a statement, but of unspecified level.
const RFC_UPPER = /\b(MUST|SHALL|SHOULD|MAY)\b/g
// Key words quoted as a list of words, `(MUST or SHOULD)`, are mentioned rather than used.
const MENTION =
  /\(\s*(?:MUST|SHALL|SHOULD|MAY)(?:(?:\s*,\s*|\s+(?:or|and)\s+)(?:MUST|SHALL|SHOULD|MAY))*\s*\)/g
// "required" alone is mostly prose ("as required"); "it is required to" is not.
const RFC_ANY = /\b(must|shall|should|is required)\b/i
const WORD_LEVEL: Record<string, GovstackLevel> = {
  MUST: 'REQUIRED',
  SHALL: 'REQUIRED',
  SHOULD: 'RECOMMENDED',
  MAY: 'OPTIONAL',
}
// Table level cells, including the `REQUIRE` typo found in the security page.
const LEVEL_CELL = /^(REQUIRED?|RECOMMENDED|OPTIONAL)$/

const LIST_ITEM = /^( *)([*+-]|\d+[.)])(?: +|$)(.*)$/
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const SECTION_NUMBER = /^(\d+(?:\.\d+)*)\.?(?:\s|$)/

/** Parses one spec markdown file. `sourceFile` is `<building-block>/<file name>`; the building block is its first path segment. */
export function parseGovstackMarkdown(markdown: string, sourceFile: string): GovstackStatement[] {
  const buildingBlock = sourceFile.split('/')[0] ?? sourceFile
  const blocks = toBlocks(
    stripFrontMatter(
      markdown
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .split('\n'),
    ),
  )
  const out: GovstackStatement[] = []
  const counts = new Map<string, number>()
  // Numbered headings open sections; an unnumbered heading closes those at its depth or deeper.
  const sections: {depth: number; number: string}[] = []
  let section: string | undefined
  // The key-digital-functionalities pages are descriptive: there lower-case key words are prose.
  const descriptive = /(^|\/)4-[^/]*$/.test(sourceFile)
  // A marked heading's statement absorbs the following text that is not a statement of its own.
  let open: Owner | undefined
  // A statement paragraph ending in a colon absorbs the plain list that follows it.
  let intro: Owner | undefined

  const emit = (text: string, level: GovstackLevel | undefined): GovstackStatement | undefined => {
    if (section === undefined) return undefined
    const n = (counts.get(section) ?? 0) + 1
    counts.set(section, n)
    const statement: GovstackStatement = {
      id: `${buildingBlock}-${section}-${n}`,
      buildingBlock,
      section,
      ...(level ? {level} : {}),
      text: normalise(text),
      sourceFile,
    }
    out.push(statement)
    return statement
  }
  const close = () => {
    if (open) open.statement.text = normalise(open.parts.join(' '))
    open = undefined
  }

  const emitItem = (item: ListItem, nested: boolean): string => {
    // Returns the text the item contributes to its parent when it is not a statement itself.
    const own = item.lines.join('\n')
    const marker = markerLevel(own)
    const isStatement =
      marker !== undefined ||
      (!nested && (upperLevel(own) !== undefined || (!descriptive && RFC_ANY.test(stripTags(own)))))
    let statement: GovstackStatement | undefined
    if (isStatement) statement = emit('', marker ?? upperLevel(own))
    const parts = [own]
    for (const child of item.children) {
      const t = emitItem(child, true)
      if (t) parts.push(t)
    }
    if (statement) {
      statement.text = normalise(parts.join('\n'))
      // The statement claims only its own lines: an enclosing heading's text keeps the nested ones.
      return parts.slice(1).join('\n')
    }
    return parts.join('\n')
  }

  for (const block of blocks) {
    if (block.kind === 'heading') {
      close()
      intro = undefined
      const number = SECTION_NUMBER.exec(stripTags(block.text).replace(/\*\*/g, '').trim())
      while (sections.length > 0 && sections[sections.length - 1].depth >= block.depth) sections.pop()
      if (number) sections.push({depth: block.depth, number: number[1]})
      section = sections[sections.length - 1]?.number
      const level = markerLevel(block.text) ?? upperLevel(block.text)
      if (level) {
        const statement = emit('', level)
        if (statement) open = {parts: [block.text], statement}
      }
      continue
    }
    if (block.kind === 'paragraph') {
      const text = block.lines.join('\n')
      intro = undefined
      if (open) open.parts.push(text)
      else if (markerLevel(text) || upperLevel(text)) {
        const statement = emit(text, markerLevel(text) ?? upperLevel(text))
        if (statement && /:\s*$/.test(normalise(text))) intro = {parts: [text], statement}
      }
      continue
    }
    if (block.kind === 'item') {
      const rest = emitItem(block, false)
      const owner = open ?? intro
      if (rest && owner) {
        owner.parts.push(rest)
        owner.statement.text = normalise(owner.parts.join(' '))
      }
      continue
    }
    intro = undefined
    for (const cellsHtml of block.rows) {
      const row = cellsHtml.map(cellText)
      const levelCell = row.findIndex((cell) => LEVEL_CELL.test(normalise(stripTags(cell))))
      const cells = row.filter((_, i) => i !== levelCell)
      const text = cells.join(' ')
      // Tables of numbered requirements (security: `<strong>5.5.1 Enrollment Services</strong>`)
      // open a section per row, as a numbered heading would.
      const first = SECTION_NUMBER.exec(normalise(stripTags(text)))
      if (first && first[1].includes('.')) {
        close()
        section = first[1]
      }
      if (levelCell >= 0) {
        const word = normalise(stripTags(row[levelCell])).replace(/^REQUIRE$/, 'REQUIRED') as GovstackLevel
        emit(text, word)
      } else if (markerLevel(text) || upperLevel(text)) {
        emit(text, markerLevel(text) ?? upperLevel(text))
      } else if (open) open.parts.push(text)
    }
  }
  close()
  return out
}

function markerLevel(text: string): GovstackLevel | undefined {
  const m = MARKER.exec(text)
  return m ? (m[1] as GovstackLevel) : undefined
}

/** The strongest level implied by upper-case RFC 2119 words, if any. */
function upperLevel(text: string): GovstackLevel | undefined {
  const found = new Set<GovstackLevel>()
  const used = stripTags(text).replace(MENTION, ' ')
  for (const m of used.matchAll(RFC_UPPER)) found.add(WORD_LEVEL[m[1]])
  return LEVELS.find((level) => found.has(level))
}

function stripFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== '---') return lines
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---')
  return end < 0 ? lines : lines.slice(end + 1)
}

function stripTags(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
}

// Block-level elements separate words; inline ones (`<a>`, `<strong>`, `<mark>`) do not.
const BLOCK_TAG =
  /<\/?(?:p|br|div|li|ul|ol|table|thead|tbody|tr|td|th|h[1-6]|figure|figcaption|img|hr|blockquote)\b[^>]*>/gi

/** The text of an HTML table cell, as a browser would lay it out. */
function cellText(html: string): string {
  return html.replace(BLOCK_TAG, ' ').replace(/<\/?[a-zA-Z][^>]*>/g, '')
}

const ENTITIES: Record<string, string> = {lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'"}

/**
 * Removes the markup the reference extract drops and collapses whitespace. Whitespace entities
 * (GitBook pads lines with `&#x20;`) become spaces and the common named ones are decoded; other
 * numeric references are kept as written, as the reference extract keeps GitBook's `&#xNAN;`
 * artefacts. Backslash escapes (`\_`, `\*`, `\[`) are kept too; only a backslash ending a line
 * (a hard line break) goes.
 */
function normalise(text: string): string {
  return stripTags(text)
    .replace(/\\$/gm, ' ')
    .replace(/&(?:#x20|#32|nbsp|#160|#xa0);/gi, ' ')
    .replace(/&(lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name])
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Splits lines into headings, paragraphs, top-level list items (with nested items) and tables. */
function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = []
  let i = 0
  const isBlank = (line: string | undefined) => line === undefined || line.trim() === ''
  while (i < lines.length) {
    const line = lines[i]
    if (isBlank(line)) {
      i++
      continue
    }
    // GitBook hint blocks are editorial notes, not requirements.
    if (/^\s*\{%\s*hint\b/.test(line)) {
      while (i < lines.length && !/\{%\s*endhint\s*%\}/.test(lines[i])) i++
      i++
      continue
    }
    // Code samples are not requirements either.
    const fence = FENCE.exec(line)
    if (fence) {
      i++
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) i++
      i++
      continue
    }
    if (/^\s*\{%.*%\}\s*$/.test(line)) {
      i++
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      blocks.push({kind: 'heading', depth: heading[1].length, text: heading[2]})
      i++
      continue
    }
    if (/^\s*<table\b/i.test(line)) {
      const start = i
      while (i < lines.length && !/<\/table>/i.test(lines[i])) i++
      blocks.push({kind: 'table', rows: htmlRows(lines.slice(start, i + 1).join('\n'))})
      i++
      continue
    }
    if (/^\s*\|/.test(line)) {
      const rows: string[][] = []
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        const cells = lines[i].trim().replace(/^\|/, '').replace(/\|$/, '').split('|')
        if (!cells.every((cell) => /^\s*:?-+:?\s*$/.test(cell))) rows.push(cells)
        i++
      }
      // The first row of a pipe table is its header.
      blocks.push({kind: 'table', rows: rows.slice(1)})
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item && item[1].length < 4) {
      const [node, next] = readItem(lines, i, item[1].length)
      blocks.push(node)
      i = next
      continue
    }
    const para: string[] = []
    while (i < lines.length && !isBlank(lines[i]) && !startsBlock(lines[i])) para.push(lines[i++])
    if (para.length === 0) para.push(lines[i++])
    blocks.push({kind: 'paragraph', lines: para})
  }
  return blocks
}

function startsBlock(line: string): boolean {
  return (
    HEADING.test(line) ||
    /^\s*<table\b/i.test(line) ||
    /^\s*\|/.test(line) ||
    /^\s*\{%/.test(line) ||
    FENCE.test(line) ||
    (LIST_ITEM.test(line) && (LIST_ITEM.exec(line)?.[1].length ?? 99) < 4)
  )
}

/** Reads the list item starting at `start` (marker indented by `indent`), with its nested items. */
function readItem(lines: string[], start: number, indent: number): [ListItem, number] {
  const first = LIST_ITEM.exec(lines[start]) as RegExpExecArray
  const contentIndent = indent + first[2].length + 1
  const node: ListItem = {kind: 'item', lines: [first[3]], children: []}
  let i = start + 1
  while (i < lines.length) {
    const line = lines[i]
    if (line.trim() === '') {
      // A blank line ends the item unless indented content follows.
      let j = i
      while (j < lines.length && lines[j].trim() === '') j++
      if (j < lines.length && leading(lines[j]) > indent && !/^\s*\{%/.test(lines[j])) {
        i = j
        continue
      }
      break
    }
    const sub = LIST_ITEM.exec(line)
    if (sub && sub[1].length > indent) {
      const [child, next] = readItem(lines, i, sub[1].length)
      node.children.push(child)
      i = next
      continue
    }
    if (sub || HEADING.test(line) || /^\s*\{%/.test(line) || /^\s*<table\b/i.test(line)) break
    if (leading(line) <= indent && i > start + 1 && lines[i - 1].trim() === '') break
    node.lines.push(line.slice(Math.min(leading(line), contentIndent)))
    i++
  }
  return [node, i]
}

function leading(line: string): number {
  return line.length - line.trimStart().length
}

function htmlRows(html: string): string[][] {
  const rows: string[][] = []
  for (const tr of html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...tr[1].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)].map((m) => m[1])
    if (cells.length > 0) rows.push(cells)
  }
  return rows
}
