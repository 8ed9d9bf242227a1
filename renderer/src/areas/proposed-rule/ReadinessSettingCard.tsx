import { useState } from 'react'
import { Callout, Card, Flex, Heading, Switch, Text } from '@radix-ui/themes'
import { errorMessage } from '../../api'
import { setReadinessViewShown, useReadinessViewShown } from './readiness-view-setting'

/** The Settings switch for the proposed-rule readiness area: off by default, kept for this computer's app. */
export function ReadinessSettingCard() {
  const shown = useReadinessViewShown()
  const [error, setError] = useState<string | null>(null)
  return (
    <Card size="3">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4">
          Proposed Security Rule
        </Heading>
        <Text as="label" size="2">
          <Flex gap="2" align="center">
            <Switch
              checked={shown}
              onCheckedChange={checked => {
                setError(null)
                setReadinessViewShown(checked).catch(caught => setError(errorMessage(caught)))
              }}
            />
            Show the proposed Security Rule readiness view
          </Flex>
        </Text>
        <Text as="p" size="2" color="gray">
          The update to the Security Rule proposed in January 2025 (90 FR 898) is not in force. Turned on, a "Proposed rule" area shows how each
          specification stands today beside what the proposal would ask. Its duties stay off the Dashboard, and off the calendar unless you include
          them there. This setting applies to every workspace opened in this app.
        </Text>
        {error && (
          <Callout.Root color="red" role="alert">
            <Callout.Text>{error}</Callout.Text>
          </Callout.Root>
        )}
      </Flex>
    </Card>
  )
}
