import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { promptHidden, readPassphrase, type PromptStreams } from '../../main/cli/passphrase-prompt'

/** A terminal stand-in: records raw mode, and types `keys` once the prompt listens. */
function terminal(...typed: string[]) {
  const input = Object.assign(new EventEmitter(), {
    isTTY: true,
    isRaw: false,
    rawModes: [] as boolean[],
    setRawMode(raw: boolean) {
      this.isRaw = raw
      this.rawModes.push(raw)
    },
    resume() {
      const next = typed.shift()
      if (next !== undefined) setImmediate(() => input.emit('data', Buffer.from(next)))
    },
    pause() {}
  })
  const output = new PassThrough()
  let shown = ''
  output.on('data', chunk => (shown += String(chunk)))
  return { streams: { input, output } as unknown as PromptStreams, input, shown: () => shown }
}

describe('passphrase prompt', () => {
  it('reads without echo, handles backspace, and restores the terminal', async () => {
    const { streams, input, shown } = terminal('secrex\u007ft\r')
    expect(await promptHidden('Passphrase: ', streams)).toBe('secret')
    expect(shown()).toBe('Passphrase: \n')
    expect(input.rawModes).toEqual([true, false])
  })

  it('cancels on Ctrl-C', async () => {
    const { streams } = terminal('abc\u0003')
    await expect(promptHidden('Passphrase: ', streams)).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('refuses to ask without a terminal, naming the variable to set', async () => {
    const streams = { input: Object.assign(new EventEmitter(), { isTTY: false }), output: new PassThrough() } as unknown as PromptStreams
    await expect(promptHidden('Passphrase: ', streams)).rejects.toThrow(/SAFEGUARD_PASSPHRASE/)
  })

  it('prefers SAFEGUARD_PASSPHRASE, and asks twice for a new passphrase', async () => {
    expect(await readPassphrase('?', { env: { SAFEGUARD_PASSPHRASE: 'from env' } })).toEqual({ kind: 'passphrase', passphrase: 'from env' })
    const same = terminal('new one here\r', 'new one here\r')
    expect(await readPassphrase('?', { confirm: true, env: {}, streams: same.streams })).toEqual({ kind: 'passphrase', passphrase: 'new one here' })
    const different = terminal('new one here\r', 'new two here\r')
    await expect(readPassphrase('?', { confirm: true, env: {}, streams: different.streams })).rejects.toThrow(/differ/)
  })
})
