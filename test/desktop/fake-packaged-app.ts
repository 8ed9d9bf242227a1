import fs from 'node:fs'
import path from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants'
import type { FuseName } from './fuses'

// Free of test-runner imports: builds stand-ins for what `electron-builder --dir` writes, for the Vitest tests.

export type Layout = 'linux' | 'windows' | 'mac'

/** A binary holding an Electron fuse wire (version 1) with these fuses on or off, between bytes that are not a wire. */
export function binaryWithFuses(fuses: Partial<Record<FuseName, 'on' | 'off'>>, wireLength = 8): Buffer {
  const states = Array.from({ length: wireLength }, (_, index) => {
    const name = FuseV1Options[index] as FuseName | undefined
    const state = name ? fuses[name] : undefined
    return state === 'on' ? FuseState.ENABLE : state === 'off' ? FuseState.DISABLE : FuseState.INHERIT
  })
  return Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, wireLength, ...states]), Buffer.alloc(512, 0x31)])
}

/**
 * Writes an app as electron-builder lays it out under `outputDir`, the fuse wire where Electron keeps it
 * (the executable; on macOS the Electron Framework), and returns the executable's path.
 */
export function writePackagedApp(outputDir: string, layout: Layout, binary: Buffer): string {
  if (layout === 'mac') {
    const contents = path.join(outputDir, 'mac-arm64', 'Safeguard.app', 'Contents')
    const framework = path.join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework')
    const executable = path.join(contents, 'MacOS', 'Safeguard')
    fs.mkdirSync(path.dirname(framework), { recursive: true })
    fs.mkdirSync(path.dirname(executable), { recursive: true })
    fs.writeFileSync(framework, binary)
    fs.writeFileSync(executable, Buffer.alloc(2048, 0x90))
    return executable
  }
  const executable =
    layout === 'windows' ? path.join(outputDir, 'win-unpacked', 'Safeguard.exe') : path.join(outputDir, 'linux-unpacked', 'safeguard')
  fs.mkdirSync(path.dirname(executable), { recursive: true })
  fs.writeFileSync(executable, binary)
  // What else an unpacked app folder holds, so the search must pick the executable out.
  fs.mkdirSync(path.join(path.dirname(executable), 'resources'))
  fs.writeFileSync(path.join(path.dirname(executable), 'resources', 'app.asar'), 'asar')
  return executable
}
