import type { ComponentProps } from 'react'
import { Button, Dialog, Flex } from '@radix-ui/themes'
import { EvidencePanel } from './EvidencePanel'

/** "Evidence…" on a row of a table (a remediation task, a check): the record's evidence panel in a dialog. */
export function EvidenceDialogButton(props: ComponentProps<typeof EvidencePanel> & { title: string }) {
  const { title, ...panel } = props
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button size="1" variant="ghost" aria-label={`Evidence for ${props.targetName}…`}>
          Evidence…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="640px">
        <Dialog.Title>{title}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Files and links that show this is in place, with the day each is effective as of.
        </Dialog.Description>
        <Flex direction="column" gap="3" mt="3">
          <EvidencePanel {...panel} />
          <Flex justify="end">
            <Dialog.Close>
              <Button variant="soft" color="gray">
                Close
              </Button>
            </Dialog.Close>
          </Flex>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  )
}
