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
        <Button size="1" variant="soft" onClick={() => run(api['documents.openWritten']({ openId: props.openId }))}>
          {props.folder ? `Open folder` : 'Open'}
          <span className="visually-hidden"> {props.what}</span>
        </Button>
        {!props.folder && (
          <Button size="1" variant="soft" color="gray" onClick={() => run(api['documents.showWritten']({ openId: props.openId }))}>
            Show in folder
            <span className="visually-hidden"> {props.what}</span>
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
