import type { MapRule, RuleFinding } from './rule'

/** A PHI asset whose own settings leave it unencrypted, or on which a scanner's encryption-at-rest check fails. */
export const phiUnencryptedAtRest: MapRule = {
  id: 'phi-unencrypted-at-rest',
  title: 'PHI stored without encryption at rest',
  citation: '164.312(a)(2)(iv)',
  evaluate(input) {
    const findings: RuleFinding[] = []
    for (const asset of input.assets) {
      if (asset.phi.value !== 'phi') continue
      const checks = (input.failingChecks.get(asset.id) ?? []).filter(c => c.concerns === 'at-rest')
      if (asset.encryptedAtRest !== false && checks.length === 0) continue
      const reasons = [
        ...(asset.encryptedAtRest === false ? ['its settings do not encrypt it'] : []),
        ...checks.map(c => `scanner check ${c.checkId} fails (${c.title})`)
      ]
      findings.push({
        message: `${asset.name} holds PHI without encryption at rest: ${reasons.join('; ')}.`,
        subjects: [{ type: 'asset', id: asset.id }],
        subjectKey: asset.key
      })
    }
    return findings
  }
}
