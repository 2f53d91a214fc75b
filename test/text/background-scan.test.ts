import assert from 'node:assert/strict'
import {setTimeout as delay} from 'node:timers/promises'
import {Analyser, DEFAULT_WEIGHTS, type TextFields} from '../../src/core/text/analyse.js'
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

/** Each entry's analysis as plain data: language, and terms by text in insertion order. */
function described(who: Analyser, results: Iterable<{language: string; terms: Map<number, number>}>) {
  return [...results].map(({language, terms}) => ({
    language,
    ids: [...terms.keys()],
    terms: [...terms].map(([term, weight]) => `${who.vocabulary.text(term)}=${weight}`),
  }))
}

function oneByOne(batch: TextFields[]) {
  const who = analyser()
  return described(
    who,
    batch.map((fields) => who.analyse(fields)),
  )
}

/** A chunk's texts as token strings. */
function tokensOf(scanner: BackgroundScanner, scanned: ScannedTexts): string[][] {
  return [...scanned.ends].map((end, t) =>
    [...scanned.tokens.subarray(t === 0 ? 0 : scanned.ends[t - 1], end)].map((id) => scanner.token(id)),
  )
}

/**
 * Submits `texts` as a new chunk, waits, and takes it; if the worker was not done in time (the
 * chunk is then skipped), tries again with the next chunk number and a longer wait.
 */
async function scanInWorker(scanner: BackgroundScanner, next: {chunk: number}, texts: string[]) {
  for (let wait = 20; wait <= 20_000; wait *= 2) {
    const chunk = next.chunk++
    scanner.submit(chunk, texts)
    await delay(wait)
    const scanned = scanner.take(chunk)
    if (scanned) return scanned
  }
  throw new Error('the scanning worker never answered')
}

describe('text: BackgroundScanner', () => {
  let scanner: BackgroundScanner | undefined
  afterEach(() => scanner?.close())

  it('scans chunks on its thread exactly as tokenise does, one id per distinct token', async () => {
    scanner = new BackgroundScanner()
    await scanner.ready
    const next = {chunk: 0}
    const first = ["L'Internet des objets — jumeaux numériques", 'Y.4600 & 5G; Ωmega 𝐀𝐁𝐂', '']
    const scanned = await scanInWorker(scanner, next, first)
    assert.deepEqual(tokensOf(scanner, scanned), first.map(tokenise))
    const second = ['internet objets, objets', 'ωmega NEW-word']
    const again = await scanInWorker(scanner, next, second)
    assert.deepEqual(tokensOf(scanner, again), second.map(tokenise))
    // Tokens seen in an earlier chunk keep their ids.
    assert.equal(again.tokens[0], scanned.tokens[1])
    assert.equal(again.tokens[1], scanned.tokens[3])
    assert.equal(again.tokens[1], again.tokens[2])
  })

  it("counts a skipped chunk's new tokens when the worker answered it anyway", async () => {
    scanner = new BackgroundScanner()
    await scanner.ready
    let chunk = 0
    for (let wait = 50; ; wait *= 2) {
      assert.ok(wait <= 20_000, 'the scanning worker never answered')
      // New words each round: the first chunk introduces them, the second repeats them.
      const [zeta, eta] = [`zeta${wait}`, `eta${wait}`]
      scanner.submit(chunk++, [`${zeta} ${eta}`])
      const wanted = chunk++
      scanner.submit(wanted, [`${eta} ${zeta} iota`])
      await delay(wait)
      // Taking the later chunk drops the earlier reply, but not the ids it introduced.
      const scanned = scanner.take(wanted)
      if (!scanned) continue
      assert.deepEqual(tokensOf(scanner, scanned), [[eta, zeta, 'iota']])
      break
    }
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
  it('gives what analyse gives entry by entry, with chunks scanned on a second thread', async () => {
    const batch = batchOf(12 * 256 + 17, 60)
    const scanner = new BackgroundScanner()
    try {
      await scanner.ready
      const who = analyser()
      assert.deepEqual(described(who, who.analyseMany(batch, scanner)), oneByOne(batch))
      assert.ok(scanner.answered > 0, 'the worker scanned no chunk')
    } finally {
      scanner.close()
    }
  })

  it('gives the same when the worker never answers: every chunk is scanned by the caller', () => {
    const batch = batchOf(3 * 256, 20)
    const scanner = new BackgroundScanner()
    scanner.close()
    const who = analyser()
    assert.deepEqual(described(who, who.analyseMany(batch, scanner)), oneByOne(batch))
    assert.equal(scanner.answered, 0)
  })

  it('gives the same for a batch large enough to start its own worker, and for a small one', () => {
    for (const batch of [batchOf(6000, 60), batchOf(40, 10)]) {
      const who = analyser()
      assert.deepEqual(described(who, who.analyseMany(batch)), oneByOne(batch))
    }
  })

  it('stops cleanly when the caller stops early', () => {
    const batch = batchOf(4000, 80)
    const who = analyser()
    let seen = 0
    for (const analysed of who.analyseMany(batch)) {
      assert.ok(analysed.terms.size > 0)
      if (++seen === 300) break
    }
    assert.equal(seen, 300)
  })
})
