import { Badge, Button, Flex, Heading, Text } from '@radix-ui/themes'
import type { IncidentNotice } from '../../../../main/breach/contract'
import { formatDate } from '../../components/format-date'
import { formatNumber } from '../../components/count-of'
import { KIND_LABELS } from './labels'

/** The notices given for an incident: to whom, when, how, to how many, and the delivery evidence (or that it is missing). */
export function NoticeList(props: {
  notices: readonly IncidentNotice[]
  methodLabel(method: string): string
  onRemove(noticeId: number): void
  onAttach(noticeId: number): void
  onSaveCopy(noticeId: number): void
}) {
  return (
    <Flex direction="column" gap="2">
      <Heading as="h3" size="2" id="notices-given">
        Notices given
      </Heading>
      <ul aria-labelledby="notices-given" style={{ margin: 0, paddingLeft: 'var(--space-5)' }}>
        {props.notices.map(n => (
          <li key={n.id}>
            <Flex direction="column" gap="1" mb="2">
              <Flex gap="2" align="center" wrap="wrap">
                <Text size="2" weight="medium">
                  {KIND_LABELS[n.kind]}
                  {n.jurisdiction ? ` (${n.jurisdiction})` : ''}: sent {formatDate(n.doneOn)}
                </Text>
                <Text size="2">
                  {props.methodLabel(n.method)}
                  {n.recipientsCount !== null ? `, to ${formatNumber(n.recipientsCount)}` : ''}
                  {n.missingContactCount !== null ? `; ${formatNumber(n.missingContactCount)} without usable contact details` : ''}
                  {n.postedUntil ? `; stays up until ${formatDate(n.postedUntil)}` : ''}
                </Text>
                <Button
                  size="1"
                  variant="ghost"
                  color="red"
                  aria-label={`Remove the ${KIND_LABELS[n.kind]} notice of ${formatDate(n.doneOn)}`}
                  onClick={() => props.onRemove(n.id)}
                >
                  Remove
                </Button>
              </Flex>
              {n.evidence ? (
                <Text size="1">Evidence: {n.evidence}</Text>
              ) : n.evidenceFile ? null : (
                <Text size="1">
                  <Badge highContrast color="orange" size="1">
                    No delivery evidence recorded
                  </Badge>{' '}
                  Keep what shows it was given: you carry the burden of proof (45 CFR 164.414(b)).
                </Text>
              )}
              <Flex gap="2" align="center" wrap="wrap">
                {n.evidenceFile && (
                  <Text size="1">
                    File: {n.evidenceFile.originalName} ({Math.ceil(n.evidenceFile.size / 1024)} KB), stored in this workspace
                  </Text>
                )}
                <Button
                  size="1"
                  variant="soft"
                  aria-label={`${n.evidenceFile ? 'Replace the evidence file' : 'Attach an evidence file'} of the ${KIND_LABELS[n.kind]} notice of ${formatDate(n.doneOn)}…`}
                  onClick={() => props.onAttach(n.id)}
                >
                  {n.evidenceFile ? 'Replace the file…' : 'Attach a file…'}
                </Button>
                {n.evidenceFile && (
                  <Button
                    size="1"
                    variant="soft"
                    aria-label={`Save a copy of ${n.evidenceFile.originalName}…`}
                    onClick={() => props.onSaveCopy(n.id)}
                  >
                    Save a copy…
                  </Button>
                )}
              </Flex>
            </Flex>
          </li>
        ))}
      </ul>
    </Flex>
  )
}
