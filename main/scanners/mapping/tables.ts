// Lookup of citations from our mapping tables (templates/scanner-mappings/).
// Maps, not plain objects: a check id such as "constructor" must find nothing.

import awsconfigRules from '../../../templates/scanner-mappings/awsconfig-rules.json'
import prowlerChecks from '../../../templates/scanner-mappings/prowler-checks.json'
import scoutsuiteRules from '../../../templates/scanner-mappings/scoutsuite-rules.json'
import securityhubControls from '../../../templates/scanner-mappings/securityhub-controls.json'
import steampipeControls from '../../../templates/scanner-mappings/steampipe-controls.json'

type Table = ReadonlyMap<string, readonly string[]>

function toMap(table: Record<string, string[]>, normalise: (key: string) => string = k => k): Table {
  return new Map(Object.entries(table).map(([k, v]) => [normalise(k), v]))
}

const NONE: readonly string[] = []
const prowlerAws = toMap(prowlerChecks.aws)
const prowler: ReadonlyMap<string, Table> = new Map([
  ['aws', prowlerAws],
  ['azure', toMap(prowlerChecks.azure)],
  ['gcp', toMap(prowlerChecks.gcp)]
])
const configRuleKey = (name: string): string => name.toLowerCase().replace(/_/g, '-')
const config = toMap(awsconfigRules, configRuleKey)
const configKeysLongestFirst = [...config.keys()].sort((a, b) => b.length - a.length)
const securityhub = toMap(securityhubControls, k => k.toLowerCase())
const scoutsuite: ReadonlyMap<string, Table> = new Map([
  ['aws', toMap(scoutsuiteRules.aws)],
  ['azure', toMap(scoutsuiteRules.azure)],
  ['gcp', toMap(scoutsuiteRules.gcp)]
])
const steampipe = toMap(steampipeControls)

/** Prowler check id → citations; provider defaults to aws (the only one Prowler's ASFF serves). */
export function prowlerCitations(checkId: string, provider: string | null): readonly string[] {
  const table = prowler.get((provider ?? 'aws').toLowerCase()) ?? prowlerAws
  return table.get(checkId) ?? NONE
}

/**
 * Config rule name → citations. Deployed conformance-pack rules carry a
 * "-conformance-pack-<id>" suffix (and sometimes a prefix), and Security Hub's
 * service-linked rules a "securityhub-" prefix and a random suffix: strip them,
 * then fall back to the longest known rule name the deployed name starts with.
 */
export function configRuleCitations(ruleName: string): readonly string[] {
  let key = configRuleKey(ruleName)
    .replace(/-conformance-pack-[a-z0-9]+$/, '')
    .replace(/^awsconfigconforms-/, '')
    .replace(/^securityhub-/, '')
  const exact = config.get(key)
  if (exact) return exact
  key = key.replace(/-[a-z0-9]{6,}$/, '')
  const trimmed = config.get(key)
  if (trimmed) return trimmed
  const prefix = configKeysLongestFirst.find(known => key.startsWith(known + '-'))
  return prefix ? (config.get(prefix) ?? NONE) : NONE
}

export function securityhubControlCitations(controlId: string): readonly string[] {
  return securityhub.get(controlId.toLowerCase()) ?? NONE
}

/** ScoutSuite rule key → citations, per provider (provider_code); a file that names none is read as AWS, ScoutSuite's first provider. */
export function scoutsuiteRuleCitations(ruleKey: string, provider: string | null): readonly string[] {
  return scoutsuite.get((provider ?? 'aws').toLowerCase())?.get(ruleKey) ?? NONE
}

/** Steampipe control name (with or without the "aws_compliance.control." prefix). */
export function steampipeControlCitations(control: string): readonly string[] {
  return steampipe.get(control.replace(/^.*\.control\./, '')) ?? NONE
}
