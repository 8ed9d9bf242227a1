import { useState } from 'react'
import { Button, Callout, Flex, Text } from '@radix-ui/themes'
import { ApiCallError, errorMessage } from '../../api'
import { formatNumber } from '../../components/count-of'

interface RowReport {
  row: number
  ok: boolean
  errors: string[]
}

/** Imports a JSON or CSV file chosen in the open dialog, then shows what happened, row by row when it was refused. */
export function ImportButton(props: {
  label: string
  run(): Promise<{ imported: number; rows: RowReport[] } | null>
  noun: string
  onImported(): void
}) {
  const [result, setResult] = useState<{ error: boolean; text: string; rows: RowReport[] } | null>(null)
  const start = async () => {
    try {
      const report = await props.run()
      if (!report) return
      setResult({ error: false, text: `Imported ${formatNumber(report.imported)} ${props.noun}.`, rows: [] })
      props.onImported()
    } catch (caught) {
      const rows =
        caught instanceof ApiCallError && caught.details && typeof caught.details === 'object'
          ? ((caught.details as { rows?: RowReport[] }).rows ?? [])
          : []
      setResult({ error: true, text: errorMessage(caught), rows: rows.filter(row => !row.ok) })
    }
  }
  return (
    <Flex direction="column" gap="2">
      <Button variant="soft" onClick={() => void start()}>
        {props.label}
      </Button>
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
