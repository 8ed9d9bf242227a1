import type { ElkNode } from 'elkjs/lib/elk.bundled.js'
import { describe, expect, it } from 'vitest'
import { elkGraphSize, OFF_THREAD_ABOVE, runElk } from '../../main/map/drawing/run-elk'

/** A flat graph of `pairs` linked pairs of boxes, the shape of a large map's loose buckets and queues. */
function pairsGraph(pairs: number): ElkNode {
  const children: ElkNode[] = []
  const edges = []
  for (let i = 0; i < pairs; i++) {
    children.push({ id: `a${2 * i}`, width: 200, height: 46 }, { id: `a${2 * i + 1}`, width: 200, height: 46 })
    edges.push({ id: `e${i}`, sources: [`a${2 * i}`], targets: [`a${2 * i + 1}`] })
  }
  return { id: 'root', layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' }, children, edges }
}

const positions = (laid: ElkNode) => (laid.children ?? []).map(c => [c.id, c.x, c.y])

describe('runElk', () => {
  it('lays a large graph out on the worker thread, giving the same positions as in this thread, while this thread keeps answering', async () => {
    const graph = pairsGraph(150)
    expect(elkGraphSize(graph)).toBeGreaterThan(OFF_THREAD_ABOVE)
    let ticks = 0
    let spinning = true
    const spin = () => {
      ticks++
      if (spinning) setImmediate(spin)
    }
    setImmediate(spin)
    const offThread = await runElk(structuredClone(graph))
    spinning = false
    // In this thread, elkjs runs start to end without yielding: the loop above would barely turn.
    expect(ticks).toBeGreaterThan(50)
    const here = await runElk(structuredClone(graph), { offThreadAbove: Number.POSITIVE_INFINITY })
    expect(positions(offThread)).toEqual(positions(here))
    expect(positions(offThread)).toHaveLength(300)
  })

  it('answers several layouts asked at once, each with its own graph', async () => {
    const [small, large] = await Promise.all([runElk(pairsGraph(80), { offThreadAbove: 10 }), runElk(pairsGraph(120), { offThreadAbove: 10 })])
    expect(small.children).toHaveLength(160)
    expect(large.children).toHaveLength(240)
  })

  it('reports a graph elkjs refuses as an error naming the layout', async () => {
    const broken: ElkNode = { id: 'root', children: [{ id: 'a', width: 10, height: 10 }], edges: [{ id: 'e', sources: ['a'], targets: ['missing'] }] }
    await expect(runElk(broken, { offThreadAbove: 0 })).rejects.toThrow(/map layout failed/)
  })
})
