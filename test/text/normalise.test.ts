import assert from 'node:assert/strict'
import {Analyser, DEFAULT_WEIGHTS} from '../../src/core/text/analyse.js'
import {foldText, lightForm, tokenise} from '../../src/core/text/normalise.js'
import {stem} from '../../src/core/text/stem.js'
import {isStopWord} from '../../src/core/text/stopwords.js'

describe('text: foldText and tokenise', () => {
  it('lower-cases and strips accents', () => {
    assert.equal(foldText('Métavers Réalité Étendue'), 'metavers realite etendue')
    assert.equal(foldText('Ça coûte où ?'), 'ca coute ou ?')
  })

  it('expands ligatures (œ, æ) and special letters (ß, ø)', () => {
    assert.equal(foldText('Œuvre cœur'), 'oeuvre coeur')
    assert.equal(foldText('Æther straße Ørsted'), 'aether strasse orsted')
  })

  it("splits on apostrophes: l'Internet → l, internet", () => {
    assert.deepEqual(tokenise("l'Internet des objets"), ['l', 'internet', 'des', 'objets'])
    // Typographic apostrophe too.
    assert.deepEqual(tokenise('l’Internet'), ['l', 'internet'])
  })

  it('splits on hyphens and punctuation, keeps digits with letters', () => {
    assert.deepEqual(tokenise('e-Santé, peer-to-peer; 5G (Y.4600)'), [
      'e',
      'sante',
      'peer',
      'to',
      'peer',
      '5g',
      'y',
      '4600',
    ])
  })

  it('finds exactly the runs of letters and digits (\\p{L}\\p{N}) of the folded text, in any script', () => {
    // The scanner is hand-written for speed; the regular expression is the definition.
    const byRegex = (text: string) => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []
    let seed = 3
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const samples = [
      'ＡＢＣ１２３ ﬁ',
      'İstanbul ΑΘΗΝΑ',
      '𝐀𝐁𝐂 𝟏𝟐 😀 x',
      'lone \ud800 surrogate \udc00',
      '日本語のテキスト',
      '½ ² Ⅻ',
      'x\u200by',
    ]
    for (let n = 0; n < 3000; n++) {
      let text = ''
      for (let i = Math.floor(random() * 16); i > 0; i--) {
        const kind = random()
        text +=
          kind < 0.5
            ? String.fromCharCode(32 + Math.floor(random() * 95))
            : kind < 0.9
              ? String.fromCharCode(Math.floor(random() * 0xffff))
              : String.fromCodePoint(0x10000 + Math.floor(random() * 0xfffff))
      }
      samples.push(text)
    }
    for (const text of samples) assert.deepEqual(tokenise(text), byRegex(text), JSON.stringify(text))
  })

  it('gives no tokens for punctuation-only or empty text', () => {
    assert.deepEqual(tokenise(''), [])
    assert.deepEqual(tokenise(' — ; ... '), [])
  })
})

describe('text: lightForm', () => {
  it('drops a plural ending on longer words', () => {
    assert.equal(lightForm('cities'), 'city')
    assert.equal(lightForm('jumeaux'), 'jumeau')
    assert.equal(lightForm('objets'), 'objet')
    assert.equal(lightForm('services'), 'service')
  })

  it('keeps -ss words and short words', () => {
    assert.equal(lightForm('class'), 'class')
    assert.equal(lightForm('access'), 'access')
    assert.equal(lightForm('bus'), 'bus')
    assert.equal(lightForm('gas'), 'gas')
    assert.equal(lightForm('ies'), 'ies')
    assert.equal(lightForm('twin'), 'twin')
  })
})

describe('text: isStopWord', () => {
  it('knows English, French and domain stop words', () => {
    for (const w of ['the', 'of', 'which', 'les', 'des', 'pour', 'recommendation', 'shall', 'annex', 'norme'])
      assert.equal(isStopWord(w), true, w)
  })

  it('keeps topic words', () => {
    for (const w of ['cloud', 'security', 'identite', 'twin', '5g']) assert.equal(isStopWord(w), false, w)
  })

  it('drops one-character tokens', () => {
    assert.equal(isStopWord('x'), true)
    assert.equal(isStopWord('7'), true)
  })

  it('drops 2-digit numbers but keeps numbers of 3 or more digits', () => {
    assert.equal(isStopWord('12'), true)
    assert.equal(isStopWord('99'), true)
    assert.equal(isStopWord('123'), false)
    assert.equal(isStopWord('4600'), false)
    assert.equal(isStopWord('20022'), false)
  })
})

describe('text: the language rule (as the Analyser applies it to a text)', () => {
  const analyser = new Analyser({weights: DEFAULT_WEIGHTS, bigrams: false})
  const detectLanguage = (text: string) => analyser.analyse({title: text}).language
  it('tells a French sentence', () => {
    assert.equal(
      detectLanguage("Les exigences pour la gestion des dispositifs dans l'Internet des objets"),
      'fr',
    )
  })

  it('tells an English sentence', () => {
    assert.equal(detectLanguage('Requirements for the management of devices in the Internet of things'), 'en')
  })

  it('takes a short title with French accents as French', () => {
    assert.equal(detectLanguage('Métavers urbain'), 'fr')
    assert.equal(detectLanguage('Sécurité'), 'fr')
  })

  it('takes "Overview of IoT" and accent-free tied titles as English', () => {
    assert.equal(detectLanguage('Overview of IoT'), 'en')
    assert.equal(detectLanguage('Blockchain'), 'en')
    assert.equal(detectLanguage(''), 'en')
  })
})

describe('text: stem', () => {
  it('stems English with Porter', () => {
    assert.equal(stem('networks', 'en'), 'network')
    assert.equal(stem('connected', 'en'), 'connect')
    assert.equal(stem('running', 'en'), 'run')
    assert.equal(stem('security', 'en'), 'secur')
  })

  it('stems French with the French Porter stemmer', () => {
    assert.equal(stem('exigences', 'fr'), 'exigent')
    assert.equal(stem('villes', 'fr'), 'vill')
    assert.equal(stem('numeriques', 'fr'), 'numer')
    assert.equal(stem('gestion', 'fr'), 'gestion')
  })

  it('leaves tokens with digits alone', () => {
    assert.equal(stem('4600', 'en'), '4600')
    assert.equal(stem('5g', 'fr'), '5g')
    assert.equal(stem('mpeg4s', 'en'), 'mpeg4s')
  })
})
