import { Text } from '@radix-ui/themes'
import type { DashboardView } from '../../../../main/calendar/contract'
import { countOf } from '../../components/count-of'
import { formatDate } from '../../components/format-date'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'

/** How fresh the evidence is: the newest scanner import, the signed agreement copies kept in the workspace, and stale attached evidence. */
export function EvidenceCard(props: { evidence: DashboardView['evidence'] }) {
  const { navigate } = useWorkspace()
  const { latestScan, scans, signedAgreements, signedCopiesStored, attached, stale } = props.evidence
  return (
    <DashboardCard
      title="Evidence"
      error={null}
      loading={false}
      action={{ label: latestScan ? 'Open findings' : 'Import a scan', onClick: () => navigate('findings') }}
    >
      <Text as="p" size="2">
        {latestScan
          ? `Newest scan: ${latestScan.fileName} (${latestScan.scanner}), imported ${formatDate(latestScan.importedOn)}, ${
              latestScan.daysAgo === 0 ? 'today' : latestScan.daysAgo === 1 ? 'yesterday' : `${latestScan.daysAgo.toLocaleString()} days ago`
            }: ${latestScan.failed.toLocaleString()} failed${latestScan.triaged ? ` (${latestScan.triaged.toLocaleString()} more triaged)` : ''} and ${latestScan.passed.toLocaleString()} passed checks. ${countOf(scans, 'scan')} imported in all.`
          : 'No scans imported yet. The output of Prowler, AWS Security Hub, ScoutSuite, AWS Config or Steampipe is evidence for the technical safeguards.'}
      </Text>
      <Text as="p" size="2" color="gray">
        {signedAgreements === 0
          ? 'No signed business associate agreements recorded.'
          : `Signed copies stored for ${signedCopiesStored.toLocaleString()} of ${countOf(signedAgreements, 'signed agreement')}.`}
      </Text>
      {attached > 0 && (
        <Text as="p" size="2" color={stale > 0 ? 'red' : 'gray'}>
          {stale > 0
            ? `Stale evidence: ${stale.toLocaleString()} of ${countOf(attached, 'attached item')} ${stale === 1 ? 'is' : 'are'} past ${stale === 1 ? 'its' : 'their'} expiry; replace, renew or archive ${stale === 1 ? 'it' : 'them'}.`
            : `${countOf(attached, 'attached evidence item')}, none past its expiry.`}
        </Text>
      )}
    </DashboardCard>
  )
}
