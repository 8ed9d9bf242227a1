import { useId, useState } from 'react'
import { AlertDialog, Button, Callout, Flex, Text, TextField } from '@radix-ui/themes'
import { errorMessage } from '../api'

/**
 * "Delete permanently…" for an archived record whose six-year retention is over: the name must be typed again,
 * since nothing brings the record back afterwards.
 */
export function DeletePermanentlyDialog(props: { name: string; keptUntil: string; onDelete(typed: string): Promise<void> }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const matches = typed.trim() === props.name
  const remove = async () => {
    try {
      await props.onDelete(typed.trim())
      setOpen(false)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (next) {
          setTyped('')
          setError(null)
        }
      }}
    >
      <AlertDialog.Trigger>
        <Button size="1" variant="soft" color="red" highContrast aria-label={`Delete ${props.name} permanently`}>
          Delete permanently…
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Content maxWidth="500px">
        <AlertDialog.Title>Delete {props.name} permanently?</AlertDialog.Title>
        <AlertDialog.Description size="2">
          Its six-year retention ended on {props.keptUntil}. Deleting removes it and everything recorded with it from this workspace; it cannot be
          restored (older backups still hold it). Check with counsel that no other rule, such as a state law or a legal hold, asks you to keep it
          longer.
        </AlertDialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            if (matches) void remove()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-typed`}>
                Type {props.name} to confirm
              </Text>
              <TextField.Root id={`${id}-typed`} value={typed} autoComplete="off" onChange={event => setTyped(event.target.value)} />
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
              <Button type="submit" color="red" highContrast disabled={!matches}>
                Delete permanently
              </Button>
            </Flex>
          </Flex>
        </form>
      </AlertDialog.Content>
    </AlertDialog.Root>
  )
}
