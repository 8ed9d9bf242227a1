import { z } from 'zod'

/**
 * Schemas every contract and import shares, so the app, the CLI and the imports refuse the same
 * input with the same words.
 */

/** A path on this computer, as typed or chosen: trimmed, bounded, no NUL (which would cut the path short in the OS). */
export function filePathSchema(requiredMessage = 'A file path is required') {
  return z
    .string()
    .trim()
    .min(1, requiredMessage)
    .max(4096)
    .refine(value => !value.includes('\0'), 'A path cannot contain a NUL character')
}
