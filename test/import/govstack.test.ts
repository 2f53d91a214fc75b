import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {parse} from 'csv-parse/sync'

import {compareText} from '../../src/core/catalogue/problems.js'
import {parseGovstackMarkdown, type GovstackStatement} from '../../src/core/import/govstack.js'

const FIXTURES = new URL('../fixtures/govstack/', import.meta.url)
// The GovStack extract lives beside the repository (<repo>/../shared/data/govstack); a lone clone lacks it.
const GOVSTACK = new URL('../../../shared/data/govstack/', import.meta.url)

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
}

/** Parses a fixture as if it were `demo/<name>`, so expected ids read `demo-<section>-<n>`. */
function parseFixture(name: string): GovstackStatement[] {
  return parseGovstackMarkdown(fixture(name), `demo/${name}`)
}

function statement(
  file: string,
  section: string,
  n: number,
  level: GovstackStatement['level'],
  text: string,
): GovstackStatement {
  return {
    id: `demo-${section}-${n}`,
    buildingBlock: 'demo',
    section,
    ...(level ? {level} : {}),
    text,
    sourceFile: `demo/${file}`,
  }
}

const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('parseGovstackMarkdown', () => {
  describe('fixtures', () => {
    it('returns nothing for an empty file', () => {
      assert.deepEqual(parseFixture('empty.md'), [])
    })

    it('returns nothing for a file of front matter only, key words in it notwithstanding', () => {
      assert.deepEqual(parseFixture('front-matter-only.md'), [])
    })

    it('skips YAML front matter', () => {
      assert.deepEqual(parseFixture('front-matter.md'), [
        statement('front-matter.md', '6.1', 1, 'REQUIRED', 'The registry must store records (REQUIRED)'),
      ])
    })

    it('reads a marked heading with the body that is not a statement of its own', () => {
      const f = 'marked-heading.md'
      assert.deepEqual(parseFixture(f), [
        statement(
          f,
          '5.1',
          1,
          'REQUIRED',
          '5.1 APIs must be Versioned (REQUIRED) Use semantic versioning. Breaking changes MUST use a new endpoint. ' +
            'See the [semver](https://semver.org/) site',
        ),
        statement(f, '5.1', 2, 'REQUIRED', 'APIs MUST NOT change silently'),
        statement(f, '5.1', 3, undefined, 'Clients should pin a version'),
        statement(f, '5.2', 1, 'RECOMMENDED', '5.2 Use NTP (RECOMMENDED)'),
      ])
    })

    it('reads escaped-bracket markers and keeps backslash escapes as written', () => {
      const f = 'escaped-brackets.md'
      assert.deepEqual(parseFixture(f), [
        statement(f, '6.1', 1, 'REQUIRED', '\\[REQUIRED] The map display must show layers.'),
        statement(
          f,
          '6.1',
          2,
          'OPTIONAL',
          '\\[OPTIONAL] The map display may allow notes on snake\\_case \\*fields\\*.',
        ),
      ])
    })

    it('finds section numbers with bold inside them', () => {
      const f = 'bold-number.md'
      assert.deepEqual(parseFixture(f), [
        statement(
          f,
          '5.1.2',
          1,
          'RECOMMENDED',
          '**5**.1**.2 Archive databases (RECOMMENDED)** By having this capability, old data can be deleted.',
        ),
        statement(f, '5.1.3', 1, 'REQUIRED', '**5.1.3** Only allowed participants can join (REQUIRED)'),
      ])
    })

    it('reads HTML table rows by their level cell, and rows of tables without one by key words', () => {
      const f = 'html-table.md'
      assert.deepEqual(parseFixture(f), [
        statement(f, '5.3.1', 1, 'REQUIRED', 'Secure API exposure All APIs use HTTPS.'),
        statement(f, '5.3.1', 2, 'REQUIRED', 'Voucher pins are random and unique'),
        statement(f, '5.3.1', 3, 'OPTIONAL', 'Dashboards'),
        statement(f, '5.4', 1, 'REQUIRED', 'ISO 20022 Messages MUST conform'),
      ])
    })

    it('ignores GitBook hint blocks', () => {
      const f = 'hint.md'
      assert.deepEqual(parseFixture(f), [
        statement(
          f,
          '5.1.1',
          1,
          'RECOMMENDED',
          'The issuer should not learn details of the presentation (RECOMMENDED)',
        ),
      ])
    })

    it('drops whitespace entities, tags and hard breaks, decodes named entities', () => {
      const f = 'entities.md'
      assert.deepEqual(parseFixture(f), [
        statement(f, '6.2', 1, undefined, 'The provider must decide on access.'),
        statement(
          f,
          '6.2',
          2,
          'REQUIRED',
          'Terms & conditions SHALL be shown with <b> tags escaped (REQUIRED) and a hard line break.',
        ),
        statement(f, '6.2', 3, 'OPTIONAL', '&#xNAN;_&#x53;ample_ highlighted text must stay (OPTIONAL)'),
      ])
    })

    it('drops statements outside numbered sections; an unnumbered heading closes the section at its depth', () => {
      const f = 'unnumbered-heading.md'
      assert.deepEqual(parseFixture(f), [
        statement(
          f,
          '5.28',
          1,
          'RECOMMENDED',
          '5.28 Use NTP Synchronization (RECOMMENDED) Where precise timestamps are required, servers SHOULD use NTP.',
        ),
        statement(
          f,
          '5',
          1,
          'RECOMMENDED',
          'EOL SHOULD be at Least 5 Years No dependencies with an EOL below 5 years.',
        ),
        statement(f, '5', 2, 'RECOMMENDED', 'Building blocks SHOULD use common languages.'),
      ])
    })

    it('folds plain nested bullets into their parent and keeps marked ones apart', () => {
      const f = 'nested-bullets.md'
      assert.deepEqual(parseFixture(f), [
        statement(
          f,
          '6.3',
          1,
          'REQUIRED',
          'The mediator must allow REST calls (REQUIRED) The request must use TLS. The path has parts: instance; member.',
        ),
        statement(f, '6.3', 2, 'RECOMMENDED', 'The interface should be live. (RECOMMENDED)'),
        statement(f, '6.3', 3, undefined, 'Consent should be created by the user.'),
        statement(
          f,
          '6.3',
          4,
          'REQUIRED',
          '**Selective Disclosure** (REQUIRED) The wallet presents a subset of claims.',
        ),
      ])
    })

    it('treats a lower-case marker as prose', () => {
      const f = 'lower-case-marker.md'
      assert.deepEqual(parseFixture(f), [
        statement(f, '6.1', 1, undefined, 'Export to JSON, (optional: XLS) must be possible (required)'),
      ])
    })

    it('reads CRLF line ends as LF', () => {
      for (const name of ['marked-heading.md', 'nested-bullets.md', 'front-matter.md']) {
        const crlf = fixture(name).replace(/\n/g, '\r\n')
        assert.deepEqual(parseGovstackMarkdown(crlf, `demo/${name}`), parseFixture(name), name)
      }
    })

    it('takes the building block from the first path segment', () => {
      const [first] = parseGovstackMarkdown(
        fixture('front-matter.md'),
        'identity/6-functional-requirements.md',
      )
      assert.equal(first.id, 'identity-6.1-1')
      assert.equal(first.buildingBlock, 'identity')
      assert.equal(first.sourceFile, 'identity/6-functional-requirements.md')
    })
  })

  describe('GovStack specifications against requirements.csv', function () {
    let reference: {id: string; building_block: string; level: string; text: string; source_file: string}[]
    let parsed: GovstackStatement[]

    before(function () {
      if (!existsSync(GOVSTACK) || !existsSync(new URL('requirements.csv', GOVSTACK))) this.skip()
      reference = parse(readFileSync(new URL('requirements.csv', GOVSTACK)), {
        columns: true,
        skip_empty_lines: true,
      })
      parsed = []
      const root = fileURLToPath(GOVSTACK)
      for (const folder of readdirSync(root, {withFileTypes: true})
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(compareText)) {
        for (const file of readdirSync(`${root}/${folder}`)
          .filter((f) => f.endsWith('.md'))
          .sort()) {
          const sourceFile = `${folder}/${file}`
          parsed.push(...parseGovstackMarkdown(readFileSync(`${root}/${sourceFile}`, 'utf8'), sourceFile))
        }
      }
    })

    it('gives the same counts per building block and level', () => {
      const tally = (rows: {bb: string; level: string}[]) => {
        const counts: Record<string, number> = {}
        for (const {bb, level} of rows) counts[`${bb} ${level}`] = (counts[`${bb} ${level}`] ?? 0) + 1
        return counts
      }
      assert.deepEqual(
        tally(parsed.map((s) => ({bb: s.buildingBlock, level: s.level ?? 'unspecified'}))),
        tally(reference.map((r) => ({bb: r.building_block, level: r.level}))),
      )
    })

    it('gives the same set of ids, each once', () => {
      const ids = parsed.map((s) => s.id)
      assert.equal(new Set(ids).size, ids.length, 'duplicate ids')
      assert.deepEqual([...ids].sort(), reference.map((r) => r.id).sort())
    })

    it('gives the same level and source file per id', () => {
      const byId = new Map(parsed.map((s) => [s.id, s]))
      for (const row of reference) {
        const s = byId.get(row.id)
        assert.equal(s?.level ?? 'unspecified', row.level, row.id)
        assert.equal(s?.sourceFile, row.source_file, row.id)
      }
    })

    it('gives the same text, after whitespace normalisation, for at least 95% of statements', () => {
      const byId = new Map(parsed.map((s) => [s.id, s]))
      const differing = reference.filter(
        (r) => normaliseSpace(byId.get(r.id)?.text ?? '') !== normaliseSpace(r.text),
      )
      const share = 1 - differing.length / reference.length
      assert.ok(
        share >= 0.95,
        `${(share * 100).toFixed(1)}% of texts match; first differing: ${differing
          .slice(0, 5)
          .map((r) => r.id)
          .join(', ')}`,
      )
    })
  })
})
