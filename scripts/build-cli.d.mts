// Types for scripts/build-cli.mjs (plain JavaScript so that `npm install` and bin/safeguard.js run it with Node alone).

/** out/cli/ in the project. */
export const CLI_OUT_DIR: string
/** The command's file name in the output folder. */
export const CLI_BUNDLE: string
/** The worker threads the command starts, by bundle name: their entry files. */
export const CLI_WORKERS: Record<string, string>
/** The file listing what the bundle was built from. */
export const CLI_MANIFEST: string

/** Builds the command and its worker threads into `outDir` (default out/cli/); resolves to the command's path. */
export function buildCli(outDir?: string): Promise<string>
