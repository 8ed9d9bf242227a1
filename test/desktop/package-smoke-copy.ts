// Packages the smoke-test copy of the app (see smoke-copy.ts) from the build `npm run dist -- --dir` made:
//   node --import tsx test/desktop/package-smoke-copy.ts [more electron-builder arguments, e.g. -c.mac.identity=-]
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SMOKE_COPY_OUTPUT, smokeCopyBuilderArgs } from './smoke-copy'

const root = path.resolve(__dirname, '../..')
const needed = ['out/main/index.js', 'out/renderer/index.html', '.electron-native/better_sqlite3.node']
const missing = needed.filter(file => !fs.existsSync(path.join(root, file)))
if (missing.length > 0) {
  console.error(`Build the app first with \`npm run dist -- --dir\`: ${missing.join(', ')} missing.`)
  process.exit(1)
}

const builder = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder')
const args = smokeCopyBuilderArgs(process.argv.slice(2))
console.log(`Packaging the smoke-test copy into ${SMOKE_COPY_OUTPUT}: electron-builder ${args.join(' ')}`)
const result = spawnSync(builder, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(result.status ?? 1)
