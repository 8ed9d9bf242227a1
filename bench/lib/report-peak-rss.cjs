// Preloaded (NODE_OPTIONS=--require) into a `safeguard` run by bench/cli.ts: as the process ends, writes its peak
// resident memory (all its threads) in MB to the file SAFEGUARD_BENCH_RSS_FILE names.
const fs = require('node:fs')
const { isMainThread } = require('node:worker_threads')

const out = process.env.SAFEGUARD_BENCH_RSS_FILE
if (out && isMainThread) {
  process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS / 1024)))
}
