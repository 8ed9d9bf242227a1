// Preloaded (NODE_OPTIONS=--require) into a `safeguard` run by test/cli/start-up.test.ts: as the process ends, writes
// the names of the packages it loaded (from require.cache) as JSON to the file SAFEGUARD_TEST_LOADED_PACKAGES names.
const fs = require('node:fs')
const { isMainThread } = require('node:worker_threads')

const out = process.env.SAFEGUARD_TEST_LOADED_PACKAGES
if (out && isMainThread) {
  process.on('exit', () => {
    const names = new Set()
    for (const file of Object.keys(require.cache)) {
      const parts = file.replace(/\\/g, '/').split('/node_modules/')
      if (parts.length < 2) continue
      const [scope, name] = parts[parts.length - 1].split('/')
      names.add(scope.startsWith('@') ? `${scope}/${name}` : scope)
    }
    fs.writeFileSync(out, JSON.stringify([...names].sort()))
  })
}
