import { useId, useMemo, useState } from 'react'
import { Badge, Button, Checkbox, DataList, Dialog, Flex, ScrollArea, Text, TextField } from '@radix-ui/themes'
import type { MapCheckResult } from '../../../../main/scanners/check-mappings/contract'
import type { ScanView, UnmappedCheck } from '../../../../main/scanners/contract'
import { api, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { formatNumber } from '../../components/count-of'
import { useLoaded, type Loaded } from '../../components/use-loaded'
import type { CatalogData } from '../../../../main/assessment/contract'

/**
 * The import summary's "Unmapped checks": each check of the scan that bears on no specification, why, and
 * "Map to specifications…" to map it yourself. The mapping is kept in the workspace, given to the check's
 * findings at once and offered again at every later import.
 */
export function UnmappedChecks(props: { scan: ScanView }) {
  const [mapped, setMapped] = useState(new Map<string, MapCheckResult>())
  const [showAll, setShowAll] = useState(false)
  // One catalog for every dialog of the list.
  const catalog = useLoaded(() => api['assessment.catalog']({}), [])
  const { scan } = props
  if (scan.unmappedChecks.length === 0) return null
  const shown = showAll ? scan.unmappedChecks : scan.unmappedChecks.slice(0, FIRST_SHOWN)
  // Checks of one format mostly share their reason: said once, with its checks below it.
  const byReason = new Map<string, UnmappedCheck[]>()
  for (const check of shown) byReason.set(check.reason, [...(byReason.get(check.reason) ?? []), check])
  return (
    <DataList.Item>
      <DataList.Label>Unmapped checks</DataList.Label>
      <DataList.Value>
        <Flex direction="column" gap="3">
          {[...byReason].map(([reason, checks]) => (
            <Flex direction="column" gap="2" key={reason}>
              <Text size="2" color="gray">
                {reason}:
              </Text>
              <Flex direction="column" gap="2" asChild>
                <ul aria-label="Unmapped checks" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {checks.map(check => {
                    const done = mapped.get(check.checkId)
                    return (
                      <li key={check.checkId}>
                        <Flex gap="3" align="center" wrap="wrap">
                          <Text size="2">
                            <Text weight="medium">{check.checkId}</Text> ({formatNumber(check.findings)}{' '}
                            {check.findings === 1 ? 'finding' : 'findings'})
                          </Text>
                          {done ? (
                            <Text size="2" color="green" role="status">
                              Mapped to {done.mapping.citations.join(', ')}: {formatNumber(done.findingsUpdated)} stored{' '}
                              {done.findingsUpdated === 1 ? 'finding' : 'findings'} now bear on {done.mapping.citations.length === 1 ? 'it' : 'them'}.
                            </Text>
                          ) : (
                            <MapCheckDialog
                              scanner={scan.scanner}
                              check={check}
                              catalog={catalog}
                              onMapped={result => setMapped(new Map(mapped).set(check.checkId, result))}
                            />
                          )}
                        </Flex>
                      </li>
                    )
                  })}
                </ul>
              </Flex>
            </Flex>
          ))}
        </Flex>
        {!showAll && scan.unmappedChecks.length > FIRST_SHOWN && (
          <Button size="1" variant="ghost" mt="2" onClick={() => setShowAll(true)}>
            Show all {formatNumber(scan.unmappedChecks.length)} unmapped checks
          </Button>
        )}
      </DataList.Value>
    </DataList.Item>
  )
}

/** Unmapped checks listed before "Show all". */
const FIRST_SHOWN = 10

/** Map one check to one or more specifications of the catalog, with the name of whoever decides it. */
export function MapCheckDialog(props: {
  scanner: string
  check: UnmappedCheck
  catalog: Loaded<CatalogData>
  onMapped(result: MapCheckResult): void
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [chosen, setChosen] = useState(new Set<string>())
  const [search, setSearch] = useState('')
  const [by, setBy] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { catalog } = props
  const entries = useMemo(() => {
    const words = search.trim().toLowerCase()
    const all = catalog.data?.entries ?? []
    return words ? all.filter(e => `${e.citation} ${e.title}`.toLowerCase().includes(words)) : all
  }, [catalog.data, search])

  const submit = async () => {
    if (chosen.size === 0) return setError('Choose at least one specification.')
    if (!by.trim()) return setError('Say who is mapping this check (a name).')
    setBusy(true)
    try {
      const result = await api['scans.mapCheck']({ scanner: props.scanner, checkId: props.check.checkId, citations: [...chosen], by: by.trim() })
      setOpen(false)
      props.onMapped(result)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (next) setError(null)
      }}
    >
      <Dialog.Trigger>
        <Button size="1" variant="soft" aria-label={`Map ${props.check.checkId} to specifications…`}>
          Map to specifications…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="640px">
        <Dialog.Title>Map {props.check.checkId}</Dialog.Title>
        <Dialog.Description size="2">
          {props.check.title}. Choose the Security Rule specifications this check bears on. Your mapping is kept in this workspace and marked as
          yours; it applies to the check&apos;s findings now and at every later import from the same scanner.
        </Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            if (!busy) void submit()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-search`}>
                Find a specification
              </Text>
              <TextField.Root
                id={`${id}-search`}
                value={search}
                placeholder="164.312 or encryption"
                onChange={event => setSearch(event.target.value)}
              />
            </Flex>
            {chosen.size > 0 && (
              <Flex gap="1" wrap="wrap" aria-label="Chosen specifications">
                {[...chosen].map(c => (
                  <Badge key={c}>{c}</Badge>
                ))}
              </Flex>
            )}
            <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: 260 }}>
              <Flex direction="column" gap="1" role="group" aria-label="Specifications">
                {catalog.error && (
                  <Text size="2" color="red">
                    {catalog.error}
                  </Text>
                )}
                {entries.map(entry => (
                  <Text as="label" size="2" key={entry.citation}>
                    <Flex gap="2" align="center">
                      <Checkbox
                        checked={chosen.has(entry.citation)}
                        onCheckedChange={on => {
                          const next = new Set(chosen)
                          if (on === true) next.add(entry.citation)
                          else next.delete(entry.citation)
                          setChosen(next)
                          setError(null)
                        }}
                      />
                      {entry.citation} {entry.title}
                    </Flex>
                  </Text>
                ))}
              </Flex>
            </ScrollArea>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-by`}>
                Your name
              </Text>
              <TextField.Root
                id={`${id}-by`}
                value={by}
                maxLength={200}
                onChange={event => {
                  setBy(event.target.value)
                  setError(null)
                }}
              />
            </Flex>
            <DialogFormFooter error={error} submitLabel={busy ? 'Mapping…' : 'Map check'} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
