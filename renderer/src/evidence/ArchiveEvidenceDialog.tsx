import type { EvidenceItem } from '../../../main/evidence/contract'
import { api } from '../api'
import { ArchiveDialog } from '../components/ArchiveDialog'

/**
 * "Archive…": evidence is never deleted. Documentation of the safeguards must be kept six years from its creation or
 * when it was last in effect (45 CFR 164.316(b)(2)(i)), so the item only leaves the list and the freshness counts; it
 * stays in the workspace and "Show archived" lists it.
 */
export function ArchiveEvidenceDialog(props: { item: EvidenceItem; onArchived(item: EvidenceItem): void }) {
  return (
    <ArchiveDialog
      name={props.item.title}
      what="evidence"
      compactTrigger
      reasonMaxLength={4000}
      reasonPlaceholder="e.g. replaced by the 2027 scan"
      description={
        <>
          It leaves this list and no longer counts as current evidence. It is archived, not deleted: documentation of your safeguards must be kept for
          six years from when it was created or last in effect (45 CFR 164.316(b)(2)), so the{' '}
          {props.item.kind === 'file' ? 'file stays' : 'link stays'} in this workspace and “Show archived” lists it.
        </>
      }
      onArchive={async reason => {
        const archived = await api['evidence.archive']({ id: props.item.id, ...(reason ? { reason } : {}) })
        props.onArchived(archived)
      }}
    />
  )
}
