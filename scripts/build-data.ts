/**
 * Regenerates the bundled standards in data/standards/ from the shared Relaton and ITU-T data:
 *
 *   npx tsx scripts/build-data.ts [--shared /work/shared/data] [--data data]
 *
 * - itu-t.jsonl: every number of relaton/itu-t-latest.jsonl (published and withdrawn);
 * - itu-t-work-items.yaml: rows of itu-t/work-items-more.csv, recommendations.csv and
 *   metaverse-work-items.csv that the Relaton data does not hold (work items under study, recent
 *   Recommendations);
 * - iso/iec/ieee/etsi/3gpp/w3c/oasis.jsonl: one per body. A number held by several bodies' files
 *   (ISO/IEC joint publications in both the ISO and IEC data; ISO/IEC/IEEE ones also in IEEE) is
 *   kept once: the newer record (by publication date; equal dates: the later snapshot), in the
 *   file of the body it came from.
 *
 * Only facts are shipped (the --no-abstract form): abstracts are the bodies' prose, so each entry
 * keeps at most 8 key terms drawn from its abstract, never the abstract itself. The output is
 * deterministic: running the script twice writes the same bytes.
 */
import {fileURLToPath} from 'node:url'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {loadFile} from '../src/core/catalogue/load.js'
import {formatProblem} from '../src/core/catalogue/problems.js'
import type {Standard, StudyGroup} from '../src/core/catalogue/types.js'
import {writeFilesAtomic} from '../src/core/io/atomic-write.js'
import {dropUnknownReferences} from '../src/core/import/apply.js'
import {knownNumbers, readWorkItems} from '../src/core/import/itu-work-items.js'
import {mergeEntries, serialiseJsonl, serialiseYaml} from '../src/core/import/merge.js'
import {deriveStudyGroups} from '../src/core/import/sg-attribution.js'
import {latestEditions, readRelatonFiles, relatonToStandards} from '../src/core/import/relaton.js'

/** Other bodies, in snapshot order (oldest first: on equal dates the later snapshot wins). */
const BODIES = [
  {name: 'nist', snapshot: '2024-10-11'},
  {name: 'oasis', snapshot: '2025-02-12'},
  {name: 'iso', snapshot: '2025-06-02'},
  {name: 'ieee', snapshot: '2025-08-31'},
  {name: '3gpp', snapshot: '2025-12-12'},
  {name: 'iec', snapshot: '2026-03-15'},
  {name: 'ogc', snapshot: '2026-04-25'},
  {name: 'etsi', snapshot: '2026-05-01'},
  {name: 'w3c', snapshot: '2026-05-20'},
  {name: 'openid', snapshot: '2026-08-20'},
  {name: 'ietf', snapshot: '2026-08-22'},
]

function fail(message: string): never {
  process.stderr.write(`build-data: ${message}\n`)
  process.exit(3)
}

/**
 * Where a record without its own URL came from: the Relaton data repository at the commit read
 * (see ../shared/data/relaton/SOURCES.md and ITU-T.md), so every entry names its source.
 */
const RELATON_REPOSITORIES: Record<string, string> = {
  'ITU-T': 'https://github.com/relaton/relaton-data-itu/tree/daa9deb25193b9e16015befac0e1e68f9d8fcdf6',
  '3GPP': 'https://github.com/relaton/relaton-data-3gpp/tree/c6e533e13437075e8d8e962244b045fe00c47b6e',
  OASIS: 'https://github.com/relaton/relaton-data-oasis/tree/6248f5ccfacfb394e35c349564044c85dfb02eb8',
}

function standardsOf(file: string): Standard[] {
  const read = readRelatonFiles([file])
  if (read.problems.some((p) => p.severity === 'error'))
    fail(read.problems.map(formatProblem).slice(0, 10).join('\n'))
  const {entries, problems} = relatonToStandards(latestEditions(read.records), {abstract: false})
  if (problems.length > 0) fail(problems.map(formatProblem).slice(0, 10).join('\n'))
  if (entries.some((e) => e.summary !== undefined)) fail(`${file}: an abstract slipped into the output`)
  for (const entry of entries) {
    entry.sourceUrl ??= RELATON_REPOSITORIES[entry.org]
    if (!entry.sourceUrl) fail(`${file}: ${entry.id} has no URL and no known source repository`)
  }
  return entries
}

function main(): void {
  const {values} = parseArgs({
    options: {
      shared: {type: 'string', default: fileURLToPath(new URL('../../shared/data', import.meta.url))},
      data: {type: 'string', default: 'data'},
    },
  })
  const shared = values.shared as string
  const data = values.data as string
  const relaton = join(shared, 'relaton')
  if (!existsSync(join(relaton, 'itu-t-latest.jsonl')))
    fail(`no ${join(relaton, 'itu-t-latest.jsonl')}: pass --shared <folder>`)

  const groupsFile = loadFile(join(data, 'study-groups', 'study-groups.yaml'), 'study-group')
  const studyGroups = groupsFile.entries.filter((e): e is StudyGroup => e.kind === 'study-group')
  if (studyGroups.length === 0) fail(`no study groups in ${join(data, 'study-groups', 'study-groups.yaml')}`)

  const files: {path: string; content: string}[] = []
  const report: string[] = []
  // Through mergeEntries: one entry per id, in the catalogue's natural order.
  const sorted = (entries: Standard[]) => mergeEntries([], entries).entries as Standard[]

  // ITU-T Recommendations.
  const itu = standardsOf(join(relaton, 'itu-t-latest.jsonl'))
  const ituDropped = dropUnknownReferences(itu, studyGroups)
  const sgDerived = deriveStudyGroups(itu)
  files.push({path: join(data, 'standards', 'itu-t.jsonl'), content: serialiseJsonl(sorted(itu))})
  report.push(
    `itu-t.jsonl: ${itu.length} standards (${count(itu, 'withdrawn')} withdrawn; dropped sg ${ituDropped.sg}; sg derived for ${sgDerived}; ${withoutSg(itu)} in force without sg)`,
  )

  // ITU-T work items not in the Relaton data.
  // Newest first: work-items-more.csv repeats some metaverse-work-items.csv rows with a newer status.
  const tables = ['work-items-more.csv', 'recommendations.csv', 'metaverse-work-items.csv'].map((name) => {
    const file = join(shared, 'itu-t', name)
    return {file, text: readFileSync(file, 'utf8')}
  })
  const work = readWorkItems(tables, knownNumbers(itu.map((s) => s.id)))
  if (work.problems.length > 0) fail(work.problems.map(formatProblem).join('\n'))
  const workDropped = dropUnknownReferences(work.entries, studyGroups)
  const header = [
    'ITU-T work items and Recommendations that the Relaton data (data/standards/itu-t.jsonl) does not hold:',
    'rows of the hand-collected itu-t/work-items-more.csv, recommendations.csv and metaverse-work-items.csv',
    '(facts only).',
    'Generated by scripts/build-data.ts; Questions the catalogue does not list are left out.',
  ].join('\n')
  files.push({
    path: join(data, 'standards', 'itu-t-work-items.yaml'),
    content: serialiseYaml('standard', sorted(work.entries), header),
  })
  report.push(
    `itu-t-work-items.yaml: ${work.entries.length} standards (${count(work.entries, 'under-study')} under study; skipped ${work.skipped.known} already in Relaton, ${work.skipped.questions} Questions, ${work.skipped.duplicates} repeats; dropped Questions ${workDropped.question})`,
  )

  // Other bodies, one number once across all of them.
  const chosen = new Map<string, {entry: Standard; body: string; rank: number}>()
  BODIES.forEach(({name}, rank) => {
    for (const entry of standardsOf(join(relaton, `${name}-latest.jsonl`))) {
      const current = chosen.get(entry.id)
      if (
        !current ||
        (entry.published ?? '') > (current.entry.published ?? '') ||
        ((entry.published ?? '') === (current.entry.published ?? '') && rank > current.rank)
      ) {
        chosen.set(entry.id, {entry, body: name, rank})
      }
    }
  })
  for (const {name} of [...BODIES].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Other bodies' standards name no ITU-T study group or Question: nothing to drop.
    const entries = [...chosen.values()].filter((c) => c.body === name).map((c) => c.entry)
    files.push({path: join(data, 'standards', `${name}.jsonl`), content: serialiseJsonl(sorted(entries))})
    report.push(
      `${name}.jsonl: ${entries.length} standards (${count(entries, 'in-force')} in force, ${count(entries, 'under-study')} under study, ${count(entries, 'withdrawn')} withdrawn; ${entries.filter((e) => e.replacedBy).length} with replaced_by; ${entries.filter((e) => e.derivedTerms).length} with derived_terms)`,
    )
  }

  writeFilesAtomic(files)
  // Each other body's number is written once (`chosen`).
  const total = itu.length + work.entries.length + chosen.size
  process.stderr.write(`${report.join('\n')}\ntotal: ${total} standards in ${files.length} files\n`)
}

function withoutSg(entries: Standard[]): number {
  return entries.filter((e) => e.status === 'in-force' && e.sg === undefined && e.committee === undefined)
    .length
}

function count(entries: Standard[], status: Standard['status']): number {
  return entries.filter((e) => e.status === status).length
}

main()
