import { Button, Callout, Dialog, Flex } from '@radix-ui/themes'

/**
 * The end of a form in a dialog: what went wrong, if anything, then Cancel and the submit button.
 * `onCancel` runs when Cancel is chosen (not on Escape), e.g. to throw away a draft the person chose not to save.
 */
export function DialogFormFooter(props: { error: string | null; submitLabel: string; onCancel?(): void }) {
  return (
    <>
      {props.error && (
        <Callout.Root highContrast color="red" role="alert">
          <Callout.Text>{props.error}</Callout.Text>
        </Callout.Root>
      )}
      <Flex gap="3" justify="end">
        <Dialog.Close>
          <Button type="button" variant="soft" color="gray" onClick={props.onCancel}>
            Cancel
          </Button>
        </Dialog.Close>
        <Button type="submit">{props.submitLabel}</Button>
      </Flex>
    </>
  )
}
