import { useState } from 'react'
import { Button, Callout, Dialog, Flex, ScrollArea } from '@radix-ui/themes'
import type { LibraryApplyResult, LibraryEffect } from '../../../../main/library/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { ItemPicker, type PickerGroup } from './ItemPicker'

const BADGE: Record<LibraryEffect, PickerGroup['rows'][number]['badge']> = {
  added: { text: 'Adds', color: 'green' },
  replaced: { text: "Replaces the workspace's", color: 'amber' },
  unchanged: { text: 'Already here', color: 'gray' }
}

/** "Apply to this workspace…": what each library item would do here, picked by the person, applied all or nothing. */
export function ApplyDialog(props: { open: boolean; onClose(): void; onApplied(result: LibraryApplyResult): void }) {
  return (
    <Dialog.Root open={props.open} onOpenChange={open => !open && props.onClose()}>
      <Dialog.Content maxWidth="760px">
        <ApplyBody {...props} />
      </Dialog.Content>
    </Dialog.Root>
  )
}

/** Mounted each time the dialog opens, so every opening starts with nothing picked and fresh figures. */
function ApplyBody(props: { open: boolean; onClose(): void; onApplied(result: LibraryApplyResult): void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [error, setError] = useState<string | null>(null)

  const loaded = useLoaded(() => api['library.applyPreview']({}), [])
  const preview = loaded.data
  const shownError = error ?? loaded.error

  const groups: PickerGroup[] = (preview?.kinds ?? []).map(kind => ({
    ...kind,
    rows: kind.items.map(item => ({
      id: String(item.id),
      title: item.title,
      preview: `${item.preview} (version ${item.version})`,
      badge: item.effect ? BADGE[item.effect] : { text: 'Cannot apply here', color: 'red' },
      notes: item.problem ? [item.problem] : [],
      disabled: item.effect === null || item.effect === 'unchanged'
    }))
  }))

  const apply = async () => {
    try {
      props.onApplied(await api['library.apply']({ itemIds: [...selected].map(Number) }))
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <>
      <Dialog.Title>Apply to this workspace</Dialog.Title>
      <Dialog.Description size="2">
        Pick what {preview ? `“${preview.libraryName}”` : 'the library'} brings to this workspace. Everything picked is applied together or not at
        all, and recorded in the workspace&apos;s history.
      </Dialog.Description>
      <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: '60vh' }} mt="3">
        <ItemPicker groups={groups} selected={selected} onChange={setSelected} empty="The library has no items yet." />
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
          <Button disabled={selected.size === 0} onClick={apply}>
            Apply {selected.size} {selected.size === 1 ? 'item' : 'items'}
          </Button>
        </Flex>
      </Flex>
    </>
  )
}
