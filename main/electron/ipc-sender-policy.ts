import { APP_ORIGIN } from './app-protocol'

/** The facts about an IPC sender that decide whether to answer it. */
export interface SenderFacts {
  frameUrl: string | undefined
  isMainFrame: boolean
}

/** Only the app's own top-level page may call the API; subframes and other origins are refused. */
export function isTrustedSender(sender: SenderFacts): boolean {
  if (!sender.isMainFrame || !sender.frameUrl) return false
  try {
    const url = new URL(sender.frameUrl)
    return `${url.protocol}//${url.host}` === APP_ORIGIN
  } catch {
    return false
  }
}
