import { useCallback, useEffect, useState } from 'react'
import { Button, Callout, Card, Flex, Heading, Table, Text } from '@radix-ui/themes'
import type { BackupInfo } from '../../../../main/backup/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { api, errorMessage } from '../../api'
import { formatDateTime } from '../../components/format-date'
import { useWorkspace } from '../../workspace-context'

const REASONS: Record<BackupInfo['reason'], string> = {
  manual: 'Made by you',
  'before-import': 'Before a scanner import',
  daily: 'Daily',
  'before-restore': 'Before a restore',
  'before-encrypt': 'Before encryption'
}

function sizeOf(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`
}

/** The workspace's checked backups: make one now, or go back to one (the current state is kept as a backup first). */
export function BackupsCard() {
  const { workspace, setWorkspace } = useWorkspace()
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [message, setMessage] = useState<{ tone: 'green' | 'red'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const reload = useCallback(() => api['backup.list']({}).then(setBackups, error => setMessage({ tone: 'red', text: errorMessage(error) })), [])
  useEffect(() => {
    void reload()
  }, [reload, workspace.path])

  const run = async (work: () => Promise<string>) => {
    setBusy(true)
    setMessage(null)
    try {
      setMessage({ tone: 'green', text: await work() })
    } catch (error) {
      setMessage({ tone: 'red', text: errorMessage(error) })
    } finally {
      setBusy(false)
      await reload()
    }
  }

  return (
    <Card size="3">
      <Flex direction="column" gap="3">
        <Flex justify="between" align="center" gap="3" wrap="wrap">
          <Heading as="h2" size="4">
            Backups
          </Heading>
          <Button variant="soft" loading={busy} onClick={() => run(async () => `Backup made: ${(await api['backup.create']({})).name}.`)}>
            Back up now
          </Button>
        </Flex>
        <Text as="p" size="2" color="gray">
          Safeguard keeps checked copies of this workspace in a folder beside it: one a day while it is open, one before every scanner import, and any
          you make. The newest ten are kept.
        </Text>
        {message && (
          <Callout.Root color={message.tone} role={message.tone === 'red' ? 'alert' : 'status'}>
            <Callout.Text>{message.text}</Callout.Text>
          </Callout.Root>
        )}
        {backups && backups.length === 0 && (
          <Text as="p" color="gray">
            No backups yet.
          </Text>
        )}
        {backups && backups.length > 0 && (
          <Table.Root size="1" variant="surface">
            <caption className="visually-hidden">Backups of this workspace</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Made</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Why</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Size</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>
                  <span className="visually-hidden">Actions</span>
                </Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {backups.map(backup => (
                <Table.Row key={backup.file} data-testid="backup-row">
                  <Table.RowHeaderCell>{formatDateTime(backup.createdAt)}</Table.RowHeaderCell>
                  <Table.Cell>{REASONS[backup.reason]}</Table.Cell>
                  <Table.Cell>{sizeOf(backup.sizeBytes)}</Table.Cell>
                  <Table.Cell>
                    <Flex justify="end">
                      <ConfirmDialog
                        trigger={
                          <Button size="1" variant="soft" color="gray" disabled={busy}>
                            Restore…
                          </Button>
                        }
                        title={`Go back to the backup of ${formatDateTime(backup.createdAt)}?`}
                        description="Everything recorded since then is replaced by the backup. The workspace as it is now is kept as a backup first, so you can come back to it."
                        confirmLabel="Restore this backup"
                        destructive
                        onConfirm={() =>
                          run(async () => {
                            const outcome = await api['backup.restore']({ file: backup.file })
                            setWorkspace(outcome.workspace)
                            return `Restored the backup of ${formatDateTime(backup.createdAt)}. The previous state was kept as a backup.`
                          })
                        }
                      />
                    </Flex>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
      </Flex>
    </Card>
  )
}
