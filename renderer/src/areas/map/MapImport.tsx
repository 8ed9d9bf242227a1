import { Badge, Button, Callout, Card, Flex, Heading, Progress, Text } from '@radix-ui/themes'
import { useCallback, useRef, useState } from 'react'
import type { ProgressUpdate } from '../../../../main/api/contract'
import type { MapImportResult } from '../../../../main/map/contract'
import { api, errorMessage } from '../../api'
import { countOf, formatNumber } from '../../components/count-of'

type Outcome = { file: string; result: MapImportResult } | { file: string; error: string }

type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; file: string; index: number; total: number; progress: ProgressUpdate | null; outcomes: Outcome[] }
  | { kind: 'done'; outcomes: Outcome[]; cancelled: boolean }

const baseName = (file: string) => file.split(/[\\/]/).at(-1) ?? file

/** Imports infrastructure files one by one (each whole or not at all), with progress and cancel. `run` is also what a drop on the page calls. */
export function useMapImport(onImported: () => void) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' })
  const controller = useRef<AbortController | null>(null)
  const run = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0) return
      const abort = new AbortController()
      controller.current = abort
      const outcomes: Outcome[] = []
      for (const [index, file] of paths.entries()) {
        if (abort.signal.aborted) break
        setState({ kind: 'running', file, index, total: paths.length, progress: null, outcomes: [...outcomes] })
        try {
          const result = await api['map.import'](
            { path: file },
            { signal: abort.signal, onProgress: progress => setState(s => (s.kind === 'running' ? { ...s, progress } : s)) }
          )
          outcomes.push({ file, result })
        } catch (error) {
          if (abort.signal.aborted) break
          outcomes.push({ file, error: errorMessage(error) })
        }
      }
      controller.current = null
      setState({ kind: 'done', outcomes, cancelled: abort.signal.aborted })
      onImported()
    },
    [onImported]
  )
  return { state, run, cancel: () => controller.current?.abort() }
}

export function MapImportPanel(props: { importer: ReturnType<typeof useMapImport>; dragging: boolean }) {
  const { state, run, cancel } = props.importer
  const [chooseError, setChooseError] = useState<string | null>(null)
  const choose = async () => {
    try {
      setChooseError(null)
      await run(await api['map.chooseFiles']({}))
    } catch (error) {
      setChooseError(errorMessage(error))
    }
  }
  return (
    <Flex direction="column" gap="3">
      <Card size="2" className={props.dragging ? 'map-drop map-drop--active' : 'map-drop'} aria-label="Import infrastructure files">
        <Flex direction="column" gap="2" align="start">
          <Heading as="h2" size="4">
            Import infrastructure files
          </Heading>
          <Text as="p" size="2" color="gray">
            Drop files anywhere on this page or choose them: Terraform state or plan JSON, CloudFormation or SAM templates (JSON or YAML), AWS Config
            snapshots and history. Each file is imported whole or not at all, after a checked backup; what you said about an asset survives
            re-imports.
          </Text>
          <Button onClick={() => void choose()} disabled={state.kind === 'running'}>
            Choose files…
          </Button>
          {chooseError && (
            <Text size="2" color="red" role="alert">
              {chooseError}
            </Text>
          )}
        </Flex>
      </Card>
      {state.kind === 'running' && (
        <Flex direction="column" gap="2" role="status" aria-live="polite">
          <Text size="2" color="gray">
            File {formatNumber(state.index + 1)} of {formatNumber(state.total)}: {baseName(state.file)}
            {state.progress
              ? ` — ${state.progress.phase ?? ''} ${formatNumber(state.progress.done ?? 0)}${state.progress.total ? ` of ${formatNumber(state.progress.total)}` : ''}`
              : ''}
          </Text>
          <Flex gap="3" align="center">
            <Progress
              value={state.progress?.total ? Math.round(((state.progress.done ?? 0) / state.progress.total) * 100) : undefined}
              aria-label="Import progress"
              style={{ flex: 1 }}
            />
            <Button variant="soft" color="gray" onClick={cancel}>
              Cancel
            </Button>
          </Flex>
        </Flex>
      )}
      {state.kind === 'done' && (
        <Flex direction="column" gap="2" role="status">
          {state.cancelled && (
            <Callout.Root color="gray">
              <Callout.Text>Import cancelled. The file being read was not imported; nothing of it was kept.</Callout.Text>
            </Callout.Root>
          )}
          {state.outcomes.map(outcome =>
            'error' in outcome ? (
              <Callout.Root key={outcome.file} color="red" role="alert">
                <Callout.Text>
                  {baseName(outcome.file)} was not imported: {outcome.error}
                </Callout.Text>
              </Callout.Root>
            ) : (
              <Card key={outcome.file} aria-label={`Import summary for ${baseName(outcome.file)}`}>
                <Flex direction="column" gap="1">
                  <Flex gap="2" align="center" wrap="wrap">
                    <Text weight="bold" className="map-break">
                      {baseName(outcome.file)}
                    </Text>
                    <Badge color={outcome.result.alreadyImported ? 'gray' : 'green'}>
                      {outcome.result.alreadyImported ? 'Already imported: nothing changed' : `Imported as ${outcome.result.format}`}
                    </Badge>
                  </Flex>
                  <Text size="2">
                    {countOf(outcome.result.assets, 'asset')}, {countOf(outcome.result.zones, 'zone')}, {countOf(outcome.result.flows, 'flow')}
                  </Text>
                  {outcome.result.warnings.map(w => (
                    <Text key={w} size="1" color="gray" className="map-break">
                      Note: {w}
                    </Text>
                  ))}
                </Flex>
              </Card>
            )
          )}
        </Flex>
      )}
    </Flex>
  )
}
