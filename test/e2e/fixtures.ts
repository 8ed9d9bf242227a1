/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { buildSync } from 'esbuild'
import { createRendererCalls } from '../../main/api/renderer-calls'
import type { ProgressUpdate } from '../../main/api/define-call'
import type { Host } from '../../main/api/host'
import { createSafeStorageWrapper } from '../../main/electron/safe-storage-wrapper'
import { deviceKeyProvider } from '../../main/security/device-key-provider'
import type { WorkspaceKeyProvider } from '../../main/db/key-provider'
import { WorkspaceKeyStore } from '../../main/security/key-store'
import { Session } from '../../main/workspace/session'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { fakeSafeStorage } from '../helpers/fake-safe-storage'

const REPO = path.resolve(__dirname, '../..')
// SAFEGUARD_RENDERER_OUT lets several people build and test renderers side by side without overwriting each other's build.
const RENDERER_DIR = process.env.SAFEGUARD_RENDERER_OUT ?? path.join(REPO, 'out/renderer')
/** A made-up origin: every request to it is answered from the built renderer, nothing reaches a network. */
export const APP_ORIGIN = 'http://safeguard.test'

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
}

let bridgeScript: string | undefined
function bridgeInitScript(): string {
  bridgeScript ??= buildSync({
    entryPoints: [path.join(__dirname, 'bridge-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent'
  }).outputFiles[0]!.text
  return bridgeScript
}

/** Answers the host's dialogs from a queue the test fills, as a user would pick files. */
export class ScriptedHost implements Host {
  readonly openPaths: (string | null)[] = []
  readonly savePaths: (string | null)[] = []
  readonly directories: (string | null)[] = []
  readonly notifications: { title: string; body: string }[] = []
  async pickOpenPath() {
    return this.openPaths.shift() ?? null
  }
  async pickOpenPaths() {
    const next = this.openPaths.shift()
    return next ? [next] : []
  }
  async pickSavePath() {
    return this.savePaths.shift() ?? null
  }
  async pickDirectory() {
    return this.directories.shift() ?? null
  }
  notify(title: string, body: string) {
    this.notifications.push({ title, body })
  }
  readonly opened: { how: 'open' | 'show'; file: string }[] = []
  async openPath(file: string) {
    this.opened.push({ how: 'open', file })
  }
  showItemInFolder(file: string) {
    this.opened.push({ how: 'show', file })
  }
  readonly copied: string[] = []
  copyText(text: string) {
    this.copied.push(text)
  }
}

export interface AppHarness {
  page: Page
  dataDir: string
  /** The key provider the app's session is built with (the device key store's), for workspaces a test makes beside the app. */
  keyProvider: WorkspaceKeyProvider
  host: ScriptedHost
  /** Every URL the page requested that was not the app's own. */
  foreignRequests: string[]
  /** Console errors and uncaught exceptions (CSP violations show up here too). */
  pageErrors: string[]
  /**
   * Closes the backend (the workspace is closed as on quit), starts a new one on the same data folder and reloads.
   * `beforeReload` runs while the app is down (another program taking a workspace, say).
   */
  restart(options?: { beforeReload?: () => void }): Promise<void>
  /** Runs axe on the current screen and returns its violations. */
  axeViolations(): Promise<{ id: string; help: string; targets: string[] }[]>
  screenshot(name: string): Promise<string>
  /** Drops a real file on the element matching `selector`, as a user dragging it from their file manager. */
  dropFile(selector: string, file: string): Promise<void>
}

/**
 * The workspace older versions made at first start, before the first-start screen asked who it is for: most flows
 * start in it, as they always have. Made as that start made it, by the real domain functions.
 */
function makeUnnamedDefault(session: Session): void {
  const file = session.defaultWorkspacePath()
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const organization = {
    name: 'My organisation',
    role: 'covered-entity',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    cloudProvider: 'aws'
  } as const
  createWorkspace(file, organization, { ...session.openChoices, now: session.now(), profileComplete: false }).close()
}

export const test = base.extend<{ app: AppHarness; deviceKeyStore: boolean; firstStart: boolean }, { browser: Browser }>({
  /**
   * Whether this "computer" has a working OS secret store, as macOS, Windows and Linux desktops with a keyring do
   * (the default); `test.use({ deviceKeyStore: false })` for one without (Linux basic_text).
   */
  deviceKeyStore: [true, { option: true }],
  /**
   * `test.use({ firstStart: true })`: the app starts on an empty data folder and shows the first-start screen. Left
   * false, the app opens straight into the unnamed default workspace older versions made ("My organisation", its
   * profile still to describe); on a computer that cannot keep keys that needed a passphrase, so first start shows there too.
   */
  firstStart: [false, { option: true }],
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_FLAGS
      })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' }
  ],
  // `locale` is Playwright's own option (`test.use({ locale: 'en-GB' })`): the locale of the page's Intl and date inputs.
  app: async ({ browser, deviceKeyStore, firstStart, locale }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-'))
    // As the Electron shell does at start-up, with a stand-in for safeStorage: a keyring, or Linux's basic_text.
    const backend = deviceKeyStore ? 'gnome_libsecret' : 'basic_text'
    const store = new WorkspaceKeyStore(path.join(dataDir, 'workspace-keys.json'), createSafeStorageWrapper(fakeSafeStorage(backend), 'linux'))
    const keyProvider = deviceKeyProvider(store)
    const newSession = () => new Session({ dataDir, appVersion: '0.0.0-test', keyProvider, deviceKeyStore: store })
    const host = new ScriptedHost()
    const state = { session: newSession() }
    if (!firstStart && deviceKeyStore) makeUnnamedDefault(state.session)
    const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 860 }, ...(locale ? { locale } : {}) })
    const page = await context.newPage()
    const foreignRequests: string[] = []
    const pageErrors: string[] = []
    page.on('console', message => {
      if (message.type() === 'error') pageErrors.push(message.text())
    })
    page.on('pageerror', error => pageErrors.push(error.message))

    page.on('request', request => {
      if (!request.url().startsWith(`${APP_ORIGIN}/`)) foreignRequests.push(request.url())
    })
    await context.route('**/*', async route => {
      const url = new URL(route.request().url())
      if (url.origin !== APP_ORIGIN) return route.abort('blockedbyclient')
      const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
      const file = path.resolve(RENDERER_DIR, relative)
      if (!file.startsWith(RENDERER_DIR + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404 })
      return route.fulfill({
        status: 200,
        body: fs.readFileSync(file),
        headers: { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }
      })
    })

    // The window's calls run as the Electron shell runs them (createRendererCalls): output paths only from the save dialog.
    const rendererCalls = createRendererCalls(() => state.session, host)
    await page.exposeBinding('__safeguardInvoke', async (_source, name: unknown, input: unknown, callId: unknown) => {
      const envelope = await rendererCalls.call(name, input, String(callId), (id: string, update: ProgressUpdate) => {
        void page
          .evaluate(
            ([cid, u]) => {
              const w = window as unknown as { __safeguardProgressListeners?: Set<(c: string, u: unknown) => void> }
              w.__safeguardProgressListeners?.forEach(listener => listener(cid as string, u))
            },
            [id, update] as const
          )
          .catch(() => undefined)
      })
      // Round-trip through JSON as IPC's structured clone would: results must be plain data.
      return JSON.parse(JSON.stringify(envelope))
    })
    await page.exposeBinding('__safeguardCancel', async (_source, callId: unknown) => rendererCalls.cancel(String(callId)))
    await page.addInitScript({ content: bridgeInitScript() })
    await page.goto(`${APP_ORIGIN}/index.html`)

    const harness: AppHarness = {
      page,
      dataDir,
      keyProvider,
      host,
      foreignRequests,
      pageErrors,
      async restart(options = {}) {
        state.session.close()
        options.beforeReload?.()
        state.session = newSession()
        await page.reload()
      },
      async axeViolations() {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
        return results.violations.map(violation => ({
          id: violation.id,
          help: violation.help,
          targets: violation.nodes.map(node => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`)
        }))
      },
      async dropFile(selector, file) {
        const name = path.basename(file)
        await page.evaluate(
          ([target, fileName, filePath]) => {
            const w = window as unknown as { __safeguardDropPaths?: Record<string, string> }
            w.__safeguardDropPaths = { ...w.__safeguardDropPaths, [fileName]: filePath }
            const transfer = new DataTransfer()
            transfer.items.add(new File(['(contents read from disk by the app)'], fileName))
            const element = document.querySelector(target)
            if (!element) throw new Error(`Nothing matches ${target}`)
            element.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }))
            element.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
          },
          [selector, name, file] as const
        )
      },
      async screenshot(name) {
        const file = testInfo.outputPath(`${name}.png`)
        await page.screenshot({ path: file, fullPage: true })
        return file
      }
    }
    await use(harness)
    state.session.close()
    await context.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

export { expect }
