import { Badge, Button, Flex, Text } from '@radix-ui/themes'
import type { EvidenceItem } from '../../../main/evidence/contract'
import { formatDate, formatDateTime } from '../components/format-date'
import { ArchiveEvidenceDialog } from './ArchiveEvidenceDialog'
import { EditEvidenceDialog } from './EditEvidenceDialog'
import { addedText, fileFacts, staleSinceText } from './evidence-text'

/** One piece of evidence: what it is, the day it is effective as of, its expiry (stale after it), who added it, and what can be done with it. */
export function EvidenceRow(props: {
  item: EvidenceItem
  readOnly: boolean
  onChanged(item: EvidenceItem, said: string): void
  onSaveCopy(item: EvidenceItem): void
}) {
  const { item } = props
  const archived = item.archivedAt !== null
  return (
    <li className="evidence-row" data-testid="evidence-item" data-evidence-id={item.id}>
      <Flex direction="column" gap="1">
        <Flex gap="2" align="center" wrap="wrap">
          <Text size="2" weight="medium" className="evidence-break">
            {item.title}
          </Text>
          <Badge color="gray" variant="soft" highContrast>
            {item.kind === 'file' ? 'File' : 'Link'}
          </Badge>
          {item.stale && !archived && (
            <Badge color="red" variant="soft" highContrast data-testid="evidence-stale">
              {staleSinceText(item)}
            </Badge>
          )}
          {archived && (
            <Badge color="gray" variant="outline" highContrast>
              Archived {formatDateTime(item.archivedAt!)}
            </Badge>
          )}
        </Flex>
        <Text size="1" className="evidence-break evidence-facts">
          {item.kind === 'file' ? fileFacts(item) : item.url}
        </Text>
        <Text size="1" color="gray">
          Effective as of {formatDate(item.effectiveAsOf)} · {item.expiresOn ? `expires ${formatDate(item.expiresOn)}` : 'no expiry'} ·{' '}
          {addedText(item)}
        </Text>
        {item.note && (
          <Text size="1" className="evidence-break">
            {item.note}
          </Text>
        )}
        {archived && (
          <Text size="1" color="gray">
            Archived by {item.archivedBy ?? 'unknown'}
            {item.archiveReason ? `: ${item.archiveReason}` : ''}. Kept six years (45 CFR 164.316(b)(2)).
          </Text>
        )}
        <Flex gap="3" align="center" wrap="wrap" mt="1">
          {!props.readOnly && !archived && (
            <EditEvidenceDialog item={item} onSaved={saved => props.onChanged(saved, `Saved the changes to ${saved.title}.`)} />
          )}
          {item.kind === 'file' && (
            <Button size="1" variant="ghost" aria-label={`Save a copy of ${item.title}…`} onClick={() => props.onSaveCopy(item)}>
              Save a copy…
            </Button>
          )}
          {!props.readOnly && !archived && (
            <ArchiveEvidenceDialog item={item} onArchived={done => props.onChanged(done, `Archived ${done.title}; it is kept in this workspace.`)} />
          )}
        </Flex>
      </Flex>
    </li>
  )
}
