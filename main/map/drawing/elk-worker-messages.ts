import type { ElkNode } from 'elkjs/lib/elk.bundled.js'

/** A graph to lay out, numbered so the answer finds its caller. */
export interface ToElkWorker {
  id: number
  graph: ElkNode
}

export type FromElkWorker = { id: number; laid: ElkNode } | { id: number; error: string }
