import { useRef, useState } from 'react'
import { Button, Callout, Flex, Progress, Text } from '@radix-ui/themes'
import type { ProgressUpdate } from '../../../../main/api/contract'
import { ApiCallError, errorMessage } from '../../api'
import { formatNumber } from '../../components/count-of'

interface RowReport {
  row: number
  ok: boolean
  errors: string[]
}

/**
 * Imports a JSON or CSV file chosen in the open dialog, showing how far the check of its rows has come (with a
 * Cancel button), then what happened, row by row when it was refused.
 */
export function ImportButton(props: {
  label: string
  run(options: { signal: AbortSignal; onProgress(update: ProgressUpdate): void }): Promise<{ imported: number; rows: RowReport[] } | null>
  noun: string
  onImported(): void
}) {
  const [result, setResult] = useState<{ error: boolean; text: string; rows: RowReport[] } | null>(null)
  const [running, setRunning] = useState<{ progress: ProgressUpdate | null } | null>(null)
  const controller = useRef<AbortController | null>(null)
  const start = async () => {
    const abort = new AbortController()
    controller.current = abort
    setRunning({ progress: null })
    try {
      const report = await props.run({ signal: abort.signal, onProgress: progress => setRunning({ progress }) })
      if (!report) return
      setResult({ error: false, text: `Imported ${formatNumber(report.imported)} ${props.noun}.`, rows: [] })
      props.onImported()
    } catch (caught) {
      if (abort.signal.aborted) {
        setResult({ error: false, text: 'Import cancelled. Nothing from the file was imported.', rows: [] })
        return
      }
      const rows =
        caught instanceof ApiCallError && caught.details && typeof caught.details === 'object'
          ? ((caught.details as { rows?: RowReport[] }).rows ?? [])
          : []
      setResult({ error: true, text: errorMessage(caught), rows: rows.filter(row => !row.ok) })
    } finally {
      controller.current = null
      setRunning(null)
    }
  }
  const progress = running?.progress
  return (
    <Flex direction="column" gap="2">
      <Button variant="soft" disabled={running !== null} onClick={() => void start()}>
        {props.label}
      </Button>
      {progress && (
        <Flex direction="column" gap="2" role="status" aria-live="polite">
          <Text size="2" color="gray">
            {progress.phase === 'check' && progress.total
              ? `Checked ${formatNumber(progress.done ?? 0)} of ${formatNumber(progress.total)} rows`
              : 'Reading the file…'}
          </Text>
          <Flex gap="3" align="center">
            <Progress
              value={progress.total ? Math.round(((progress.done ?? 0) / progress.total) * 100) : undefined}
              aria-label="Import progress"
              style={{ flex: 1 }}
            />
            <Button variant="soft" color="gray" onClick={() => controller.current?.abort()}>
              Cancel
            </Button>
          </Flex>
        </Flex>
      )}
      {result && (
        <Callout.Root highContrast color={result.error ? 'red' : 'green'} role={result.error ? 'alert' : 'status'}>
          <Callout.Text>{result.text}</Callout.Text>
          {result.rows.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 'var(--space-5)' }}>
              {result.rows.flatMap(row =>
                row.errors.map(error => (
                  <li key={`${row.row}-${error}`}>
                    <Text size="2">
                      Row {row.row}: {error}
                    </Text>
                  </li>
                ))
              )}
            </ul>
          )}
        </Callout.Root>
      )}
    </Flex>
  )
}
