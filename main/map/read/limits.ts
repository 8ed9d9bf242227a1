// Limits that keep a hostile or broken file from exhausting memory or the stack.

/** Deepest nesting of maps and lists accepted; real plans and templates stay under 40. */
export const MAX_DEPTH = 512
/** YAML aliases followed in one file; CloudFormation templates use none or a few. */
export const MAX_ALIASES = 100
/** Nodes produced by expanding aliases (a "billion laughs" file multiplies them). */
export const MAX_ALIAS_NODES = 100_000
/** Characters kept of one attribute value or name shown to a person. */
export const MAX_VALUE_CHARS = 256
export const MAX_NAME_CHARS = 512
