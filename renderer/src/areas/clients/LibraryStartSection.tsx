import { useEffect, useId } from 'react'
import { Box, Button, Code, Flex, Heading, Link, ScrollArea, Text } from '@radix-ui/themes'
import type { LibrarySummary } from '../../../../main/library/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { useShell } from '../../workspace-context'
import { ItemPicker, type PickerGroup } from '../library/ItemPicker'
import '../library/library.css'

/** The library a new client can start from, or null when none is open (the section says why and where to make one). */
export type StartLibrary = Pick<LibrarySummary, 'name' | 'kinds'> | null

/**
 * "Start from the practice library" in the New client dialog: the open (or remembered) library's items by kind, all
 * picked until the person unpicks them. Applied after the workspace is made, by the dialog.
 */
export function LibraryStartSection(props: {
  picked: ReadonlySet<string> | null
  onPicked(picked: Set<string>): void
  onLibrary(library: StartLibrary): void
  onLeave(): void
}) {
  const { workspace, navigate } = useShell()
  const headingId = useId()
  const location = useLoaded(() => api['library.current']({}), [])
  const summary = useLoaded(
    () => (location.data?.name ? api['library.summary']({}) : Promise.resolve(null as LibrarySummary | null)),
    [location.data?.path, location.data?.name]
  )
  const library = location.data?.name ? summary.data : null
  const { onLibrary, onPicked, picked } = props

  useEffect(() => {
    onLibrary(library ?? null)
    // Everything is picked at first; the person unpicks what this client should not get.
    if (library && picked === null) onPicked(new Set(library.kinds.flatMap(kind => kind.items.map(item => String(item.id)))))
  }, [library, onLibrary, onPicked, picked])

  const toLibraryPage = workspace ? (
    <Link
      href="#"
      onClick={event => {
        event.preventDefault()
        props.onLeave()
        navigate('library')
      }}
    >
      Practice library page
    </Link>
  ) : (
    'Practice library page (with any client open)'
  )

  let body
  if (location.error || summary.error) {
    body = (
      <Text size="2" color="red">
        The practice library could not be read: {location.error ?? summary.error}
      </Text>
    )
  } else if (location.data === null) {
    body = <Text size="2">No practice library yet; make one on the {toLibraryPage}.</Text>
  } else if (location.data && !location.data.name) {
    body = (
      <Text size="2">
        The practice library <Code>{location.data.path}</Code> is not open ({location.data.reason}); open it on the {toLibraryPage} to start clients
        from it.
      </Text>
    )
  } else if (!library) {
    body = <Text size="2">Reading the practice library…</Text>
  } else {
    const groups: PickerGroup[] = library.kinds.map(kind => ({
      ...kind,
      rows: kind.items.map(item => ({
        id: String(item.id),
        title: item.title,
        preview: item.preview,
        badge: { text: `Version ${item.version}`, color: 'gray' },
        notes: [],
        disabled: false
      }))
    }))
    const all = groups.flatMap(group => group.rows.map(row => row.id))
    const count = all.filter(id => picked?.has(id)).length
    body = (
      <Flex direction="column" gap="2">
        <Flex justify="between" align="center" gap="3" wrap="wrap">
          <Text size="2">
            From “{library.name}”: {count} of {all.length} {all.length === 1 ? 'item' : 'items'} picked, applied together once the workspace is made.
          </Text>
          {all.length > 0 && (
            <Flex gap="2">
              <Button type="button" size="1" variant="soft" onClick={() => onPicked(new Set(all))}>
                All
              </Button>
              <Button type="button" size="1" variant="soft" color="gray" onClick={() => onPicked(new Set())}>
                None
              </Button>
            </Flex>
          )}
        </Flex>
        <ScrollArea type="auto" scrollbars="vertical" style={{ maxHeight: '40vh' }}>
          <ItemPicker groups={groups} selected={picked ?? new Set()} onChange={onPicked} empty="The library has no items yet." />
        </ScrollArea>
      </Flex>
    )
  }

  return (
    <Box role="group" aria-labelledby={headingId}>
      <Heading as="h3" size="3" id={headingId} mb="1">
        Start from the practice library
      </Heading>
      {body}
    </Box>
  )
}
