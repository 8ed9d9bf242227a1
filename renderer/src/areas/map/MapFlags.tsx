import { Badge, Button, Card, Dialog, Flex, Heading, Text, TextArea } from '@radix-ui/themes'
import { useState } from 'react'
import type { DataFlowMapView, MapFlag } from '../../../../main/map/contract'
import type { Selection } from './MapCanvas'
import { formatNumber } from '../../components/count-of'

/** The map's flags, each citing its rule; dismiss one with a reason, or restore a dismissed one. */
export function MapFlags(props: {
  flags: MapFlag[]
  view: DataFlowMapView
  onSelect(selection: Selection): void
  onDismiss(flag: MapFlag, reason: string): void
  onRestore(flag: MapFlag): void
}) {
  const open = props.flags.filter(f => !f.dismissal)
  const dismissed = props.flags.filter(f => f.dismissal)
  const nameOf = (s: MapFlag['subjects'][number]) => {
    if (s.type === 'asset') return props.view.assets.find(a => a.id === s.id)?.name
    if (s.type === 'zone') return props.view.zones.find(z => z.id === s.id)?.name
    if (s.type === 'flow') return `flow ${s.id}`
    return null
  }
  const item = (flag: MapFlag) => (
    <Card key={`${flag.rule}:${flag.subjectKey}`} asChild>
      <li aria-label={flag.title}>
        <Flex direction="column" gap="2">
          <Flex gap="2" align="center" wrap="wrap">
            <Text weight="bold" size="2">
              {flag.title}
            </Text>
            <Badge color={flag.dismissal ? 'gray' : 'red'}>
              {flag.citation ? (/^16\d\./.test(flag.citation) ? `45 CFR ${flag.citation}` : flag.citation) : 'No rule citation'}
            </Badge>
          </Flex>
          <Text size="2" className="map-break">
            {flag.message}
          </Text>
          <Flex gap="2" wrap="wrap" align="center">
            {flag.subjects
              .filter(s => s.type !== 'map' && s.id !== null)
              .map(s => (
                <Button
                  key={`${s.type}${s.id}`}
                  size="1"
                  variant="ghost"
                  onClick={() => props.onSelect({ type: s.type as Selection['type'], id: s.id as number })}
                >
                  Show {s.type} {nameOf(s) ?? s.id}
                </Button>
              ))}
          </Flex>
          {flag.dismissal ? (
            <Flex gap="3" align="center" wrap="wrap">
              <Text size="2" color="gray">
                Dismissed{flag.dismissal.by ? ` by ${flag.dismissal.by}` : ''}: {flag.dismissal.reason}
              </Text>
              <Button size="1" variant="soft" onClick={() => props.onRestore(flag)}>
                Restore
              </Button>
            </Flex>
          ) : (
            <DismissDialog flag={flag} onDismiss={reason => props.onDismiss(flag, reason)} />
          )}
        </Flex>
      </li>
    </Card>
  )
  return (
    <Flex direction="column" gap="3">
      <Heading as="h2" size="4">
        Open flags ({formatNumber(open.length)})
      </Heading>
      {open.length === 0 ? (
        <Text size="2" color="gray">
          The map rules raise no open flags.
        </Text>
      ) : (
        <Flex direction="column" gap="2" asChild>
          <ul className="findings-flag-list" aria-label="Open flags">
            {open.map(item)}
          </ul>
        </Flex>
      )}
      {dismissed.length > 0 && (
        <>
          <Heading as="h3" size="3">
            Dismissed ({formatNumber(dismissed.length)})
          </Heading>
          <Flex direction="column" gap="2" asChild>
            <ul className="findings-flag-list" aria-label="Dismissed flags">
              {dismissed.map(item)}
            </ul>
          </Flex>
        </>
      )}
    </Flex>
  )
}

function DismissDialog(props: { flag: MapFlag; onDismiss(reason: string): void }) {
  const [reason, setReason] = useState('')
  const [open, setOpen] = useState(false)
  return (
    <Dialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (!next) setReason('')
      }}
    >
      <Dialog.Trigger>
        <Button size="1" variant="soft" color="gray" style={{ alignSelf: 'start' }}>
          Dismiss…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>Dismiss this flag</Dialog.Title>
        <Dialog.Description size="2">
          {props.flag.title}. The reason is recorded with the dismissal and shown in the evidence pack.
        </Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            if (!reason.trim()) return
            props.onDismiss(reason.trim())
            setOpen(false)
          }}
        >
          <Flex direction="column" gap="2" mt="3">
            <Text as="label" size="2" weight="medium" htmlFor="map-dismiss-reason">
              Reason (required)
            </Text>
            <TextArea id="map-dismiss-reason" required value={reason} onChange={e => setReason(e.target.value)} />
            <Flex gap="3" justify="end" mt="2">
              <Dialog.Close>
                <Button type="button" variant="soft" color="gray">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={!reason.trim()}>
                Dismiss flag
              </Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
