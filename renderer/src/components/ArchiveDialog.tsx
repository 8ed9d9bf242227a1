import { useId, useState, type ReactNode } from 'react'
import { AlertDialog, Button, Callout, Flex, Text, TextField } from '@radix-ui/themes'
import { errorMessage } from '../api'

/**
 * "Archive…": asks before taking a record out of every list, deadline and document. Nothing is erased: breach
 * records and agreements must be kept six years, so the record stays in the workspace and can be restored.
 * A refusal (a party with subcontractors below it) is shown in the dialog, which stays open.
 */
export function ArchiveDialog(props: {
  name: string
  what: string
  onArchive(reason: string): Promise<void>
  /** What archiving means for this kind of record, when the general sentence does not fit (evidence: 164.316(b)(2)). */
  description?: ReactNode
  /** A small ghost button named for its row, for lists with one per row. */
  compactTrigger?: boolean
  reasonMaxLength?: number
  reasonPlaceholder?: string
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const archive = async () => {
    setBusy(true)
    try {
      await props.onArchive(reason.trim())
      setOpen(false)
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
        {props.compactTrigger ? (
          <Button size="1" variant="ghost" color="red" aria-label={`Archive ${props.name}…`}>
            Archive…
          </Button>
        ) : (
          <Button variant="soft" color="red" highContrast>
            Archive…
          </Button>
        )}
      </AlertDialog.Trigger>
      <AlertDialog.Content maxWidth="500px">
        <AlertDialog.Title>Archive {props.name}?</AlertDialog.Title>
        <AlertDialog.Description size="2">
          {props.description ?? (
            <>
              The {props.what} leaves the lists, the calendar, the dashboard and new documents. Nothing is erased: it stays in this workspace for six
              years (45 CFR 164.530(j)), and you can restore it from Archived at any time.
            </>
          )}
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
                maxLength={props.reasonMaxLength ?? 1000}
                placeholder={props.reasonPlaceholder}
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
