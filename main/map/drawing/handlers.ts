import type { HandlersFor } from '../../api/handler-types'
import { localDateOf } from '../../shared/today'
import { readDataFlowMap } from '../read-data-flow-map'
import type { mapDrawingCalls } from './contract'
import { layoutMap } from './layout'
import { writeMapSvgFile } from './svg-file'

const SVG_FILTERS = [{ name: 'SVG drawing', extensions: ['svg'] }]
const INFRASTRUCTURE_FILTERS = [
  { name: 'Infrastructure descriptions', extensions: ['json', 'tfstate', 'yaml', 'yml', 'template'] },
  { name: 'All files', extensions: ['*'] }
]

export const mapDrawingHandlers: HandlersFor<typeof mapDrawingCalls> = {
  'map.chooseFiles': (_input, ctx) => ctx.host.pickOpenPaths({ title: 'Choose infrastructure files', filters: INFRASTRUCTURE_FILTERS }),

  'map.layout': (input, ctx) => layoutMap(readDataFlowMap(ctx.workspace().db, { today: localDateOf(ctx.session.now()) }), input),

  // The path comes only from the save dialog's answer, never from the caller.
  'map.exportSvg': async (input, ctx) => {
    const view = readDataFlowMap(ctx.workspace().db, { today: localDateOf(ctx.session.now()) })
    const target = await ctx.host.pickSavePath({ title: 'Export the data-flow map', defaultName: 'data-flow map.svg', filters: SVG_FILTERS })
    if (!target) return null
    return writeMapSvgFile(view, target, input)
  }
}
