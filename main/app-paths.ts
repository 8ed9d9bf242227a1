import fs from 'node:fs'
import path from 'node:path'

let cachedRoot: string | undefined

/**
 * The folder holding package.json and templates/: the repository when run
 * from source (tests, CLI), the app folder (inside app.asar) when packaged.
 * Found by walking up from this module, so it holds wherever the bundler puts the code.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot
  let dir = __dirname
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'templates'))) {
      cachedRoot = dir
      return dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`Could not find the Safeguard folder (with templates/) above ${__dirname}`)
    dir = parent
  }
}

/** Where the content in templates/ lives (questionnaire, mappings, policies). */
export function templatesDir(...segments: string[]): string {
  return path.join(appRoot(), 'templates', ...segments)
}
