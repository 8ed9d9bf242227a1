import { Button, Callout, Flex, Switch, Tabs, Text } from '@radix-ui/themes'
import { useCallback, useMemo, useState, type DragEvent } from 'react'
import type { MapFlag } from '../../../../main/map/contract'
import { api, errorMessage } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { formatDate } from '../../components/format-date'
import { useLoaded } from '../../components/use-loaded'
import { useWorkspace } from '../../workspace-context'
import { DetailsPanel, type MapActions } from './DetailsPanel'
import { MapCanvas, type Selection } from './MapCanvas'
import { AddAssetDialog, AddFlowDialog, ReviewDialog } from './MapDialogs'
import { MapFlags } from './MapFlags'
import { MapImportPanel, useMapImport } from './MapImport'
import { MapTable } from './MapTable'
import './map.css'

/** Paths of the files in a drop, where the desktop app can know them. */
function droppedPaths(event: DragEvent): string[] {
  return [...event.dataTransfer.files].map(file => window.safeguard.pathForFile(file)).filter(path => path.length > 0)
}

/**
 * The Map area: where PHI lives and flows. The drawing is laid out on the main
 * side (map.layout) and drawn here; the table shows the same data; the flags
 * cite their rules. Drop infrastructure files anywhere on the page to import them.
 */
export function MapPage() {
  const { workspace } = useWorkspace()
  const [tab, setTab] = useState('drawing')
  const [selection, setSelection] = useState<Selection | null>(null)
  const [phiOnly, setPhiOnly] = useState(false)
  // Undefined until the person collapses or expands a zone: the main side then decides (collapsed above a size).
  const [collapsed, setCollapsed] = useState<number[] | undefined>(undefined)
  const [actionError, setActionError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)

  const { data, error, reload } = useLoaded(
    async () => ({
      view: await api['map.view']({}),
      flags: await api['map.flags']({ includeDismissed: true }),
      associates: await api['baas.list']({}).catch(() => [])
    }),
    [workspace.path]
  )
  const scene = useLoaded(() => api['map.layout']({ phiOnly, ...(collapsed ? { collapsed } : {}) }), [workspace.path, phiOnly, collapsed, data])
  const importer = useMapImport(useCallback(() => reload(), [reload]))
  const collapsedSet = useMemo(() => new Set(collapsed ?? scene.data?.collapsedZoneIds ?? []), [collapsed, scene.data])
  const baNames = useMemo(() => new Map((data?.associates ?? []).map(a => [a.id, a.name])), [data])

  const act = (work: Promise<unknown>, done?: string) =>
    work.then(
      () => {
        setActionError(null)
        setNotice(done ?? null)
        reload()
      },
      (e: unknown) => setActionError(errorMessage(e))
    )

  const actions: MapActions = {
    setPhi: input => void act(api['map.setPhi'](input as never)),
    updateOwner: (id, owner) => void act(api['map.updateAsset']({ id, owner }), 'Owner saved.'),
    toggleCollapsed: zoneId => {
      const next = new Set(collapsedSet)
      if (next.has(zoneId)) next.delete(zoneId)
      else next.add(zoneId)
      setCollapsed([...next])
    },
    select: setSelection
  }
  const select = (next: Selection) => {
    setSelection(next)
    setTab(t => (t === 'flags' || t === 'import' ? 'drawing' : t))
  }

  const exportSvg = async () => {
    try {
      const written = await api['map.exportSvg']({ phiOnly, ...(collapsed ? { collapsed } : {}) })
      setActionError(null)
      setNotice(written ? `The drawing was saved to ${written.path}.` : null)
    } catch (e) {
      setActionError(errorMessage(e))
    }
  }

  const view = data?.view
  const openFlags = data?.flags.filter(f => !f.dismissal).length ?? 0
  const lastReview = view?.lastReview

  return (
    <div
      className="map-page"
      onDragOver={event => {
        if (!event.dataTransfer.types.includes('Files')) return
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={event => {
        // Handled here, so the window-wide drop (scanner files to Findings) leaves it alone.
        event.preventDefault()
        setDragging(false)
        const paths = droppedPaths(event)
        if (paths.length > 0) {
          setTab('import')
          void importer.run(paths)
        } else setActionError('Dropping files is not available here; use “Choose files…” under Import.')
      }}
    >
      <Flex direction="column" gap="4">
        <PageHeader
          title="Data-flow map"
          description={
            <>
              Where PHI lives and flows: your systems inside their boundaries, what sends data to what, and what holds PHI. The map describes the
              status of safeguards as recorded here; it is not a statement of compliance.
            </>
          }
          actions={
            <>
              <Text as="label" size="2">
                <Flex gap="2" align="center">
                  <Switch checked={phiOnly} onCheckedChange={setPhiOnly} />
                  Show only what holds or carries PHI
                </Flex>
              </Text>
              {view && <AddAssetDialog view={view} onAdd={input => void act(api['map.addAsset'](input), 'Asset added.')} />}
              {view && <AddFlowDialog view={view} onAdd={input => void act(api['map.addFlow'](input), 'Flow added.')} />}
              <ReviewDialog onReview={(by, note) => void act(api['map.review']({ by, note }), 'Review recorded.')} />
              <Button variant="soft" onClick={() => void exportSvg()}>
                Export SVG…
              </Button>
            </>
          }
        />
        <Text size="2" color="gray">
          {lastReview ? `Last reviewed on ${formatDate(lastReview.reviewedOn)} by ${lastReview.reviewedBy}.` : 'The map has not been reviewed yet.'}
        </Text>
        {(error || actionError || scene.error) && (
          <Callout.Root color="red" role="alert">
            <Callout.Text>{error ?? actionError ?? scene.error}</Callout.Text>
          </Callout.Root>
        )}
        {notice && (
          <Text size="2" color="green" role="status">
            {notice}
          </Text>
        )}
        <Tabs.Root value={tab} onValueChange={setTab}>
          <Tabs.List aria-label="Map views">
            <Tabs.Trigger value="drawing">Drawing</Tabs.Trigger>
            <Tabs.Trigger value="table">Table</Tabs.Trigger>
            <Tabs.Trigger value="flags">Flags ({openFlags})</Tabs.Trigger>
            <Tabs.Trigger value="import">Import</Tabs.Trigger>
          </Tabs.List>
          <Flex direction="column" gap="4" pt="4">
            <Tabs.Content value="drawing">
              <div className="map-layout">
                <Flex direction="column" gap="2">
                  {!scene.data && !scene.error && (
                    <Text color="gray" role="status">
                      Laying out the drawing… The table, the flags and the details can be used meanwhile.
                    </Text>
                  )}
                  {scene.data?.notice && (
                    <Callout.Root color="amber" size="1">
                      <Callout.Text>{scene.data.notice}</Callout.Text>
                    </Callout.Root>
                  )}
                  {scene.data && scene.data.zones.length + scene.data.assets.length === 0 ? (
                    <Text color="gray">
                      {phiOnly
                        ? 'Nothing is marked as holding or carrying PHI yet.'
                        : 'The map is empty: import an infrastructure file or add an asset.'}
                    </Text>
                  ) : (
                    scene.data && <MapCanvas scene={scene.data} selected={selection} onSelect={select} />
                  )}
                </Flex>
                {view && (
                  <DetailsPanel
                    view={{ ...view, flags: data.flags }}
                    selection={selection}
                    collapsed={collapsedSet}
                    baNames={baNames}
                    actions={actions}
                  />
                )}
              </div>
            </Tabs.Content>
            <Tabs.Content value="table">
              <div className="map-layout">
                {view && <MapTable view={{ ...view, flags: data.flags }} selected={selection} onSelect={setSelection} />}
                {view && (
                  <DetailsPanel
                    view={{ ...view, flags: data.flags }}
                    selection={selection}
                    collapsed={collapsedSet}
                    baNames={baNames}
                    actions={actions}
                  />
                )}
              </div>
            </Tabs.Content>
            <Tabs.Content value="flags">
              {view && (
                <MapFlags
                  flags={data.flags}
                  view={view}
                  onSelect={select}
                  onDismiss={(flag: MapFlag, reason) =>
                    void act(api['map.dismissFlag']({ rule: flag.rule, subjectKey: flag.subjectKey, reason }), 'Flag dismissed.')
                  }
                  onRestore={(flag: MapFlag) => void act(api['map.restoreFlag']({ rule: flag.rule, subjectKey: flag.subjectKey }), 'Flag restored.')}
                />
              )}
            </Tabs.Content>
            <Tabs.Content value="import">
              <MapImportPanel importer={importer} dragging={dragging} />
            </Tabs.Content>
          </Flex>
        </Tabs.Root>
      </Flex>
    </div>
  )
}
