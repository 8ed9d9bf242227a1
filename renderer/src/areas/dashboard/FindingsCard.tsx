import { Text } from '@radix-ui/themes'
import { api } from '../../api'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'
import { useLoaded } from '../../components/use-loaded'
import { formatNumber } from '../../components/count-of'

/** The latest scanner import and the specifications its failing findings flagged for review. */
export function FindingsCard() {
  const { workspace, navigate } = useWorkspace()
  const { data, error } = useLoaded(
    async () => ({ scans: await api['scans.list']({}), flags: await api['findings.reviewFlags']({ status: 'open' }) }),
    [workspace.path, workspace.updatedAt]
  )
  const latest = data?.scans[0]
  return (
    <DashboardCard
      title="Scanner findings"
      error={error}
      loading={!data}
      action={{ label: latest ? 'Open findings' : 'Import a scan', onClick: () => navigate('findings') }}
    >
      {data && !latest && (
        <Text as="p" color="gray">
          No scans imported yet. Import the output of Prowler, AWS Security Hub, ScoutSuite, AWS Config or Steampipe to use it as evidence.
        </Text>
      )}
      {latest && (
        <Text as="p" size="2">
          Latest: {latest.fileName} ({latest.scanner}), imported {latest.importedAt.slice(0, 10)}: {formatNumber(latest.failed)} failed and{' '}
          {formatNumber(latest.passed)} passed checks. {formatNumber(data?.flags.length ?? 0)} specifications are flagged for review because of
          failing findings.
        </Text>
      )}
    </DashboardCard>
  )
}
