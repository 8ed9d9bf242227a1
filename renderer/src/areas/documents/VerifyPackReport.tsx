import { Callout, Code, DataList, Flex, Text } from '@radix-ui/themes'
import type { PackVerification } from '../../../../main/verify/contract'
import { countOf } from '../../components/count-of'

const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file

/** A pack's check in plain words: the verdict, what was checked, and every problem named. */
export function VerifyPackReport({ report }: { report: PackVerification }) {
  const s = report.signature
  const m = report.manifest
  // The common name often names the organisation already ("Security Official, Harbor Family Practice").
  const signer = s?.signer
    ? s.signer.organization && !s.signer.commonName.includes(s.signer.organization)
      ? `${s.signer.commonName}, ${s.signer.organization}`
      : s.signer.commonName
    : null
  return (
    <Flex direction="column" gap="3" aria-label="Verification report" role="region">
      <Callout.Root color={report.ok ? 'green' : 'red'} highContrast role="status">
        <Callout.Text weight="medium">
          {report.ok
            ? `${fileName(report.file)} checks: the signature is intact and covers the whole file, and the manifest is complete.`
            : `${fileName(report.file)} does not check. What fails is listed below.`}
        </Callout.Text>
      </Callout.Root>
      <DataList.Root size="2">
        <DataList.Item>
          <DataList.Label minWidth="140px">Signature</DataList.Label>
          <DataList.Value>
            {!s || !s.found
              ? 'Not signed'
              : s.intact && s.coversWholeFile
                ? `Intact, covers the whole file${signer ? `; signed by ${signer}` : ''}${s.signedAt ? ` on ${s.signedAt.slice(0, 10)}` : ''}`
                : 'Broken: the file was changed after it was signed'}
          </DataList.Value>
        </DataList.Item>
        {s?.fingerprintSha256 && (
          <DataList.Item>
            <DataList.Label minWidth="140px">Certificate fingerprint (SHA-256)</DataList.Label>
            <DataList.Value>
              <Flex direction="column" gap="1">
                <Code variant="ghost" style={{ wordBreak: 'break-all' }}>
                  {s.fingerprintSha256}
                </Code>
                <Text size="1" color="gray">
                  Compare it with the certificate the organisation gave you, not only with the one printed in the pack.
                </Text>
              </Flex>
            </DataList.Value>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.Label minWidth="140px">Manifest</DataList.Label>
          <DataList.Value>
            {m?.valid
              ? `${m.document.title}, ${m.organization}, ${m.document.period}; generated on ${m.generatedOn}; ${countOf(m.counts.evidence, 'evidence item')}, ${countOf(m.counts.agreements, 'signed agreement')}, ${countOf(m.counts.scanFiles, 'scan file')}${m.redaction.redacted ? '; redacted edition' : ''}`
              : m?.found
                ? 'Present but unreadable'
                : 'Missing'}
          </DataList.Value>
        </DataList.Item>
        {report.evidence && (
          <DataList.Item>
            <DataList.Label minWidth="140px">Evidence folder</DataList.Label>
            <DataList.Value>
              {`${report.evidence.matched.length} files match; ${report.evidence.changed.length} changed, ${report.evidence.missing.length} missing, ${report.evidence.extra.length} not in the manifest`}
            </DataList.Value>
          </DataList.Item>
        )}
      </DataList.Root>
      {report.problems.length > 0 && (
        <Flex direction="column" gap="1">
          <Text size="2" weight="medium">
            What does not check
          </Text>
          <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
            {report.problems.map(problem => (
              <li key={problem}>
                <Text size="2">{problem}</Text>
              </li>
            ))}
          </ul>
        </Flex>
      )}
    </Flex>
  )
}
