import { Button, Callout, Flex } from '@radix-ui/themes'

/** Says that the form shows changes from an earlier visit that are not saved yet, and offers to throw them away. */
export function UnsavedChangesNote(props: { shown: boolean; onDiscard(): void }) {
  if (!props.shown) return null
  return (
    <Callout.Root color="amber" size="1" highContrast data-testid="unsaved-changes">
      <Flex gap="3" align="center" wrap="wrap" justify="between">
        <Callout.Text>Unsaved changes from earlier are shown. They are kept while Safeguard is open, until you save or discard them.</Callout.Text>
        <Button type="button" size="1" variant="soft" color="gray" onClick={props.onDiscard}>
          Discard changes
        </Button>
      </Flex>
    </Callout.Root>
  )
}
