// Regenerates the fact tables in templates/scanner-mappings/ from the upstream mapping
// files (Prowler's compliance/<provider>/hipaa_<provider>.json, the Steampipe HIPAA
// benchmark item→controls list). Only ids are kept: which check bears on which
// specification. Run: npx tsx main/scanners/mapping/derive-tables.ts <fixtures/scanners dir>

import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { citationFromId } from './citation'
import {
  CONFIG_RULE_DIRECT,
  CONFIG_RULE_TO_CONTROL,
  SCOUTSUITE_AWS_RULE_TO_PROWLER_CHECK,
  SCOUTSUITE_AZURE_RULE_TO_PROWLER_CHECK,
  SCOUTSUITE_GCP_RULE_TO_PROWLER_CHECK,
  SCOUTSUITE_RULE_TO_CONTROL,
  SECURITYHUB_CONTROL_TO_CONFIG_RULE
} from './equivalences'

const sourceDir = path.resolve(process.argv[2] ?? path.join(__dirname, '../../../../shared/fixtures/scanners'))
const outDir = path.resolve(__dirname, '../../../templates/scanner-mappings')

type Table = Record<string, string[]>

function addTo(table: Table, key: string, citation: string): void {
  const list = (table[key] ??= [])
  if (!list.includes(citation)) list.push(citation)
}

function sorted(table: Table): Table {
  const out: Table = {}
  for (const key of Object.keys(table).sort()) out[key] = (table[key] as string[]).sort()
  return out
}

const prowler: Record<string, Table> = {}
for (const provider of ['aws', 'azure', 'gcp']) {
  const file = JSON.parse(readFileSync(path.join(sourceDir, `prowler/compliance-mapping_hipaa_${provider}.json`), 'utf8')) as {
    Requirements: { Id: string; Checks: string[] }[]
  }
  const table: Table = {}
  for (const req of file.Requirements) {
    const citation = citationFromId(req.Id)
    if (!citation) throw new Error(`unexpected requirement id ${req.Id}`)
    for (const check of req.Checks) addTo(table, check, citation)
  }
  prowler[provider] = sorted(table)
}
writeFileSync(path.join(outDir, 'prowler-checks.json'), JSON.stringify(prowler, null, 1) + '\n')

const derived = JSON.parse(readFileSync(path.join(sourceDir, 'steampipe/DERIVED_hipaa_item_to_controls.json'), 'utf8')) as {
  mapping: Record<string, Record<string, { controls: string[] }>>
}
const steampipe: Table = {}
for (const items of Object.values(derived.mapping)) {
  for (const [itemId, item] of Object.entries(items)) {
    const citation = citationFromId(itemId)
    if (!citation) throw new Error(`unexpected item id ${itemId}`)
    for (const control of item.controls) addTo(steampipe, control, citation)
  }
}
writeFileSync(path.join(outDir, 'steampipe-controls.json'), JSON.stringify(sorted(steampipe), null, 1) + '\n')
console.log(
  `prowler: ${Object.entries(prowler)
    .map(([p, t]) => `${p} ${Object.keys(t).length}`)
    .join(', ')}; steampipe: ${Object.keys(steampipe).length}`
)

// Tables derived through the equivalences: each rule or control takes the citations
// of the Steampipe control that checks the same thing.
function through(pairs: Record<string, string>, label: string): Table {
  const table: Table = {}
  for (const [key, control] of Object.entries(pairs)) {
    const citations = steampipe[control]
    if (!citations) throw new Error(`${label} ${key}: no Steampipe HIPAA control ${control}`)
    for (const c of citations) addTo(table, key, c)
  }
  return table
}
const configRules = through(CONFIG_RULE_TO_CONTROL, 'Config rule')
for (const [rule, citations] of Object.entries(CONFIG_RULE_DIRECT)) for (const c of citations) addTo(configRules, rule, c)
writeFileSync(path.join(outDir, 'awsconfig-rules.json'), JSON.stringify(sorted(configRules), null, 1) + '\n')

const controls: Table = {}
for (const [control, rule] of Object.entries(SECURITYHUB_CONTROL_TO_CONFIG_RULE)) {
  const citations = configRules[rule]
  if (!citations) throw new Error(`Security Hub ${control}: no Config rule ${rule}`)
  for (const c of citations) addTo(controls, control, c)
}
writeFileSync(path.join(outDir, 'securityhub-controls.json'), JSON.stringify(sorted(controls), null, 1) + '\n')
// ScoutSuite per provider: AWS rules through Steampipe controls (else Prowler's AWS checks), GCP and Azure rules through Prowler checks.
function throughProwler(pairs: Record<string, string>, provider: string): Table {
  const table: Table = {}
  for (const [rule, check] of Object.entries(pairs)) {
    const citations = prowler[provider]?.[check]
    if (!citations) throw new Error(`ScoutSuite ${provider} rule ${rule}: no Prowler ${provider} HIPAA check ${check}`)
    for (const c of citations) addTo(table, rule, c)
  }
  return sorted(table)
}
const scoutsuite = {
  aws: sorted({ ...through(SCOUTSUITE_RULE_TO_CONTROL, 'ScoutSuite rule'), ...throughProwler(SCOUTSUITE_AWS_RULE_TO_PROWLER_CHECK, 'aws') }),
  azure: throughProwler(SCOUTSUITE_AZURE_RULE_TO_PROWLER_CHECK, 'azure'),
  gcp: throughProwler(SCOUTSUITE_GCP_RULE_TO_PROWLER_CHECK, 'gcp')
}
writeFileSync(path.join(outDir, 'scoutsuite-rules.json'), JSON.stringify(scoutsuite, null, 1) + '\n')
console.log(`config rules ${Object.keys(configRules).length}, security hub controls ${Object.keys(controls).length}`)
