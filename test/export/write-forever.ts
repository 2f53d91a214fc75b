/** Test helper (not a test): rewrites the file given as argument until stopped by a signal. */
import {writeFileAtomic} from '../../src/core/io/atomic-write.js'

const out = process.argv[2]
writeFileAtomic(out, `old${'x'.repeat(100_000)}`)
process.stdout.write('ready\n')
let i = 0
const again = () => {
  writeFileAtomic(out, `${i++ % 2 ? 'old' : 'new'}${'x'.repeat(100_000)}`)
  setImmediate(again)
}
again()
