import Database from 'better-sqlite3-multiple-ciphers'

export type Db = Database.Database

/**
 * Where the compiled SQLite binding lives. Plain Node (tests, CLI) uses the
 * build in node_modules; the Electron shell points this at a copy rebuilt
 * for Electron's ABI so the Node build used by `npm test` is never touched.
 */
let nativeBinding: string | undefined

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path
}

export function connect(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {})
  })
}
