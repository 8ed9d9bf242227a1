import { Badge, Button, Callout, Card, Checkbox, DataList, Flex, Heading, Progress, Text } from '@radix-ui/themes'
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react'
import type { ProgressUpdate } from '../../../../main/api/contract'
import type { FileImportResult } from '../../../../main/scanners/contract'
import { api, errorMessage } from '../../api'
import { useWorkspace } from '../../workspace-context'
import { formatBytes, SEVERITY_COLOR, SEVERITY_ORDER } from './labels'
import { formatNumber } from '../../components/count-of'
import { UnmappedChecks } from './MapCheckDialog'

type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ProgressUpdate | null }
  | { kind: 'done'; results: FileImportResult[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

// The desktop app knows the path of a dropped file (Electron's webUtils); a plain browser page does not.
function droppedPaths(event: DragEvent): string[] | null {
  const files = [...event.dataTransfer.files]
  const paths = files.map(file => window.safeguard.pathForFile(file)).filter(p => p.length > 0)
  return files.length > 0 && paths.length === 0 ? null : paths
}

/** Choose or drop scanner files, watch the import, then read what each file held. */
export function ImportPanel(props: { onImported(): void }) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' })
  const [dragging, setDragging] = useState(false)
  const [dropNote, setDropNote] = useState<string | null>(null)
  const [asOneScan, setAsOneScan] = useState(false)
  const controller = useRef<AbortController | null>(null)
  const { onImported } = props

  const run = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0) return
      const abort = new AbortController()
      controller.current = abort
      setState({ kind: 'running', progress: null })
      try {
        const results = await api['scans.import'](
          { paths, asOneScan },
          { signal: abort.signal, onProgress: progress => setState({ kind: 'running', progress }) }
        )
        setState({ kind: 'done', results })
      } catch (error) {
        setState(abort.signal.aborted ? { kind: 'cancelled' } : { kind: 'failed', message: errorMessage(error) })
      } finally {
        controller.current = null
        onImported()
      }
    },
    [onImported, asOneScan]
  )

  // Files dropped elsewhere on the window arrive here to be imported.
  const { droppedFiles, takeDroppedFiles } = useWorkspace()
  useEffect(() => {
    if (!droppedFiles || state.kind === 'running') return
    // Start after this render: the import updates this panel's state.
    void Promise.resolve().then(() => {
      const paths = takeDroppedFiles()
      if (paths) void run(paths)
    })
  }, [droppedFiles, takeDroppedFiles, run, state.kind])

  const choose = useCallback(async () => {
    try {
      await run(await api['scans.chooseFiles']({}))
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error) })
    }
  }, [run])

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const paths = droppedPaths(event)
    if (paths === null) setDropNote('Dropping files is not available here; use “Choose files…”.')
    else {
      setDropNote(null)
      void run(paths)
    }
  }

  const running = state.kind === 'running'
  return (
    <Flex direction="column" gap="3">
      <Card
        size="3"
        variant={dragging ? 'classic' : 'surface'}
        className={dragging ? 'findings-drop findings-drop--active' : 'findings-drop'}
        onDragOver={event => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        aria-label="Import scanner output"
      >
        <Flex direction="column" gap="2" align="start">
          <Heading as="h2" size="4">
            Import scanner output
          </Heading>
          <Text as="p" size="2" color="gray">
            Drop files here or choose them: Prowler (JSON, JSON-OCSF, ASFF, CSV, Prowler 2 CSV and JSON lines), AWS Security Hub, ScoutSuite (AWS,
            Azure, GCP), AWS Config or Powerpipe benchmark exports. The format is recognised from the content. Each file is imported whole or not at
            all.
          </Text>
          <Flex gap="4" align="center" wrap="wrap">
            <Button onClick={() => void choose()} disabled={running}>
              Choose files…
            </Button>
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={asOneScan} onCheckedChange={v => setAsOneScan(v === true)} />
                The files are pages of one export (one scan)
              </Flex>
            </Text>
          </Flex>
          {dropNote && (
            <Text size="2" color="amber" role="status">
              {dropNote}
            </Text>
          )}
        </Flex>
      </Card>
      <ImportStatus state={state} onCancel={() => controller.current?.abort()} />
    </Flex>
  )
}

function ImportStatus(props: { state: ImportState; onCancel(): void }) {
  const { state } = props
  if (state.kind === 'idle') return null
  if (state.kind === 'running') {
    const p = state.progress
    const value = p?.total ? Math.round(((p.done ?? 0) / p.total) * 100) : undefined
    const counts = p?.counts
    return (
      <Flex direction="column" gap="2" role="status" aria-live="polite">
        <Text size="2" color="gray">
          {p
            ? `File ${formatNumber(counts?.file ?? 1)} of ${formatNumber(counts?.files ?? 1)}: ${formatBytes(p.done ?? 0)} of ${formatBytes(p.total ?? 0)} read, ${formatNumber(counts?.findings ?? 0)} findings`
            : 'Starting…'}
        </Text>
        <Flex gap="3" align="center">
          <Progress value={value} aria-label="Import progress" style={{ flex: 1 }} />
          <Button variant="soft" color="gray" onClick={props.onCancel}>
            Cancel
          </Button>
        </Flex>
      </Flex>
    )
  }
  if (state.kind === 'cancelled') {
    return (
      <Callout.Root color="gray" role="status">
        <Callout.Text>Import cancelled. The file being read was not imported; nothing of it was kept.</Callout.Text>
      </Callout.Root>
    )
  }
  if (state.kind === 'failed') {
    return (
      <Callout.Root color="red" role="alert">
        <Callout.Text>{state.message}</Callout.Text>
      </Callout.Root>
    )
  }
  return (
    <Flex direction="column" gap="3">
      {state.results.map(result => (
        <ImportSummary key={result.file} result={result} />
      ))}
    </Flex>
  )
}

/** What one file held: format, counts, failures by severity, specifications touched, what was skipped and why. */
export function ImportSummary(props: { result: FileImportResult }) {
  const { result } = props
  if (!result.ok) {
    return (
      <Callout.Root color="red" role="alert">
        <Callout.Text>Not imported: {result.error.message}</Callout.Text>
      </Callout.Root>
    )
  }
  const { scan } = result
  return (
    <Card aria-label={`Import summary for ${scan.fileName}`}>
      <Flex direction="column" gap="3">
        <Flex gap="2" align="center" wrap="wrap">
          <Heading as="h3" size="3">
            {scan.fileName}
          </Heading>
          <Badge color={result.alreadyImported ? 'gray' : 'green'}>{result.alreadyImported ? 'Already imported: nothing added' : 'Imported'}</Badge>
        </Flex>
        <DataList.Root size="2">
          <DataList.Item>
            <DataList.Label>Format detected</DataList.Label>
            <DataList.Value>
              {scan.formatLabel}
              {scan.scannerVersion ? ` (version ${scan.scannerVersion})` : ''}
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Results</DataList.Label>
            <DataList.Value>{scan.summary}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Failed by severity</DataList.Label>
            <DataList.Value>
              <Flex gap="2" wrap="wrap">
                {SEVERITY_ORDER.filter(s => scan.failedBySeverity[s] > 0).map(s => (
                  <Badge key={s} color={SEVERITY_COLOR[s]}>
                    {s}: {formatNumber(scan.failedBySeverity[s])}
                  </Badge>
                ))}
                {scan.failed === 0 && <Text>none</Text>}
              </Flex>
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Accounts</DataList.Label>
            <DataList.Value>{scan.accounts.length ? scan.accounts.join(', ') : 'not stated in the file'}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Specifications touched</DataList.Label>
            <DataList.Value>
              {scan.citations.length
                ? scan.citations.join(', ')
                : `none: ${scan.unmappedChecks.length ? 'no check of the file maps to a specification (see Unmapped checks)' : 'the file holds no findings'}`}
            </DataList.Value>
          </DataList.Item>
          <UnmappedChecks scan={scan} />
          {scan.skipped.length > 0 && (
            <DataList.Item>
              <DataList.Label>Skipped</DataList.Label>
              <DataList.Value>
                <Flex direction="column" gap="1">
                  {scan.skipped.map(s => (
                    <Text key={s.reason} size="2">
                      {formatNumber(s.count)} × {s.reason}
                    </Text>
                  ))}
                </Flex>
              </DataList.Value>
            </DataList.Item>
          )}
          {scan.warnings.length > 0 && (
            <DataList.Item>
              <DataList.Label>Notes</DataList.Label>
              <DataList.Value>
                <Flex direction="column" gap="1">
                  {scan.warnings.map(w => (
                    <Text key={w} size="2">
                      {w}
                    </Text>
                  ))}
                </Flex>
              </DataList.Value>
            </DataList.Item>
          )}
        </DataList.Root>
      </Flex>
    </Card>
  )
}
