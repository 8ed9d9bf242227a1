import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The version in package.json, read once: the CLI and the app report the same number. */
export const APP_VERSION: string = (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version
