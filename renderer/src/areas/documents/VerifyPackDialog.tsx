import { Button, Card, Dialog, Flex, Heading, Text } from '@radix-ui/themes'
import { useState } from 'react'
import type { PackVerification } from '../../../../main/verify/contract'
import { api, errorMessage } from '../../api'
import { VerifyPackReport } from './VerifyPackReport'

/** Documents → "Verify a pack…": checks a signed pack (and optionally its evidence folder) offline, as `safeguard verify` does. */
export function VerifyPackCard() {
  const [open, setOpen] = useState(false)
  const [evidenceDir, setEvidenceDir] = useState<string | null>(null)
  const [report, setReport] = useState<PackVerification | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const chooseFolder = async () => {
    setError(null)
    try {
      const dir = await api['verify.chooseEvidenceFolder']({})
      if (dir) setEvidenceDir(dir)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const verify = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await api['verify.pack'](evidenceDir ? { evidenceDir } : {})
      if (result) setReport(result)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const reset = (next: boolean) => {
    setOpen(next)
    if (!next) {
      setReport(null)
      setEvidenceDir(null)
      setError(null)
    }
  }

  return (
    <Card size="3" asChild>
      <section aria-labelledby="verify-heading">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4" id="verify-heading">
            Check a signed pack
          </Heading>
          <Text as="p" size="2" color="gray">
            Check that an evidence pack or annual review was not changed after it was signed, who signed it, and that an evidence folder sent with it
            matches its manifest. Nothing secret and no network is needed; a recipient can run the same check with safeguard verify.
          </Text>
          <Dialog.Root open={open} onOpenChange={reset}>
            <Flex>
              <Dialog.Trigger>
                <Button variant="soft">Verify a pack…</Button>
              </Dialog.Trigger>
            </Flex>
            <Dialog.Content maxWidth="640px">
              <Dialog.Title>Verify a pack</Dialog.Title>
              <Dialog.Description size="2" color="gray">
                Choose the PDF to check. To check the evidence files too, first choose the folder exported beside the pack.
              </Dialog.Description>
              <Flex direction="column" gap="3" mt="4">
                <Flex gap="3" align="center" wrap="wrap">
                  <Button variant="soft" color="gray" onClick={chooseFolder} disabled={busy}>
                    {evidenceDir ? 'Change the evidence folder…' : 'Also check an evidence folder…'}
                  </Button>
                  {evidenceDir && <Text size="2">Evidence folder: {evidenceDir}</Text>}
                </Flex>
                {error && (
                  <Text size="2" color="red" role="alert">
                    {error}
                  </Text>
                )}
                {report && <VerifyPackReport report={report} />}
                <Flex gap="3" justify="end">
                  <Dialog.Close>
                    <Button variant="soft" color="gray">
                      Close
                    </Button>
                  </Dialog.Close>
                  <Button onClick={verify} loading={busy}>
                    {report ? 'Check another PDF…' : 'Choose the PDF and check…'}
                  </Button>
                </Flex>
              </Flex>
            </Dialog.Content>
          </Dialog.Root>
        </Flex>
      </section>
    </Card>
  )
}
