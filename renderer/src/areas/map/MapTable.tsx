import { Button, Flex, SegmentedControl, Table, Text, TextField } from '@radix-ui/themes'
import { useMemo, useState } from 'react'
import type { DataFlowMapView, MapEndpoint } from '../../../../main/map/contract'
import type { Selection } from './MapCanvas'
import { carriesLabel, markingLabel } from './labels'
import { formatNumber } from '../../components/count-of'

const PAGE = 50

type Kind = 'asset' | 'zone' | 'flow'

interface Row {
  id: number
  cells: string[]
}

/**
 * The map as tables (assets, zones, flows), for keyboard and screen-reader
 * users and for maps too large to read as a drawing; a page at a time.
 * "Details" opens the same panel the drawing does, with the same actions.
 */
export function MapTable(props: { view: DataFlowMapView; selected: Selection | null; onSelect(selection: Selection): void }) {
  const { view } = props
  const [kind, setKind] = useState<Kind>('asset')
  const [filter, setFilter] = useState('')
  const [page, setPage] = useState(0)

  const { headers, rows } = useMemo(() => {
    const zoneName = new Map(view.zones.map(z => [z.id, `${z.kind} ${z.name}`]))
    const assetName = new Map(view.assets.map(a => [a.id, a.name]))
    const openFlags = (type: Kind, id: number) => view.flags.filter(f => !f.dismissal && f.subjects.some(s => s.type === type && s.id === id)).length
    const end = (e: MapEndpoint) => (e.type === 'asset' ? assetName.get(e.id) : zoneName.get(e.id)) ?? `${e.type} ${e.id}`
    if (kind === 'asset')
      return {
        headers: ['Asset', 'Type', 'Zone', 'PHI', 'Owner', 'Flags'],
        rows: view.assets.map((a): Row => ({
          id: a.id,
          cells: [
            a.name,
            a.kind,
            a.zoneIds[0] ? (zoneName.get(a.zoneIds[0]) ?? '') : '—',
            `${markingLabel(a.phi.value)}${a.phi.origin === 'inferred' ? ' (inferred)' : ''}`,
            a.owner || '—',
            String(openFlags('asset', a.id))
          ]
        }))
      }
    if (kind === 'zone')
      return {
        headers: ['Zone', 'Kind', 'Inside', 'PHI', 'Flags'],
        rows: view.zones.map((z): Row => ({
          id: z.id,
          cells: [
            `${z.name}${z.placeholder ? ' (placeholder)' : ''}`,
            z.kind,
            z.parentId ? (zoneName.get(z.parentId) ?? '') : '—',
            `${markingLabel(z.phi.value)}${z.phi.origin === 'inferred' ? ' (inferred)' : ''}`,
            String(openFlags('zone', z.id))
          ]
        }))
      }
    return {
      headers: ['From', 'To', 'Kind', 'Carries', 'Encrypted in transit', 'Flags'],
      rows: view.flows.map((f): Row => ({
        id: f.id,
        cells: [
          end(f.from),
          end(f.to),
          f.label ? `${f.kind} (${f.label})` : f.kind,
          `${carriesLabel(f.carries.value)}${f.carries.origin === 'inferred' ? ' (inferred)' : ''}`,
          f.encryptedInTransit === null ? 'Not stated' : f.encryptedInTransit ? 'Yes' : 'No',
          String(openFlags('flow', f.id))
        ]
      }))
    }
  }, [view, kind])

  const wanted = filter.trim().toLowerCase()
  const shown = wanted ? rows.filter(r => r.cells.some(c => c.toLowerCase().includes(wanted))) : rows
  const pages = Math.max(1, Math.ceil(shown.length / PAGE))
  const current = Math.min(page, pages - 1)
  const slice = shown.slice(current * PAGE, current * PAGE + PAGE)
  const label = { asset: 'Assets', zone: 'Zones', flow: 'Flows' }[kind]

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" align="center" wrap="wrap">
        <SegmentedControl.Root
          value={kind}
          onValueChange={v => {
            setKind(v as Kind)
            setPage(0)
          }}
          aria-label="Table to show"
        >
          <SegmentedControl.Item value="asset">Assets ({formatNumber(view.assets.length)})</SegmentedControl.Item>
          <SegmentedControl.Item value="zone">Zones ({formatNumber(view.zones.length)})</SegmentedControl.Item>
          <SegmentedControl.Item value="flow">Flows ({formatNumber(view.flows.length)})</SegmentedControl.Item>
        </SegmentedControl.Root>
        <TextField.Root
          placeholder="Filter rows"
          aria-label={`Filter ${label.toLowerCase()}`}
          value={filter}
          onChange={e => {
            setFilter(e.target.value)
            setPage(0)
          }}
        />
      </Flex>
      <Table.Root size="1" variant="surface">
        <caption className="visually-hidden">{label}</caption>
        <Table.Header>
          <Table.Row>
            {headers.map(h => (
              <Table.ColumnHeaderCell key={h}>{h}</Table.ColumnHeaderCell>
            ))}
            <Table.ColumnHeaderCell>
              <span className="visually-hidden">Actions</span>
            </Table.ColumnHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {slice.map(row => {
            const selected = props.selected?.type === kind && props.selected.id === row.id
            return (
              <Table.Row key={row.id} aria-selected={selected || undefined}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <Table.RowHeaderCell key={i} className="map-break">
                      {cell}
                    </Table.RowHeaderCell>
                  ) : (
                    <Table.Cell key={i} className="map-break">
                      {cell}
                    </Table.Cell>
                  )
                )}
                <Table.Cell>
                  <Button
                    size="1"
                    variant={selected ? 'solid' : 'soft'}
                    onClick={() => props.onSelect({ type: kind, id: row.id })}
                    aria-label={`Details of ${row.cells[0]}`}
                  >
                    Details
                  </Button>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table.Root>
      <Flex gap="3" align="center">
        <Button size="1" variant="soft" disabled={current === 0} onClick={() => setPage(current - 1)}>
          Previous page
        </Button>
        <Text size="2" role="status">
          {shown.length === 0
            ? `No ${label.toLowerCase()}`
            : `${formatNumber(current * PAGE + 1)}–${formatNumber(current * PAGE + slice.length)} of ${formatNumber(shown.length)}`}
        </Text>
        <Button size="1" variant="soft" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          Next page
        </Button>
      </Flex>
    </Flex>
  )
}
