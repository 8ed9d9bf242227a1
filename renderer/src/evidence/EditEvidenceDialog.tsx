import { useCallback, useId, useState } from 'react'
import { Button, Dialog, Flex } from '@radix-ui/themes'
import type { EvidenceItem } from '../../../main/evidence/contract'
import { api, errorMessage } from '../api'
import { DialogFormFooter } from '../components/DialogFormFooter'
import { useFormDraft } from '../components/form-draft'
import { UnsavedChangesNote } from '../components/UnsavedChangesNote'
import { localToday } from '../areas/business-associates/form-fields'
import { EvidenceFields } from './evidence-fields'
import { evidenceFieldProblems, type EvidenceFieldValues } from './evidence-form'

/** "Edit…": the title, the effective and expiry dates and the note of one item; the file or address itself stays as attached. */
export function EditEvidenceDialog(props: { item: EvidenceItem; onSaved(item: EvidenceItem): void }) {
  const { item } = props
  const id = useId()
  const saved = useCallback(
    (): EvidenceFieldValues => ({ title: item.title, effectiveAsOf: item.effectiveAsOf, expiresOn: item.expiresOn ?? '', note: item.note }),
    [item.title, item.effectiveAsOf, item.expiresOn, item.note]
  )
  const form = useFormDraft(`evidence:item:${item.id}`, saved)
  const [open, setOpen] = useState(false)
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const problems = evidenceFieldProblems(form.values, localToday(), true)
  const shown = tried ? problems : { title: null, effectiveAsOf: null, expiresOn: null }

  const save = async () => {
    setTried(true)
    if (Object.values(problems).some(Boolean)) return
    try {
      const updated = await api['evidence.update']({
        id: item.id,
        title: form.values.title,
        note: form.values.note,
        effectiveAsOf: form.values.effectiveAsOf,
        expiresOn: form.values.expiresOn || null
      })
      form.clear()
      setTried(false)
      setOpen(false)
      props.onSaved(updated)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (next) setError(null)
      }}
    >
      <Dialog.Trigger>
        <Button size="1" variant="ghost" aria-label={`Edit ${item.title}…`}>
          Edit…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>Edit {item.title}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Change the title, the dates or the note. The {item.kind === 'file' ? 'stored file' : 'address'} stays as attached; attach a new item for
          newer evidence.
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            void save()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <UnsavedChangesNote shown={form.restored} onDiscard={form.discard} />
            <EvidenceFields id={id} values={form.values} problems={shown} set={change => form.replace({ ...form.values, ...change })} />
            <DialogFormFooter error={error} submitLabel="Save" onCancel={form.discard} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
