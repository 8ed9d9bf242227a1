import { Button, Callout, Dialog, Flex } from '@radix-ui/themes'

/** The end of a form in a dialog: what went wrong, if anything, then Cancel and the submit button. */
export function DialogFormFooter(props: { error: string | null; submitLabel: string }) {
  return (
    <>
      {props.error && (
        <Callout.Root highContrast color="red" role="alert">
          <Callout.Text>{props.error}</Callout.Text>
        </Callout.Root>
      )}
      <Flex gap="3" justify="end">
        <Dialog.Close>
          <Button type="button" variant="soft" color="gray">
            Cancel
          </Button>
        </Dialog.Close>
        <Button type="submit">{props.submitLabel}</Button>
      </Flex>
    </>
  )
}
