import fs from 'node:fs'
import type { HandlersFor } from '../../api/handler-types'
import { localDateOf } from '../../shared/today'
import { readDataFlowMap } from '../read-data-flow-map'
import type { mapDrawingCalls } from './contract'
import { layoutMap } from './layout'
import { renderMapSvg } from './svg'

const SVG_FILTERS = [{ name: 'SVG drawing', extensions: ['svg'] }]

export const mapDrawingHandlers: HandlersFor<typeof mapDrawingCalls> = {
  'map.layout': (input, ctx) => layoutMap(readDataFlowMap(ctx.workspace().db, { today: localDateOf(ctx.session.now()) }), input),

  // The path comes only from the save dialog's answer, never from the caller.
  'map.exportSvg': async (input, ctx) => {
    const view = readDataFlowMap(ctx.workspace().db, { today: localDateOf(ctx.session.now()) })
    const svg = await renderMapSvg(view, input)
    const target = await ctx.host.pickSavePath({ title: 'Export the data-flow map', defaultName: 'data-flow map.svg', filters: SVG_FILTERS })
    if (!target) return null
    writeOwnerOnly(target, svg)
    return { path: target, bytes: Buffer.byteLength(svg) }
  }
}

/** Written for the owner only: the drawing names systems that hold PHI. */
export function writeOwnerOnly(target: string, text: string): void {
  fs.writeFileSync(target, text, { mode: 0o600 })
  // An existing file keeps its mode on write; narrow it too.
  fs.chmodSync(target, 0o600)
}
