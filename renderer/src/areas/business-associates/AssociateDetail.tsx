import { useId, useState } from 'react'
import { Badge, Button, Callout, Card, DataList, Flex, Heading, Select, Table, Text } from '@radix-ui/themes'
import type { BusinessAssociateDetail, TermCheck, TermState } from '../../../../main/baas/contract'
import { api, errorMessage } from '../../api'
import { DateField, dateError, localToday } from './form-fields'
import { formatDate, formatDateTime } from '../../components/format-date'
import { CERTAINTY_LABELS, RELATIONSHIP_LABELS, STATUS_LABELS, TERM_STATE_LABELS, flagBadges } from './labels'
import { ArchiveDialog } from '../../components/ArchiveDialog'

const TERM_STATES = Object.keys(TERM_STATE_LABELS) as TermState[]
const TERM_COLORS: Record<TermState, 'green' | 'red' | 'gray'> = { present: 'green', missing: 'red', 'not-applicable': 'gray', unchecked: 'gray' }

function TermRow(props: { associateId: number; term: TermCheck; onChanged(detail: BusinessAssociateDetail): void; onError(message: string): void }) {
  const { term } = props
  const selectId = useId()
  const change = async (state: TermState) => {
    try {
      props.onChanged(await api['baas.setTerm']({ id: props.associateId, termId: term.termId, state, note: term.note }))
    } catch (error) {
      props.onError(errorMessage(error))
    }
  }
  return (
    <Table.Row>
      <Table.RowHeaderCell>
        <Flex direction="column" gap="1">
          <Text weight="medium" id={`${selectId}-title`}>
            {term.title}
          </Text>
          <Text size="1" color="gray">
            {term.citation} · {CERTAINTY_LABELS[term.certainty]}
          </Text>
          <Text size="2">{term.description}</Text>
        </Flex>
      </Table.RowHeaderCell>
      <Table.Cell>
        <Select.Root value={term.state} onValueChange={value => void change(value as TermState)}>
          <Select.Trigger aria-label={`${term.title}: in the agreement?`} color={TERM_COLORS[term.state]} variant="soft" />
          <Select.Content>
            {TERM_STATES.map(state => (
              <Select.Item key={state} value={state}>
                {TERM_STATE_LABELS[state]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select.Root>
      </Table.Cell>
    </Table.Row>
  )
}

/** One party: its flags, agreement copy, review, and the checklist of required terms. */
export function AssociateDetail(props: {
  detail: BusinessAssociateDetail
  onChanged(detail?: BusinessAssociateDetail): void
  onEdit(): void
  onArchive(reason: string): Promise<void>
}) {
  const { detail } = props
  const id = useId()
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const [reviewedOn, setReviewedOn] = useState(localToday())
  const [reviewTried, setReviewTried] = useState(false)
  const reviewError = dateError(reviewedOn, 'The review date', true)
  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      setMessage({ error: false, text: done })
      props.onChanged()
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) })
    }
  }
  const badges = flagBadges(detail.flags)
  const file = detail.agreementFile

  return (
    <Card size="2">
      <Flex direction="column" gap="4">
        <Flex justify="between" align="start" wrap="wrap" gap="2">
          <Flex direction="column" gap="1">
            <Heading as="h2" size="4">
              {detail.name}
            </Heading>
            {detail.ancestors.length > 0 && (
              <Text size="2" color="gray">
                Chain: {detail.ancestors.map(a => a.name).join(' → ')} → {detail.name}
              </Text>
            )}
            <Flex gap="2" wrap="wrap">
              {badges.length === 0 ? (
                <Badge highContrast color="green">
                  No flags
                </Badge>
              ) : (
                badges.map(b => (
                  <Badge highContrast key={b.label} color={b.color}>
                    {b.label}
                  </Badge>
                ))
              )}
            </Flex>
          </Flex>
          <Flex gap="2">
            <Button variant="soft" onClick={props.onEdit}>
              Edit
            </Button>
            <ArchiveDialog name={detail.name} what="business associate" onArchive={props.onArchive} />
          </Flex>
        </Flex>

        <DataList.Root size="2">
          <DataList.Item>
            <DataList.Label>Relationship</DataList.Label>
            <DataList.Value>{RELATIONSHIP_LABELS[detail.relationship]}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Agreement</DataList.Label>
            <DataList.Value>
              {STATUS_LABELS[detail.baaStatus]}
              {detail.effectiveOn ? `, effective ${formatDate(detail.effectiveOn)}` : ''}
              {detail.expiresOn ? `, expires ${formatDate(detail.expiresOn)}` : ''}
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Next review</DataList.Label>
            <DataList.Value>{detail.flags.nextReviewOn ? formatDate(detail.flags.nextReviewOn) : 'Only for a signed agreement'}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Services</DataList.Label>
            <DataList.Value>{detail.services || '—'}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>PHI categories</DataList.Label>
            <DataList.Value>{detail.phiCategories.join(', ') || (detail.handlesPhi ? '—' : 'Does not handle PHI')}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Cloud services and assets</DataList.Label>
            <DataList.Value>{detail.assets.join(', ') || '—'}</DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>Breach reporting window</DataList.Label>
            <DataList.Value>
              {detail.breachReportingDays ? `${detail.breachReportingDays} days` : 'Not set (the rule allows up to 60 days)'}
            </DataList.Value>
          </DataList.Item>
        </DataList.Root>

        <Flex direction="column" gap="2">
          <Heading as="h3" size="3">
            Signed copy
          </Heading>
          {file ? (
            <Text size="2">
              {file.originalName} ({Math.ceil(file.size / 1024)} KB), stored in this workspace on {formatDateTime(file.attachedAt)}. SHA-256{' '}
              <Text as="span" size="1" style={{ fontFamily: 'var(--code-font-family)', overflowWrap: 'anywhere' }}>
                {file.sha256}
              </Text>
            </Text>
          ) : (
            <Text size="2" color="gray">
              No signed copy stored yet.
            </Text>
          )}
          <Flex gap="2" wrap="wrap">
            <Button
              variant="soft"
              onClick={() => void run(() => api['baas.attachAgreement']({ id: detail.id }), 'The signed copy is stored in the workspace.')}
            >
              {file ? 'Replace the signed copy…' : 'Attach the signed copy…'}
            </Button>
            {file && (
              <>
                <Button variant="soft" onClick={() => void run(() => api['baas.saveAgreementCopy']({ id: detail.id }), 'A copy was saved.')}>
                  Save a copy…
                </Button>
                <Button
                  variant="soft"
                  color="red"
                  onClick={() => void run(() => api['baas.removeAgreement']({ id: detail.id }), 'The stored copy was removed.')}
                >
                  Remove the stored copy
                </Button>
              </>
            )}
          </Flex>
        </Flex>

        {detail.baaStatus === 'signed' && (
          <form
            noValidate
            onSubmit={event => {
              event.preventDefault()
              setReviewTried(true)
              if (!reviewError) void run(() => api['baas.markReviewed']({ id: detail.id, reviewedOn }), 'The review was recorded.')
            }}
          >
            <Flex gap="3" align="end" wrap="wrap">
              <DateField
                id={`${id}-reviewed`}
                label="Reviewed on"
                value={reviewedOn}
                onChange={setReviewedOn}
                error={reviewTried ? reviewError : null}
              />
              <Button type="submit" variant="soft">
                Record the review
              </Button>
            </Flex>
          </form>
        )}

        {message && (
          <Callout.Root highContrast color={message.error ? 'red' : 'green'} role={message.error ? 'alert' : 'status'}>
            <Callout.Text>{message.text}</Callout.Text>
          </Callout.Root>
        )}

        <Flex direction="column" gap="2">
          <Heading as="h3" size="3">
            Required terms
          </Heading>
          <Text size="2" color="gray">
            {detail.checklist.present} in the agreement, {detail.checklist.missing} missing, {detail.checklist.notApplicable} not applicable,{' '}
            {detail.checklist.unchecked} not checked yet (45 CFR 164.504(e)(2) and 164.314(a)(2)). A checklist, not legal advice: check with counsel.
          </Text>
          <Table.Root size="1">
            <caption className="visually-hidden">Required terms for {detail.name}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Term</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>In the agreement?</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {detail.terms.map(term => (
                <TermRow
                  key={term.termId}
                  associateId={detail.id}
                  term={term}
                  onChanged={updated => props.onChanged(updated)}
                  onError={text => setMessage({ error: true, text })}
                />
              ))}
            </Table.Body>
          </Table.Root>
        </Flex>
      </Flex>
    </Card>
  )
}
