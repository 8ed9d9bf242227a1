import { useRef, useState } from 'react'
import { Button, Callout, Dialog, Flex, Table, Text } from '@radix-ui/themes'
import { DownloadIcon, UploadIcon } from '@radix-ui/react-icons'
import type { RiskImportReport } from '../../../../main/risks/contract'
import { api, errorMessage } from '../../api'
import { countOf, formatNumber } from '../../components/count-of'

/** Export the register as CSV or Excel and import one back, every row or none; the host's dialogs choose the file. */
export function FileActions(props: { readOnly: boolean; onImported(): void }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const [report, setReport] = useState<RiskImportReport | null>(null)
  const [busy, setBusy] = useState(false)
  // Buttons are aria-disabled while working, never disabled: a disabled button drops the focus. The report gives it back when closed.
  const importButton = useRef<HTMLButtonElement>(null)
  const exportRegister = async () => {
    setBusy(true)
    try {
      const result = await api['risks.export']({})
      if (result) setMessage({ error: false, text: `Exported ${countOf(result.rows, 'risk')} to ${result.path}.` })
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    } finally {
      setBusy(false)
    }
  }
  const importRegister = async () => {
    setBusy(true)
    try {
      const result = await api['risks.import']({})
      if (result) {
        setMessage(null)
        setReport(result)
        if (result.imported > 0) props.onImported()
      }
    } catch (caught) {
      // A refused file comes back with its per-row report as the error's details.
      const details = (caught as { details?: unknown }).details
      if (details && typeof details === 'object' && 'rows' in details) setReport(details as RiskImportReport)
      setMessage({ error: true, text: errorMessage(caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Flex direction="column" gap="2">
      <Flex gap="2" wrap="wrap">
        <Button variant="soft" aria-disabled={busy} onClick={() => !busy && void exportRegister()}>
          <DownloadIcon aria-hidden />
          Export register (CSV or Excel)
        </Button>
        {!props.readOnly && (
          <Button ref={importButton} variant="soft" aria-disabled={busy} onClick={() => !busy && void importRegister()}>
            <UploadIcon aria-hidden />
            Import register
          </Button>
        )}
      </Flex>
      <div role="status">
        {message && (
          <Callout.Root color={message.error ? 'red' : 'green'} highContrast size="1">
            <Callout.Text>{message.text}</Callout.Text>
          </Callout.Root>
        )}
      </div>
      <Dialog.Root open={report !== null} onOpenChange={open => !open && setReport(null)}>
        <Dialog.Content
          maxWidth="720px"
          onCloseAutoFocus={event => {
            event.preventDefault()
            importButton.current?.focus()
          }}
        >
          <Dialog.Title>Import of {report?.file}</Dialog.Title>
          <Dialog.Description size="2">
            {report && report.imported > 0
              ? `${formatNumber(report.imported)} ${report.imported === 1 ? 'row was' : 'rows were'} imported.`
              : 'Nothing was imported: a register is imported whole or not at all. Correct the rows below and import again.'}
          </Dialog.Description>
          {report && report.rows.length > 0 && (
            <Table.Root size="1" variant="surface" mt="3">
              <caption className="visually-hidden">Import report, one line per row</caption>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Row</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Risk</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Result</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {report.rows.map(row => (
                  <Table.Row key={row.row}>
                    <Table.RowHeaderCell>{row.row}</Table.RowHeaderCell>
                    <Table.Cell>{row.title}</Table.Cell>
                    <Table.Cell>{row.ok ? 'OK' : <Text color="red">{row.errors.join(' ')}</Text>}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          )}
          <Flex justify="end" mt="4">
            <Dialog.Close>
              <Button>Close</Button>
            </Dialog.Close>
          </Flex>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  )
}
