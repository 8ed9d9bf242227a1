import { Button, Flex, Text } from '@radix-ui/themes'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import type { MapScene, SceneAsset, SceneLegendEntry, SceneStyle, SceneZone } from '../../../../main/map/drawing/contract'

export interface Selection {
  type: 'asset' | 'zone' | 'flow'
  id: number
}

interface View {
  x: number
  y: number
  k: number
}

const MIN_ZOOM = 0.05
const MAX_ZOOM = 3
const PAN_STEP = 60

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k))

/**
 * The drawing: pan by dragging or arrow keys, zoom with the wheel, + and -, or
 * the buttons; Tab reaches each box, Enter or a click selects it. Only what
 * lies in view is put in the page, so a large drawing stays quick.
 */
export function MapCanvas(props: { scene: MapScene; selected: Selection | null; onSelect(selection: Selection): void }) {
  const { scene } = props
  const frame = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState({ width: 900, height: 560 })
  // The person's own pan and zoom, kept while the drawing keeps its size; otherwise the drawing is fitted to the frame.
  const [manual, setManual] = useState<{ shape: string; view: View } | null>(null)
  const drag = useRef<{ x: number; y: number; view: View } | null>(null)
  const shape = `${scene.width}x${scene.height}`
  const k0 = clampZoom(Math.min(size.width / Math.max(scene.width, 1), size.height / Math.max(scene.height, 1), 1))
  const fitted: View = { k: k0, x: (size.width - scene.width * k0) / 2, y: Math.max(0, (size.height - scene.height * k0) / 2) }
  const view = manual && manual.shape === shape ? manual.view : fitted
  const setView = useCallback(
    (next: View | ((v: View) => View)) =>
      setManual(m => {
        const current = m && m.shape === shape ? m.view : fitted
        return { shape, view: typeof next === 'function' ? next(current) : next }
      }),
    // `fitted` follows from shape and size.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shape, size.width, size.height]
  )
  const fit = useCallback(() => setManual(null), [])

  useLayoutEffect(() => {
    const element = frame.current
    if (!element) return
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth || 900, height: element.clientHeight || 560 }))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const zoomBy = useCallback(
    (factor: number, at?: { x: number; y: number }) =>
      setView(v => {
        const k = clampZoom(v.k * factor)
        const cx = at?.x ?? size.width / 2
        const cy = at?.y ?? size.height / 2
        return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k }
      }),
    [size.width, size.height, setView]
  )

  // React's wheel listener is passive; this one may stop the page from scrolling while zooming.
  useEffect(() => {
    const element = frame.current
    if (!element) return
    const onWheel = (event: WheelEvent) => {
      event.preventDefault()
      const rect = element.getBoundingClientRect()
      zoomBy(event.deltaY < 0 ? 1.15 : 1 / 1.15, { x: event.clientX - rect.left, y: event.clientY - rect.top })
    }
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [zoomBy])

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP]
    }
    const move = moves[event.key]
    if (move && event.target === frame.current) {
      event.preventDefault()
      setView(v => ({ ...v, x: v.x + move[0], y: v.y + move[1] }))
    } else if (event.key === '+' || event.key === '=') zoomBy(1.25)
    else if (event.key === '-') zoomBy(0.8)
    else if (event.key === '0') fit()
  }

  const onPointerDown = (event: PointerEvent) => {
    if ((event.target as Element).closest('.map-node')) return
    drag.current = { x: event.clientX, y: event.clientY, view }
    ;(event.currentTarget as HTMLElement).setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: PointerEvent) => {
    const start = drag.current
    if (start) setView({ ...start.view, x: start.view.x + event.clientX - start.x, y: start.view.y + event.clientY - start.y })
  }
  const onPointerUp = () => {
    drag.current = null
  }

  // What lies in the frame, in drawing coordinates, with a margin.
  const margin = 100 / view.k
  const left = -view.x / view.k - margin
  const top = -view.y / view.k - margin
  const right = left + size.width / view.k + 2 * margin
  const bottom = top + size.height / view.k + 2 * margin
  const inView = (b: { x: number; y: number; width: number; height: number }) =>
    b.x < right && b.x + b.width > left && b.y < bottom && b.y + b.height > top
  const zones = scene.zones.filter(inView)
  const assets = scene.assets.filter(inView)
  const edges = scene.edges.filter(e => e.points.some(p => p.x > left && p.x < right && p.y > top && p.y < bottom))
  const isSelected = (type: Selection['type'], id: number) => props.selected?.type === type && props.selected.id === id

  return (
    <Flex direction="column" gap="2">
      <Flex gap="2" align="center" wrap="wrap">
        <Button size="1" variant="soft" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </Button>
        <Button size="1" variant="soft" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </Button>
        <Button size="1" variant="soft" onClick={fit}>
          Fit to view
        </Button>
        <Text size="1" color="gray">
          {Math.round(view.k * 100)}% · drag or use the arrow keys to move, + and − to zoom, 0 to fit
        </Text>
      </Flex>
      <div
        ref={frame}
        className="map-canvas"
        tabIndex={0}
        role="group"
        aria-label="Data-flow map drawing. Arrow keys move it, plus and minus zoom, Tab reaches each zone and asset."
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
      >
        <svg aria-hidden={scene.zones.length + scene.assets.length === 0 ? true : undefined}>
          <Patterns />
          <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
            {zones.map(z => (
              <ZoneBox key={z.key} zone={z} selected={isSelected('zone', z.zoneId)} onSelect={() => props.onSelect({ type: 'zone', id: z.zoneId })} />
            ))}
            {edges.map(e => (
              <polyline
                key={e.key}
                className={`map-line tone-${e.style.tone}${e.flowIds.some(id => isSelected('flow', id)) ? ' map-line--selected' : ''}`}
                points={e.points.map(p => `${p.x},${p.y}`).join(' ')}
                fill="none"
                strokeWidth={e.style.strokeWidth}
                strokeDasharray={e.style.dash ?? undefined}
                markerEnd="url(#map-arrow)"
              >
                <title>{`${e.label}: carries ${e.carries ?? 'not marked'}`}</title>
              </polyline>
            ))}
            {assets.map(a => (
              <AssetBox
                key={a.key}
                asset={a}
                selected={isSelected('asset', a.assetId)}
                onSelect={() => props.onSelect({ type: 'asset', id: a.assetId })}
              />
            ))}
          </g>
        </svg>
      </div>
      <Legend entries={scene.legend} />
    </Flex>
  )
}

function activate(event: KeyboardEvent, run: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault()
    event.stopPropagation()
    run()
  }
}

function Box(props: { box: { x: number; y: number; width: number; height: number }; style: SceneStyle; radius: number }) {
  const { box, style } = props
  return (
    <>
      <rect
        className={`map-box tone-${style.tone}`}
        x={box.x}
        y={box.y}
        width={box.width}
        height={box.height}
        rx={props.radius}
        strokeWidth={style.strokeWidth}
        strokeDasharray={style.dash ?? undefined}
      />
      {style.pattern && (
        <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={props.radius} fill={`url(#map-${style.pattern})`} pointerEvents="none" />
      )}
    </>
  )
}

function ZoneBox(props: { zone: SceneZone; selected: boolean; onSelect(): void }) {
  const { zone } = props
  return (
    <g
      className={`map-node${props.selected ? ' map-node--selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-pressed={props.selected}
      aria-label={`Zone: ${zone.caption.join(', ')}`}
      onClick={event => {
        event.stopPropagation()
        props.onSelect()
      }}
      onKeyDown={event => activate(event, props.onSelect)}
    >
      <Box box={zone} style={zone.style} radius={zone.collapsed ? 4 : 8} />
      {zone.caption.map((line, i) => (
        <text
          key={i}
          className={i === 0 ? 'map-text' : 'map-text map-text--small'}
          x={zone.x + 10}
          y={zone.y + 18 + i * 16}
          fontWeight={i === 0 && zone.depth === 0 ? 'bold' : undefined}
        >
          {line}
        </text>
      ))}
    </g>
  )
}

function AssetBox(props: { asset: SceneAsset; selected: boolean; onSelect(): void }) {
  const { asset } = props
  return (
    <g
      className={`map-node${props.selected ? ' map-node--selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-pressed={props.selected}
      aria-label={`Asset: ${asset.name}, ${asset.caption[1] ?? ''}`}
      onClick={event => {
        event.stopPropagation()
        props.onSelect()
      }}
      onKeyDown={event => activate(event, props.onSelect)}
    >
      <Box box={asset} style={asset.style} radius={4} />
      {asset.caption.map((line, i) => (
        <text key={i} className={i === 0 ? 'map-text' : 'map-text map-text--small'} x={asset.x + 8} y={asset.y + 18 + i * 16}>
          {line}
        </text>
      ))}
    </g>
  )
}

function Patterns() {
  return (
    <defs>
      <pattern id="map-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line className="map-hatch-line" x1="0" y1="0" x2="0" y2="8" strokeWidth="1.5" />
      </pattern>
      <pattern id="map-dots" width="8" height="8" patternUnits="userSpaceOnUse">
        <circle className="map-dot" cx="4" cy="4" r="1.1" />
      </pattern>
      <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path className="map-arrow" d="M0,0 L10,5 L0,10 z" />
      </marker>
    </defs>
  )
}

function Legend(props: { entries: SceneLegendEntry[] }) {
  return (
    <ul className="map-legend" aria-label="Legend">
      {props.entries.map(entry => (
        <li key={entry.label}>
          {/* The patterns are defined once, in the drawing above. */}
          <svg width="30" height="18" aria-hidden>
            {entry.shape === 'box' ? (
              <Box box={{ x: 1, y: 1, width: 28, height: 16 }} style={entry.style} radius={3} />
            ) : (
              <line
                className={`map-line tone-${entry.style.tone}`}
                x1="1"
                y1="9"
                x2="29"
                y2="9"
                strokeWidth={entry.style.strokeWidth}
                strokeDasharray={entry.style.dash ?? undefined}
              />
            )}
          </svg>
          <Text size="1">{entry.label}</Text>
        </li>
      ))}
    </ul>
  )
}
