import { Badge, Button, Callout, Card, Flex, Heading, Switch, Table, Text, VisuallyHidden } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import { useEffect, useState } from 'react'
import type { DocumentReadiness, DocumentsPreview, PackOutline, PackSectionId, PdfResult, PoliciesResult } from '../../../../main/documents/contract'
import { api, errorMessage } from '../../api'
import { GenerationStatus } from './GenerationStatus'
import { SectionList } from './SectionList'
import { useGeneration } from './use-generation'
import './documents.css'
import { countOf, formatNumber } from '../../components/count-of'
import { WrittenFileActions } from '../../components/WrittenFileActions'
import { ReadinessCheck } from './ReadinessCheck'
import { PackOutlineList } from './PackOutlineList'
import type { OscalExportResult } from '../../../../main/oscal/contract'
import { VerifyPackCard } from './VerifyPackDialog'
import { EvidenceFilesChoice, type EvidenceFilesPlacement } from './EvidenceFilesChoice'

const VALUE_LABELS: Record<string, string> = {
  sessionTimeoutMinutes: 'idle session timeout',
  backupRetentionYears: 'backup retention',
  documentRetentionYears: 'documentation retention',
  encryptionAtRest: 'encryption at rest',
  encryptionInTransit: 'minimum TLS version',
  passwordMinLength: 'password length',
  accessReviewFrequency: 'access review frequency',
  auditLogRetentionDays: 'audit log retention',
  incidentReportingHours: 'incident reporting time',
  businessAssociateReportingDays: 'business associate reporting window',
  recoveryTimeObjectiveHours: 'recovery time objective',
  recoveryPointObjectiveHours: 'recovery point objective'
}

const describePdf = (what: string) => (result: PdfResult) =>
  `${what} saved (${countOf(result.pages, 'page')})${result.draftReasons.length ? ', marked DRAFT on every page' : ''}.` +
  (result.signedWith ? ` Digitally signed with the certificate whose SHA-256 fingerprint is ${result.signedWith}.` : '') +
  (result.evidenceDir ? ` The evidence files and the manifest are in ${result.evidenceDir}.` : '')
const pdfActions = (what: string) => (result: PdfResult) => <WrittenFileActions openId={result.openId} what={what} />

/** The Documents area: what each document will contain, then write it where the user chooses. */
export function DocumentsPage() {
  const [preview, setPreview] = useState<DocumentsPreview | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [sections, setSections] = useState<Set<string>>(new Set())
  const [redact, setRedact] = useState(false)
  const [evidenceFiles, setEvidenceFiles] = useState<EvidenceFilesPlacement>('listed')
  const [readiness, setReadiness] = useState<DocumentReadiness | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([api['documents.preview']({}), api['documents.readiness']({})]).then(
      ([value, ready]) => {
        if (!live) return
        setPreview(value)
        setReadiness(ready)
        setSections(new Set(value.pack.map(s => s.id)))
        setLoadError(null)
      },
      (error: unknown) => {
        if (live) setLoadError(errorMessage(error))
      }
    )
    return () => {
      live = false
    }
  }, [])

  const pack = useGeneration<PdfResult>(options =>
    api['documents.generatePack']({ redact, evidenceFiles, sections: [...sections] as PackSectionId[] }, options)
  )
  const outline = useGeneration<PackOutline>(options => api['documents.packOutline']({ redact, sections: [...sections] as PackSectionId[] }, options))
  // An outline shown is the one of the choices it was made with; changing a section or redaction hides it.
  const choices = `${[...sections].sort().join(',')}|${redact}`
  const [outlineChoices, setOutlineChoices] = useState<string | null>(null)
  const review = useGeneration<PdfResult>(options => api['documents.generateReview']({}, options))
  const policies = useGeneration<PoliciesResult>(options => api['documents.generatePolicies']({}, options))
  const oscal = useGeneration<OscalExportResult>(options => api['documents.exportOscal']({}, options))

  if (loadError) {
    return (
      <Callout.Root color="red" role="alert">
        <Callout.Text>The documents could not be prepared: {loadError}</Callout.Text>
      </Callout.Root>
    )
  }
  if (!preview || !readiness) return <Text color="gray">Preparing the document preview…</Text>
  const createLabel = (what: string) => (readiness.ready ? `Create ${what}…` : 'Create anyway (marked DRAFT)…')

  const busy = [pack, outline, review, policies, oscal].some(g => g.state.kind === 'running')
  return (
    <Flex direction="column" gap="5">
      <PageHeader
        title="Documents"
        description={
          <>
            Everything below is written from what this workspace records for {preview.organization}, assessment period {preview.period.label}. Nothing
            leaves this computer: you choose where each file is saved.
          </>
        }
      />

      <Card size="3">
        <ReadinessCheck readiness={readiness} />
      </Card>

      <Card size="3" asChild>
        <section aria-labelledby="pack-heading">
          <Flex direction="column" gap="3">
            <Flex justify="between" align="center" gap="3" wrap="wrap">
              <Heading as="h2" size="4" id="pack-heading">
                Evidence pack (PDF)
              </Heading>
              <Badge variant="soft">Archival PDF/A, tagged for screen readers</Badge>
            </Flex>
            <Text as="p" size="2" color="gray">
              For a procurement team or an auditor: the three procurement answers, the scorecard, the control matrix, cloud services, scanner results,
              agreements, incidents, the remediation plan and a signature page. Untick a section to leave it out. The PDF is digitally signed with
              this workspace’s signing identity (see Settings; made on first use), with a manifest of every evidence file’s SHA-256 inside.
            </Text>
            <SectionList
              sections={preview.pack}
              selected={sections}
              fixed={['attestation']}
              onToggle={(id, included) =>
                setSections(current => {
                  const next = new Set(current)
                  if (included) next.add(id)
                  else next.delete(id)
                  return next
                })
              }
            />
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Switch checked={redact} onCheckedChange={setRedact} />
                Redact cloud account ids and resource names (for sharing outside the organisation)
              </Flex>
            </Text>
            <EvidenceFilesChoice value={evidenceFiles} onChange={setEvidenceFiles} />
            <Flex gap="2" wrap="wrap">
              <Button onClick={pack.start} disabled={busy || sections.size === 0} color={readiness.ready ? undefined : 'amber'}>
                {createLabel('evidence pack')}
              </Button>
              <Button
                variant="soft"
                onClick={() => {
                  setOutlineChoices(choices)
                  void outline.start()
                }}
                disabled={busy || sections.size === 0}
              >
                Preview outline
              </Button>
            </Flex>
            {(outlineChoices === choices || outline.state.kind === 'running') && (
              <GenerationStatus
                label="Pack outline"
                doneColor="gray"
                state={outline.state}
                onCancel={outline.cancel}
                describe={o =>
                  `The pack would have ${countOf(o.pages, 'page')}${o.draftReasons.length ? ', marked DRAFT on every page' : ''}. Nothing was saved.`
                }
                actions={o => <PackOutlineList outline={o} />}
              />
            )}
            <GenerationStatus
              label="Evidence pack"
              state={pack.state}
              onCancel={pack.cancel}
              describe={describePdf('Evidence pack')}
              actions={pdfActions('the evidence pack')}
            />
          </Flex>
        </section>
      </Card>

      <Card size="3" asChild>
        <section aria-labelledby="review-heading">
          <Flex direction="column" gap="3">
            <Heading as="h2" size="4" id="review-heading">
              Annual review (PDF)
            </Heading>
            <Text as="p" size="2" color="gray">
              {preview.previousPeriod
                ? `Period ${preview.period.label} against ${preview.previousPeriod}: what changed, which gaps opened or closed, and the reviewers’ sign-offs.`
                : `The first period recorded (${preview.period.label}); start next year’s period in the Assessment area to compare years.`}
            </Text>
            <SectionList sections={preview.review} />
            <Flex>
              <Button onClick={review.start} disabled={busy} color={readiness.ready ? undefined : 'amber'}>
                {createLabel('annual review')}
              </Button>
            </Flex>
            <GenerationStatus
              label="Annual review"
              state={review.state}
              onCancel={review.cancel}
              describe={describePdf('Annual review')}
              actions={pdfActions('the annual review')}
            />
          </Flex>
        </section>
      </Card>

      <Card size="3" asChild>
        <section aria-labelledby="policies-heading">
          <Flex direction="column" gap="3">
            <Heading as="h2" size="4" id="policies-heading">
              Policy set (Word)
            </Heading>
            <Text as="p" size="2" color="gray">
              {formatNumber(preview.policies.length)} policies and procedures covering every standard of the Security Rule and the Breach Notification
              Rule, filled with your organisation’s name, values and Addressable decisions. To change a document’s wording, edit its copy in{' '}
              {preview.policyOverrideDir}; that copy is used from then on.
            </Text>
            {preview.defaultedValues.length > 0 && (
              <Callout.Root color="amber">
                <Callout.Text>
                  Not recorded in the assessment, so the recommended value is used:{' '}
                  {preview.defaultedValues.map(v => VALUE_LABELS[v] ?? v).join(', ')}. Check these before adopting the policies.
                </Callout.Text>
              </Callout.Root>
            )}
            <Table.Root size="1" variant="surface">
              <VisuallyHidden asChild>
                <caption>Policies to be written</caption>
              </VisuallyHidden>
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Number</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Title</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Specifications</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Template</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {preview.policies.map(p => (
                  <Table.Row key={p.id}>
                    <Table.RowHeaderCell>{p.number}</Table.RowHeaderCell>
                    <Table.Cell>{p.title}</Table.Cell>
                    <Table.Cell>{p.citations}</Table.Cell>
                    <Table.Cell>{p.source === 'override' ? <Badge color="blue">Your edited copy</Badge> : 'Built-in'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table.Root>
            <Flex>
              <Button onClick={policies.start} disabled={busy}>
                Create policy set…
              </Button>
            </Flex>
            <GenerationStatus
              label="Policy set"
              state={policies.state}
              onCancel={policies.cancel}
              describe={r => `${formatNumber(r.files.length)} Word documents written.`}
              actions={r => <WrittenFileActions openId={r.openId} what="the policy set" folder />}
            />
          </Flex>
        </section>
      </Card>

      <Card size="3" asChild>
        <section aria-labelledby="oscal-heading">
          <Flex direction="column" gap="3">
            <Heading as="h2" size="4" id="oscal-heading">
              OSCAL (JSON)
            </Heading>
            <Text as="p" size="2" color="gray">
              For a GRC tool: the period&apos;s answers, gaps, failing scanner checks and risks as OSCAL 1.2.1 assessment results, and the remediation
              tasks and accepted risks as a plan of action and milestones, against the OSCAL HIPAA catalog (each with its 45 CFR citation).
            </Text>
            <Flex>
              <Button variant="soft" onClick={oscal.start} disabled={busy}>
                Export OSCAL…
              </Button>
            </Flex>
            <GenerationStatus
              label="OSCAL export"
              state={oscal.state}
              onCancel={oscal.cancel}
              describe={r =>
                `${r.files.map(f => f.path.split(/[\\/]/).pop()).join(' and ')} written to ${r.dir}: ${countOf(r.findings, 'finding')}, ${countOf(r.poamItems, 'POA&M item')}.`
              }
            />
          </Flex>
        </section>
      </Card>
      <VerifyPackCard />
    </Flex>
  )
}
