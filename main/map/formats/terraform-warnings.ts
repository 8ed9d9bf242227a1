import { asText, own, type JsonMap } from '../read/document'

/** What Terraform itself says about a plan or state that a reader should know. */
export function terraformWarnings(root: JsonMap): string[] {
  const warnings: string[] = []
  if (own(root, 'errored') === true) warnings.push('Terraform reported errors while planning: the plan may be incomplete.')
  else if (own(root, 'complete') === false)
    warnings.push('Terraform marked this plan incomplete (some resources depend on values known only after apply).')
  const version = asText(own(root, 'terraform_version'))
  if (version && /^0\.(\d+)\./.test(version) && Number(/^0\.(\d+)\./.exec(version)?.[1]) < 12) {
    warnings.push(`Written by Terraform ${version}; the JSON formats read here start with 0.12.`)
  }
  return warnings
}

export function sensitiveWarning(count: number): string {
  return `${count} value${count === 1 ? '' : 's'} Terraform marks sensitive ${count === 1 ? 'was' : 'were'} not read or kept.`
}
