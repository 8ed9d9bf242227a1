import { Badge, Button, Callout, Card, Dialog, Flex, Heading, Text, TextField } from '@radix-ui/themes'
import { useId } from 'react'
import type { TriageView } from '../../../../main/scanners/triage/contract'
import { api } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { formatNumber } from '../../components/count-of'
import { formatDate } from '../../components/format-date'
import { useLoaded } from '../../components/use-loaded'
import { useSignedDialog } from './use-signed-dialog'

const STATE_COLOR: Record<TriageView['state'], 'blue' | 'gray' | 'amber'> = { active: 'blue', expired: 'amber', ended: 'gray', withdrawn: 'gray' }

/**
 * The triages on record today: the ones that hold, and the ones that no longer do (expired, ended by a later scan) with
 * why, so a lapsed decision is seen and made again or left. Each can be withdrawn here.
 */
export function TriageList(props: { reloadKey: unknown; onChanged(): void }) {
  const { data, error, reload } = useLoaded(() => api['findings.listTriage']({}), [props.reloadKey])
  if (!data || data.length === 0) return null
  return (
    <Card>
      <Flex direction="column" gap="2">
        <Heading as="h2" size="3">
          Triaged ({formatNumber(data.filter(t => t.state === 'active').length)})
        </Heading>
        <Text as="p" size="2" color="gray">
          Failing findings marked as an accepted risk, a false positive or fixed pending a rescan. They do not count as failing until the expiry
          passes or a later scan changes them.
        </Text>
        {error && (
          <Callout.Root color="red" role="alert">
            <Callout.Text>{error}</Callout.Text>
          </Callout.Root>
        )}
        <Flex direction="column" gap="1" asChild>
          <ul className="findings-flag-list" aria-label="Triaged findings">
            {data.map(t => (
              <li key={t.id}>
                <Flex gap="2" align="center" wrap="wrap">
                  <Badge color={STATE_COLOR[t.state]} highContrast>
                    {t.statusLabel}
                    {t.state === 'active' ? '' : ` (${t.state})`}
                  </Badge>
                  <Text size="2" weight="medium" className="findings-break">
                    {t.findingKey === null
                      ? `Check ${t.checkId}${t.account ? ` in ${t.account}` : ''} (${formatNumber(t.subjects)} findings)`
                      : `${t.checkId} on ${t.resource ?? 'no resource'}${t.findingAccount ? ` in ${t.findingAccount}` : ''}`}
                  </Text>
                  <Text size="2" color="gray">
                    {t.by}, {formatDate(t.createdAt.slice(0, 10))}
                    {t.expiresOn ? `, until ${formatDate(t.expiresOn)}` : ''}: {t.reason}
                    {t.why ? ` (${t.why})` : ''}
                  </Text>
                  <WithdrawDialog
                    triage={t}
                    onDone={() => {
                      reload()
                      props.onChanged()
                    }}
                  />
                </Flex>
              </li>
            ))}
          </ul>
        </Flex>
      </Flex>
    </Card>
  )
}

/** Withdraw a triage, saying who: its findings count as failing again; it stays on record. */
function WithdrawDialog(props: { triage: TriageView; onDone(): void }) {
  const id = useId()
  const { open, onOpenChange, by, setBy, error, run } = useSignedDialog('Say who withdraws it (your name).')
  const submit = () => run(name => api['findings.untriage']({ id: props.triage.id, by: name }), props.onDone)
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger>
        <Button size="1" variant="ghost" color="gray" aria-label={`Withdraw triage ${props.triage.id}…`}>
          Withdraw…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>Withdraw this triage</Dialog.Title>
        <Dialog.Description size="2">
          {props.triage.statusLabel}: {props.triage.reason}. Its findings count as failing again; the triage stays on record.
        </Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            void submit()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-by`}>
                Your name
              </Text>
              <TextField.Root id={`${id}-by`} value={by} maxLength={200} onChange={event => setBy(event.target.value)} />
            </Flex>
            <DialogFormFooter error={error} submitLabel="Withdraw triage" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
