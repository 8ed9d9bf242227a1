import type { UnlockedSummary } from '../../../../main/portfolio/contract'
import { api } from '../../api'
import { PassphraseDialog } from '../../components/PassphraseDialog'

/**
 * Asks for a locked client's passphrase to read its summary, read-only; the workspace is not opened. The summary (never
 * the passphrase) is kept encrypted on this computer for the next visit.
 */
export function UnlockSummaryDialog(props: {
  target: { path: string; name: string } | null
  onClose(): void
  onUnlocked(unlocked: UnlockedSummary): void
}) {
  return (
    <PassphraseDialog
      path={props.target?.path ?? null}
      title={`Unlock the summary of ${props.target?.name ?? ''}`}
      description="The summary is read without opening or changing the workspace, and kept encrypted on this computer with the date it was read. The passphrase is not kept."
      label="Passphrase or recovery key"
      submitLabel="Unlock summary"
      busyLabel="Reading…"
      emptyMessage="Type the passphrase or recovery key of this workspace."
      wrongMessage="That passphrase or recovery key does not open this workspace. Check it and try again."
      onClose={props.onClose}
      onSubmit={async passphrase => {
        if (!props.target) return
        props.onUnlocked(await api['portfolio.unlock']({ path: props.target.path, passphrase }))
      }}
    />
  )
}
