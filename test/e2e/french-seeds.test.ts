import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Matcher} from '../../src/core/match/matcher.js'
import {loadWorkspace} from '../../src/core/workspace.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SEED = join(ROOT, '..', 'shared', 'seeds', '002_c5255e6079da2a54.txt')

/**
 * The proposed revision of Resolution 98 describes four Recommendations in French (items f–i of
 * its "considering"). With the Recommendation numbers removed, each text must rank its own
 * Recommendation first among the bundled catalogue's standards.
 */
const CASES: [string, string][] = [
  ['f', 'Y.4000/Y.2060'],
  ['g', 'Y.4702'],
  ['h', 'Y.4900/L.1600'],
  ['i', 'Y.4600'],
]

describe('e2e: French descriptions from the Resolution 98 seed rank their Recommendation first', () => {
  let matcher: Matcher
  let lines: string[]
  before(function () {
    if (!existsSync(SEED)) this.skip()
    this.timeout(120_000)
    lines = readFileSync(SEED, 'utf8').split(/\r?\n/)
    const {catalogue, config, glossary} = loadWorkspace(join(ROOT, 'data'), {}, [])
    matcher = new Matcher(catalogue, config, glossary)
  })

  for (const [letter, recommendation] of CASES) {
    it(`${letter}) → ${recommendation}`, () => {
      const line = lines.find((l) => l.startsWith(`${letter})`))
      assert.ok(line, `no line starting "${letter})"`)
      const text = line.replace(/^[a-z]\)\t/, '').replace(/Y\.\d+(\/[YL]\.\d+)?/g, '')
      assert.doesNotMatch(text, /Y\.\d/)
      assert.ok(text.length > 100, text)
      const result = matcher.match({id: `seed-${letter}`, kind: 'text', title: '', body: text})
      assert.equal(result.matches[0]?.id, recommendation, JSON.stringify(result.matches.slice(0, 3)))
    })
  }
})
