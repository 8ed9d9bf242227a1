/**
 * What the surrounding program offers the handlers: file dialogs and desktop
 * notifications. Electron implements it with real dialogs; the CLI and the
 * tests give stand-ins. Handlers never reach for Electron themselves.
 */
export interface FileFilter {
  name: string
  extensions: string[]
}

export interface Host {
  /** Ask the user for an existing file. Resolves null when they cancel. */
  pickOpenPath(options: { title: string; filters?: FileFilter[]; multiple?: false }): Promise<string | null>
  /** Ask the user for several existing files. Resolves [] when they cancel. */
  pickOpenPaths(options: { title: string; filters?: FileFilter[] }): Promise<string[]>
  /** Ask the user where to write a new file. Resolves null when they cancel. */
  pickSavePath(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | null>
  /** Ask the user for a folder. Resolves null when they cancel. */
  pickDirectory(options: { title: string }): Promise<string | null>
  /** Show a desktop notification (no-op where there is no desktop). */
  notify(title: string, body: string): void
  /** Open a file or folder the app wrote in the program the system chooses; rejects with the system's reason when it cannot. */
  openPath(file: string): Promise<void>
  /** Show a file the app wrote in the system's file manager, selected (no-op where there is no desktop). */
  showItemInFolder(file: string): void
  /** Put plain text on the system clipboard (no-op where there is none). The window's own clipboard API needs a permission the app refuses. */
  copyText(text: string): void
}

/** A host with no user to ask: every dialog is cancelled, notifications are dropped. */
export const headlessHost: Host = {
  pickOpenPath: async () => null,
  pickOpenPaths: async () => [],
  pickSavePath: async () => null,
  pickDirectory: async () => null,
  notify: () => undefined,
  openPath: async () => undefined,
  showItemInFolder: () => undefined,
  copyText: () => undefined
}
