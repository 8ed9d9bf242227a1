import { useState, type ComponentProps } from 'react'
import { Button } from '@radix-ui/themes'
import { ChevronDownIcon, ChevronRightIcon } from '@radix-ui/react-icons'
import { EvidencePanel } from './EvidencePanel'

/**
 * The evidence panel behind a toggle, for screens with many records at once (the questionnaire's cards): a panel is
 * read only when opened, so a section of fifty questions does not ask for fifty lists.
 */
export function EvidenceDisclosure(props: ComponentProps<typeof EvidencePanel> & { label: string }) {
  const [open, setOpen] = useState(false)
  const { label, ...panel } = props
  return (
    <div className="evidence-disclosure">
      <Button size="1" variant="ghost" aria-expanded={open} onClick={() => setOpen(o => !o)}>
        {open ? <ChevronDownIcon aria-hidden /> : <ChevronRightIcon aria-hidden />}
        {label}
      </Button>
      {open && <EvidencePanel {...panel} />}
    </div>
  )
}
