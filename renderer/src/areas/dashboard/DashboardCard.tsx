import type { ReactNode } from 'react'
import { Button, Callout, Card, Flex, Heading, Skeleton } from '@radix-ui/themes'

/** One card of the dashboard: a title, its content once loaded, and a way into the area it summarises. */
export function DashboardCard(props: {
  title: string
  error: string | null
  loading: boolean
  action?: { label: string; onClick(): void }
  /** Gives the heading an id and lets a script focus it (when the row that had the focus is gone). */
  headingId?: string
  children: ReactNode
}) {
  return (
    <Card size="3" asChild>
      <section aria-label={props.title}>
        <Flex direction="column" gap="3">
          <Flex justify="between" align="center" gap="3" wrap="wrap">
            <Heading as="h2" size="4" id={props.headingId} tabIndex={props.headingId ? -1 : undefined}>
              {props.title}
            </Heading>
            {props.action && (
              <Button variant="soft" onClick={props.action.onClick}>
                {props.action.label}
              </Button>
            )}
          </Flex>
          {props.error ? (
            <Callout.Root color="red" role="alert">
              <Callout.Text>{props.error}</Callout.Text>
            </Callout.Root>
          ) : props.loading ? (
            <Skeleton height="48px" />
          ) : (
            props.children
          )}
        </Flex>
      </section>
    </Card>
  )
}
