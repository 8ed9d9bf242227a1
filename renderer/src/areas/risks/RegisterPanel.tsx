import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Badge, Button, Callout, Flex, Select, Table, Text, TextField } from '@radix-ui/themes'
import { Cross2Icon, MagnifyingGlassIcon } from '@radix-ui/react-icons'
import type { RiskCatalogView, RiskSortKey, RiskSummary, ListRisksInput } from '../../../../main/risks/contract'
import { api } from '../../api'
import { ScrollableTable } from '../../components/ScrollableTable'
import { useLoaded } from '../../components/use-loaded'
import { LevelBadge } from './LevelBadge'
import { COLUMN_SORTS, LEVEL_LABELS, LEVELS_HIGH_FIRST, SORT_LABELS, STATUS_LABELS, STATUSES, TREATMENT_LABELS, TREATMENTS } from './labels'
import { RiskScenarioPanel } from './RiskScenarioPanel'
import type { HeatCellFilter } from './HeatMapPanel'
import { countOf, formatNumber } from '../../components/count-of'
import { formatDate } from '../../components/format-date'

type Filter = NonNullable<ListRisksInput['filter']>
const ANY = 'any'

/** The register: every risk of the period as a sortable, filterable table; a row opens to the whole scenario. */
export function RegisterPanel(props: {
  catalog: RiskCatalogView
  readOnly: boolean
  refreshKey: number
  openRiskId: number | null
  onOpenRisk(id: number | null): void
  onChanged(): void
  /** A heat-map cell the register is narrowed to, shown as a removable filter. */
  cell: HeatCellFilter | null
  onClearCell(): void
}) {
  const [sort, setSort] = useState<RiskSortKey>('level')
  const [filter, setFilter] = useState<Filter>({})
  const [search, setSearch] = useState('')
  const [tick, setTick] = useState(0)
  const { cell } = props
  const list = useLoaded(
    () => api['risks.list']({ sort, filter: { ...filter, ...(search.trim() ? { search: search.trim() } : {}), ...(cell ? { cell } : {}) } }),
    [sort, JSON.stringify(filter), search, JSON.stringify(cell), props.refreshKey, tick]
  )
  // Arriving from a heat-map cell, focus goes to the count of what the filter shows (the cell's button is on another tab).
  const countRef = useRef<HTMLParagraphElement>(null)
  const focusCount = useRef(cell !== null)
  useEffect(() => {
    if (focusCount.current && list.data) {
      focusCount.current = false
      countRef.current?.focus()
    }
  }, [list.data])
  const stepLabel = (steps: { id: string; label: string }[], step: string) => steps.find(s => s.id === step)?.label ?? step
  const cellLabel =
    cell &&
    `${cell.rating === 'inherent' ? 'Inherent' : 'Residual'} risk: likelihood ${stepLabel(props.catalog.scale.likelihood, cell.likelihood)} × impact ${stepLabel(props.catalog.scale.impact, cell.impact)}`
  const setFilterValue = <K extends keyof Filter>(key: K, value: string) =>
    setFilter(current => {
      const next = { ...current }
      if (value === ANY) delete next[key]
      else next[key] = value as Filter[K]
      return next
    })
  const close = () => {
    const id = props.openRiskId
    props.onOpenRisk(null)
    // Back to the row the person opened, so the keyboard carries on where it was.
    if (id !== null) requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-risk-opener="${id}"]`)?.focus())
  }
  const rows = list.data?.rows ?? []
  const sortHeader = (label: string) => {
    const key = COLUMN_SORTS[label]
    if (!key) return <Table.ColumnHeaderCell key={label}>{label}</Table.ColumnHeaderCell>
    const active = sort === key
    return (
      <Table.ColumnHeaderCell key={label} aria-sort={active ? (key === 'level' ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="risk-sort-button" onClick={() => setSort(key)}>
          {label}
          {active && <span aria-hidden> {key === 'level' ? '▼' : '▲'}</span>}
        </button>
      </Table.ColumnHeaderCell>
    )
  }

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" wrap="wrap" align="end">
        <Labelled id="risk-sort" label="Sort">
          <Select.Root value={sort} onValueChange={value => setSort(value as RiskSortKey)}>
            <Select.Trigger id="risk-sort" />
            <Select.Content>
              {(Object.keys(SORT_LABELS) as RiskSortKey[]).map(key => (
                <Select.Item key={key} value={key}>
                  {SORT_LABELS[key]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
        </Labelled>
        <Labelled id="risk-filter-level" label="Level">
          <Select.Root value={filter.level ?? ANY} onValueChange={value => setFilterValue('level', value)}>
            <Select.Trigger id="risk-filter-level" />
            <Select.Content>
              <Select.Item value={ANY}>Any level</Select.Item>
              {LEVELS_HIGH_FIRST.map(level => (
                <Select.Item key={level} value={level}>
                  {LEVEL_LABELS[level]}
                </Select.Item>
              ))}
              <Select.Item value="unrated">Not rated</Select.Item>
            </Select.Content>
          </Select.Root>
        </Labelled>
        <Labelled id="risk-filter-treatment" label="Treatment">
          <Select.Root value={filter.treatment ?? ANY} onValueChange={value => setFilterValue('treatment', value)}>
            <Select.Trigger id="risk-filter-treatment" />
            <Select.Content>
              <Select.Item value={ANY}>Any treatment</Select.Item>
              {TREATMENTS.map(kind => (
                <Select.Item key={kind} value={kind}>
                  {TREATMENT_LABELS[kind]}
                </Select.Item>
              ))}
              <Select.Item value="none">No treatment chosen</Select.Item>
            </Select.Content>
          </Select.Root>
        </Labelled>
        <Labelled id="risk-filter-status" label="Status">
          <Select.Root value={filter.status ?? ANY} onValueChange={value => setFilterValue('status', value)}>
            <Select.Trigger id="risk-filter-status" />
            <Select.Content>
              <Select.Item value={ANY}>Any status</Select.Item>
              {STATUSES.map(status => (
                <Select.Item key={status} value={status}>
                  {STATUS_LABELS[status]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
        </Labelled>
        <Labelled id="risk-filter-threat" label="Threat">
          <Select.Root value={filter.threatId ?? ANY} onValueChange={value => setFilterValue('threatId', value)}>
            <Select.Trigger id="risk-filter-threat" />
            <Select.Content>
              <Select.Item value={ANY}>Any threat</Select.Item>
              {props.catalog.threats.map(threat => (
                <Select.Item key={threat.id} value={threat.id}>
                  {threat.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
        </Labelled>
        <Labelled id="risk-filter-owner" label="Owner">
          <TextField.Root
            id="risk-filter-owner"
            value={filter.owner ?? ''}
            placeholder="Anyone"
            onChange={event => setFilterValue('owner', event.target.value === '' ? ANY : event.target.value)}
          />
        </Labelled>
        <Flex direction="column" gap="1" flexGrow="1" maxWidth="320px">
          <Text as="label" size="2" weight="medium" htmlFor="risk-search">
            Search risks
          </Text>
          <TextField.Root id="risk-search" type="search" value={search} placeholder="Asset, threat, title" onChange={e => setSearch(e.target.value)}>
            <TextField.Slot>
              <MagnifyingGlassIcon aria-hidden />
            </TextField.Slot>
          </TextField.Root>
        </Flex>
      </Flex>
      {cell && (
        <Flex gap="2" align="center" role="group" aria-label="Heat-map filter" data-testid="risk-cell-filter">
          <Text size="2">Filtered to the heat-map cell</Text>
          <Badge size="2" variant="soft" highContrast>
            {cellLabel}
            <button
              type="button"
              className="risk-chip-remove"
              aria-label={`Remove filter: ${cellLabel}`}
              onClick={() => {
                props.onClearCell()
                // The chip and its button go away: the count of what is now shown takes focus.
                countRef.current?.focus()
              }}
            >
              <Cross2Icon aria-hidden />
            </button>
          </Badge>
        </Flex>
      )}
      {list.error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{list.error}</Callout.Text>
        </Callout.Root>
      )}
      {props.openRiskId !== null && (
        <RiskScenarioPanel
          key={props.openRiskId}
          riskId={props.openRiskId}
          catalog={props.catalog}
          readOnly={props.readOnly}
          onSaved={() => setTick(t => t + 1)}
          onDeleted={() => {
            props.onOpenRisk(null)
            props.onChanged()
            // The panel and its Delete button are gone: the register's count says what is left.
            requestAnimationFrame(() => countRef.current?.focus())
          }}
          onClose={close}
        />
      )}
      {list.data && (
        <Text
          as="p"
          size="2"
          color="gray"
          role="status"
          ref={countRef}
          tabIndex={-1}
          className="risk-focus-target risk-register-count"
          data-testid="risk-register-count"
        >
          {list.data.total === rows.length
            ? countOf(rows.length, 'risk')
            : `Showing ${formatNumber(rows.length)} of ${formatNumber(list.data.total)} risks`}
        </Text>
      )}
      {list.data && rows.length === 0 && (
        <Text as="p" color="gray">
          No risk matches. Confirm a suggestion, assess an asset not yet assessed, or add a risk.
        </Text>
      )}
      {rows.length > 0 && (
        <ScrollableTable variant="surface" className="risk-register" label="Risk register">
          <Table.Header>
            <Table.Row>{['Risk', 'Asset', 'Threat', 'Owner', 'Level', 'Treatment', 'Status', 'Due'].map(sortHeader)}</Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map(risk => (
              <RegisterRow key={risk.id} risk={risk} open={risk.id === props.openRiskId} onOpen={() => props.onOpenRisk(risk.id)} />
            ))}
          </Table.Body>
        </ScrollableTable>
      )}
    </Flex>
  )
}

function RegisterRow(props: { risk: RiskSummary; open: boolean; onOpen(): void }) {
  const { risk } = props
  return (
    <Table.Row data-testid="risk-row" data-risk-id={risk.id} className={props.open ? 'risk-row--open' : undefined}>
      <Table.RowHeaderCell>
        <Button data-risk-opener={risk.id} variant="ghost" className="risk-open-button" aria-expanded={props.open} onClick={props.onOpen}>
          {risk.title}
        </Button>
        {risk.review && (
          <Text as="div" size="1" color="orange">
            Review: {risk.review.message}
          </Text>
        )}
      </Table.RowHeaderCell>
      <Table.Cell>{risk.assets.map(asset => asset.name).join(', ') || '—'}</Table.Cell>
      <Table.Cell>{risk.threat?.name ?? '—'}</Table.Cell>
      <Table.Cell>{risk.owner || '—'}</Table.Cell>
      <Table.Cell>
        <LevelBadge level={risk.level} label={risk.levelLabel} />
        {risk.residualLevel && risk.residualLevel !== risk.level && (
          <Text as="div" size="1" color="gray">
            Residual {risk.residualLevelLabel}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell>
        {risk.treatment ? TREATMENT_LABELS[risk.treatment] : '—'}
        {risk.acceptance && (
          <Text as="div" size="1" color="gray">
            by {risk.acceptance.approver} until {formatDate(risk.acceptance.expiresOn)}
          </Text>
        )}
      </Table.Cell>
      <Table.Cell>{STATUS_LABELS[risk.status]}</Table.Cell>
      <Table.Cell>
        {risk.dueOn ? formatDate(risk.dueOn) : '—'}
        {risk.overdue && (
          <Badge color="red" variant="soft" highContrast ml="2">
            Overdue
          </Badge>
        )}
      </Table.Cell>
    </Table.Row>
  )
}

function Labelled(props: { id: string; label: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="2" weight="medium" htmlFor={props.id}>
        {props.label}
      </Text>
      {props.children}
    </Flex>
  )
}
