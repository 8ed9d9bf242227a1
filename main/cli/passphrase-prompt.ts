import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { ApiError } from '../shared/errors'
import { sqliteFileKind } from '../db/file-header'
import type { WorkspaceKeyProvider } from '../db/key-provider'
import { newPassphraseKey, typedKey, type WorkspaceKey } from '../db/workspace-key'
import { NewPassphrase } from '../shared/schemas'

/** The environment variable the CLI reads a workspace passphrase from (for scripts; people are asked). */
export const PASSPHRASE_ENV = 'SAFEGUARD_PASSPHRASE'
/** Where `safeguard passphrase` reads the new passphrase from, in scripts. */
export const NEW_PASSPHRASE_ENV = 'SAFEGUARD_NEW_PASSPHRASE'

export interface PromptStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?(raw: boolean): unknown }
  output: NodeJS.WritableStream
}

const defaultStreams = (): PromptStreams => ({ input: process.stdin, output: process.stderr })

/** Asks for a secret on a terminal without echoing it. Enter ends it, Ctrl-C or Ctrl-D cancels. */
export function promptHidden(question: string, streams: PromptStreams = defaultStreams()): Promise<string> {
  const { input, output } = streams
  if (!input.isTTY || !input.setRawMode) {
    return Promise.reject(new ApiError('invalid-input', `No terminal to ask for the passphrase: set ${PASSPHRASE_ENV}.`))
  }
  return new Promise((resolve, reject) => {
    const wasRaw = !!input.isRaw
    let value = ''
    const finish = (error?: Error) => {
      input.removeListener('data', onData)
      input.setRawMode!(wasRaw)
      input.pause()
      output.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish()
        if (char === '\u0003' || char === '\u0004') return finish(new ApiError('cancelled', 'No passphrase given; nothing was done.'))
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else if (char >= ' ') value += char
      }
    }
    output.write(question)
    input.setRawMode!(true)
    input.on('data', onData)
    input.resume()
  })
}

/**
 * A passphrase being chosen (init, encrypt, passphrase, or a new workspace under SAFEGUARD_PASSPHRASE):
 * the app's rule (shared/schemas.ts), checked before any work starts.
 */
export function chosenPassphraseKey(passphrase: string): WorkspaceKey {
  const checked = NewPassphrase.safeParse(passphrase)
  if (!checked.success) throw new ApiError('invalid-input', `${checked.error.issues[0]!.message} Nothing was done.`)
  return newPassphraseKey(passphrase)
}

/** The passphrase from SAFEGUARD_PASSPHRASE, else asked for (twice when `confirm`, for a new one). */
export async function readPassphrase(
  question: string,
  options: { confirm?: boolean; env?: NodeJS.ProcessEnv; envName?: string; streams?: PromptStreams } = {}
): Promise<WorkspaceKey> {
  // A new passphrase may not look like a recovery key; one typed to unlock may be a recovery key.
  const keyOf = options.confirm ? chosenPassphraseKey : typedKey
  const fromEnvironment = (options.env ?? process.env)[options.envName ?? PASSPHRASE_ENV]
  if (fromEnvironment) return keyOf(fromEnvironment)
  const ask = (prompt: string) =>
    promptHidden(prompt, options.streams).catch((error: unknown) => {
      if (options.envName && error instanceof ApiError && error.message.startsWith('No terminal')) {
        throw new ApiError('invalid-input', `No terminal to ask for the passphrase: set ${options.envName}.`)
      }
      throw error
    })
  const first = await ask(question)
  const key = keyOf(first)
  if (options.confirm) {
    const second = await ask('Type it again: ')
    if (second !== first) throw new ApiError('invalid-input', 'The two passphrases differ; nothing was done.')
  }
  return key
}

/**
 * The key provider that lets every command of `program` open encrypted
 * workspaces (runCli builds its sessions with it): before a command runs,
 * each of its arguments that is an encrypted (unreadable) workspace file
 * gets a key: SAFEGUARD_PASSPHRASE if set, else the person at the terminal
 * is asked once.
 * Other files (scanner JSON, CSV…) are never asked about: without the
 * variable only *.safeguard files prompt. With the variable set, new
 * workspaces (safeguard init) are created encrypted with it.
 */
export function cliKeyProvider(program: Command, env: NodeJS.ProcessEnv = process.env, streams?: PromptStreams): WorkspaceKeyProvider {
  const keys = new Map<string, WorkspaceKey>()
  program.hook('preAction', async (_program, command) => {
    // Without a terminal there is no one to ask: opening then fails with a message naming SAFEGUARD_PASSPHRASE.
    if (env[PASSPHRASE_ENV] || !(streams?.input ?? process.stdin).isTTY) return
    for (const argument of command.processedArgs) {
      if (typeof argument !== 'string' || !argument.endsWith('.safeguard')) continue
      const file = path.resolve(argument)
      if (keys.has(file) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile() || sqliteFileKind(file) !== 'opaque') continue
      keys.set(file, await readPassphrase(`Passphrase for ${path.basename(file)}: `, { env, ...(streams ? { streams } : {}) }))
    }
  })
  return {
    keyFor: file => {
      const fromEnvironment = env[PASSPHRASE_ENV]
      return keys.get(path.resolve(file)) ?? (fromEnvironment ? typedKey(fromEnvironment) : null)
    },
    // Whoever sets a passphrase for the command line gets new workspaces encrypted with it.
    keyForNewWorkspace: () => (env[PASSPHRASE_ENV] ? chosenPassphraseKey(env[PASSPHRASE_ENV]) : null)
  }
}
