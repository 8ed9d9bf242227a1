import { useState } from 'react'
import { Button, Callout, Code, Flex, Heading, Text } from '@radix-ui/themes'
import type { LibrarySummary } from '../../../../main/library/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { PageHeader } from '../../components/PageHeader'
import { useLoaded } from '../../components/use-loaded'
import { ApplicationHistory } from './ApplicationHistory'
import { ApplyDialog } from './ApplyDialog'
import { CreateLibraryDialog } from './CreateLibraryDialog'
import { LibraryItems } from './LibraryItems'
import { LibraryPassphraseDialog } from './LibraryPassphraseDialog'
import { PushDialog } from './PushDialog'
import './library.css'

type Dialog = 'create' | 'push' | 'apply' | null

/** The path of an encrypted library the program has no key for, from the refusal to open it. */
function lockedLibraryPath(error: unknown): string | null {
  if (!(error instanceof ApiCallError)) return null
  const details = error.details as { reason?: unknown; path?: unknown } | undefined
  return details?.reason === 'encrypted' && typeof details.path === 'string' ? details.path : null
}

/** A consultant's practice library: its items by kind, pushing from and applying to the open workspace, and this workspace's history of both. */
export function LibraryPage() {
  const [refresh, setRefresh] = useState(0)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [locked, setLocked] = useState<string | null>(null)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const location = useLoaded(() => api['library.current']({}), [refresh])
  const summary = useLoaded(
    () => (location.data?.name ? api['library.summary']({}) : Promise.resolve(null as LibrarySummary | null)),
    [location.data?.path, location.data?.name, refresh]
  )
  const history = useLoaded(() => api['library.applications']({}), [refresh])
  const library = location.data?.name ? summary.data : null
  const reload = (text: string | null) => {
    setDialog(null)
    setLocked(null)
    if (text) setMessage({ error: false, text })
    setRefresh(r => r + 1)
  }

  const open = async () => {
    setMessage(null)
    try {
      const opened = await api['library.openFromDisk']({})
      if (opened) reload(`Opened the practice library “${opened.name}”.`)
    } catch (caught) {
      const path = lockedLibraryPath(caught)
      if (path) setLocked(path)
      else setMessage({ error: true, text: errorMessage(caught) })
    }
  }
  const close = async () => {
    await api['library.close']({})
    reload('The library is closed. It stays where it is; open it again at any time.')
  }

  return (
    <Flex direction="column" gap="5">
      <PageHeader
        title="Practice library"
        description="Your reusable content in one encrypted file of your own: policy edits, answer notes, decision explanations, risk scenarios, business associate templates and check mappings. Start a new client from it, and push improvements back. Client data goes in only when you pick it, and never PHI fields."
        actions={
          <>
            {library && (
              <>
                <Button onClick={() => setDialog('push')}>Push from this workspace…</Button>
                <Button onClick={() => setDialog('apply')}>Apply to this workspace…</Button>
              </>
            )}
            <Button variant="soft" onClick={() => setDialog('create')}>
              Create a library…
            </Button>
            <Button variant="soft" onClick={open}>
              Open a library…
            </Button>
            {location.data && (
              <Button variant="soft" color="gray" onClick={close}>
                Close library
              </Button>
            )}
          </>
        }
      />
      {message && (
        <Callout.Root color={message.error ? 'red' : 'green'} role={message.error ? 'alert' : 'status'} highContrast>
          <Callout.Text>{message.text}</Callout.Text>
        </Callout.Root>
      )}
      {(location.error || summary.error) && (
        <Callout.Root color="red" role="alert" highContrast>
          <Callout.Text>{location.error ?? summary.error}</Callout.Text>
        </Callout.Root>
      )}
      {location.data && !location.data.name && (
        <Callout.Root color="amber" role="status" highContrast>
          <Callout.Text>
            The library at <Code>{location.data.path}</Code> cannot be opened now: {location.data.reason}{' '}
            <Button size="1" variant="soft" onClick={() => setLocked(location.data!.path)}>
              Unlock…
            </Button>
          </Callout.Text>
        </Callout.Root>
      )}
      {!location.data && location.data !== undefined && (
        <Text as="p" size="2">
          No practice library yet. Create one, or open the one you keep.
        </Text>
      )}
      {library && history.data?.length === 0 && library.kinds.some(kind => kind.items.length > 0) && (
        <Callout.Root color="blue" role="note" highContrast>
          <Callout.Text>
            Nothing from your library is in this workspace yet. To start a new client from it, choose Apply to this workspace… and pick what this
            client should begin with.
          </Callout.Text>
        </Callout.Root>
      )}
      {library && (
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4">
            {library.name}
          </Heading>
          <Text size="2" color="gray">
            <Code variant="ghost">{library.path}</Code> · {library.encrypted ? 'encrypted' : 'NOT encrypted'}
          </Text>
          <LibraryItems summary={library} />
        </Flex>
      )}
      <ApplicationHistory records={history.data ?? []} />

      <CreateLibraryDialog
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        onCreated={created => reload(`Created the practice library “${created.name}”.`)}
      />
      <PushDialog
        open={dialog === 'push'}
        onClose={() => setDialog(null)}
        onPushed={result => reload(`Pushed ${result.items.length} ${result.items.length === 1 ? 'item' : 'items'} to the library.`)}
      />
      <ApplyDialog
        open={dialog === 'apply'}
        onClose={() => setDialog(null)}
        onApplied={result =>
          reload(`Applied ${result.items.length} ${result.items.length === 1 ? 'item' : 'items'} from “${result.libraryName}” to this workspace.`)
        }
      />
      <LibraryPassphraseDialog
        path={locked}
        onClose={() => setLocked(null)}
        onOpened={opened => reload(`Opened the practice library “${opened.name}”.`)}
      />
    </Flex>
  )
}
