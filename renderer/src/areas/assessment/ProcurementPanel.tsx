import { Badge, Button, Card, Flex, Heading, Text } from '@radix-ui/themes'
import { useState } from 'react'
import type { ProcurementAnswer, ProcurementAnswerId } from '../../../../main/assessment/contract'
import type { ProcurementExport } from '../../../../main/documents/contract'
import { api, errorMessage } from '../../api'
import { PROCUREMENT_STATUS } from './labels'
import { useLoaded } from '../../components/use-loaded'
import { WrittenFileActions } from '../../components/WrittenFileActions'

/** A status badge for a yes/no answer; a description of measures gets none once anything is assessed. */
function StatusBadge(props: { answer: ProcurementAnswer }) {
  const { answer } = props
  if (answer.kind === 'descriptive' && answer.status !== 'unknown') return null
  const status = PROCUREMENT_STATUS[answer.status]
  return (
    <Badge color={status.color} variant="soft" highContrast size="2" data-testid="procurement-status">
      {status.label}
    </Badge>
  )
}

/** The three questions a health department's procurement team asks, answered from this workspace. */
export function ProcurementPanel(props: { periodId: string; refreshKey: number }) {
  const { data } = useLoaded(() => api['assessment.procurement']({ periodId: props.periodId }), [props.periodId, props.refreshKey])
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null)
  const [exported, setExported] = useState<ProcurementExport | null>(null)
  if (!data) return null
  const answers: ProcurementAnswer[] = [data.baa, data.services, data.minimumNecessary]

  const copy = async (answer?: ProcurementAnswerId) => {
    try {
      await api['documents.copyProcurement']({ periodId: props.periodId, ...(answer ? { answer } : {}) })
      setNote({ text: answer ? 'Copied the answer with its citations.' : 'Copied all three answers with their citations.' })
    } catch (error) {
      setNote({ text: `Could not copy: ${errorMessage(error)}`, error: true })
    }
  }
  const exportCsv = async () => {
    try {
      const result = await api['documents.exportProcurement']({ periodId: props.periodId })
      if (result) {
        setExported(result)
        setNote({ text: 'Exported the three answers with their citations to a CSV file.' })
      }
    } catch (error) {
      setNote({ text: `Could not export: ${errorMessage(error)}`, error: true })
    }
  }

  return (
    <Flex direction="column" gap="3">
      <Text as="p" size="2" color="gray">
        Procurement teams at health departments and clinics ask these three questions. The answers below are written from your assessment answers, the
        cloud service inventory and the business associate register; the evidence pack prints the same words. Improve them by completing those.
      </Text>
      <Flex gap="2" wrap="wrap" align="center">
        <Button variant="soft" onClick={() => void copy()}>
          Copy all answers
        </Button>
        <Button variant="soft" onClick={() => void exportCsv()}>
          Export to CSV…
        </Button>
      </Flex>
      <Flex gap="3" align="center" wrap="wrap">
        <Text as="p" size="2" role="status" aria-live="polite" color={note?.error ? 'red' : 'green'} data-testid="procurement-note">
          {note?.text ?? ''}
        </Text>
        {exported && <WrittenFileActions openId={exported.openId} what="the procurement answers" />}
      </Flex>
      {answers.map(answer => (
        <Card key={answer.id} size="2" asChild>
          <section aria-label={answer.question} data-testid="procurement-answer">
            <Flex direction="column" gap="2">
              <Flex gap="2" align="center" justify="between">
                <Heading as="h3" size="3">
                  {answer.question}
                </Heading>
                <Flex gap="2" align="center" flexShrink="0">
                  <StatusBadge answer={answer} />
                  <Button size="1" variant="ghost" onClick={() => void copy(answer.id)} aria-label={`Copy the answer: ${answer.question}`}>
                    Copy
                  </Button>
                </Flex>
              </Flex>
              <Text as="p" size="2">
                {answer.answer}
              </Text>
              <Text as="p" size="1" color="gray" data-testid="procurement-citations">
                Citations: {answer.citations.length ? `45 CFR ${answer.citations.join(', ')}` : 'none'}
              </Text>
              <Text as="p" size="1" color="gray">
                Based on: {answer.basis.join('; ')}
              </Text>
            </Flex>
          </section>
        </Card>
      ))}
    </Flex>
  )
}
