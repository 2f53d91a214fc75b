import assert from 'node:assert/strict'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {runExternal} from '../../bench/external.js'
import {ROOT} from '../catalogue/cli-helpers.js'

/** Writes `{"id", "text"}` lines. */
const writeTexts = (path: string, rows: [string | number, string][]) =>
  writeFileSync(path, rows.map(([id, text]) => JSON.stringify({id, text})).join('\n') + '\n')

/** Runs the bench's external-file mode with its timing line (stderr) kept out of the test output. */
function quietly(run: () => void): string {
  const write = process.stderr.write
  let stderr = ''
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write
  try {
    run()
  } finally {
    process.stderr.write = write
  }
  return stderr
}

describe('bench: external files (--queries, --corpus, --out, --k)', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gapscan-bench-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('writes one line per query: its top k by score, ids breaking ties; a French query finds English text', () => {
    const queries = join(dir, 'q.jsonl')
    const corpus = join(dir, 'c.jsonl')
    const out = join(dir, 'o.jsonl')
    writeTexts(queries, [
      ['q1', 'jumeau numérique de la ville intelligente'],
      ['q2', 'Internet of things security'],
      ['q3', 'nothing in common'],
    ])
    writeTexts(corpus, [
      ['b', 'Digital twin framework for smart cities'],
      ['a', 'Digital twin framework for smart cities'],
      ['iot', 'Security requirements for the Internet of things'],
      [7, 'Metaverse avatars'],
    ])
    const stderr = quietly(() =>
      runExternal({queries, corpus, out, k: 2, glossary: join(ROOT, 'data/glossary.yaml')}),
    )
    const written = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    assert.deepEqual(
      written.map((row) => ({query: row.query, ids: row.matches.map((m: {id: string}) => m.id)})),
      [
        {query: 'q1', ids: ['a', 'b']},
        {query: 'q2', ids: ['iot']},
        {query: 'q3', ids: []},
      ],
    )
    assert.equal(written[0].matches[0].score, written[0].matches[1].score)
    assert.ok(written[0].matches[0].score > 0 && written[0].matches[0].score <= 1)
    assert.match(stderr, /^gapscan bench: 3 queries × 4 documents, top 2\n/)
  })

  it('names the file and line of a malformed input line', () => {
    const queries = join(dir, 'q.jsonl')
    writeTexts(queries, [['q1', 'fine']])
    writeFileSync(queries, readFileSync(queries, 'utf8') + '{"id": "q2"}\n')
    assert.throws(
      () => quietly(() => runExternal({queries, corpus: queries, k: 1})),
      (e: Error) => e.message.startsWith(`${queries}:2: expected {"id": …, "text": "…"}`),
    )
  })
})
