import { Button, Flex, Text } from '@radix-ui/themes'
import { useState } from 'react'
import { api, errorMessage } from '../api'

/**
 * Open and Show in folder for a file the app just wrote, instead of its path as text. The main side
 * knows the file by `openId`; the window never names a path to open.
 */
export function WrittenFileActions(props: { openId: string; what: string; folder?: boolean }) {
  const [error, setError] = useState<string | null>(null)
  const run = (call: Promise<unknown>) => {
    setError(null)
    call.catch((caught: unknown) => setError(errorMessage(caught)))
  }
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" wrap="wrap">
        <Button
          size="1"
          variant="soft"
          aria-label={props.folder ? `Open folder: ${props.what}` : `Open ${props.what}`}
          onClick={() => run(api['documents.openWritten']({ openId: props.openId }))}
        >
          {props.folder ? 'Open folder' : 'Open'}
        </Button>
        {!props.folder && (
          <Button
            size="1"
            variant="soft"
            color="gray"
            aria-label={`Show in folder: ${props.what}`}
            onClick={() => run(api['documents.showWritten']({ openId: props.openId }))}
          >
            Show in folder
          </Button>
        )}
      </Flex>
      {error && (
        <Text size="1" color="red" role="alert">
          {error}
        </Text>
      )}
    </Flex>
  )
}
