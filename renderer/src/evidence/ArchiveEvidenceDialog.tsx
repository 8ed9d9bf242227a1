import { useId, useState } from 'react'
import { AlertDialog, Button, Callout, Flex, Text, TextField } from '@radix-ui/themes'
import type { EvidenceItem } from '../../../main/evidence/contract'
import { api, errorMessage } from '../api'

/**
 * "Archive…": evidence is never deleted. Documentation of the safeguards must be kept six years from its creation or
 * when it was last in effect (45 CFR 164.316(b)(2)(i)), so the item only leaves the list and the freshness counts; it
 * stays in the workspace and "Show archived" lists it.
 */
export function ArchiveEvidenceDialog(props: { item: EvidenceItem; onArchived(item: EvidenceItem): void }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const archive = async () => {
    setBusy(true)
    try {
      const archived = await api['evidence.archive']({ id: props.item.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })
      setOpen(false)
      props.onArchived(archived)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (next) {
          setReason('')
          setError(null)
        }
      }}
    >
      <AlertDialog.Trigger>
        <Button size="1" variant="ghost" color="red" aria-label={`Archive ${props.item.title}…`}>
          Archive…
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Content maxWidth="500px">
        <AlertDialog.Title>Archive {props.item.title}?</AlertDialog.Title>
        <AlertDialog.Description size="2">
          It leaves this list and no longer counts as current evidence. It is archived, not deleted: documentation of your safeguards must be kept for
          six years from when it was created or last in effect (45 CFR 164.316(b)(2)), so the{' '}
          {props.item.kind === 'file' ? 'file stays' : 'link stays'} in this workspace and “Show archived” lists it.
        </AlertDialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            void archive()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-reason`}>
                Reason (optional)
              </Text>
              <TextField.Root
                id={`${id}-reason`}
                value={reason}
                maxLength={4000}
                placeholder="e.g. replaced by the 2027 scan"
                onChange={event => setReason(event.target.value)}
              />
            </Flex>
            {error && (
              <Callout.Root highContrast color="red" role="alert">
                <Callout.Text>{error}</Callout.Text>
              </Callout.Root>
            )}
            <Flex gap="3" justify="end">
              <AlertDialog.Cancel>
                <Button type="button" variant="soft" color="gray">
                  Cancel
                </Button>
              </AlertDialog.Cancel>
              <Button type="submit" color="red" highContrast disabled={busy}>
                Archive
              </Button>
            </Flex>
          </Flex>
        </form>
      </AlertDialog.Content>
    </AlertDialog.Root>
  )
}
