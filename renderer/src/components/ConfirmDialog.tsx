import type { ReactElement, ReactNode } from 'react'
import { AlertDialog, Button, Flex } from '@radix-ui/themes'

/**
 * A button that asks before doing something that cannot simply be undone:
 * `trigger` opens the question, the confirm button does it, the other one leaves everything as it was.
 */
export function ConfirmDialog(props: {
  trigger: ReactElement
  title: ReactNode
  description: ReactNode
  confirmLabel: string
  cancelLabel?: string
  /** Red, for deleting or replacing data. */
  destructive?: boolean
  onConfirm(): void
}) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger>{props.trigger}</AlertDialog.Trigger>
      <AlertDialog.Content maxWidth="480px">
        <AlertDialog.Title>{props.title}</AlertDialog.Title>
        <AlertDialog.Description size="2">{props.description}</AlertDialog.Description>
        <Flex gap="3" mt="4" justify="end">
          <AlertDialog.Cancel>
            <Button variant="soft" color="gray">
              {props.cancelLabel ?? 'Cancel'}
            </Button>
          </AlertDialog.Cancel>
          <AlertDialog.Action>
            <Button {...(props.destructive ? { color: 'red' as const, highContrast: true } : {})} onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
          </AlertDialog.Action>
        </Flex>
      </AlertDialog.Content>
    </AlertDialog.Root>
  )
}
