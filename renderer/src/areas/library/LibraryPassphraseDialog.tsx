import type { LibrarySummary } from '../../../../main/library/contract'
import { api } from '../../api'
import { PassphraseDialog } from '../../components/PassphraseDialog'

/** Asks for the passphrase of an encrypted library this computer has no key for, then opens it. */
export function LibraryPassphraseDialog(props: { path: string | null; onClose(): void; onOpened(summary: LibrarySummary): void }) {
  return (
    <PassphraseDialog
      path={props.path}
      title="Unlock the practice library"
      description="This library is encrypted with a passphrase. The passphrase is not kept."
      label="Passphrase"
      submitLabel="Open library"
      busyLabel="Opening…"
      emptyMessage="Type the passphrase of this library."
      wrongMessage="That passphrase does not open this library. Check it and try again."
      onClose={props.onClose}
      onSubmit={async passphrase => {
        if (!props.path) return
        props.onOpened(await api['library.open']({ path: props.path, passphrase }))
      }}
    />
  )
}
