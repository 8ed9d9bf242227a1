import { useState } from 'react'
import { Badge, Button, Callout, Card, Flex, Heading, Table, Text, TextField } from '@radix-ui/themes'
import type { CsvImportReport, GroupProgress, PeriodView, ProgressView } from '../../../../main/assessment/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { api, errorMessage } from '../../api'
import { localToday } from './labels'
import { countOf, formatNumber } from '../../components/count-of'
import { DateInput } from '../../components/DateInput'
import { formatDate } from '../../components/format-date'

/** The yearly review: reviewer sign-off per family, starting the next period, and the client CSV exchange. */
export function CyclePanel(props: { progress: ProgressView; periods: PeriodView[]; onChanged(): void; onPeriodStarted(id: string): void }) {
  const readOnly = props.progress.period.readOnly
  return (
    <Flex direction="column" gap="4">
      <Card size="2" asChild>
        <section aria-labelledby="signoff-heading">
          <Flex direction="column" gap="3">
            <Heading as="h3" size="3" id="signoff-heading">
              Reviewer sign-off
            </Heading>
            <Text as="p" size="2" color="gray">
              When a family is complete, the person who reviewed it signs it off. Changing an answer afterwards is flagged so it can be reviewed
              again.
            </Text>
            {props.progress.groups.map(group => (
              <SignOffRow key={group.group} group={group} readOnly={readOnly} onChanged={props.onChanged} />
            ))}
          </Flex>
        </section>
      </Card>
      <CsvExchange readOnly={readOnly} onChanged={props.onChanged} />
      <Card size="2" asChild>
        <section aria-labelledby="period-heading">
          <Flex direction="column" gap="3">
            <Heading as="h3" size="3" id="period-heading">
              Assessment periods
            </Heading>
            <Text as="p" size="2" color="gray">
              The assessment is repeated every year. Starting the next period closes this one (it stays readable but can no longer be changed) and
              copies its answers into the new one, marked “to confirm”.
            </Text>
            <Flex gap="2" wrap="wrap">
              {props.periods.map(period => (
                <Badge key={period.id} color={period.status === 'current' ? 'teal' : 'gray'} variant="soft" highContrast size="2">
                  {period.id}: {period.status === 'current' ? 'current' : period.closedOn ? `closed ${formatDate(period.closedOn)}` : 'closed'}
                </Badge>
              ))}
            </Flex>
            {!readOnly && <StartNextPeriod onStarted={props.onPeriodStarted} />}
          </Flex>
        </section>
      </Card>
    </Flex>
  )
}

function SignOffRow(props: { group: GroupProgress; readOnly: boolean; onChanged(): void }) {
  const { group } = props
  const [reviewer, setReviewer] = useState(group.signOff?.reviewer ?? '')
  const [signedOn, setSignedOn] = useState(group.signOff?.signedOn ?? localToday())
  const [error, setError] = useState<string | null>(null)
  const idBase = `signoff-${group.group}`
  const sign = async () => {
    try {
      await api['assessment.signOff']({ group: group.group, reviewer, signedOn })
      setError(null)
      props.onChanged()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <div className="signoff-row" data-testid="signoff-row">
      <Flex direction="column" gap="1">
        <Text size="2" weight="medium">
          {group.title}
        </Text>
        <Text size="1" color="gray">
          {formatNumber(group.answered)} of {formatNumber(group.applicable)} answered
          {group.signOff ? ` · signed off by ${group.signOff.reviewer} on ${formatDate(group.signOff.signedOn)}` : ''}
        </Text>
        {group.signOff?.changedSince && (
          <Text size="1" color="orange">
            Answers changed since the sign-off.
          </Text>
        )}
      </Flex>
      <Flex direction="column" gap="1">
        <Text as="label" size="1" htmlFor={`${idBase}-name`}>
          Reviewer
        </Text>
        <TextField.Root id={`${idBase}-name`} value={reviewer} disabled={props.readOnly} onChange={e => setReviewer(e.target.value)} />
      </Flex>
      <Flex direction="column" gap="1">
        <Text as="label" size="1" htmlFor={`${idBase}-date`}>
          Date
        </Text>
        <DateInput id={`${idBase}-date`} value={signedOn} disabled={props.readOnly} onChange={e => setSignedOn(e.target.value)} />
      </Flex>
      <Button variant="soft" disabled={props.readOnly} onClick={() => void sign()} aria-label={`Sign off ${group.title}`}>
        {group.signOff ? 'Sign off again' : 'Sign off'}
      </Button>
      {error && (
        <Text size="1" className="form-error signoff-error" role="alert">
          {error}
        </Text>
      )}
    </div>
  )
}

function StartNextPeriod(props: { onStarted(id: string): void }) {
  const [error, setError] = useState<string | null>(null)
  const start = async () => {
    try {
      const period = await api['assessment.startNextPeriod']({})
      props.onStarted(period.id)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <Flex direction="column" gap="2" align="start">
      <ConfirmDialog
        trigger={<Button variant="surface">Start the next period…</Button>}
        title="Start the next assessment period?"
        description="This period will be closed and kept read-only. Its answers are copied into the new period, each marked “to confirm”, so you can go through them again."
        confirmLabel="Start next period"
        onConfirm={() => void start()}
      />
      {error && (
        <Text size="2" className="form-error" role="alert">
          {error}
        </Text>
      )}
    </Flex>
  )
}

function CsvExchange(props: { readOnly: boolean; onChanged(): void }) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const [report, setReport] = useState<CsvImportReport | null>(null)
  const exportCsv = async () => {
    try {
      const result = await api['assessment.exportCsv']({})
      if (result) setMessage({ error: false, text: `Wrote ${countOf(result.rows, 'question')} to ${result.path}.` })
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    }
  }
  const importCsv = async () => {
    try {
      const result = await api['assessment.importCsv']({})
      if (!result) return
      setReport(result)
      setMessage(
        result.applied
          ? { error: false, text: `Imported ${countOf(result.accepted, 'change')} from ${result.path}.` }
          : {
              error: true,
              text: `Nothing was imported: ${countOf(result.rejected, 'row')} ${result.rejected === 1 ? 'was' : 'were'} rejected. Fix them in the file and import it again.`
            }
      )
      if (result.applied) props.onChanged()
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    }
  }
  const shown = report?.rows.filter(r => r.outcome === 'rejected' || r.outcome === 'accepted') ?? []
  return (
    <Card size="2" asChild>
      <section aria-labelledby="csv-heading">
        <Flex direction="column" gap="3">
          <Heading as="h3" size="3" id="csv-heading">
            Questionnaire for a client
          </Heading>
          <Text as="p" size="2" color="gray">
            Export the questionnaire as an Excel workbook (or CSV, chosen in the save dialog) for a client to fill in: the answer, notes, value and
            decision columns. Importing it back checks every row first; if any row is wrong, nothing is saved and each problem is listed.
          </Text>
          <Flex gap="3">
            <Button variant="soft" onClick={() => void exportCsv()}>
              Export questionnaire…
            </Button>
            <Button variant="soft" disabled={props.readOnly} onClick={() => void importCsv()}>
              Import filled-in questionnaire…
            </Button>
          </Flex>
          {message && (
            <Callout.Root color={message.error ? 'red' : 'green'} role={message.error ? 'alert' : 'status'}>
              <Callout.Text>{message.text}</Callout.Text>
            </Callout.Root>
          )}
          {shown.length > 0 && (
            <Table.Root variant="surface" size="1" aria-label="Import report">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Where</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Question</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Result</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Details</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {shown.map(row => (
                  <Table.Row key={`${row.sheet ?? ''}:${row.line}`}>
                    <Table.Cell>{row.sheet === undefined ? row.line : `${row.sheet}, row ${row.line}`}</Table.Cell>
                    <Table.Cell>{row.questionId}</Table.Cell>
                    <Table.Cell>
                      <Badge color={row.outcome === 'rejected' ? 'red' : 'green'} variant="soft" highContrast>
                        {row.outcome === 'rejected' ? 'Rejected' : 'Accepted'}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell>{row.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
          )}
        </Flex>
      </section>
    </Card>
  )
}
