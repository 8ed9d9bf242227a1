// The fuse check on a packaged app, for CI and by hand:
//   node --import tsx test/desktop/check-fuses.ts --app dist                 (the app as shipped: exactly electron-builder.yml)
//   node --import tsx test/desktop/check-fuses.ts --app dist/smoke-test --smoke-copy
// --app takes the executable, the app folder or electron-builder's output folder. Prints every fuse; exits 1 on a difference.
import { parseArgs } from 'node:util'
import { configuredFuses, fuseProblems, readFuses } from './fuses'
import { findPackagedApp } from './packaged-app'
import { SMOKE_COPY_FUSES } from './smoke-copy'

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { app: { type: 'string' }, 'smoke-copy': { type: 'boolean', default: false } } })
  if (!values.app) {
    console.error('Usage: check-fuses.ts --app <packaged app or electron-builder output folder> [--smoke-copy]')
    return 2
  }
  const executable = findPackagedApp(values.app)
  const actual = await readFuses(executable)
  const problems = fuseProblems(actual, configuredFuses(), values['smoke-copy'] ? SMOKE_COPY_FUSES : {})
  console.log(`Fuses of ${executable}:`)
  for (const [name, state] of Object.entries(actual)) console.log(`  ${name}: ${state}`)
  if (problems.length > 0) {
    console.error(`\nThe fuses differ from what was asked for:\n${problems.map(problem => `  - ${problem}`).join('\n')}`)
    return 1
  }
  console.log(values['smoke-copy'] ? '\nAs electron-builder.yml asks, but for the smoke-test exception.' : '\nExactly as electron-builder.yml asks.')
  return 0
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
)
