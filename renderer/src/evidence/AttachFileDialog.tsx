import { useEffect, useId, useRef, useState } from 'react'
import { Button, Callout, Dialog, Flex, Progress, Text } from '@radix-ui/themes'
import type { ProgressUpdate } from '../../../main/api/contract'
import type { EvidenceItem, EvidenceTarget } from '../../../main/evidence/contract'
import { api, errorMessage } from '../api'
import { useDraft } from '../components/drafts'
import { localToday } from '../areas/business-associates/form-fields'
import { formatBytes } from '../areas/findings/labels'
import { EvidenceFields } from './evidence-fields'
import { evidenceFieldProblems, type EvidenceFieldValues } from './evidence-form'

type Upload = { kind: 'idle' } | { kind: 'running'; progress: ProgressUpdate | null } | { kind: 'cancelled' } | { kind: 'no-file' }

const blank = (): EvidenceFieldValues => ({ title: '', effectiveAsOf: localToday(), expiresOn: '', note: '' })

/** "12.0 MB of 200.0 MB stored (6%)", read out as the file streams into the workspace. */
function progressText(progress: ProgressUpdate | null): string {
  if (!progress || progress.total === undefined) return 'Choosing and reading the file…'
  const done = progress.done ?? 0
  const percent = progress.total > 0 ? Math.floor((done / progress.total) * 100) : 100
  return `${formatBytes(done)} of ${formatBytes(progress.total)} stored (${percent}%)`
}

/**
 * "Attach file…": the title, dates and note first (kept as a draft until attached), then the host's open dialog picks
 * the file, which streams into the workspace with its progress shown and a Cancel that leaves nothing stored.
 */
export function AttachFileDialog(props: { target: EvidenceTarget; targetName: string; onAdded(item: EvidenceItem): void }) {
  const id = useId()
  const [values, keep, settle] = useDraft<EvidenceFieldValues>(`evidence:${props.target.kind}:${props.target.id}:file`, blank)
  const [open, setOpen] = useState(false)
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [upload, setUpload] = useState<Upload>({ kind: 'idle' })
  const controller = useRef<AbortController | null>(null)
  // The Cancel button goes away with the progress: focus moves to the button that tries again.
  const submit = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (upload.kind === 'cancelled') submit.current?.focus()
  }, [upload.kind])
  const running = upload.kind === 'running'
  const problems = evidenceFieldProblems(values, localToday(), false)
  const shown = tried ? problems : { title: null, effectiveAsOf: null, expiresOn: null }

  const attach = async () => {
    setTried(true)
    setError(null)
    if (Object.values(problems).some(Boolean)) return
    const abort = new AbortController()
    controller.current = abort
    setUpload({ kind: 'running', progress: null })
    try {
      const item = await api['evidence.addFile'](
        {
          target: props.target,
          ...(values.title.trim() ? { title: values.title } : {}),
          note: values.note,
          effectiveAsOf: values.effectiveAsOf,
          expiresOn: values.expiresOn || null
        },
        { signal: abort.signal, onProgress: progress => setUpload({ kind: 'running', progress }) }
      )
      if (!item) return setUpload({ kind: 'no-file' })
      settle(blank())
      setTried(false)
      setUpload({ kind: 'idle' })
      setOpen(false)
      props.onAdded(item)
    } catch (caught) {
      if (abort.signal.aborted) setUpload({ kind: 'cancelled' })
      else {
        setUpload({ kind: 'idle' })
        setError(errorMessage(caught))
      }
    } finally {
      controller.current = null
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={next => {
        // While a file streams in, only Cancel ends it: closing the dialog would hide the progress of work still running.
        if (running) return
        setOpen(next)
        if (next) {
          setError(null)
          setUpload({ kind: 'idle' })
        }
      }}
    >
      <Dialog.Trigger>
        <Button size="1" variant="soft" aria-label={`Attach file to ${props.targetName}…`}>
          Attach file…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>Attach a file to {props.targetName}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          The file is stored inside this workspace (encrypted with it when the workspace is), with its SHA-256 and size. Any type will do: a
          screenshot, a PDF, an export. What you type here is kept until the file is attached.
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            if (!running) void attach()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <EvidenceFields
              id={id}
              values={values}
              problems={shown}
              disabled={running}
              titleHint="Optional: the file’s name is used when left empty."
              set={change => keep({ ...values, ...change })}
            />
            <UploadStatus upload={upload} onCancel={() => controller.current?.abort()} />
            {error && (
              <Callout.Root highContrast color="red" role="alert">
                <Callout.Text>{error}</Callout.Text>
              </Callout.Root>
            )}
            <Flex gap="3" justify="end">
              {!running && (
                <Dialog.Close>
                  <Button type="button" variant="soft" color="gray" onClick={() => settle(blank())}>
                    Cancel
                  </Button>
                </Dialog.Close>
              )}
              <Button type="submit" ref={submit} disabled={running}>
                Choose file and attach…
              </Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}

/** The live region of the upload: progress with Cancel while running, then what came of it. */
function UploadStatus(props: { upload: Upload; onCancel(): void }) {
  const { upload } = props
  const p = upload.kind === 'running' ? upload.progress : null
  const value = p?.total ? Math.floor(((p.done ?? 0) / p.total) * 100) : undefined
  return (
    <Flex direction="column" gap="2">
      <Text size="2" role="status" aria-live="polite" color={upload.kind === 'cancelled' ? 'gray' : undefined}>
        {upload.kind === 'running'
          ? progressText(p)
          : upload.kind === 'cancelled'
            ? 'Cancelled: nothing of the file was stored.'
            : upload.kind === 'no-file'
              ? 'No file was chosen; nothing was attached.'
              : ''}
      </Text>
      {upload.kind === 'running' && (
        <Flex gap="3" align="center">
          <Progress value={value} aria-label="Attaching the file" style={{ flex: 1 }} />
          <Button type="button" variant="soft" color="gray" onClick={props.onCancel}>
            Cancel
          </Button>
        </Flex>
      )}
    </Flex>
  )
}
