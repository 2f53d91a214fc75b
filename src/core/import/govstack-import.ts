/**
 * GovStack specification statements → requirement entries. The markdown parsing is
 * `parseGovstackMarkdown` (govstack.ts); this module reads the spec folder, maps each statement
 * to a requirement (id = statement id, building_block, level, text, a title derived from the text,
 * source_refs [id], source_url = the file on GitHub) and validates it with the catalogue schema.
 *
 * source_url: when the spec folder has a SOURCES.md table (`local file | repository | path |
 * branch | commit`), the URL pins that commit; otherwise it is the file's path on the `main`
 * branch of `GovStackWorkingGroup/bb-<building-block>`.
 */
import {existsSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import type {Problem} from '../catalogue/problems.js'
import type {RawValue} from '../catalogue/readers.js'
import {cleanText, parseEntry, titleFromText} from '../catalogue/schema.js'
import type {Requirement} from '../catalogue/types.js'
import {parseGovstackMarkdown, type GovstackStatement} from './govstack.js'
import {readText} from '../io/read-text.js'
import {listInputFiles} from './inputs.js'

const NOT_SPEC = /^(readme|sources|license|licence|changelog|summary)(\..*)?$/i

export interface GovstackSource {
  repo: string
  path: string
  commit?: string
  branch?: string
}

export interface GovstackImportResult {
  entries: Requirement[]
  statements: number
  problems: Problem[]
}

export function importGovstack(paths: readonly string[]): GovstackImportResult {
  const listing = listInputFiles(paths, ['.md'])
  const problems: Problem[] = [...listing.problems]
  const sources = new Map<string, GovstackSource>()
  for (const folder of new Set(
    paths.map((p) => (p.toLowerCase().endsWith('.md') ? dirname(dirname(p)) : p)),
  )) {
    for (const [local, source] of readSourcesTable(join(folder, 'SOURCES.md'))) sources.set(local, source)
  }
  const entries: Requirement[] = []
  const seen = new Map<string, string>()
  let statements = 0
  for (const file of listing.files) {
    if (NOT_SPEC.test(basename(file))) continue
    const input = readText(file)
    problems.push(...input.problems)
    if (input.text === undefined) continue
    const sourceFile = `${basename(dirname(file))}/${basename(file)}`
    for (const statement of parseGovstackMarkdown(input.text, sourceFile)) {
      statements++
      const first = seen.get(statement.id)
      if (first !== undefined) {
        problems.push({
          severity: 'error',
          file,
          line: 0,
          field: 'id',
          message: `duplicate statement id "${statement.id}" (first in ${first})`,
        })
        continue
      }
      seen.set(statement.id, file)
      const values = statementValues(
        statement,
        sourceUrl(statement.sourceFile, sources.get(statement.sourceFile)),
      )
      const parsed = parseEntry(file, {values, line: 0, fieldLines: {}}, 'requirement')
      problems.push(...parsed.problems.filter((p) => p.severity === 'error'))
      if (parsed.entry) entries.push(parsed.entry as Requirement)
    }
  }
  return {entries, statements, problems}
}

export function statementValues(statement: GovstackStatement, url: string): Record<string, RawValue> {
  const text = cleanText(statement.text)
  return {
    id: statement.id,
    title: titleFromText(plain(text)),
    building_block: statement.buildingBlock,
    ...(statement.level ? {level: statement.level} : {}),
    text,
    source_refs: [statement.id],
    source_url: url,
  }
}

export function sourceUrl(sourceFile: string, source?: GovstackSource): string {
  if (source)
    return `https://github.com/${source.repo}/blob/${source.commit ?? source.branch ?? 'main'}/${source.path}`
  const [block, file] = sourceFile.split('/')
  return `https://github.com/GovStackWorkingGroup/bb-${block}/blob/main/spec/${file}`
}

/** Rows of a SOURCES.md table: `| \`local/file.md\` | owner/repo | \`path\` | branch | \`commit\` | …`. */
export function readSourcesTable(path: string): Map<string, GovstackSource> {
  const out = new Map<string, GovstackSource>()
  if (!existsSync(path)) return out
  const {text} = readText(path)
  for (const line of (text ?? '').split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''))
    // ['', local, repo, path, branch, commit, …]
    if (cells.length < 6 || !cells[1].endsWith('.md') || !/^[\w.-]+\/[\w.-]+$/.test(cells[2])) continue
    const commit = /^[0-9a-f]{7,40}$/.test(cells[5]) ? cells[5] : undefined
    out.set(cells[1], {repo: cells[2], path: cells[3], branch: cells[4] || undefined, commit})
  }
  return out
}

/** Markdown markup out of a title: links keep their text, emphasis and escapes go. */
function plain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/\\([_*[\]()#])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}
