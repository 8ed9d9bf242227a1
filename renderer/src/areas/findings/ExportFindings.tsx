import { useRef, useState } from 'react'
import { Button, Flex, Text } from '@radix-ui/themes'
import { api, errorMessage } from '../../api'
import { countOf, formatNumber } from '../../components/count-of'
import type { ViewQuery } from './view-query'

/** Exports the view's findings (same scope, filters and sort) through the save dialog, with progress and a Cancel. */
export function ExportFindings(props: { query: ViewQuery }) {
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const abort = useRef<AbortController | null>(null)
  const run = async (format: 'csv' | 'xlsx') => {
    const controller = new AbortController()
    abort.current = controller
    setRunning({ done: 0, total: 0 })
    setMessage(null)
    try {
      const result = await api['findings.export'](
        { ...props.query, format },
        {
          signal: controller.signal,
          onProgress: update => setRunning({ done: update.done ?? 0, total: update.total ?? 0 })
        }
      )
      if (result) setMessage({ error: false, text: `Exported ${countOf(result.rows, 'finding')} to ${result.path}.` })
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    } finally {
      setRunning(null)
      abort.current = null
    }
  }
  return (
    <Flex gap="2" align="center" wrap="wrap">
      <Button variant="soft" disabled={running !== null} onClick={() => void run('csv')}>
        Export CSV…
      </Button>
      <Button variant="soft" disabled={running !== null} onClick={() => void run('xlsx')}>
        Export Excel…
      </Button>
      {running && (
        <>
          <Text size="2" role="status">
            {running.total > 0 ? `Exporting ${formatNumber(running.done)} of ${formatNumber(running.total)} findings…` : 'Exporting…'}
          </Text>
          <Button variant="ghost" color="gray" onClick={() => abort.current?.abort()}>
            Cancel export
          </Button>
        </>
      )}
      {message && (
        <Text size="2" role={message.error ? 'alert' : 'status'} color={message.error ? 'red' : 'gray'}>
          {message.text}
        </Text>
      )}
    </Flex>
  )
}
