import { useState } from 'react'
import { Badge, Button, Callout, Flex, Heading, Text } from '@radix-ui/themes'
import type { IncidentDetail } from '../../../../main/breach/contract'
import type { ContentElement, ElementStatus, NoticeContentChecklist } from '../../../../main/breach/documents/contract'
import type { PdfResult } from '../../../../main/documents/contract'
import type { LetterDraftResult } from '../../../../main/documents/incident/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { WrittenFileActions } from '../../components/WrittenFileActions'

const STATUS: Record<ElementStatus, { label: string; color: 'green' | 'amber' | 'red' }> = {
  supplied: { label: 'From the incident', color: 'green' },
  partial: { label: 'Partly there', color: 'amber' },
  'to-add': { label: 'To add', color: 'red' }
}

function Element(props: { element: ContentElement; onCopy?: (() => void) | undefined }) {
  const { element } = props
  const status = STATUS[element.status]
  return (
    <li>
      <Flex direction="column" gap="1" py="1">
        <Flex gap="2" align="center" wrap="wrap">
          <Badge highContrast color={status.color} size="1">
            {status.label}
          </Badge>
          <Text size="2" weight="medium">
            {element.label}
          </Text>
          <Text size="1" color="gray">
            {element.citation}
          </Text>
          {props.onCopy && element.supplied.length > 0 && (
            <Button size="1" variant="ghost" aria-label={`Copy ${element.label}`} onClick={props.onCopy}>
              Copy
            </Button>
          )}
        </Flex>
        {element.supplied.map(fact => (
          <Text key={fact.fact} size="1">
            {fact.label}: {fact.value}
          </Text>
        ))}
        {element.toAdd && (
          <Text size="1" color="gray">
            To add: {element.toAdd}
          </Text>
        )}
      </Flex>
    </li>
  )
}

function Checklist(props: { notice: NoticeContentChecklist; incidentId: number; onNote(text: string): void }) {
  const { notice } = props
  const copy = (field?: string) =>
    api['incidents.copyPortalFields']({ id: props.incidentId, ...(field ? { field } : {}) }).then(
      () => props.onNote(field ? 'Copied the field.' : 'Copied the portal fields; paste them into the HHS breach portal and check each one there.'),
      (caught: unknown) => props.onNote(`Could not copy: ${errorMessage(caught)}`)
    )
  const portal = notice.id === 'hhs-portal'
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" align="center" wrap="wrap">
        <Heading as="h4" size="2">
          {notice.title} ({notice.citation})
        </Heading>
        {portal && (
          <Button size="1" variant="soft" onClick={() => void copy()}>
            Copy all portal fields
          </Button>
        )}
      </Flex>
      <Text size="1" color="gray">
        {notice.asAsked ?? notice.intro}
      </Text>
      <ul aria-label={`${notice.title}: what it must contain`} style={{ margin: 0, paddingLeft: 'var(--space-4)' }}>
        {notice.elements.map(element => (
          <Element key={element.id} element={element} onCopy={portal ? () => void copy(element.id) : undefined} />
        ))}
      </ul>
    </Flex>
  )
}

/**
 * What each notice of the incident must contain and what the incident already gives, with the HHS portal's fields
 * to copy, letter drafts to edit (nothing is sent) and the 164.414(b) documentation export.
 */
export function IncidentDocuments(props: { detail: IncidentDetail }) {
  const { incident, notices } = props.detail
  const content = useLoaded(() => api['incidents.noticeContent']({ id: incident.id }), [incident.id, incident.updatedAt, notices.length])
  const letters = useLoaded(() => api['documents.incidentLetterKinds']({ id: incident.id }), [incident.id, incident.updatedAt])
  const [note, setNote] = useState<string | null>(null)
  const [written, setWritten] = useState<{ what: string; result: LetterDraftResult | PdfResult } | null>(null)
  const write = (what: string, call: () => Promise<LetterDraftResult | PdfResult | null>) =>
    call().then(
      result => {
        if (!result) return
        setWritten({ what, result })
        setNote(
          'toComplete' in result
            ? `Wrote the draft: ${result.toComplete.length} places marked [to complete: …]. Review and finish it before sending; Safeguard sends nothing.`
            : result.draftReasons.length > 0
              ? `Wrote the documentation, marked DRAFT: ${result.draftReasons.join('; ')}.`
              : 'Wrote the documentation.'
        )
      },
      (caught: unknown) => setNote(`Could not write it: ${errorMessage(caught)}`)
    )
  return (
    <Flex direction="column" gap="3" aria-labelledby="incident-documents-heading" role="region">
      <Heading as="h3" size="2" id="incident-documents-heading">
        Notice content and documents
      </Heading>
      <Flex gap="2" wrap="wrap">
        {letters.data?.map(letter => (
          <Button
            key={letter.kind}
            size="1"
            variant="soft"
            onClick={() => void write(letter.label, () => api['documents.incidentLetter']({ id: incident.id, kind: letter.kind }))}
          >
            Draft: {letter.label.toLowerCase()}
          </Button>
        ))}
        <Button
          size="1"
          variant="soft"
          onClick={() => void write('breach documentation', () => api['documents.incidentDocumentation']({ id: incident.id }))}
        >
          Documentation (PDF, 164.414(b))
        </Button>
      </Flex>
      {note && (
        <Text size="2" role="status">
          {note}
        </Text>
      )}
      {written && <WrittenFileActions openId={written.result.openId} what={written.what} />}
      {content.error && (
        <Callout.Root highContrast color="red" role="alert">
          <Callout.Text>{content.error}</Callout.Text>
        </Callout.Root>
      )}
      {content.data && (
        <>
          <Text size="1" color="gray">
            {content.data.disclaimer}
          </Text>
          {content.data.notes.map(text => (
            <Text key={text} size="1" color="gray">
              {text}
            </Text>
          ))}
          {content.data.notices.map(notice => (
            <Checklist key={notice.id} notice={notice} incidentId={incident.id} onNote={setNote} />
          ))}
        </>
      )}
    </Flex>
  )
}
