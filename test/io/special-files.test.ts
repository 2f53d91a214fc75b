/**
 * Only regular files are read: a named pipe (which would block forever), a device, a socket or
 * a folder given where a file is expected is refused on one line naming it, by every reader;
 * folder links are followed once, and a loop is refused instead of walked again and again.
 */
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {loadDecisions} from '../../src/core/analysis/decisions.js'
import {emptyCatalogue, formatProblem, loadCatalogue, loadFile} from '../../src/core/catalogue/index.js'
import {loadSubjects} from '../../src/core/catalogue/subjects.js'
import {loadConfig} from '../../src/core/config.js'
import {GapscanError} from '../../src/core/errors.js'
import {loadSnapshot} from '../../src/core/export/snapshot.js'
import {readRelatonFiles} from '../../src/core/import/relaton.js'
import {readText} from '../../src/core/io/read-text.js'
import {loadGold} from '../../src/core/match/evaluate.js'
import {loadGlossary} from '../../src/core/text/glossary.js'

const dir = mkdtempSync(join(tmpdir(), 'gapscan-special-'))
const servers: Server[] = []
after(() => servers.forEach((server) => server.close()))

/** Every reader, given one path: its one-line message. */
const READERS: Record<string, (path: string) => string> = {
  'catalogue file': (path) => formatProblem(loadFile(path).problems[0]),
  subjects: (path) => thrown(() => loadSubjects(path, [])),
  gold: (path) => thrown(() => loadGold(path)),
  decisions: (path) => thrown(() => loadDecisions(path, emptyCatalogue(), true)),
  glossary: (path) => thrown(() => loadGlossary(path)),
  config: (path) => thrown(() => loadConfig(dir, path)),
  'report.json': (path) => thrown(() => loadSnapshot(path)),
  relaton: (path) => formatProblem(readRelatonFiles([path]).problems[0]),
}

function thrown(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    if (e instanceof GapscanError) return e.message
    throw e
  }
  assert.fail('expected an error')
}

/** Special files, each made under a name every reader accepts by its extension (.yaml or .jsonl). */
async function specials(ext: string): Promise<{kind: string; path: string; message: RegExp}[]> {
  const out: {kind: string; path: string; message: RegExp}[] = []
  const fifo = join(dir, `fifo-${ext}.${ext}`)
  if (spawnSync('mkfifo', [fifo]).status === 0)
    out.push({
      kind: 'a named pipe',
      path: fifo,
      message: /is a named pipe \(FIFO\), not a regular file \(refused\)$/,
    })
  const device = join(dir, `device-${ext}.${ext}`)
  symlinkSync('/dev/zero', device)
  out.push({
    kind: 'a device (via a link)',
    path: device,
    message: /is a device, not a regular file \(refused\)$/,
  })
  const socket = join(dir, `socket-${ext}.${ext}`)
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(socket, resolve))
  servers.push(server) // closing it would remove the socket file
  out.push({
    kind: 'a socket',
    path: socket,
    message: /: (is a socket, not a regular file \(refused\)|cannot read: no such device .*)$/,
  })
  const folder = join(dir, `folder-${ext}.${ext}`)
  mkdirSync(folder)
  out.push({kind: 'a folder', path: folder, message: /is a folder, not a file$/})
  return out
}

describe('io: only regular files are read', function () {
  this.timeout(60_000)
  for (const ext of ['yaml', 'jsonl']) {
    it(`every reader refuses a pipe, a device, a socket and a folder named *.${ext}, on one line naming it`, async () => {
      for (const special of await specials(ext)) {
        for (const [reader, read] of Object.entries(READERS)) {
          if (reader === 'report.json' && ext === 'jsonl') continue
          if (reader === 'relaton' && special.kind === 'a folder') continue // a folder of inputs is valid there
          const message = read(special.path)
          assert.ok(message.startsWith(special.path), `${reader}, ${special.kind}: ${message}`)
          assert.match(message, special.message, `${reader}, ${special.kind}`)
          assert.doesNotMatch(message, /\n/)
        }
      }
    })
  }

  it('a named pipe inside the catalogue folder is one problem, and the rest loads', () => {
    const catalogue = join(dir, 'with-fifo')
    mkdirSync(catalogue)
    writeFileSync(
      join(catalogue, 'sg.yaml'),
      'kind: study-group\nentries:\n  - id: SG20\n    number: 20\n    title: IoT\n',
    )
    if (spawnSync('mkfifo', [join(catalogue, 'pipe.yaml')]).status !== 0) return
    const {catalogue: loaded, problems} = loadCatalogue(catalogue)
    assert.equal(loaded.studyGroups.length, 1)
    assert.deepEqual(problems.map(formatProblem), [
      `${join(catalogue, 'pipe.yaml')}: is a named pipe (FIFO), not a regular file (refused)`,
    ])
  })

  for (const [label, target] of [
    ['the folder itself', '.'],
    ['its parent', '..'],
    ['a sibling folder already read', '../a'],
  ]) {
    it(`a link to ${label} inside a catalogue is followed once: one problem, no second walk`, () => {
      const root = mkdtempSync(join(dir, 'loop-'))
      const catalogue = join(root, 'b')
      mkdirSync(join(root, 'a'))
      mkdirSync(catalogue)
      writeFileSync(
        join(catalogue, 'sg.yaml'),
        'kind: study-group\nentries:\n  - id: SG20\n    number: 20\n    title: IoT\n',
      )
      const link = join(catalogue, 'zz-link')
      symlinkSync(target, link)
      // The sibling is read first when the catalogue is the parent.
      const {problems, files} = loadCatalogue(label === 'a sibling folder already read' ? root : catalogue)
      assert.ok(files.length <= 1, files.join('\n'))
      assert.equal(
        problems.filter((p) => p.severity === 'error').length,
        label === 'a sibling folder already read' ? 1 : 1,
      )
      assert.match(
        formatProblem(problems.find((p) => p.severity === 'error')!),
        /zz-link(\/b)?: link to a folder already read \(.*\): skipped, to avoid a loop$/,
      )
    })
  }

  it('a file name with a newline is shown escaped, so the problem stays one line', () => {
    const path = join(dir, 'bad\nname.yaml')
    writeFileSync(path, 'kind: standard\nentries: 1\n')
    const line = formatProblem(loadFile(path).problems[0])
    assert.equal(
      line,
      `${join(dir, 'bad\\nname.yaml')}:2: entries: not a catalogue file: expected a mapping with \`kind\` and an \`entries\` list`,
    )
  })

  it('readText says "file not found" for a missing file, not the bare code', () => {
    assert.deepEqual(readText(join(dir, 'missing.yaml')).problems.map(formatProblem), [
      `${join(dir, 'missing.yaml')}: cannot read: file not found (ENOENT)`,
    ])
  })
})
