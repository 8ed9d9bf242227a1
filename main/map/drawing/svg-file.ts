import fs from 'node:fs'
import type { MapLayoutOptions } from './contract'
import type { MapLayoutInput } from './layout'
import { renderMapSvg } from './svg'

/** Writes the map's drawing as SVG for the owner only (mode 0600): it names the systems that hold PHI. */
export async function writeMapSvgFile(
  view: MapLayoutInput,
  target: string,
  options: MapLayoutOptions = {}
): Promise<{ path: string; bytes: number }> {
  const svg = await renderMapSvg(view, options)
  fs.writeFileSync(target, svg, { mode: 0o600 })
  // A file that already existed keeps its old mode on write: narrow it too.
  fs.chmodSync(target, 0o600)
  return { path: target, bytes: Buffer.byteLength(svg) }
}
