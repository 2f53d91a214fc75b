import {strict as assert} from 'node:assert'
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

function run(command: string, args: string[]): {status: number | null; output: string} {
  const result = spawnSync(command, args, {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: result.status, output: `${result.stdout}${result.stderr}`}
}

describe('code style', function () {
  this.timeout(180_000)

  it('passes the linter (eslint)', () => {
    const {status, output} = run(process.execPath, ['node_modules/eslint/bin/eslint.js', '.'])
    assert.equal(status, 0, output)
  })

  it('is formatted (prettier --check)', () => {
    const {status, output} = run(process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.'])
    assert.equal(status, 0, output)
  })

  it('type-checks, tests included (tsc --noEmit)', () => {
    const {status, output} = run(process.execPath, [
      'node_modules/typescript/bin/tsc',
      '--noEmit',
      '-p',
      'tsconfig.test.json',
    ])
    assert.equal(status, 0, output)
  })
})
