import { Button, Callout, Flex, Progress, Text } from '@radix-ui/themes'
import type { ReactNode } from 'react'
import type { GenerationState } from './use-generation'

/** Progress while a document is written, then what was written with Open and Show in folder (or why it was not). */
export function GenerationStatus<T>(props: {
  state: GenerationState<T>
  onCancel(): void
  describe(result: T): string
  actions?(result: T): ReactNode
  label: string
  /** Green for a file written; gray for a look that wrote nothing. */
  doneColor?: 'green' | 'gray'
}) {
  const { state } = props
  if (state.kind === 'idle') return null
  if (state.kind === 'running') {
    const { progress } = state
    const value = progress?.total ? Math.round(((progress.done ?? 0) / progress.total) * 100) : undefined
    return (
      <Flex direction="column" gap="2" role="status" aria-live="polite">
        <Text size="2" color="gray">
          {progress?.phase ?? 'Starting…'}
        </Text>
        <Flex gap="3" align="center">
          <Progress value={value} aria-label={`${props.label}: progress`} style={{ flex: 1 }} />
          <Button variant="soft" color="gray" onClick={props.onCancel}>
            Cancel
          </Button>
        </Flex>
      </Flex>
    )
  }
  if (state.kind === 'done') {
    return (
      <Callout.Root color={props.doneColor ?? 'green'} role="status">
        <Callout.Text>{props.describe(state.result)}</Callout.Text>
        {props.actions?.(state.result)}
      </Callout.Root>
    )
  }
  if (state.kind === 'cancelled') {
    return (
      <Callout.Root color="gray" role="status">
        <Callout.Text>Cancelled. Nothing was written.</Callout.Text>
      </Callout.Root>
    )
  }
  return (
    <Callout.Root color="red" role="alert">
      <Callout.Text>{state.message}</Callout.Text>
    </Callout.Root>
  )
}
