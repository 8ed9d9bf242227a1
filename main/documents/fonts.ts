import fs from 'node:fs'
import { createRequire } from 'node:module'

/**
 * The open fonts (SIL OFL) shipped with the app and embedded in every document, so PDFs are
 * archival (PDF/A forbids unembedded fonts) and Word documents look the same on every machine.
 * Paths are resolved through the module system so they work from the repo and when packaged.
 */
// __filename, not import.meta: this module also runs as CommonJS (CLI via tsx, the Electron bundle, Playwright).
const require = createRequire(__filename)

const FILES = {
  sans: '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf',
  sansItalic: '@expo-google-fonts/source-sans-3/400Regular_Italic/SourceSans3_400Regular_Italic.ttf',
  sansSemiBold: '@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf',
  sansBold: '@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf',
  serif: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  serifSemiBold: '@expo-google-fonts/source-serif-4/600SemiBold/SourceSerif4_600SemiBold.ttf'
} as const

export type FontName = keyof typeof FILES

export function fontPath(name: FontName): string {
  return require.resolve(FILES[name])
}

const cache = new Map<FontName, Buffer>()

export function fontData(name: FontName): Buffer {
  let data = cache.get(name)
  if (!data) {
    data = fs.readFileSync(fontPath(name))
    cache.set(name, data)
  }
  return data
}
