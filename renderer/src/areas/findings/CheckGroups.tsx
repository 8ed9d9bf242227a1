import { Fragment, useState } from 'react'
import { Badge, Button, Callout, Flex, Table, Text } from '@radix-ui/themes'
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons'
import type { CheckGroupView, FindingRowView, FindingStatus } from '../../../../main/scanners/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { ScrollableTable } from '../../components/ScrollableTable'
import { countOf, formatNumber } from '../../components/count-of'
import { formatDateTime } from '../../components/format-date'
import { FindingRows } from './FindingRows'
import { TriageDialog } from './TriageDialog'
import { EvidenceDialogButton } from '../../evidence/EvidenceDialogButton'
import { SEVERITY_COLOR, STATUS_COLOR, STATUS_ORDER } from './labels'
import type { ViewQuery } from './view-query'

const GROUP_PAGE = 50
// The call's page limit; past it the Findings view without grouping (or an export) lists the rest.
const MAX_SHOWN = 5000
/** The group's statuses in the usual order; a status this screen does not know yet comes last. */
const statusesOf = (g: CheckGroupView) =>
  (Object.keys(g.statuses) as FindingStatus[])
    .filter(s => (g.statuses[s] ?? 0) > 0)
    .sort((a, b) => (STATUS_ORDER.indexOf(a) + 1 || 99) - (STATUS_ORDER.indexOf(b) + 1 || 99))
const groupKey = (g: CheckGroupView) => `${g.scanner}\u0000${g.checkId}`

/** One row per check with its status counts and resources; a check expands to its findings, a page at a time. */
export function CheckGroups(props: { groups: CheckGroupView[]; query: ViewQuery; onOpen(finding: FindingRowView): void; onTriaged?(): void }) {
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const ageShown = props.query.sort === 'age'
  return (
    <ScrollableTable variant="surface" size="1" label="Findings grouped by check">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Check</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Severity</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Statuses</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Resources</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Specifications</Table.ColumnHeaderCell>
          {/* When its findings were first seen costs a pass over every scan: worked out when sorting by it. */}
          {ageShown && <Table.ColumnHeaderCell>First seen</Table.ColumnHeaderCell>}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.groups.map(g => {
          const key = groupKey(g)
          const expanded = open[key] === true
          return (
            <Fragment key={key}>
              <Table.Row data-testid="check-group">
                <Table.RowHeaderCell>
                  <Flex gap="2" align="start">
                    <Button
                      size="1"
                      variant="ghost"
                      aria-expanded={expanded}
                      aria-label={`${expanded ? 'Hide' : 'Show'} ${countOf(g.findings, 'finding')} of ${g.title}`}
                      onClick={() => setOpen(o => ({ ...o, [key]: !expanded }))}
                    >
                      {expanded ? <ChevronDownIcon aria-hidden /> : <ChevronRightIcon aria-hidden />}
                    </Button>
                    <div>
                      <Text as="div" weight="medium" size="2">
                        {g.title}
                      </Text>
                      <Text as="div" size="1" color="gray">
                        {g.checkId} · {g.scanner}
                      </Text>
                      <Flex gap="3" align="center" wrap="wrap">
                        {(g.statuses.failed ?? 0) > 0 && (
                          <TriageDialog
                            target={{ checkId: g.checkId, scanner: g.scanner, label: `every failing finding of ${g.title}` }}
                            onChanged={() => props.onTriaged?.()}
                          />
                        )}
                        <EvidenceDialogButton
                          title={`Evidence for the check ${g.title}`}
                          target={{ kind: 'cloud-control', id: `${g.scanner}:${g.checkId}` }}
                          targetName={`the check ${g.checkId}`}
                        />
                      </Flex>
                    </div>
                  </Flex>
                </Table.RowHeaderCell>
                <Table.Cell>
                  <Badge color={SEVERITY_COLOR[g.severity]} variant="outline">
                    {g.severity}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  <Flex gap="1" wrap="wrap">
                    {statusesOf(g).map(s => (
                      <Badge key={s} color={STATUS_COLOR[s]}>
                        {formatNumber(g.statuses[s] ?? 0)} {s}
                      </Badge>
                    ))}
                    {/* Triaged failures are not among the failed: counted apart, as every other count does. */}
                    {g.triaged > 0 && (
                      <Badge color="gray" variant="outline">
                        {formatNumber(g.triaged)} triaged
                      </Badge>
                    )}
                  </Flex>
                </Table.Cell>
                <Table.Cell justify="end">{formatNumber(g.resources)}</Table.Cell>
                <Table.Cell>{g.citations.join(', ') || '—'}</Table.Cell>
                {ageShown && <Table.Cell>{g.firstSeen ? formatDateTime(g.firstSeen) : '—'}</Table.Cell>}
              </Table.Row>
              {expanded && (
                <Table.Row>
                  <Table.Cell colSpan={ageShown ? 6 : 5}>
                    <GroupFindings group={g} query={props.query} onOpen={props.onOpen} {...(props.onTriaged ? { onTriaged: props.onTriaged } : {})} />
                  </Table.Cell>
                </Table.Row>
              )}
            </Fragment>
          )
        })}
      </Table.Body>
    </ScrollableTable>
  )
}

function GroupFindings(props: { group: CheckGroupView; query: ViewQuery; onOpen(finding: FindingRowView): void; onTriaged?(): void }) {
  // "Show more" asks again for a longer first page: the rows already shown stay in the same order.
  const [shown, setShown] = useState(GROUP_PAGE)
  const { data, error } = useLoaded(
    () =>
      api['findings.view']({
        ...props.query,
        groupBy: 'none',
        check: { scanner: props.group.scanner, checkId: props.group.checkId },
        limit: shown,
        offset: 0
      }),
    [shown]
  )
  const findings = data?.groupBy === 'none' ? data.findings : null
  const total = data?.total ?? 0
  return (
    <Flex direction="column" gap="2">
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {findings && (
        <FindingRows
          findings={findings}
          label={`Findings of ${props.group.title}`}
          onOpen={props.onOpen}
          {...(props.onTriaged ? { onTriaged: props.onTriaged } : {})}
        />
      )}
      {findings && findings.length < total && (
        <Button size="1" variant="soft" onClick={() => setShown(n => Math.min(MAX_SHOWN, n + GROUP_PAGE))} style={{ alignSelf: 'start' }}>
          Show {formatNumber(Math.min(GROUP_PAGE, total - findings.length))} more of {formatNumber(total - findings.length)}
        </Button>
      )}
    </Flex>
  )
}
