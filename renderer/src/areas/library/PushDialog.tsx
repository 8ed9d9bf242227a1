import { useState } from 'react'
import { Button, Callout, Dialog, Flex, ScrollArea } from '@radix-ui/themes'
import type { LibraryPushResult } from '../../../../main/library/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { ItemPicker, type PickerGroup } from './ItemPicker'

const BADGE = {
  new: { text: 'Not in the library', color: 'green' },
  changed: { text: 'Newer than the library', color: 'amber' },
  same: { text: 'Already in the library', color: 'gray' }
} as const

const idOf = (kind: string, key: string) => `${kind}\u0000${key}`

/** "Push from this workspace…": what the open workspace could push, each picked by the person; nothing moves unless picked. */
export function PushDialog(props: { open: boolean; onClose(): void; onPushed(result: LibraryPushResult): void }) {
  return (
    <Dialog.Root open={props.open} onOpenChange={open => !open && props.onClose()}>
      <Dialog.Content maxWidth="760px">
        <PushBody {...props} />
      </Dialog.Content>
    </Dialog.Root>
  )
}

/** Mounted each time the dialog opens, so every opening starts with nothing picked and fresh figures. */
function PushBody(props: { open: boolean; onClose(): void; onPushed(result: LibraryPushResult): void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [error, setError] = useState<string | null>(null)

  const loaded = useLoaded(() => api['library.candidates']({}), [])
  const candidates = loaded.data
  const shownError = error ?? loaded.error

  const groups: PickerGroup[] = (candidates?.kinds ?? []).map(kind => ({
    ...kind,
    rows: kind.candidates.map(c => ({
      id: idOf(c.kind, c.key),
      title: c.title,
      preview: c.preview,
      badge: BADGE[c.inLibrary],
      notes: c.warnings,
      disabled: c.inLibrary === 'same'
    }))
  }))

  const push = async () => {
    const items = (candidates?.kinds ?? []).flatMap(k => k.candidates).filter(c => selected.has(idOf(c.kind, c.key)))
    try {
      props.onPushed(await api['library.push']({ items: items.map(({ kind, key }) => ({ kind, key })) }))
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <>
      <Dialog.Title>Push from this workspace</Dialog.Title>
      <Dialog.Description size="2">
        Pick what goes to {candidates?.libraryName ? `“${candidates.libraryName}”` : 'the library'}. Only the fields each kind carries are copied; a
        newer text replaces the library&apos;s, which keeps the earlier one.
      </Dialog.Description>
      <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: '60vh' }} mt="3">
        <ItemPicker groups={groups} selected={selected} onChange={setSelected} empty="This workspace has nothing the library could take yet." />
      </ScrollArea>
      <Flex direction="column" gap="3" mt="3">
        {shownError && (
          <Callout.Root highContrast color="red" role="alert">
            <Callout.Text>{shownError}</Callout.Text>
          </Callout.Root>
        )}
        <Flex gap="3" justify="end">
          <Dialog.Close>
            <Button variant="soft" color="gray">
              Cancel
            </Button>
          </Dialog.Close>
          <Button disabled={selected.size === 0} onClick={push}>
            Push {selected.size} {selected.size === 1 ? 'item' : 'items'}
          </Button>
        </Flex>
      </Flex>
    </>
  )
}
