import { useId, useState } from 'react'
import { Button, Dialog, Flex, TextField } from '@radix-ui/themes'
import type { EvidenceItem, EvidenceTarget } from '../../../main/evidence/contract'
import { api, errorMessage } from '../api'
import { DialogFormFooter } from '../components/DialogFormFooter'
import { useDraft } from '../components/drafts'
import { Field, describedBy, localToday } from '../areas/business-associates/form-fields'
import { EvidenceFields } from './evidence-fields'
import { evidenceFieldProblems, urlProblem, type EvidenceFieldValues } from './evidence-form'

type LinkValues = EvidenceFieldValues & { url: string }

const blank = (): LinkValues => ({ url: '', title: '', effectiveAsOf: localToday(), expiresOn: '', note: '' })

/** "Add link…": evidence kept elsewhere (a ticket, a shared drive, a vendor's report page), with its dates. Kept as a draft until added. */
export function AddLinkDialog(props: { target: EvidenceTarget; targetName: string; onAdded(item: EvidenceItem): void }) {
  const id = useId()
  const [values, keep, settle] = useDraft<LinkValues>(`evidence:${props.target.kind}:${props.target.id}:link`, blank)
  const [open, setOpen] = useState(false)
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const problems = { ...evidenceFieldProblems(values, localToday(), true), url: urlProblem(values.url) }
  const shown = (problem: string | null) => (tried ? problem : null)

  const add = async () => {
    setTried(true)
    if (Object.values(problems).some(Boolean)) return
    try {
      const item = await api['evidence.addLink']({
        target: props.target,
        url: values.url,
        title: values.title,
        note: values.note,
        effectiveAsOf: values.effectiveAsOf,
        expiresOn: values.expiresOn || null
      })
      settle(blank())
      setTried(false)
      setOpen(false)
      props.onAdded(item)
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
        <Button size="1" variant="soft" aria-label={`Add link to ${props.targetName}…`}>
          Add link…
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>Add a link to {props.targetName}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          For evidence kept elsewhere. Only the address is stored: a reviewer needs access to it to check it. What you type here is kept until the
          link is added.
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            void add()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Field id={`${id}-url`} label="Web address" error={shown(problems.url)}>
              <TextField.Root
                id={`${id}-url`}
                type="url"
                value={values.url}
                maxLength={2000}
                placeholder="https://"
                onChange={event => keep({ ...values, url: event.target.value })}
                {...describedBy(`${id}-url`, { error: shown(problems.url) })}
              />
            </Field>
            <EvidenceFields
              id={id}
              values={values}
              problems={{ title: shown(problems.title), effectiveAsOf: shown(problems.effectiveAsOf), expiresOn: shown(problems.expiresOn) }}
              set={change => keep({ ...values, ...change })}
            />
            <DialogFormFooter error={error} submitLabel="Add link" onCancel={() => settle(blank())} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
