import assert from 'node:assert/strict'
import {
  Analyser,
  DEFAULT_WEIGHTS,
  SCAN_AHEAD_MIN_CHARS,
  type TextFields,
} from '../../src/core/text/analyse.js'
import {BackgroundScanner, type ScannedTexts} from '../../src/core/text/background-scan.js'
import {compileGlossary} from '../../src/core/text/glossary.js'
import {tokenise} from '../../src/core/text/normalise.js'

const GLOSSARY = compileGlossary([
  {id: 'digital-twin', en: ['digital twin'], fr: ['jumeau numérique', 'jumeaux numériques']},
  {id: 'internet-of-things', en: ['internet of things', 'IoT'], fr: ['Internet des objets']},
])

const WORDS = (
  'the of and for network security digital twin internet things IoT smart city Y.4600 5G ' +
  'le la des pour réseau sécurité jumeau numérique objets ville intelligente métavers 𝐀𝐁𝐂 ' +
  'management requirements architecture données identité paiement registry interoperability'
).split(' ')

/** A seeded batch of entries of every shape: French and English, keywords, identifiers, no body. */
function batchOf(entries: number, bodyWords: number): TextFields[] {
  let seed = 12345
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
  const words = (n: number) => Array.from({length: n}, () => WORDS[Math.floor(random() * WORDS.length)])
  // New words now and then, so that later chunks bring tokens never seen before.
  const rare = (i: number) => (i % 7 === 0 ? ` rare${i.toString(36)}` : '')
  return Array.from({length: entries}, (_, i) => ({
    title: words(6).join(' ') + rare(i),
    identifiers: i % 3 === 0 ? [`ITU-T Y.${4000 + i}`] : undefined,
    keywords: i % 2 === 0 ? [words(2).join(' '), words(1)[0]] : undefined,
    body: i % 5 === 4 ? undefined : `${words(bodyWords).join(', ')}.${rare(i + 1)}`,
  }))
}

const analyser = () => new Analyser({weights: DEFAULT_WEIGHTS, bigrams: true, glossary: GLOSSARY})

/**
 * Each entry's analysis as plain data: language, and terms by text in insertion order, with
 * their readable labels.
 */
function described(who: Analyser, results: Iterable<{language: string; terms: Map<number, number>}>) {
  return [...results].map(({language, terms}) => ({
    language,
    ids: [...terms.keys()],
    terms: [...terms].map(([term, weight]) => `${who.vocabulary.text(term)}=${weight} (${who.label(term)})`),
  }))
}

function oneByOne(batch: TextFields[], withLabels = false) {
  const who = analyser()
  return described(
    who,
    batch.map((fields) => who.analyse(fields, withLabels)),
  )
}

/** A chunk's texts as token strings. */
function tokensOf(scanner: BackgroundScanner, scanned: ScannedTexts): string[][] {
  return [...scanned.ends].map((end, t) =>
    [...scanned.tokens.subarray(t === 0 ? 0 : scanned.ends[t - 1], end)].map((id) => scanner.token(id)),
  )
}

/** A scanner whose caller waits for each chunk: so a test sees the worker's answers, always. */
class PatientScanner extends BackgroundScanner {
  override take(chunk: number): ScannedTexts | undefined {
    return super.take(chunk, 20_000)
  }
}

describe('text: BackgroundScanner', () => {
  let scanner: BackgroundScanner | undefined
  afterEach(() => scanner?.close())

  it('scans chunks on its thread exactly as tokenise does, one id per distinct token', () => {
    scanner = new BackgroundScanner()
    const first = ["L'Internet des objets — jumeaux numériques", 'Y.4600 & 5G; Ωmega 𝐀𝐁𝐂', '']
    const second = ['internet objets, objets', 'ωmega NEW-word']
    scanner.submit(0, first)
    scanner.submit(1, second)
    const scanned = scanner.take(0, 20_000)
    const again = scanner.take(1, 20_000)
    assert.ok(scanned && again, 'the worker did not answer')
    assert.deepEqual(tokensOf(scanner, scanned), first.map(tokenise))
    assert.deepEqual(tokensOf(scanner, again), second.map(tokenise))
    // Tokens seen in an earlier chunk keep their ids.
    assert.equal(again.tokens[0], scanned.tokens[1])
    assert.equal(again.tokens[1], scanned.tokens[3])
    assert.equal(again.tokens[1], again.tokens[2])
    assert.equal(scanner.answered, 2)
  })

  it("counts a skipped chunk's new tokens when the worker answered it anyway", () => {
    scanner = new BackgroundScanner()
    scanner.submit(0, ['zeta eta'])
    scanner.submit(1, ['eta zeta iota'])
    // Waiting for chunk 1 lets the worker answer chunk 0 too; taking 1 drops 0's reply, but not
    // the ids it introduced.
    const scanned = scanner.take(1, 20_000)
    assert.ok(scanned, 'the worker did not answer')
    assert.deepEqual(tokensOf(scanner, scanned), [['eta', 'zeta', 'iota']])
    assert.equal(scanner.answered, 1)
  })

  it('tells a caller that takes a chunk the worker has not scanned to scan it itself', () => {
    scanner = new BackgroundScanner()
    scanner.close()
    scanner.submit(0, ['never scanned'])
    assert.equal(scanner.take(0), undefined)
    assert.equal(scanner.answered, 0)
  })
})

describe('text: Analyser.analyseMany', () => {
  for (const withLabels of [false, true]) {
    it(`gives what analyse gives entry by entry (labels: ${withLabels}), chunks scanned on a second thread`, () => {
      const batch = batchOf(12 * 256 + 17, withLabels ? 30 : 60)
      const scanner = new PatientScanner()
      try {
        const who = analyser()
        assert.deepEqual(
          described(who, who.analyseMany(batch, withLabels, scanner)),
          oneByOne(batch, withLabels),
        )
        assert.equal(scanner.answered, 13)
      } finally {
        scanner.close()
      }
    })
  }

  it('gives the same when the worker never answers: every chunk is scanned by the caller', () => {
    const batch = batchOf(3 * 256, 20)
    const scanner = new BackgroundScanner()
    scanner.close()
    const who = analyser()
    assert.deepEqual(described(who, who.analyseMany(batch, false, scanner)), oneByOne(batch))
    assert.equal(scanner.answered, 0)
  })

  /** Runs `body`, counting the scanners analyseMany closes (each one it started itself). */
  function scannersClosed(body: () => void): number {
    const close = BackgroundScanner.prototype.close
    let closed = 0
    BackgroundScanner.prototype.close = function (this: BackgroundScanner) {
      closed++
      close.call(this)
    }
    try {
      body()
    } finally {
      BackgroundScanner.prototype.close = close
    }
    return closed
  }

  /** A batch over SCAN_AHEAD_MIN_CHARS: analyseMany starts a worker for it. */
  function largeBatch(): TextFields[] {
    const batch = batchOf(7000, 90)
    const chars = batch.reduce((sum, fields) => sum + fields.title.length + (fields.body?.length ?? 0), 0)
    assert.ok(chars >= SCAN_AHEAD_MIN_CHARS, `${chars} characters: too few to start a worker`)
    return batch
  }

  it('starts (and closes) its own worker for a large batch, none for a small one; the same results', () => {
    for (const [batch, workers] of [
      [largeBatch(), 1],
      [batchOf(40, 10), 0],
    ] as const) {
      const who = analyser()
      let analysed: ReturnType<typeof described> = []
      assert.equal(
        scannersClosed(() => (analysed = described(who, who.analyseMany(batch)))),
        workers,
      )
      assert.deepEqual(analysed, oneByOne(batch))
    }
  })

  it('closes its worker when the caller stops early', () => {
    const batch = largeBatch()
    const who = analyser()
    let seen = 0
    const closed = scannersClosed(() => {
      for (const analysed of who.analyseMany(batch)) {
        assert.ok(analysed.terms.size > 0)
        if (++seen === 300) break
      }
    })
    assert.equal(seen, 300)
    assert.equal(closed, 1)
  })
})
