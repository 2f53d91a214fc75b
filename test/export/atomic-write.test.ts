/**
 * Every kind of output path, for the two ways gapscan writes (one file: export and the importers;
 * a folder of reports): what is refused with which message, what is created, and that no
 * temporary file is ever left behind, also when the writer is killed.
 */
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {OutputError} from '../../src/core/errors.js'
import {toCsv} from '../../src/core/export/csv.js'
import {writeFileAtomic, writeFolderAtomic} from '../../src/core/io/atomic-write.js'

const REPORTS = [
  {name: 'summary.md', content: '# new\n'},
  {name: 'report.json', content: '{}\n'},
]
const isReport = (name: string) => /^(summary\.md|report\.json|sg-\d+\.md)$/.test(name)

/** The two writers, each given a target path. */
const WRITERS: Record<string, (path: string) => void> = {
  file: (path) => writeFileAtomic(path, 'new'),
  folder: (path) => writeFolderAtomic(path, REPORTS, isReport),
}

function errorOf(fn: () => void): string {
  try {
    fn()
  } catch (e) {
    assert.ok(e instanceof OutputError, String(e))
    assert.equal(e.exitCode, 4)
    return e.message
  }
  assert.fail('expected an OutputError')
}

describe('io: atomic writes to every kind of output path', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gapscan-atomic-'))
  })
  afterEach(() => {
    chmodSync(dir, 0o700)
    rmSync(dir, {recursive: true, force: true})
  })

  for (const [kind, write] of Object.entries(WRITERS)) {
    describe(`a ${kind}`, () => {
      it('is written, creating missing parent folders, with nothing else left beside it', () => {
        const out = join(dir, 'a', 'b', 'out')
        write(out)
        assert.deepEqual(readdirSync(join(dir, 'a', 'b')), ['out'])
      })

      it('refuses a symbolic link (to a file, a folder, nothing, a device) and leaves it as it was', () => {
        mkdirSync(join(dir, 'real'))
        writeFileSync(join(dir, 'real.txt'), 'kept')
        for (const target of [join(dir, 'real.txt'), join(dir, 'real'), join(dir, 'gone'), '/dev/null']) {
          const link = join(dir, 'link')
          symlinkSync(target, link)
          assert.equal(
            errorOf(() => write(link)),
            `cannot write ${link}: it is a symbolic link (refused rather than replaced; give the path it points to)`,
          )
          rmSync(link)
        }
        assert.equal(readFileSync(join(dir, 'real.txt'), 'utf8'), 'kept')
        assert.deepEqual(readdirSync(dir).sort(), ['real', 'real.txt'])
      })

      it('refuses a device and a named pipe instead of writing to them or replacing them', () => {
        assert.match(
          errorOf(() => write('/dev/null')),
          /^cannot write \/dev\/null: it is a device, pipe or socket/,
        )
        const fifo = join(dir, 'fifo')
        if (spawnSync('mkfifo', [fifo]).status !== 0) return
        assert.match(
          errorOf(() => write(fifo)),
          /: it is a device, pipe or socket, not a regular file \(refused\)$/,
        )
      })

      it('names the path and says what is wrong when a parent is a file', () => {
        writeFileSync(join(dir, 'file'), 'not a folder')
        const out = join(dir, 'file', 'out')
        assert.equal(
          errorOf(() => write(out)),
          `cannot write ${out}: a parent in the path is a file, not a folder (ENOTDIR)`,
        )
        assert.equal(readFileSync(join(dir, 'file'), 'utf8'), 'not a folder')
      })

      it('names the path and says "permission denied" for a read-only folder', function () {
        if (process.getuid?.() === 0) this.skip() // root writes anyway
        const ro = join(dir, 'ro')
        mkdirSync(ro)
        chmodSync(ro, 0o500)
        assert.equal(
          errorOf(() => write(join(ro, 'out'))),
          `cannot write ${join(ro, 'out')}: permission denied (EACCES)`,
        )
        chmodSync(ro, 0o700)
      })

      it('removes temporary files left beside the target by a killed writer, not those of a running one', () => {
        const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
          encoding: 'utf8',
        })
        const stale = join(dir, `.out.${dead.stdout}.gapscan-tmp`)
        const live = join(dir, `.out.${process.ppid}.gapscan-tmp`)
        const other = join(dir, `.other.${dead.stdout}.gapscan-tmp`)
        for (const path of [stale, live, other]) writeFileSync(path, 'x')
        write(join(dir, 'out'))
        assert.deepEqual(
          readdirSync(dir).sort(),
          [`.other.${dead.stdout}.gapscan-tmp`, `.out.${process.ppid}.gapscan-tmp`, 'out'].sort(),
        )
      })
    })
  }

  it('a file: refuses a folder, and replaces an old file completely', () => {
    mkdirSync(join(dir, 'folder'))
    assert.equal(
      errorOf(() => writeFileAtomic(join(dir, 'folder'), 'x')),
      `cannot write ${join(dir, 'folder')}: it is a folder`,
    )
    const out = join(dir, 'tsag.csv')
    writeFileSync(out, 'a much longer old content that must not survive')
    writeFileAtomic(out, toCsv([['id'], ['x']]))
    assert.equal(readFileSync(out, 'utf8'), 'id\r\nx\r\n')
  })

  it('a folder: refuses a file, and one holding files it did not write (nothing is deleted)', () => {
    writeFileSync(join(dir, 'file'), 'kept')
    assert.equal(
      errorOf(() => writeFolderAtomic(join(dir, 'file'), REPORTS, isReport)),
      `cannot write ${join(dir, 'file')}: it is a file, not a folder`,
    )
    const out = join(dir, 'reports')
    mkdirSync(out)
    writeFileSync(join(out, 'notes.txt'), 'mine')
    assert.match(
      errorOf(() => writeFolderAtomic(out, REPORTS, isReport)),
      /it holds files this command did not write \(notes\.txt\)/,
    )
    assert.deepEqual(readdirSync(out), ['notes.txt'])
  })

  it('a folder: is swapped whole, old reports of other study groups go, no temporary folder stays', () => {
    const out = join(dir, 'reports')
    mkdirSync(out)
    writeFileSync(join(out, 'sg-17.md'), 'old')
    writeFileSync(join(out, 'summary.md'), 'old')
    writeFolderAtomic(out, REPORTS, isReport)
    assert.deepEqual(readdirSync(out).sort(), ['report.json', 'summary.md'])
    assert.equal(readFileSync(join(out, 'summary.md'), 'utf8'), '# new\n')
    assert.deepEqual(readdirSync(dir), ['reports'])
  })

  it('a folder: a failure while writing keeps the old reports and leaves no temporary folder', () => {
    const out = join(dir, 'reports')
    mkdirSync(out)
    writeFileSync(join(out, 'summary.md'), 'old')
    // A name that cannot be created inside the temporary folder fails the write midway.
    assert.throws(
      () => writeFolderAtomic(out, [...REPORTS, {name: 'no/such/sub.md', content: 'x'}], isReport),
      OutputError,
    )
    assert.deepEqual(readdirSync(out), ['summary.md'])
    assert.equal(readFileSync(join(out, 'summary.md'), 'utf8'), 'old')
    assert.deepEqual(readdirSync(dir), ['reports'])
  })

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`a writer stopped by ${signal} between writes leaves the old file or the new one, and no temporary file`, async function () {
      this.timeout(60_000)
      const script = fileURLToPath(new URL('./write-forever.ts', import.meta.url))
      const out = join(dir, 'big.csv')
      const child = spawn(process.execPath, ['--import', 'tsx', script, out], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      // The child says "ready" after its first complete write, then keeps rewriting the file.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
      child.kill(signal)
      const ended = await new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, by) => resolve(by)),
      )
      assert.equal(ended, signal, 'the writer ends by the signal, as without a handler')
      assert.deepEqual(readdirSync(dir), ['big.csv'])
      assert.match(readFileSync(out, 'utf8'), /^(old|new)(x{100000})$/)
    })
  }
})
